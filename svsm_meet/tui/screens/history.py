"""Looking back: the decisions log, people (and one person), attendance over time."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Sparkline, Static

from ..plain import plain, row, shown
from ...words import plural


class _TableScreen(Screen):
    BINDINGS = [Binding("escape", "app.pop_screen", "Back", id="history.back")]
    TITLE_TEXT = ""
    COLUMNS: tuple[str, ...] = ()

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", classes="history-summary")
        yield DataTable(cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.title = self.TITLE_TEXT
        table = self.query_one(DataTable)
        table.add_columns(*self.COLUMNS)
        try:
            self.fill(table)
        except Exception as e:  # noqa: BLE001 - a message, never a traceback
            self.app.fail(e)
        table.focus()

    def fill(self, table: DataTable) -> None:
        raise NotImplementedError


class DecisionsScreen(_TableScreen):
    TITLE_TEXT = "Decisions"
    COLUMNS = ("Date", "Series", "Topic", "Decision")

    def fill(self, table: DataTable) -> None:
        self.rows = self.app.service.decisions()
        for n, d in enumerate(self.rows):
            table.add_row(*row(d["date"], d["series"], d["topic"], d["text"]), key=str(n))
        self.query_one(".history-summary", Static).update(
            plural(len(self.rows), "decision") + ", newest first; Enter opens the meeting")

    @on(DataTable.RowSelected)
    def _open(self, event: DataTable.RowSelected) -> None:
        d = self.rows[int(event.row_key.value)]
        self.app.open_meeting(d["meeting"], focus=("item", d["id"]))


class PeopleScreen(_TableScreen):
    TITLE_TEXT = "People"
    COLUMNS = ("Name", "Affiliation", "Meetings", "Follow-ups owned", "Done")

    def fill(self, table: DataTable) -> None:
        self.rows = self.app.service.people()
        for d in self.rows:
            table.add_row(*row(d["name"], d["affiliation"], d["meetings"], d["followups"], d["done"]),
                          key=str(d["id"]))
        self.query_one(".history-summary", Static).update(
            plural(len(self.rows), "person") + ", the most regular first; Enter shows one")

    @on(DataTable.RowSelected)
    def _open(self, event: DataTable.RowSelected) -> None:
        self.app.push_screen(PersonScreen(int(event.row_key.value)))


class PersonScreen(_TableScreen):
    COLUMNS = ("Date", "Series", "What")

    def __init__(self, person_id: int) -> None:
        super().__init__()
        self.person_id = person_id

    def fill(self, table: DataTable) -> None:
        person = self.app.service.person(self.person_id)
        self.title = shown(person["name"], lines=False)
        done = sum(f["status"] == "done" for f in person["followups"])
        self.query_one(".history-summary", Static).update(plain(
            f"{plural(len(person['meetings']), 'meeting')} attended · "
            f"{plural(len(person['followups']), 'follow-up')} owned, {done} done"))
        self.meeting_of = {}
        for f in person["followups"]:
            key = f"f{f['id']}"
            self.meeting_of[key] = f["meeting"]
            table.add_row(*row(f["meeting_date"], f["series"], f"☐ {f['text']} [{f['status']}]"),
                          key=key)
        for mid, date, series in person["meetings"]:
            key = f"m{mid}"
            self.meeting_of[key] = mid
            table.add_row(*row(date, series, "attended"), key=key)

    @on(DataTable.RowSelected)
    def _open(self, event: DataTable.RowSelected) -> None:
        meeting = self.meeting_of.get(event.row_key.value)
        if meeting is not None:
            self.app.open_meeting(meeting)


class AttendanceScreen(Screen):
    BINDINGS = [Binding("escape", "app.pop_screen", "Back", id="attendance.back")]

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="attendance"):
            for series, points in self.app.service.attendance().items():
                counts = [n for _, n in points]
                first, last = points[0][0], points[-1][0]
                title = plain(series, style="bold")
                title.append(f"  {plural(len(points), 'meeting')}, {first} – {last} · attendees min "
                             f"{min(counts)}, average {sum(counts) / len(counts):.1f}, max {max(counts)}")
                yield Static(title, classes="attendance-title")
                yield Sparkline(counts, summary_function=max, classes="attendance-chart")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Attendance over time"
