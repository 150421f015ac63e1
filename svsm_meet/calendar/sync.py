"""Two-way sync of follow-ups (and one-way of series events) with a calendar: a vdir or CalDAV.

For each object the last sync left a row in sync_state: its href, the remote ETag and the hash of
our rendering.  A moved ETag is a change made over there (a phone ticked the task); a moved hash
is a change made here.  Only what changed is sent; where both changed, the newer change wins and
the other is reported.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Callable, Protocol

from ..errors import SvsmMeetError
from ..store.due import due_columns
from ..store.sync_state import forget_sync_state, save_sync_state, sync_states, synced_uids
from . import ics
from .checks import Skipped, rendered
from .items import followups, series_events
from .remote_todo import RemoteTodo, Unreadable, read_todo

# More follow-ups than this "deleted in the calendar" in one sync (or every one, where there are
# several) is far likelier an emptied or restored calendar than a person's deletions: refused
# without accept_deletions (--accept-deletions), as vdirsyncer refuses to sync an emptied side.
MASS_DROP = 5


class Remote(Protocol):
    """A calendar collection holding one object per UID, named '<uid>.ics'."""

    target: str  # names it in sync_state: "caldav <url>" or "vdir <path>"
    unreadable: dict[str, str]  # uid -> a line naming an object list() found but cannot read

    def list(self) -> dict[str, tuple[str, str]]: ...  # uid -> (href, etag)
    def get(self, href: str) -> bytes: ...
    def create(self, uid: str, body: bytes) -> tuple[str, str]: ...  # (href, etag); If-None-Match
    def update(self, href: str, body: bytes, etag: str) -> str: ...  # new etag; If-Match
    def delete(self, href: str, etag: str) -> None: ...


class Changed(Exception):
    """The remote object changed between listing and writing (a 412): the next sync sorts it."""


class MassDrop(SvsmMeetError):
    """A sync that would drop many follow-ups at once, refused before it changed anything."""


class Stopped(SvsmMeetError):
    """A sync cut short by a failure: its message says what was saved before."""


class Interrupted(KeyboardInterrupt):
    """Ctrl+C during a sync; `saved` says what it had saved (each object is committed at once)."""

    def __init__(self, saved: str):
        super().__init__(saved)
        self.saved = saved


@dataclass
class Local:
    uid: str
    body: bytes
    hash: str
    followup_id: int | None  # None: a series event, which only goes one way
    updated_at: dt.datetime | None
    text: str
    status: str | None = None  # the follow-up's


@dataclass
class Report:
    created: int = 0
    updated: int = 0
    pulled: int = 0
    deleted: int = 0
    unchanged: int = 0
    dropped: int = 0  # here, as deleted in the calendar (each also has a note)
    conflicts: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # records or objects left out, each named

    def summary(self) -> str:
        parts = [f"{self.created} created", f"{self.updated} updated", f"{self.pulled} taken from the calendar",
                 f"{self.deleted} deleted", f"{self.unchanged} unchanged"]
        if self.skipped:
            parts.append(f"{len(self.skipped)} skipped")
        return ", ".join(parts)

    def saved(self) -> str:
        """What a sync cut short had saved, in words."""
        if not (self.created or self.updated or self.pulled or self.deleted or self.dropped):
            return "nothing was changed"
        dropped = f", {self.dropped} dropped here" if self.dropped else ""
        return (f"saved before it stopped: {self.summary()}{dropped}; "
                "the next sync picks up from there")


def _render(todo=None, event=None, stamp=None) -> bytes:
    stamp = stamp or dt.datetime.now(dt.timezone.utc)
    component = ics.todo_component(todo, stamp) if todo else ics.event_component(event, stamp)
    return ics.calendar([component])


def local_objects(conn, target: str, series: str | None = None,
                  skipped: Skipped | None = None) -> list[Local]:
    """Open follow-ups, those closed since they were synced here, and the series' meetings.  A
    record no calendar can carry goes to SKIPPED instead."""
    skipped = Skipped() if skipped is None else skipped
    synced = synced_uids(conn, target)
    todos = [f for f in followups(conn, series, statuses=("open", "done", "dropped"), skipped=skipped)
             if f.status == "open" or f.uid in synced]
    out = []
    for todo, body in rendered(todos, lambda f: _render(todo=f), skipped):
        out.append(Local(todo.uid, body, ics.content_hash(body), todo.id, todo.updated_at, todo.text,
                         todo.status))
    for event, body in rendered(series_events(conn, series, skipped=skipped),
                                lambda e: _render(event=e), skipped):
        out.append(Local(event.uid, body, ics.content_hash(body), None, None, event.series))
    return out


def pull(conn, followup_id: int, todo: RemoteTodo) -> str | None:
    """Take what the calendar changed of a follow-up: status, due date, text.  Returns what."""
    from ..store.followups import followup_row, update_followup

    row = followup_row(conn, followup_id)
    values = {}
    if todo.status != row["status"] and not (row["status"] == "suggested" and todo.status == "open"):
        values["status"] = todo.status
    if todo.summary and todo.summary != row["text"]:
        values["text"] = todo.summary
    if todo.due is not None:
        new = todo.due
        if due_columns(new)["due_date"] != row["due_date"] or due_columns(new)["due_at"] != row["due_at"]:
            values["due"] = new
    if not values:
        return None
    update_followup(conn, followup_id, **values)
    return ", ".join(sorted(values))


def _series_uids(conn, series: str) -> set[str]:
    """Every UID of a series, whatever the follow-up's status: what a --series sync may delete."""
    from ..store.followups import followup_uids_of_series
    from ..store.series import series_id_for

    sid = series_id_for(conn, series)
    if sid is None:
        return set()
    return followup_uids_of_series(conn, sid) | {f"series-{sid}@svsm-meet"}


