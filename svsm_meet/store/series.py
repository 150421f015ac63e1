"""Series: the recurring calls meetings belong to."""

from __future__ import annotations

from sqlalchemy import insert, select

from . import schema as t
from .people import utcnow


def _known(conn) -> dict[str, int]:
    # Matched here, not in SQL: SQLite's lower() knows only ASCII ("Ärzte Call"), and PostgreSQL's
    # lower() is not casefold ("Straße").  A project has a handful of series.
    return {name.casefold(): sid for sid, name in conn.execute(select(t.series.c.id, t.series.c.name))}


def series_id_for(conn, name: str) -> int | None:
    """The series called NAME, without regard to case; None if there is none."""
    return _known(conn).get(name.casefold())


def series_ids(conn, names: list[str]) -> dict[str, int]:
    """Ids for these series names (matched without regard to case), adding the new ones."""
    found = _known(conn)
    for name in names:
        if name.casefold() not in found:
            found[name.casefold()] = conn.execute(
                insert(t.series).values(name=name, created_at=utcnow())
            ).inserted_primary_key[0]
    return {name: found[name.casefold()] for name in names}


def series_meetings(conn, series_id: int | None) -> list[tuple[int, object]]:
    """The meetings of a series as (id, date), oldest first: one date has one meeting a series."""
    m = t.meeting.c
    return [(mid, date) for mid, date in conn.execute(
        select(m.id, m.date).where(m.series_id == series_id).order_by(m.date))]


def meeting_dates(conn, series_id: int) -> list:
    return [date for _, date in series_meetings(conn, series_id)]


def series_cadence(conn, series_id: int) -> str | None:
    """The series' RRULE, if one was set."""
    return conn.execute(select(t.series.c.cadence).where(t.series.c.id == series_id)).scalar()


def cadence_days(dates: list) -> int:
    """The usual gap between a series' meetings, from its past dates (a week if unknown)."""
    from collections import Counter

    gaps = Counter((b - a).days for a, b in zip(dates, dates[1:]) if (b - a).days > 0)
    if not gaps:
        return 7
    # The most usual gap (a skipped week or a summer break is not the cadence), the shorter on a tie.
    return min(gaps, key=lambda days: (-gaps[days], days))


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
    return next_date(meeting_dates(conn, series_id), after, series_cadence(conn, series_id))
