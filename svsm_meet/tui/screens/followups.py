"""The follow-ups: overdue first, by due date or by owner; accept or reject suggestions, tick
them off, and sync them to the calendar (in a worker, with a progress bar)."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, ProgressBar, Static

from ...errors import BadInput
from ..plain import plain, row


class FollowupsScreen(Screen):
    BINDINGS = [
        Binding("a", "set_status('open')", "Accept", id="followups.accept"),
        Binding("r", "set_status('dropped')", "Reject", id="followups.reject"),
        Binding("x", "set_status('done')", "Done", id="followups.done"),
        Binding("o", "by_owner", "By owner / by date", id="followups.order"),
        Binding("c", "closed", "Show closed", id="followups.closed"),
        Binding("s", "sync", "Sync calendar", id="followups.sync"),
        Binding("escape", "app.pop_screen", "Back", id="followups.back"),
    ]

    def __init__(self, service) -> None:
        super().__init__()
        self.service = service
        self.owner_order = False
        self.show_closed = False

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="followups-summary")
        yield DataTable(id="followups", cursor_type="row", zebra_stripes=True)
        yield ProgressBar(id="sync-progress", show_eta=False)
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Follow-ups"
        table = self.query_one(DataTable)
        for label, key in (("Due", "due"), ("Owner", "owner"), ("Status", "status"),
                           ("From", "meeting"), ("Follow-up", "text")):
            table.add_column(label, key=key)
        self.query_one(ProgressBar).display = False
        self.fill()

    def fill(self) -> None:
        table = self.query_one(DataTable)
        keep = table.cursor_row
        table.clear()
        found = self.service.followups(include_closed=self.show_closed)
        if self.owner_order:
            found.sort(key=lambda f: ((f["owner"] or "~").casefold(),))
        today = self.service.today().isoformat()
        overdue = 0
        self.meeting_of = {f["id"]: f["meeting"] for f in found}
        for f in found:
            due = f["due"] or ("? " + (f["recheck"] or "") if f["due_unknown"] else "")
            late = bool(f["due"]) and f["due"][:10] < today and f["status"] == "open"
            overdue += late
            table.add_row(
                *row(("⚠ " if late else "") + due[:16], f["owner"] or "—", f["status"],
                     f["meeting_date"], f["text"]),
                key=str(f["id"]),
            )
        if found:
            table.move_cursor(row=min(keep, len(found) - 1))
        suggested = sum(f["status"] == "suggested" for f in found)
        self.query_one("#followups-summary", Static).update(plain(
            f"{len(found)} follow-ups · {overdue} overdue · {suggested} suggested (a accepts, r rejects)"
            + ("  · by owner" if self.owner_order else "  · by due date")
        ))

    def selected(self) -> int | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        return int(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    def action_set_status(self, status: str) -> None:
        fid = self.selected()
        if fid is None:
            return
        try:
            self.service.set_followup_status(fid, status)
        except Exception as e:  # noqa: BLE001 - shown, never a traceback
            self.notify(str(e) if isinstance(e, BadInput) else f"that failed: {e}", severity="error")
            return
        self.fill()

    def action_by_owner(self) -> None:
        self.owner_order = not self.owner_order
        self.fill()

    def action_closed(self) -> None:
        self.show_closed = not self.show_closed
        self.fill()

    def action_sync(self) -> None:
        bar = self.query_one(ProgressBar)
        bar.update(total=None, progress=0)
        bar.display = True
        self.run_sync()

    @work(thread=True, exclusive=True, exit_on_error=False)
    def run_sync(self) -> None:
        def progress(done: int, total: int) -> None:
            self.app.call_from_thread(self.query_one(ProgressBar).update, total=total, progress=done)

        try:
            report = self.service.sync_calendar(progress)
        except Exception as e:  # noqa: BLE001
            self.app.call_from_thread(self.sync_failed, e)
            return
        self.app.call_from_thread(self.sync_done, report)

    def sync_done(self, report) -> None:
        self.query_one(ProgressBar).display = False
        details = "\n".join(report.conflicts[:3] + report.notes[:3] + report.skipped[:3])
        self.notify(report.summary() + ("\n" + details if details else ""), title="Calendar synced",
                    timeout=8)
        self.fill()

    def sync_failed(self, error: Exception) -> None:
        self.query_one(ProgressBar).display = False
        self.notify(str(error), title="Calendar sync failed", severity="error", timeout=10)

    @on(DataTable.RowSelected)
    def _open_meeting(self, event: DataTable.RowSelected) -> None:
        """Enter: the minutes the follow-up came from."""
        meeting = self.meeting_of.get(int(event.row_key.value))
        if meeting is not None:
            self.app.open_meeting(meeting)
