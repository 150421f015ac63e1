"""The meetings screen: every meeting by series and date, most recent first."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input

from ...store.summary import MeetingSummary
from ..plain import row


class MeetingsScreen(Screen):
    BINDINGS = [
        Binding("n", "new_meeting", "New meeting", id="meetings.new"),
        Binding("enter", "open_meeting", "Open", id="meetings.open", show=True),
        Binding("f", "filter", "Filter", id="meetings.filter"),
        Binding("slash", "app.search", "Search", id="meetings.search"),
        Binding("d", "app.decisions", "Decisions", id="meetings.decisions"),
        Binding("p", "app.people", "People", id="meetings.people"),
        Binding("t", "app.attendance", "Attendance", id="meetings.attendance"),
        Binding("escape", "clear_filter", "Clear filter", id="meetings.clear_filter", show=False),
    ]

    def __init__(self, meetings: list[MeetingSummary]) -> None:
        super().__init__()
        self.meetings = meetings

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="Filter by series, date or title (f)", id="filter")
        yield DataTable(id="meetings", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_column("Date", key="date")
        table.add_column("Series", key="series")
        table.add_column("Title", key="title")
        table.add_column("Open follow-ups", key="open")
        self.fill(self.meetings)
        table.focus()

    def fill(self, meetings: list[MeetingSummary]) -> None:
        table = self.query_one(DataTable)
        table.clear()
        for m in meetings:
            table.add_row(*row(m.date, m.series, m.title, m.open_followups or ""), key=str(m.id))
        self.sub_title = f"{len(meetings)} of {len(self.meetings)} meetings"

    def reload(self, meetings: list[MeetingSummary]) -> None:
        self.meetings = meetings
        self.apply_filter(self.query_one("#filter", Input).value)

    def apply_filter(self, text: str) -> None:
        words = text.casefold().split()
        self.fill([m for m in self.meetings
                   if all(w in f"{m.date} {m.series} {m.title or ''}".casefold() for w in words)])

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.apply_filter(event.value)

    @on(Input.Submitted, "#filter")
    def _filter_done(self) -> None:
        self.query_one(DataTable).focus()

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        self.app.open_meeting(int(event.row_key.value))

    def action_open_meeting(self) -> None:
        table = self.query_one(DataTable)
        if table.row_count:
            key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
            self.app.open_meeting(int(key.value))

    def action_new_meeting(self) -> None:
        self.app.action_new_meeting()

    def action_filter(self) -> None:
        self.query_one("#filter", Input).focus()

    def action_clear_filter(self) -> None:
        self.query_one("#filter", Input).value = ""
        self.query_one(DataTable).focus()
