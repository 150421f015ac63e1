"""The meetings screen: every meeting by series and date, most recent first."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Header, Input

from ...store.summary import MeetingSummary
from ..plain import plain, row
from ..widgets.fitting_footer import FittingFooter


# Rows added before the first paint (more than any terminal shows), then per refresh after it.
FIRST_PAGE = 120
PAGE = 500

# The publication column's marker for a state of store/publications.py (never published: none).
MARKERS = {"published": ("published", "green"), "changed since": ("changed", "yellow")}


def marker(state: str | None):
    text, style = MARKERS.get(state, ("", ""))
    return plain(text, style)


class MeetingsScreen(Screen):
    BINDINGS = [
        Binding("n", "new_meeting", "New meeting", id="meetings.new"),
        Binding("enter", "open_meeting", "Open", id="meetings.open", show=True),
        # Out of the footer, so that what is left fits 80 columns (F1 and the palette list them):
        # the filter box names its key, Ctrl+F is Search in the footer, d, p and t open lists.
        Binding("f", "filter", "Filter", id="meetings.filter", show=False),
        Binding("slash", "app.search", "Search", id="meetings.search", show=False),
        Binding("d", "app.decisions", "Decisions", id="meetings.decisions", show=False),
        Binding("p", "app.people", "People", id="meetings.people", show=False),
        Binding("t", "app.attendance", "Attendance", id="meetings.attendance", show=False),
        Binding("e", "edit_meeting", "Edit", id="meetings.edit"),
        Binding("delete", "delete_meeting", "Delete", id="meetings.delete"),
        Binding("D", "app.open_demo", "Demo", id="meetings.demo"),
        Binding("escape", "clear_filter", "Clear filter", id="meetings.clear_filter", show=False),
    ]

    def __init__(self, meetings: list[MeetingSummary]) -> None:
        super().__init__()
        self.meetings = meetings
        self._filling = 0  # which fill of the table the pages being added belong to
        self._states: dict[int, str] = {}  # meeting id -> publication state, once worked out

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="Filter by series, date or title (f)", id="filter")
        yield DataTable(id="meetings", cursor_type="row", zebra_stripes=True)
        yield FittingFooter()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_column("Date", key="date")
        # Beside the date, so that it stays in sight where long titles overflow; of fixed width,
        # so that nothing moves when the worker fills it in.
        table.add_column("Published", key="published", width=len("published"))
        table.add_column("Series", key="series")
        table.add_column("Title", key="title")
        table.add_column("Open", key="open")  # open follow-ups (a short header: the table fits 110 columns)
        self.fill(self.meetings)
        table.focus()
        self.call_after_refresh(self.load_states)

    @work(thread=True, exclusive=True, group="publication", exit_on_error=False)
    def load_states(self) -> None:
        """Which meetings are published, or changed since, worked out after the first paint (it
        renders each published meeting's export); the column fills in when it is done."""
        states = self.app.service.publication_states()
        self.app.call_from_thread(self._show_states, states)

    def _show_states(self, states: dict[int, str]) -> None:
        old, self._states = self._states, states
        table = self.query_one(DataTable)
        for meeting_id in old.keys() | states.keys():
            if old.get(meeting_id) != states.get(meeting_id) and str(meeting_id) in table.rows:
                table.update_cell(str(meeting_id), "published", marker(states.get(meeting_id)))

    def fill(self, meetings: list[MeetingSummary]) -> None:
        """The first screenful at once, the rest a page at a time after each refresh: the first
        screen costs the same with ten meetings or ten thousand."""
        table = self.query_one(DataTable)
        table.clear()
        self._filling += 1
        self._add_rows(meetings, 0, self._filling)
        self.sub_title = f"{len(meetings)} of {len(self.meetings)} meetings"

    def _add_rows(self, meetings: list[MeetingSummary], start: int, filling: int) -> None:
        if filling != self._filling:
            return  # a newer fill (the filter changed) took over
        table = self.query_one(DataTable)
        end = start + (FIRST_PAGE if start == 0 else PAGE)
        for m in meetings[start:end]:
            table.add_row(plain(m.date), marker(self._states.get(m.id)),
                          *row(m.series, m.title, m.open_followups or ""), key=str(m.id))
        if end < len(meetings):
            self.call_after_refresh(self._add_rows, meetings, end, filling)

    def reload(self, meetings: list[MeetingSummary]) -> None:
        self.meetings = meetings
        self.apply_filter(self.query_one("#filter", Input).value)
        self.load_states()

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

    def selected(self) -> MeetingSummary | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        key = int(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)
        return next((m for m in self.meetings if m.id == key), None)

    def action_open_meeting(self) -> None:
        meeting = self.selected()
        if meeting is not None:
            self.app.open_meeting(meeting.id)

    def action_delete_meeting(self) -> None:
        """Del: the meeting, its minutes and its follow-ups, once the user has read which."""
        from .ask import ConfirmScreen

        meeting = self.selected()
        if meeting is None:
            return
        service = self.app.service
        made = service.followups_made(meeting.id)
        question = (f"Delete the {meeting.series} meeting of {meeting.date}"
                    + (f", “{meeting.title}”" if meeting.title else "") + "?\n"
                    + ("Its minutes go, and " + (f"the {made} follow-ups it made." if made > 1 else
                                                 "the follow-up it made." if made else
                                                 "it made no follow-ups.")))

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            try:
                service.delete_meeting(meeting.id)
            except Exception as e:  # noqa: BLE001
                self.app.fail(e)
                return
            self.notify(f"deleted the {meeting.series} meeting of {meeting.date}", timeout=4)
            self.app.action_meetings()

        self.app.push_screen(ConfirmScreen(question), answered)

    def action_edit_meeting(self) -> None:
        """e: retitle, re-date or move the meeting to another series."""
        from .edit_meeting import EditMeetingScreen

        meeting = self.selected()
        if meeting is None:
            return
        service = self.app.service

        def save(**changed) -> None:
            service.edit_meeting(meeting.id, **changed)

        def saved(done: bool | None) -> None:
            if done:
                self.app.action_meetings()

        self.app.push_screen(EditMeetingScreen(meeting, service.series_names(), save), saved)

    def action_new_meeting(self) -> None:
        self.app.action_new_meeting()

    def action_filter(self) -> None:
        self.query_one("#filter", Input).focus()

    def action_clear_filter(self) -> None:
        self.query_one("#filter", Input).value = ""
        self.query_one(DataTable).focus()
