"""What goes into a calendar, read from the records: follow-ups (VTODO) and series (VEVENT)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import and_, select

from ..model import Due
from ..store import schema as t
from ..store.due import due_of
from ..store.series import cadence_days, meeting_dates, next_meeting_date, series_id_for

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


def _topic_and_bullet(conn, item_ids: list[int]) -> dict[int, tuple[str | None, str]]:
    if not item_ids:
        return {}
    i, s = t.item.c, t.section.c
    rows = conn.execute(
        select(i.id, i.label, i.text, s.text).outerjoin(t.section, s.id == i.section_id).where(i.id.in_(item_ids))
    )
    return {iid: (topic, (label or "") + text) for iid, label, text, topic in rows}


def followups(conn, series: str | None = None, statuses=("open",), ids=None) -> list[TodoData]:
    f, p, m, sr, sec = t.followup.c, t.person.c, t.meeting.c, t.series.c, t.section.c
    query = (
        select(t.followup, p.name.label("owner_name"), m.date.label("meeting_date"),
               m.series_id, m.timezone.label("meeting_tz"), sr.name.label("series_name"),
               sr.timezone.label("series_tz"), sec.text.label("title"))
        .outerjoin(t.person, p.id == f.owner_id)
        .outerjoin(t.meeting, m.id == f.meeting_id)
        .outerjoin(t.series, sr.id == m.series_id)
        .outerjoin(t.section, and_(sec.meeting_id == m.id, sec.kind == "title"))
        .where(f.status.in_(statuses))
        .order_by(f.id)
    )
    if series:
        query = query.where(m.series_id == series_id_for(conn, series))
    if ids is not None:
        query = query.where(f.id.in_(ids))
    rows = conn.execute(query).all()
    context = _topic_and_bullet(conn, [r.item_id for r in rows if r.item_id])
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
    s, m = t.series.c, t.meeting.c
    query = select(t.series)
    if series:
        query = query.where(s.id == series_id_for(conn, series))
    events = []
    for row in conn.execute(query).all():
        dates = meeting_dates(conn, row.id)
        if not dates:
            continue
        last = conn.execute(
            select(m.start_time, m.timezone).where(m.series_id == row.id, m.start_time.is_not(None))
            .order_by(m.date.desc()).limit(1)
        ).first()
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
