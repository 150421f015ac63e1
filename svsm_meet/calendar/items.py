"""What goes into a calendar, read from the records: follow-ups (VTODO) and series (VEVENT)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..model import Due
from ..store.calendar_rows import followup_rows, last_start, series_rows, topic_and_bullet
from ..store.due import due_of
from ..store.series import cadence_days, meeting_dates, next_meeting_date

WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


@dataclass
class TodoData:
    id: int
    uid: str
    text: str
    status: str
    owner: str | None
    due: Due
    sequence: int
    created_at: dt.datetime
    updated_at: dt.datetime
    closed_at: dt.datetime | None
    series: str | None
    meeting_title: str | None
    meeting_date: dt.date | None
    topic: str | None
    bullet: str | None
    recheck: dt.date | None  # when to ask again if no due date is known (default: next meeting)
    timezone: str | None


@dataclass
class EventData:
    uid: str
    series: str
    start: dt.date  # the series' latest meeting: the recurrence counts from there
    time: dt.time | None
    timezone: str | None
    rrule: str
    sequence: int


def rrule_for(dates: list[dt.date], cadence: str | None) -> str:
    """The series' RRULE: as set, else inferred from the gaps between its meetings."""
    if cadence:
        return cadence.removeprefix("RRULE:")
    days = cadence_days(dates[-8:])
    if days % 7 == 0:
        weekday = WEEKDAYS[dates[-1].weekday()] if dates else "MO"
        return f"FREQ=WEEKLY;INTERVAL={days // 7};BYDAY={weekday}"
    return f"FREQ=DAILY;INTERVAL={days}"


def followups(conn, series: str | None = None, statuses=("open",), ids=None) -> list[TodoData]:
    rows = followup_rows(conn, series, statuses, ids)
    context = topic_and_bullet(conn, [r.item_id for r in rows if r.item_id])
    next_dates: dict[tuple, dt.date] = {}
    out = []
    for r in rows:
        recheck = r.recheck_date
        if recheck is None and r.series_id is not None:
            key = (r.series_id, r.meeting_date)  # the meeting after the one it came from
            if key not in next_dates:
                next_dates[key] = next_meeting_date(conn, r.series_id, r.meeting_date)
            recheck = next_dates[key]
        topic, bullet = context.get(r.item_id, (None, None))
        out.append(TodoData(
            id=r.id, uid=r.uid, text=r.text, status=r.status, owner=r.owner_name or r.owner_text,
            due=due_of(r), sequence=r.sequence, created_at=r.created_at, updated_at=r.updated_at,
            closed_at=r.closed_at, series=r.series_name, meeting_title=r.title,
            meeting_date=r.meeting_date, topic=topic, bullet=bullet, recheck=recheck,
            timezone=r.meeting_tz or r.series_tz,
        ))
    return out


def series_events(conn, series: str | None = None) -> list[EventData]:
    events = []
    for row in series_rows(conn, series):
        dates = meeting_dates(conn, row.id)
        if not dates:
            continue
        last = last_start(conn, row.id)
        events.append(EventData(
            uid=f"series-{row.id}@svsm-meet",
            series=row.name,
            start=dates[-1],
            time=row.start_time or (last.start_time if last else None),
            timezone=row.timezone or (last.timezone if last else None),
            rrule=rrule_for(dates, row.cadence),
            sequence=len(dates),  # grows as meetings are added, and only then
        ))
    return events