def sync(engine, remote: Remote, series: str | None = None,
         progress: Callable[[int, int], None] | None = None, accept_deletions: bool = False) -> Report:
    """One sync.  The network is never waited on inside a write transaction; what each object's
    settling writes here is committed at once, so that a sync cut short (the server gone
    mid-way) keeps what it did, says so, and the next one picks up from there."""
    from ..store.engine import transaction

    report = Report()
    skipped = Skipped()
    with transaction(engine, write=False) as conn:
        locals_ = local_objects(conn, remote.target, series, skipped)
        state = sync_states(conn, remote.target)
        ours = _series_uids(conn, series) if series else None
    report.skipped += skipped
    try:
        _sync(engine, remote, locals_, state, ours, skipped.uids, report, progress, accept_deletions)
    except KeyboardInterrupt:
        raise Interrupted(report.saved()) from None
    except MassDrop:
        raise
    except SvsmMeetError as e:
        stopped = Stopped(f"{e}; {report.saved()}")
        stopped.exit_code = e.exit_code
        raise stopped from None
    return report


def _mass_drop(locals_: list[Local], state, remote_objects, unreadable) -> int:
    """How many open follow-ups this sync would drop as deleted in the calendar, where that is
    more than a few (or every one synced there, several): else 0."""
    synced = [o for o in locals_ if o.followup_id is not None and o.status == "open" and o.uid in state]
    dropping = [o for o in synced if o.uid not in remote_objects and o.uid not in unreadable
                and state[o.uid].local_hash == o.hash]
    if len(dropping) > MASS_DROP or (len(dropping) > 1 and len(dropping) == len(synced)):
        return len(dropping)
    return 0


def _sync(engine, remote, locals_, state, ours, left_out, report, progress, accept_deletions) -> None:
    remote_objects = remote.list()
    unreadable = getattr(remote, "unreadable", {})
    dropping = _mass_drop(locals_, state, remote_objects, unreadable)
    if dropping and not accept_deletions:
        raise MassDrop(
            f"the calendar no longer has {dropping} open follow-ups the last sync put there (an "
            "emptied or restored calendar?); nothing was changed, here or there: if they were "
            "deleted on purpose, sync again with --accept-deletions to drop them here")
    kept = {o.uid for o in locals_} | left_out  # a record left out is not one deleted here
    # Gone here: deleted in the calendar too.  A sync of one series leaves the others alone.
    gone = [uid for uid in state if uid not in kept and (ours is None or uid in ours)]
    total = len(locals_) + len(gone)
    for done, obj in enumerate(locals_, 1):
        if obj.uid in unreadable:
            report.skipped.append(unreadable[obj.uid])
        else:
            _settle(engine, remote, obj, state.get(obj.uid), remote_objects.get(obj.uid), report)
        if progress:
            progress(done, total)
    for done, uid in enumerate(gone, len(locals_) + 1):
        if uid in unreadable:
            report.skipped.append(unreadable[uid])
        else:
            _delete(engine, remote, uid, remote_objects.get(uid), report)
        if progress:
            progress(done, total)


