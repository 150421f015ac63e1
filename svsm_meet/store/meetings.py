"""A meeting's basic facts, and whether there are meetings at all."""

from __future__ import annotations

from sqlalchemy import select

from . import schema as t


def meeting_basics(conn, meeting_id: int):
    """A meeting's series_id, date and timezone (a row), or None if there is no such meeting."""
    m = t.meeting.c
    return conn.execute(select(m.series_id, m.date, m.timezone).where(m.id == meeting_id)).first()


def meeting_key(conn, meeting_id: int) -> str | None:
    """A name for the meeting that no other meeting ever has, even in a database made anew at the
    same path (where ids start again at 1): its id and the moment it was made."""
    made = conn.execute(select(t.meeting.c.created_at).where(t.meeting.c.id == meeting_id)).scalar()
    return f"{meeting_id}-{made:%Y%m%dT%H%M%S%f}" if made else None


def has_meetings(conn) -> bool:
    return conn.execute(select(t.meeting.c.id).limit(1)).first() is not None
