"""Who is meant: a name that fits several people ('Stefano'), offered to choose from."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static

from ..plain import plain


class ChoosePersonScreen(ModalScreen[str | None]):
    """Returns the full name chosen, or None (Escape: the line stays as typed, to be fixed)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="choose.cancel")]

    def __init__(self, typed: str, candidates: list[str]) -> None:
        super().__init__()
        self.typed = typed
        self.candidates = candidates

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(plain(f"Who is “{self.typed}”?"), classes="dialog-title")
            yield OptionList(*(plain(name) for name in self.candidates), id="candidates")

    def on_mount(self) -> None:
        self.query_one(OptionList).highlighted = 0

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.candidates[event.option_index])

    def action_cancel(self) -> None:
        self.dismiss(None)