def _delete(engine, remote, uid: str, there, report: Report) -> None:
    """Deleted here: deleted in the calendar too."""
    from ..store.engine import transaction

    if there is not None:
        href, etag = there
        try:
            remote.delete(href, etag)
            report.deleted += 1
        except Changed:
            report.conflicts.append(f"{uid}: changed in the calendar and deleted here; deleted")
    with transaction(engine) as conn:
        forget_sync_state(conn, remote.target, uid)


def _remember(engine, target, uid, href, etag, local_hash) -> None:
    from ..store.engine import transaction

    with transaction(engine) as conn:
        save_sync_state(conn, target, uid, href, etag, local_hash)


def _settle(engine, remote: Remote, obj: Local, st, there, report: Report) -> None:
    from ..store.engine import transaction

    target = remote.target
    local_changed = st is None or st.local_hash != obj.hash
    if there is None:
        if st is not None and not local_changed and obj.followup_id is not None:
            # Deleted in the calendar: taken as dropped here.
            from ..store.followups import followup_status, update_followup

            with transaction(engine) as conn:
                status = followup_status(conn, obj.followup_id)
                if status == "open":
                    update_followup(conn, obj.followup_id, status="dropped")
                    report.dropped += 1
                    report.notes.append(f"deleted in the calendar, dropped here (follow-up "
                                        f"{obj.followup_id}; 'followups edit {obj.followup_id} "
                                        f"--status open' brings it back): {obj.text}")
                forget_sync_state(conn, target, obj.uid)
            return
        try:
            href, etag = remote.create(obj.uid, obj.body)
        except Changed:  # created meanwhile by another sync: settle it next time
            report.notes.append(f"already in the calendar, left for the next sync: {obj.text}")
            return
        _remember(engine, target, obj.uid, href, etag, obj.hash)
        report.created += 1
        return
    href, etag = there
    remote_changed = st is None or st.etag != etag
    if not local_changed and not remote_changed:
        report.unchanged += 1
        return
    if local_changed and not remote_changed:
        _put(engine, remote, obj, href, etag, report)
        return
    if obj.followup_id is None:  # a series event: ours alone, so ours is written back
        _put(engine, remote, obj, href, etag, report)
        return
    body = remote.get(href)
    try:
        todo = read_todo(body)
    except Unreadable as e:  # one bad object is left alone, named; the sync of the rest goes on
        report.skipped.append(f"skipped the calendar's {href} (follow-up {obj.followup_id}): {e}; "
                              "left as it is")
        return
    if st is None and todo is not None and ics.content_hash(body) == obj.hash:
        _remember(engine, target, obj.uid, href, etag, obj.hash)  # the same already: remember it
        report.unchanged += 1
        return
    remote_time = todo.modified if todo is not None else None
    theirs_newer = remote_time is not None and (obj.updated_at is None or remote_time > obj.updated_at)
    if local_changed and not theirs_newer:
        report.conflicts.append(f"changed both here and in the calendar; kept this one: {obj.text}")
        _put(engine, remote, obj, href, etag, report)
        return
    if local_changed:
        report.conflicts.append(f"changed both here and in the calendar; kept the calendar's: {obj.text}")
    with transaction(engine) as conn:
        what = pull(conn, obj.followup_id, todo) if todo is not None else None
        # Our rendering after taking their change is what the calendar is now in step with.
        (fresh,) = followups(conn, None, ("open", "done", "dropped", "suggested"), ids=[obj.followup_id])
        save_sync_state(conn, target, obj.uid, href, etag, ics.content_hash(_render(todo=fresh)))
    if what:
        report.pulled += 1
        report.notes.append(f"from the calendar ({what}): {obj.text}")
    else:
        report.unchanged += 1


def _put(engine, remote, obj, href, etag, report) -> None:
    try:
        new_etag = remote.update(href, obj.body, etag)
    except Changed:
        report.notes.append(f"changed in the calendar while syncing, left for the next sync: {obj.text}")
        return
    _remember(engine, remote.target, obj.uid, href, new_etag, obj.hash)
    report.updated += 1
