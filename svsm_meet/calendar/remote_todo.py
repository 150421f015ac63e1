"""A task as a calendar holds it, read and checked before a sync takes anything from it: its
status, summary, due date (within the years every part can carry) and when it was changed."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


class Unreadable(Exception):
    """A calendar object that is not a task we can read.  Its message is ours alone: never the
    object's content, which may be anything (a symlink's target, another program's file)."""


@dataclass
class RemoteTodo:
    """What a sync takes from a calendar's task, read and checked before anything is written."""

    status: str
    summary: str
    due: object  # a Due, or None where the task has no DUE
    modified: dt.datetime | None  # naive UTC


def read_todo(body: bytes) -> RemoteTodo | None:
    """The task in BODY (None if it holds no VTODO), or Unreadable saying why in words of ours."""
    from icalendar import Calendar

    try:
        todo = next(iter(Calendar.from_ical(body).walk("VTODO")), None)
    except Exception:  # noqa: BLE001 - anything at all may be in a calendar's file
        raise Unreadable("not an iCalendar object") from None
    if todo is None:
        return None
    try:
        status = {"COMPLETED": "done", "CANCELLED": "dropped"}.get(str(todo.get("status", "")).upper(), "open")
        return RemoteTodo(status, str(todo.get("summary", "")).strip(), _due(todo), _modified(todo))
    except Unreadable:
        raise
    except Exception:  # noqa: BLE001 - icalendar's messages quote the value
        raise Unreadable("a date in it (DUE, LAST-MODIFIED or DTSTAMP) is not a date") from None


def _due(todo):
    from ..dates import FIRST_YEAR, LAST_YEAR, in_range
    from ..model import Due

    if todo.get("due") is None:
        return None
    due = todo.decoded("due")
    if not isinstance(due, dt.date) or not in_range(due):
        raise Unreadable(f"its DUE is not a date of the years {FIRST_YEAR}–{LAST_YEAR}")
    if isinstance(due, dt.datetime):
        # Floating, as some phones write: taken as UTC.
        return Due(at=due if due.tzinfo is not None else due.replace(tzinfo=dt.timezone.utc))
    return Due(date=due)


def _modified(todo) -> dt.datetime | None:
    for prop in ("last-modified", "dtstamp"):
        if todo.get(prop) is not None:
            value = todo.decoded(prop)
            return value.astimezone(dt.timezone.utc).replace(tzinfo=None)
    return None
