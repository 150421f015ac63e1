"""A meeting's basic facts, and whether there are meetings at all."""

from __future__ import annotations

from sqlalchemy import select

from . import schema as t


def meeting_basics(conn, meeting_id: int):
    """A meeting's series_id, date and timezone (a row), or None if there is no such meeting."""
    m = t.meeting.c
    return conn.execute(select(m.series_id, m.date, m.timezone).where(m.id == meeting_id)).first()


def has_meetings(conn) -> bool:
    return conn.execute(select(t.meeting.c.id).limit(1)).first() is not None
