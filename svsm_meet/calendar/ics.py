"""iCalendar (RFC 5545) from the records: a VTODO per follow-up, a VEVENT per series.

Never a floating time: due times carry their zone (with its VTIMEZONE), alarms at a fixed moment
are in UTC, and a follow-up due on a day is a DATE.  Every VTODO has a VALARM inside, because
Thunderbird and others remind only through one.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from zoneinfo import ZoneInfo

from .items import EventData, TodoData

PRODID = "-//svsm-meet//svsm-meet//EN"
STATUS = {"open": "NEEDS-ACTION", "suggested": "NEEDS-ACTION", "done": "COMPLETED", "dropped": "CANCELLED"}
UTC = dt.timezone.utc
ALARM_HOUR = 9  # an alarm on a day (a re-check date) rings at nine in the meeting's zone


def _utc(value: dt.datetime) -> dt.datetime:
    """Record timestamps are naive UTC."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _morning(day: dt.date, zone: str | None) -> dt.datetime:
    tz = ZoneInfo(zone) if zone else UTC
    return dt.datetime.combine(day, dt.time(ALARM_HOUR), tz).astimezone(UTC)


def _description(todo: TodoData) -> str:
    lines = []
    if todo.meeting_title or todo.meeting_date:
        lines.append(f"From: {todo.meeting_title or todo.series} ({todo.meeting_date})")
    if todo.topic:
        lines.append(f"Topic: {todo.topic}")
    if todo.bullet and todo.bullet != todo.text:
        lines.append(f"Minutes: {todo.bullet}")
    lines.append(f"Owner: {todo.owner or 'not assigned yet'}")
    guess = " (a week on: the series' cadence is unknown)" if todo.recheck_guessed else ""
    if todo.due.unknown_reason:
        lines.append(f"Due date unknown: {todo.due.unknown_reason}; ask again {todo.recheck}{guess}")
    elif guess and not (todo.due.at or todo.due.date):
        lines.append(f"No due date; ask again {todo.recheck}{guess}")
    return "\n".join(lines)


def todo_component(todo: TodoData, stamp: dt.datetime):
    from icalendar import Alarm, Todo

    c = Todo()
    c.add("uid", todo.uid)
    c.add("dtstamp", stamp)
    c.add("created", _utc(todo.created_at))
    c.add("last-modified", _utc(todo.updated_at))
    c.add("sequence", todo.sequence)
    c.add("summary", todo.text)
    c.add("description", _description(todo))
    c.add("status", STATUS[todo.status])
    if todo.series:
        c.add("categories", [todo.series])
    if todo.status == "done" and todo.closed_at:
        c.add("completed", _utc(todo.closed_at))
        c.add("percent-complete", 100)
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    if todo.due.at:
        c.add("due", todo.due.at)
        alarm.add("trigger", dt.timedelta(hours=-1), parameters={"RELATED": "END"})
        alarm.add("description", f"Due in an hour: {todo.text}")
    elif todo.due.date:
        c.add("due", todo.due.date)
        alarm.add("trigger", dt.timedelta(days=-1), parameters={"RELATED": "END"})
        alarm.add("description", f"Due tomorrow: {todo.text}")
    else:
        # No deadline known: remind when it is to be asked about again (the next meeting).
        when = todo.recheck or (todo.meeting_date or dt.date.today()) + dt.timedelta(days=7)
        alarm.add("trigger", _morning(when, todo.timezone))
        alarm.add("description", f"Ask again for the deadline: {todo.text}")
    c.add_component(alarm)
    return c


def event_component(event: EventData, stamp: dt.datetime):
    from icalendar import Alarm, Event, vRecur

    c = Event()
    c.add("uid", event.uid)
    c.add("dtstamp", stamp)
    c.add("sequence", event.sequence)
    c.add("summary", event.series)
    zone = ZoneInfo(event.timezone) if event.timezone else UTC
    if event.time:
        start = dt.datetime.combine(event.start, event.time, zone)
        c.add("dtstart", start)
        c.add("duration", dt.timedelta(hours=1))
    else:
        c.add("dtstart", event.start)
        c.add("dtend", event.start + dt.timedelta(days=1))
    if event.rrule:
        rule = vRecur.from_ical(event.rrule)
        if "UNTIL" in rule:  # of DTSTART's kind, as RFC 5545 asks: a date, or a UTC date-time
            day = rule["UNTIL"][0]
            day = day.date() if isinstance(day, dt.datetime) else day
            rule["UNTIL"] = [dt.datetime.combine(day, dt.time(23, 59, 59), zone).astimezone(UTC)
                             if event.time else day]
        c.add("rrule", rule)
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", f"{event.series} in 15 minutes" if event.time else f"{event.series} tomorrow")
    # Before the meeting: 15 minutes before its time, or the morning before a meeting of no set time.
    alarm.add("trigger", dt.timedelta(minutes=-15) if event.time else dt.timedelta(hours=ALARM_HOUR - 24))
    c.add_component(alarm)
    return c


def calendar(components) -> bytes:
    from icalendar import Calendar

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    for component in components:
        cal.add_component(component)
    cal.add_missing_timezones()
    return cal.to_ical()


def content_hash(ics: bytes) -> str:
    """A calendar object's content without its DTSTAMP (which moves at every export)."""
    lines = [line for line in ics.split(b"\r\n") if not line.startswith(b"DTSTAMP")]
    return hashlib.sha256(b"\n".join(lines)).hexdigest()
