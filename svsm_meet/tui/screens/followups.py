"""The follow-ups: overdue first, by due date or by owner; accept or reject suggestions, tick
them off, and sync them to the calendar (in a worker, with a progress bar)."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, ProgressBar, Static

from ..plain import plain, row
from ...words import plural


class FollowupsScreen(Screen):
    BINDINGS = [
        Binding("a", "set_status('open')", "Accept", id="followups.accept"),
        Binding("r", "set_status('dropped')", "Reject", id="followups.reject"),
        Binding("x", "set_status('done')", "Done", id="followups.done"),
        Binding("w", "edit('owner')", "Owner", id="followups.owner"),
        Binding("d", "edit('due')", "Due", id="followups.due"),
        Binding("e", "edit('text')", "Text", id="followups.text"),
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
        self.found = {f["id"]: f for f in found}
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
            f"{plural(len(found), 'follow-up')} · {overdue} overdue · {suggested} suggested (a accepts, r rejects)"
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
            self.app.fail(e)
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
        """Enter: the minutes the follow-up came from, at its bullet (as a search hit opens)."""
        fid = int(event.row_key.value)
        meeting = self.meeting_of.get(fid)
        if meeting is not None:
            self.app.open_meeting(meeting, focus=self.service.hit_target(f"followup:{fid}"))

    # -- editing: owner, due date, text ----------------------------------------------------------

    def action_edit(self, field: str) -> None:
        """w, d, e: one line to type, with what the follow-up has now."""
        from textual.suggester import SuggestFromList

        from .ask import AskScreen

        fid = self.selected()
        if fid is None:
            return
        f = self.found[fid]
        asks = {
            "owner": ("Owner of", f["owner"] or "", "a name: full, first, alias or handle; empty: nobody",
                      SuggestFromList(self.service.people_names(), case_sensitive=False)),
            "due": ("Due date of", f["due"] or "", "2024-05-29, +1w, next wed, next meeting, "
                    "unknown: why; empty: none", None),
            "text": ("Text of", f["text"], "what is to be done", None),
        }
        title, value, hint, suggester = asks[field]

        def typed(answer: str | None) -> None:
            if answer is not None and answer != value:
                self.save(fid, field, answer)

        self.app.push_screen(AskScreen(f"{title} “{f['text']}”", value, hint=hint,
                                       suggester=suggester), typed)

    def save(self, fid: int, field: str, answer: str) -> None:
        from ...errors import Ambiguous

        try:
            done = self.service.edit_followup(fid, **{field: answer})
        except Ambiguous as e:  # "Stefano": which one?  The choice is saved.
            from .choose_person import ChoosePersonScreen

            self.notify(str(e), severity="warning")
            self.app.push_screen(ChoosePersonScreen(e.typed, e.candidates),
                                 lambda name: name and self.save(fid, field, name))
            return
        except Exception as e:  # noqa: BLE001 - shown, never a traceback
            self.app.fail(e)
            return
        if done.new_person:
            self.notify(f"new person: {done.new_person} (nobody of that name was known)",
                        severity="warning")
        self.fill()
