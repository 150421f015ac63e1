"""Series: the recurring calls meetings belong to, with the cadence, time and zone people set.

The cadence logic itself is svsm_meet/cadence.py; this reads what it needs and writes what people
set (`series edit`, the new-meeting form)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import insert, select, update

from ..cadence import Cadence, NextMeeting, next_meeting as _next_meeting, resolve
from ..errors import BadInput
from . import schema as t
from .people import utcnow


def _known(conn) -> dict[str, int]:
    # Matched here, not in SQL: SQLite's lower() knows only ASCII ("Ärzte Call"), and PostgreSQL's
    # lower() is not casefold ("Straße").  A project has a handful of series.
    return {name.casefold(): sid for sid, name in conn.execute(select(t.series.c.id, t.series.c.name))}


def series_id_for(conn, name: str) -> int | None:
    """The series called NAME, without regard to case; None if there is none."""
    return _known(conn).get(name.casefold())


def find_series(conn, name: str) -> int:
    """The series called NAME (any case), or BadInput naming the ones there are."""
    sid = series_id_for(conn, name.strip())
    if sid is None:
        names = sorted(_known_names(conn), key=str.casefold)
        there = f"; there are: {', '.join(names)}" if names else "; there are none yet"
        raise BadInput(f"no series called '{name.strip()[:60]}'{there}")
    return sid


def _known_names(conn) -> list[str]:
    return list(conn.execute(select(t.series.c.name)).scalars())


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
    """The series' RRULE, if people set one (see cadence_of for the one in use)."""
    return conn.execute(select(t.series.c.cadence).where(t.series.c.id == series_id)).scalar()


def cadence_of(conn, series_id: int, dates: list | None = None) -> Cadence:
    """The cadence in use: as set, else inferred from the meetings, else unknown."""
    return resolve(series_cadence(conn, series_id),
                   meeting_dates(conn, series_id) if dates is None else dates)


def next_meeting(conn, series_id: int, after) -> NextMeeting:
    """The series' next meeting after AFTER (and how it is known): one already made, else by its
    cadence, else a week on.  Every "next meeting" of the app comes from here."""
    dates = meeting_dates(conn, series_id)
    return _next_meeting(cadence_of(conn, series_id, dates), dates, after)


def next_meeting_date(conn, series_id: int, after):
    return next_meeting(conn, series_id, after).date


def next_dates(dates: list, cadence: str | None = None):
    """As next_meeting, for callers that read a whole archive's dates and set cadences at once: the
    next meeting's date after a given date, by a cadence resolved once for all of them."""
    resolved = resolve(cadence, dates)
    return lambda after: _next_meeting(resolved, dates, after).date


def last_start(conn, series_id: int):
    """The start_time and timezone of the series' latest meeting that has a start time, or None."""
    m = t.meeting.c
    return conn.execute(
        select(m.start_time, m.timezone).where(m.series_id == series_id, m.start_time.is_not(None))
        .order_by(m.date.desc()).limit(1)
    ).first()


@dataclass
class SeriesInfo:
    """A series as people see it: what is set, and what is used where nothing is."""

    id: int
    name: str
    cadence: Cadence
    start_time: dt.time | None  # as set, else its latest meeting's
    time_set: bool
    timezone: str | None  # as set, else its latest timed meeting's
    zone_set: bool
    dates: list[dt.date]
    sequence: int  # edits of cadence, time or zone


def _info(conn, row) -> SeriesInfo:
    dates = meeting_dates(conn, row.id)
    last = last_start(conn, row.id) if row.start_time is None or row.timezone is None else None
    return SeriesInfo(
        id=row.id, name=row.name, cadence=resolve(row.cadence, dates),
        start_time=row.start_time or (last.start_time if last else None), time_set=row.start_time is not None,
        timezone=row.timezone or (last.timezone if last else None), zone_set=row.timezone is not None,
        dates=dates, sequence=row.sequence,
    )


def all_series(conn, name: str | None = None) -> list[SeriesInfo]:
    """Every series (or the one called NAME, if there is one), by name."""
    query = select(t.series)
    if name:
        query = query.where(t.series.c.id == series_id_for(conn, name))
    rows = sorted(conn.execute(query).all(), key=lambda r: r.name.casefold())
    return [_info(conn, row) for row in rows]


_UNSET = object()


def edit_series(conn, series_id: int, cadence=_UNSET, start_time=_UNSET, timezone=_UNSET) -> bool:
    """Set (or with None clear) a series' cadence (an RRULE), start time and zone; the checking
    is the caller's.  SEQUENCE grows when anything changed.  True if anything did."""
    s = t.series.c
    row = conn.execute(select(s.cadence, s.start_time, s.timezone).where(s.id == series_id)).one()
    given = {"cadence": cadence, "start_time": start_time, "timezone": timezone}
    changes = {k: v for k, v in given.items() if v is not _UNSET and getattr(row, k) != v}
    if changes:
        conn.execute(update(t.series).where(s.id == series_id).values(**changes, sequence=s.sequence + 1))
    return bool(changes)
