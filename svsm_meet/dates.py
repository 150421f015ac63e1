"""Dates as people type them: '2024-06-07', 'June 7', '7 Jun 2024', '+2w', 'in 3 days', 'next wed'."""

from __future__ import annotations

import datetime as dt
import re

from .errors import BadInput

_UNITS = {"d": "days", "day": "days", "days": "days", "w": "weeks", "wk": "weeks", "week": "weeks",
          "weeks": "weeks", "m": "months", "month": "months", "months": "months"}
_RELATIVE = re.compile(r"^(?:\+|in\s+)(\d+)\s*([a-z]+)$")
_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def parse_date(text: str, base: dt.date | None = None) -> dt.date:
    """A date from TEXT, relative forms counted from BASE (default: today)."""
    base = base or dt.date.today()
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
    m = re.match(r"^(next\s+)?([a-z]{3})[a-z]*$", value)
    if m and m[2] in _WEEKDAYS:
        ahead = (_WEEKDAYS.index(m[2]) - base.weekday()) % 7 or 7
        return base + dt.timedelta(days=ahead)
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        pass
    from dateutil import parser

    try:
        default = dt.datetime.combine(base, dt.time())
        return parser.parse(text, default=default).date()
    except (ValueError, OverflowError):
        raise BadInput(f"'{text}' is not a date (try 2024-06-07, 'June 7', '+2w' or 'next wed')") from None


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
