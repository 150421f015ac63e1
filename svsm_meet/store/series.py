"""Series: the recurring calls meetings belong to."""

from __future__ import annotations

from sqlalchemy import func, insert, select

from . import schema as t
from .people import utcnow


def series_ids(conn, names: list[str]) -> dict[str, int]:
    """Ids for these series names (matched without regard to case), adding the new ones."""
    wanted = {name.casefold(): name for name in names}
    found = {
        key: sid
        for sid, key in conn.execute(
            select(t.series.c.id, func.lower(t.series.c.name)).where(
                func.lower(t.series.c.name).in_(list(wanted))
            )
        )
    }
    for key, name in wanted.items():
        if key not in found:
            found[key] = conn.execute(
                insert(t.series).values(name=name, created_at=utcnow())
            ).inserted_primary_key[0]
    return {name: found[name.casefold()] for name in names}


def series_names(conn) -> list[str]:
    return list(conn.execute(select(t.series.c.name).order_by(t.series.c.name)).scalars())


def meeting_dates(conn, series_id: int) -> list:
    return list(conn.execute(
        select(t.meeting.c.date).where(t.meeting.c.series_id == series_id).order_by(t.meeting.c.date)
    ).scalars())


def cadence_days(dates: list) -> int:
    """The usual gap between a series' meetings, from its past dates (a week if unknown)."""
    gaps = sorted((b - a).days for a, b in zip(dates, dates[1:]) if (b - a).days > 0)
    return gaps[len(gaps) // 2] if gaps else 7


def next_date(dates: list, after, cadence: str | None = None):
    """The next meeting after AFTER: one already planned, else by the cadence (set or inferred)."""
    import datetime as dt

    later = [d for d in dates if d > after]
    if later:
        return min(later)
    if cadence:
        from dateutil.rrule import rrulestr

        start = dt.datetime.combine(dates[0] if dates else after, dt.time())
        nxt = rrulestr(cadence, dtstart=start).after(dt.datetime.combine(after, dt.time()))
        if nxt:
            return nxt.date()
    return after + dt.timedelta(days=cadence_days(sorted(dates)[-6:]))


def next_meeting_date(conn, series_id: int, after):
    """The series' next meeting after AFTER: one already planned, else by its cadence."""
    cadence = conn.execute(select(t.series.c.cadence).where(t.series.c.id == series_id)).scalar()
    return next_date(meeting_dates(conn, series_id), after, cadence)
