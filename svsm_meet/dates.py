"""Dates as people type them: '2024-06-07', 'June 7', '7 Jun 2024', '+2w', 'in 3 days', 'next wed'."""

from __future__ import annotations

import datetime as dt
import re

from .errors import BadInput

_UNITS = {"d": "days", "day": "days", "days": "days", "w": "weeks", "wk": "weeks", "week": "weeks",
          "weeks": "weeks", "m": "months", "month": "months", "months": "months"}
_RELATIVE = re.compile(r"^(?:\+|in\s+)(\d+)\s*([a-z]+)$")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

# The one range of years taken in anywhere (typed, a title, a JSON file, a calendar): wide enough
# for any minutes, narrow enough that the calendar code can still add a year, a cadence and a
# zone to a date without leaving what Python dates, dateutil and iCalendar carry (9999-12-31 + 1
# week overflows and broke every export).
FIRST_YEAR, LAST_YEAR = 1900, 2200


def in_range(day: dt.date) -> bool:
    return FIRST_YEAR <= day.year <= LAST_YEAR


def check_year(day, text: str):
    """DAY (a date or date-time) if its year is in range, else BadInput naming TEXT."""
    if not in_range(day):
        raise BadInput(f"'{text[:40]}': the year must be between {FIRST_YEAR} and {LAST_YEAR}")
    return day


def parse_date(text: str, base: dt.date | None = None) -> dt.date:
    """A date from TEXT, relative forms counted from BASE (default: today); years in range."""
    try:
        day = _parse_date(text, base or dt.date.today())
    except (OverflowError, ValueError):  # "+1000000w", or counted from a date at the end of time
        raise BadInput(f"'{text[:40]}' is beyond the years {FIRST_YEAR}–{LAST_YEAR}") from None
    return check_year(day, text)


def _parse_date(text: str, base: dt.date) -> dt.date:
    value = text.strip().lower()
    if not value:
        raise BadInput("empty date")
    if value == "today":
        return base
    if value == "tomorrow":
        return base + dt.timedelta(days=1)
    m = _RELATIVE.match(value)
    if m and m[2] in _UNITS:
        from dateutil.relativedelta import relativedelta

        return base + relativedelta(**{_UNITS[m[2]]: int(m[1])})
    m = re.match(r"^(?:next\s+)?([a-z]{3,})$", value)
    # "wed", "thurs" or "friday", but not "monkey" or "sunny": a word that only starts like a day
    day = [i for i, name in enumerate(_WEEKDAYS) if m and name.startswith(m[1])] if m else []
    if len(day) == 1:
        ahead = (day[0] - base.weekday()) % 7 or 7
        return base + dt.timedelta(days=ahead)
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        pass
    return _named_date(text, base)


def _named_date(text: str, base: dt.date) -> dt.date:
    """'June 7', '7 Jun 2024': dateutil, but only where TEXT gives the day and the month.  Read
    twice from two different defaults, a text that leaves either to the default ('2024', '3pm',
    'June') reads as two dates, and is no date at all."""
    from dateutil import parser

    other = dt.datetime(base.year, base.month % 12 + 1, 2 if base.day == 1 else 1)
    try:
        one = parser.parse(text, default=dt.datetime.combine(base, dt.time()))
        two = parser.parse(text, default=other)
    except (ValueError, OverflowError):
        one = two = None
    if one is None or (one.month, one.day) != (two.month, two.day):
        raise BadInput(f"'{text}' is not a date (try 2024-06-07, 'June 7', '+2w' or 'next wed')")
    return one.date()


def parse_time(text: str) -> dt.time:
    """'14:30' (or '14:30:00')."""
    try:
        return dt.time.fromisoformat(text.strip())
    except ValueError:
        raise BadInput(f"'{text}' is not a time HH:MM") from None


# IANA names only: letters, digits, "_+-" between slashes, so that no name is a path of its own
# ("../../etc/passwd", "/usr/share/zoneinfo/UTC") whatever zoneinfo would make of it.
_ZONE_NAME = re.compile(r"[A-Za-z0-9_+-]+(?:/[A-Za-z0-9_+-]+){0,3}")
# Files in the zone database that are not zones people name: the machine's own zone, and the
# copies with leap seconds or POSIX rules.
_NOT_ZONES = ("localtime", "posixrules", "Factory")


def check_zone(name: str) -> str:
    """An IANA time zone name (stripped), or BadInput: every zone a user or a file gives."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    zone = name.strip()
    if (len(zone) > 64 or not _ZONE_NAME.fullmatch(zone) or zone in _NOT_ZONES
            or zone.startswith(("posix/", "right/"))):
        raise BadInput(f"{zone[:40]!r} is not an IANA time zone name (e.g. Europe/Berlin)")
    try:
        ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: "Europe" is a folder
        raise BadInput(f"{zone!r} is not a known time zone (e.g. Europe/Berlin)") from None
    return zone


# A date written into a task: "by June 12", "before Friday", "(due 2024-06-20)", "by the end of
# the month".  Only after one of these words: a date elsewhere in a task is what it is about
# ("waiting until Friday to merge" is no deadline).
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_WRITTEN_DUE_RE = re.compile(
    r"\b(?:by|before|due(?:\s+(?:on|by|date))?:?)\s+(?:the\s+)?"
    r"(?:(?P<end>end\s+of\s+(?:the\s+|this\s+)?(?:week|month))"
    r"|(?P<date>\d{4}-\d{2}-\d{2}"
    r"|(?:next\s+)?(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|rsday|urday)?"
    rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+\d{{4}})?))\b",
    re.I,
)


def due_in_text(text: str, base: dt.date) -> dt.date | None:
    """The date a task's text gives it, counted from BASE (the meeting's date), or None.  A day
    and month without a year is the next one on or after BASE."""
    lowered = text.lower()
    if "by " not in lowered and "before " not in lowered and "due" not in lowered:
        return None  # a cheap first look: most tasks give no date
    m = _WRITTEN_DUE_RE.search(text)
    if not m:
        return None
    if m["end"]:
        if m["end"].lower().endswith("week"):
            return base + dt.timedelta(days=(4 - base.weekday()) % 7)  # that week's Friday
        following = (base.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
        return following - dt.timedelta(days=1)
    try:
        day = parse_date(m["date"], base)
    except BadInput:
        return None
    weekday = re.match(r"(?:next\s+)?(?:mon|tue|wed|thu|fri|sat|sun)", m["date"], re.I)
    if weekday and re.match(r"\s+next\s+week\b", text[m.end():], re.I):
        monday = base + dt.timedelta(days=7 - base.weekday())  # "by Thursday next week"
        day = monday + dt.timedelta(days=day.weekday())
    if day < base and not re.search(r"\d{4}", m["date"]):
        try:
            day = day.replace(year=day.year + 1)  # "by Jan 10" in a December meeting
        except ValueError:  # February 29th
            return None
    return day if in_range(day) else None
