"""Finding meetings: the list, and MEETING selectors (an id, a date, or 'latest')."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import and_, select

from ..errors import BadInput
from . import schema as t
from .summary import MeetingSummary


def _summaries():
    m, s, sec = t.meeting, t.series, t.section
    return (
        select(m.c.id, m.c.date, s.c.name, sec.c.text)
        .join(s, s.c.id == m.c.series_id)
        .outerjoin(sec, and_(sec.c.meeting_id == m.c.id, sec.c.kind == "title"))
    )


def find_meeting(conn, selector: str, series: str | None = None) -> MeetingSummary:
    """The one meeting SELECTOR names, or BadInput saying why there is none."""
    query = _summaries()
    if series:
        from .series import series_id_for

        query = query.where(t.meeting.c.series_id == series_id_for(conn, series))
    selector = selector.strip()
    if selector.isdigit():
        query = query.where(t.meeting.c.id == int(selector))
    elif selector == "latest":
        query = query.order_by(t.meeting.c.date.desc(), t.meeting.c.id.desc()).limit(1)
    else:
        try:
            date = dt.date.fromisoformat(selector)
        except ValueError:
            raise BadInput(
                f"'{selector}' is not a meeting: give an id, a date YYYY-MM-DD or 'latest'"
            ) from None
        query = query.where(t.meeting.c.date == date)
    rows = conn.execute(query).all()
    where = f" in series '{series}'" if series else ""
    if not rows:
        raise BadInput(f"no meeting matches '{selector}'{where}")
    if len(rows) > 1:
        names = ", ".join(sorted(row[2] for row in rows))
        raise BadInput(f"'{selector}' matches meetings of several series ({names}); add --series")
    return MeetingSummary(*rows[0])


def meeting_basics(conn, meeting_id: int):
    """A meeting's series_id, date and timezone (a row), or None if there is no such meeting."""
    m = t.meeting.c
    return conn.execute(select(m.series_id, m.date, m.timezone).where(m.id == meeting_id)).first()


def has_meetings(conn) -> bool:
    return conn.execute(select(t.meeting.c.id).limit(1)).first() is not None
