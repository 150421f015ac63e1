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

from ..store.due import due_columns
from ..store.sync_state import forget_sync_state, save_sync_state, sync_states, synced_uids
from . import ics
from .items import followups, series_events


class Remote(Protocol):
    """A calendar collection holding one object per UID, named '<uid>.ics'."""

    target: str  # names it in sync_state: "caldav <url>" or "vdir <path>"

    def list(self) -> dict[str, tuple[str, str]]: ...  # uid -> (href, etag)
    def get(self, href: str) -> bytes: ...
    def create(self, uid: str, body: bytes) -> tuple[str, str]: ...  # (href, etag); If-None-Match
    def update(self, href: str, body: bytes, etag: str) -> str: ...  # new etag; If-Match
    def delete(self, href: str, etag: str) -> None: ...


class Changed(Exception):
    """The remote object changed between listing and writing (a 412): the next sync sorts it."""


@dataclass
class Local:
    uid: str
    body: bytes
    hash: str
    followup_id: int | None  # None: a series event, which only goes one way
    updated_at: dt.datetime | None
    text: str


@dataclass
class Report:
    created: int = 0
    updated: int = 0
    pulled: int = 0
    deleted: int = 0
    unchanged: int = 0
    conflicts: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def summary(self) -> str:
        parts = [f"{self.created} created", f"{self.updated} updated", f"{self.pulled} taken from the calendar",
                 f"{self.deleted} deleted", f"{self.unchanged} unchanged"]
        return ", ".join(parts)


def _render(todo=None, event=None, stamp=None) -> bytes:
    stamp = stamp or dt.datetime.now(dt.timezone.utc)
    component = ics.todo_component(todo, stamp) if todo else ics.event_component(event, stamp)
    return ics.calendar([component])


def local_objects(conn, target: str, series: str | None = None) -> list[Local]:
    """Open follow-ups, those closed since they were synced here, and the series' meetings."""
    synced = synced_uids(conn, target)
    todos = [f for f in followups(conn, series, statuses=("open", "done", "dropped"))
             if f.status == "open" or f.uid in synced]
    out = []
    for todo in todos:
        body = _render(todo=todo)
        out.append(Local(todo.uid, body, ics.content_hash(body), todo.id, todo.updated_at, todo.text))
    for event in series_events(conn, series):
        body = _render(event=event)
        out.append(Local(event.uid, body, ics.content_hash(body), None, None, event.series))
    return out


def _remote_todo(body: bytes):
    from icalendar import Calendar

    for component in Calendar.from_ical(body).walk("VTODO"):
        return component
    return None


def _remote_modified(todo) -> dt.datetime | None:
    for prop in ("last-modified", "dtstamp"):
        if todo.get(prop) is not None:
            value = todo.decoded(prop)
            return value.astimezone(dt.timezone.utc).replace(tzinfo=None)
    return None


def pull(conn, followup_id: int, todo) -> str | None:
    """Take what the calendar changed of a follow-up: status, due date, text.  Returns what."""
    from ..model import Due
    from ..store.followups import followup_row, update_followup

    row = followup_row(conn, followup_id)
    values = {}
    status = {"COMPLETED": "done", "CANCELLED": "dropped"}.get(str(todo.get("status", "")).upper(), "open")
    if status != row["status"] and not (row["status"] == "suggested" and status == "open"):
        values["status"] = status
    summary = str(todo.get("summary", "")).strip()
    if summary and summary != row["text"]:
        values["text"] = summary
    if todo.get("due") is not None:
        due = todo.decoded("due")
        new = Due(at=due) if isinstance(due, dt.datetime) else Due(date=due)
        if isinstance(due, dt.datetime) and due.tzinfo is None:
            new = Due(at=due.replace(tzinfo=dt.timezone.utc))  # floating, as some phones write
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
         progress: Callable[[int, int], None] | None = None) -> Report:
    """One sync.  The network is never waited on inside a write transaction; what each object's
    settling writes here is committed at once, so that a sync cut short (the server gone
    mid-way) keeps what it did and the next one picks up from there."""
    from ..store.engine import transaction

    report = Report()
    with transaction(engine, write=False) as conn:
        locals_ = local_objects(conn, remote.target, series)
        state = sync_states(conn, remote.target)
        ours = _series_uids(conn, series) if series else None
    remote_objects = remote.list()
    kept = {o.uid for o in locals_}
    # Gone here: deleted in the calendar too.  A sync of one series leaves the others alone.
    gone = [uid for uid in state if uid not in kept and (ours is None or uid in ours)]
    total = len(locals_) + len(gone)
    for done, obj in enumerate(locals_, 1):
        _settle(engine, remote, obj, state.get(obj.uid), remote_objects.get(obj.uid), report)
        if progress:
            progress(done, total)
    for done, uid in enumerate(gone, len(locals_) + 1):
        if uid in remote_objects:
            href, etag = remote_objects[uid]
            try:
                remote.delete(href, etag)
                report.deleted += 1
            except Changed:
                report.conflicts.append(f"{uid}: changed in the calendar and deleted here; deleted")
        with transaction(engine) as conn:
            forget_sync_state(conn, remote.target, uid)
        if progress:
            progress(done, total)
    return report


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
                    report.notes.append(f"deleted in the calendar, dropped here: {obj.text}")
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
    body = remote.get(href)
    if obj.followup_id is None:  # a series event: ours alone, so ours is written back
        _put(engine, remote, obj, href, etag, report)
        return
    todo = _remote_todo(body)
    if st is None and todo is not None and ics.content_hash(body) == obj.hash:
        _remember(engine, target, obj.uid, href, etag, obj.hash)  # the same already: remember it
        report.unchanged += 1
        return
    remote_time = _remote_modified(todo) if todo is not None else None
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
