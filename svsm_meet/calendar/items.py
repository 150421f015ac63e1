"""What goes into a calendar, read from the records: follow-ups (VTODO) and series (VEVENT)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..cadence import on_or_after
from ..errors import BadInput
from ..model import Due
from ..store.calendar_rows import followup_rows, topic_and_bullet
from ..store.due import due_of
from ..store.series import all_series, next_meeting
from .checks import RENDER_ERRORS, Skipped, check_event, check_followup_row, followup_name


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
    recheck_guessed: bool = False  # a week on, the series' cadence being unknown


@dataclass
class EventData:
    uid: str
    series: str
    start: dt.date  # the rule's first date from the series' latest meeting on (that meeting, if unknown)
    time: dt.time | None
    timezone: str | None
    rrule: str | None  # None: the cadence is unknown, and the event is that one meeting
    sequence: int


def followups(conn, series: str | None = None, statuses=("open",), ids=None,
              skipped: Skipped | None = None) -> list[TodoData]:
    """The follow-ups a calendar can carry; a line for each one it cannot goes to SKIPPED."""
    rows = followup_rows(conn, series, statuses, ids)
    context = topic_and_bullet(conn, [r.item_id for r in rows if r.item_id])
    next_dates: dict[tuple, object] = {}
    out = []
    for r in rows:
        try:
            check_followup_row(r)
        except BadInput as e:
            if skipped is not None:
                skipped.add(r.uid, followup_name(r), e)
            continue
        recheck, guessed = r.recheck_date, False
        if recheck is None and r.series_id is not None:
            key = (r.series_id, r.meeting_date)  # the meeting after the one it came from
            if key not in next_dates:
                try:
                    next_dates[key] = next_meeting(conn, r.series_id, r.meeting_date)
                except (ValueError, OverflowError):  # a series with a meeting at the end of time
                    next_dates[key] = None
            if next_dates[key] is not None:
                recheck, guessed = next_dates[key].date, next_dates[key].guessed
        topic, bullet = context.get(r.item_id, (None, None))
        out.append(TodoData(
            id=r.id, uid=r.uid, text=r.text, status=r.status, owner=r.owner_name or r.owner_text,
            due=due_of(r), sequence=r.sequence, created_at=r.created_at, updated_at=r.updated_at,
            closed_at=r.closed_at, series=r.series_name, meeting_title=r.title,
            meeting_date=r.meeting_date, topic=topic, bullet=bullet, recheck=recheck,
            timezone=r.meeting_tz or r.series_tz, recheck_guessed=guessed,
        ))
    return out


def series_events(conn, series: str | None = None, skipped: Skipped | None = None) -> list[EventData]:
    """A recurring event per series from its latest meeting on; a series whose cadence is unknown
    gets that one meeting only, so that no calendar shows a recurrence nobody set or saw.  A line
    for each series a calendar cannot carry goes to SKIPPED."""
    events = []
    for info in all_series(conn, series):
        if not info.dates:
            continue
        try:
            event = _event(info)
            check_event(event)
        except RENDER_ERRORS as e:
            if skipped is not None:
                skipped.add(f"series-{info.id}@svsm-meet", f"the series {info.name!r}", e)
            continue
        events.append(event)
    return events


def _event(info) -> EventData:
    rule = info.cadence.rule
    start = (on_or_after(rule, info.dates[-1]) if rule else None) or info.dates[-1]
    return EventData(
        uid=f"series-{info.id}@svsm-meet",
        series=info.name,
        start=start,
        time=info.start_time,
        timezone=info.timezone,
        rrule=rule,
        sequence=len(info.dates) + info.sequence,  # grows with meetings and with edits
    )
