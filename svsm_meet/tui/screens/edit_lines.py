"""A bullet of several lines, edited whole in a text area: Ctrl+S saves, Escape cancels."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Static, TextArea

from ..plain import plain


def bullet_lines(text: str, raw: bool = False) -> str:
    """TEXT as a bullet keeps it: no blank line (one would end the bullet in the Markdown, and its
    rest would come back as another block), no trailing spaces.  A raw block (a table, code) is
    kept as typed, less blank lines at its ends."""
    if raw:
        return text.strip("\n")
    return "\n".join(line.rstrip() for line in text.split("\n") if line.strip())


class EditLinesScreen(ModalScreen[str | None]):
    """TEXT in a text area, Enter a new line; Ctrl+S gives back the lines, Escape None.  RAW: a
    block kept verbatim (a table, code), shown unwrapped."""

    BINDINGS = [
        # Not a priority binding: one runs before the keys typed ahead of it reach the text area,
        # and a fast typist's last words would be left out of what is saved.
        Binding("ctrl+s", "save", "Save", id="edit_lines.save"),
        Binding("escape", "cancel", "Cancel", id="edit_lines.cancel"),
    ]

    def __init__(self, title: str, text: str, raw: bool = False) -> None:
        super().__init__()
        self.heading = title
        self.text = text
        self.raw = raw

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(plain(self.heading), classes="dialog-title")
            # Drawn plain: a TextArea shows its text as text, never as markup.
            yield TextArea(self.text, soft_wrap=not self.raw, id="lines")
            yield Static(plain("Enter: a new line · Ctrl+S: save · Escape: cancel"), id="ask-hint")
        yield Footer()

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)  # where one goes on writing, as in the entry line

    def action_save(self) -> None:
        self.dismiss(bullet_lines(self.query_one(TextArea).text, self.raw))

    def action_cancel(self) -> None:
        self.dismiss(None)
