"""Who was at which meeting.  Only attendance rows with present true count as being there: a
"Regrets:" or "Missing:" line lists people who were not (formats/attendees.py).  One person may
have two rows in one meeting ("Host: Ann" and "Present: Ann"): each question counts them once."""

from __future__ import annotations

from sqlalchemy import func, select

from . import schema as t
from .meetings import meeting_basics
from .series import series_meetings


def meetings_attended(conn) -> dict[int, int]:
    """How many meetings each person was at, by person id."""
    a = t.attendance.c
    return dict(conn.execute(select(a.person_id, func.count(func.distinct(a.meeting_id)))
                             .where(a.present.is_(True)).group_by(a.person_id)).all())


def meetings_of_person(conn, person_id: int) -> list[tuple]:
    """The meetings a person was at as (id, date, series name), newest first."""
    a, m, s = t.attendance.c, t.meeting.c, t.series.c
    rows = conn.execute(
        select(m.id, m.date, s.name).join(t.attendance, a.meeting_id == m.id)
        .join(t.series, s.id == m.series_id)
        .where(a.person_id == person_id, a.present.is_(True)).distinct().order_by(m.date.desc()))
    return [(mid, date, series) for mid, date, series in rows]


def roster(conn, meeting_id: int, recent: int = 8) -> list[str]:
    """People of the series' last RECENT meetings, most regular first."""
    return [name for _, name in _roster(conn, meeting_id, recent)]


def roster_ids(conn, meeting_id: int, recent: int = 8) -> list[int]:
    """The roster's people by id (for the name matcher)."""
    return [pid for pid, _ in _roster(conn, meeting_id, recent)]


def _roster(conn, meeting_id: int, recent: int) -> list[tuple[int, str]]:
    basics = meeting_basics(conn, meeting_id)
    meetings = series_meetings(conn, basics.series_id) if basics else []
    ids = [mid for mid, _ in meetings[-recent:]] if recent > 0 else []
    a, p = t.attendance.c, t.person.c
    rows = conn.execute(
        select(p.id, p.name, func.count(func.distinct(a.meeting_id)).label("n"))
        .join(t.attendance, a.person_id == p.id)
        .where(a.meeting_id.in_(ids), a.present.is_(True))
        .group_by(p.id, p.name)
        .order_by(func.count(func.distinct(a.meeting_id)).desc(), p.name)
    )
    return [(pid, name) for pid, name, _ in rows]


def present_people(conn, meeting_id: int) -> list[int]:
    """The ids of those at the meeting, in the order the minutes list them."""
    a = t.attendance.c
    return list(conn.execute(select(a.person_id).where(a.meeting_id == meeting_id, a.present.is_(True))
                             .order_by(a.position)).scalars())


def is_listed(conn, meeting_id: int, person_id: int) -> bool:
    """Whether the meeting's attendees block names the person (present or not)."""
    a = t.attendance.c
    return conn.execute(select(a.id).where(a.meeting_id == meeting_id, a.person_id == person_id)
                        ).first() is not None


def attendance_by_series(conn) -> dict[str, list[tuple]]:
    """Per series, (date, how many were there) for each meeting, oldest first."""
    a, m, s = t.attendance.c, t.meeting.c, t.series.c
    rows = conn.execute(
        select(s.name, m.date, func.count(func.distinct(a.person_id)))
        .join(t.meeting, m.series_id == s.id)
        .outerjoin(t.attendance, (a.meeting_id == m.id) & a.present.is_(True))
        .group_by(s.name, m.id, m.date).order_by(s.name, m.date)
    ).all()
    out: dict[str, list[tuple]] = {}
    for series, date, count in rows:
        out.setdefault(series, []).append((date, count))
    return out
