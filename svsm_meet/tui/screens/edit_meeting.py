"""Retitle, re-date or move a meeting to another series: a small form over the meetings list.
SAVE (the service's edit_meeting) is called with what changed; its refusal shows in the form."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, Vertical
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Button, Input, Label, Static

from ...errors import in_words
from ...store.summary import MeetingSummary
from ..plain import plain, shown


class EditMeetingScreen(ModalScreen[bool]):
    """True once saved, False where cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="edit_meeting.cancel")]

    def __init__(self, meeting: MeetingSummary, series: list[str], save) -> None:
        super().__init__()
        self.meeting = meeting
        self.series = series
        self.save = save
        self.offered = {"title": shown(meeting.title or "", lines=False), "date": str(meeting.date),
                        "series": shown(meeting.series, lines=False)}

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static("Meeting", classes="dialog-title")
            with Grid(id="form"):
                yield Label("Title")
                yield Input(self.offered["title"], id="title")
                yield Label("Date")
                yield Input(self.offered["date"], id="date", placeholder="2024-05-22, +1w")
                yield Label("Series")
                yield Input(self.offered["series"], id="series", suggester=SuggestFromList(
                    [shown(s, lines=False) for s in self.series], case_sensitive=False))
            yield Static("", id="error")
            with Horizontal(classes="buttons"):
                yield Button("Save", variant="primary", id="save")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#title", Input).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def _save(self) -> None:
        changed = {key: self.query_one(f"#{key}", Input).value for key in self.offered}
        changed = {k: v for k, v in changed.items() if v != self.offered[k]}
        if not changed:
            self.dismiss(False)
            return
        try:
            self.save(**changed)
        except Exception as e:  # noqa: BLE001 - shown in the form, which stays
            said = in_words(e)
            self.query_one("#error", Static).update(plain(said))
            return
        self.dismiss(True)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(False)
