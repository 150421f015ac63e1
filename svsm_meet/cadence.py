"""How often a series meets.  A cadence is an RRULE (RFC 5545, without the "RRULE:" name), set by
people in words ("weekly", "every 2 weeks", "monthly on the 2nd Wednesday") or as an RRULE, and
inferred from the series' own meeting dates only where nobody set one.

Pure: no SQL, no Textual.  store/series.py feeds it; every "when is the next meeting" question
(due:next meeting, re-check dates, the new-meeting form, the calendar) is `next_meeting` here.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from dataclasses import dataclass

from .errors import BadInput

CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
ORDINALS = {1: "1st", 2: "2nd", 3: "3rd", 4: "4th", 5: "5th", -1: "last"}
_ORDINAL_WORDS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
                  "4th": 4, "fifth": 5, "5th": 5, "last": -1}
_NUMBER_WORDS = {"one": 1, "two": 2, "other": 2, "three": 3, "four": 4, "five": 5, "six": 6}

MIN_MEETINGS = 3  # fewer meetings show no usual gap: two dates a year apart are no "yearly"
WINDOW = 13  # the recent meetings say how a series meets now, not how it met years ago
MAX_WEEKS = 8  # an inferred "every n weeks" at most; a longer usual gap is a pause, not a cadence
MAX_MONTHS = 6
SLACK_DAYS = 2  # a meeting moved by a day or two for a holiday still fits its cadence
GUESS = dt.timedelta(days=7)  # where the cadence is unknown: the next meeting taken as a week on
EXAMPLES = "weekly, biweekly, 'every 3 weeks', 'monthly on the 2nd wednesday' or an RRULE"
SET_IT = "unknown — set it with series edit"


@dataclass(frozen=True)
class Cadence:
    rule: str | None  # None: not known
    source: str  # "set" (by people), "inferred" (from the meetings) or "unknown"

    @property
    def words(self) -> str:
        return describe(self.rule) if self.rule else "unknown"


@dataclass(frozen=True)
class NextMeeting:
    date: dt.date
    by: str  # "planned" (the meeting exists), "cadence", or "guess" (cadence unknown: a week on)

    @property
    def guessed(self) -> bool:
        return self.by == "guess"


# -- words and RRULEs ------------------------------------------------------------------------------


def _weekday(word: str) -> int | None:
    w = word.lower().rstrip(".")
    if w == "weds":
        return 2
    for i, name in enumerate(DAYS):
        name = name.lower()
        if w in (name, name + "s") or (len(w) >= 3 and name.startswith(w)):
            return i
    return None


def _nth(day: dt.date) -> int:
    """Which of its month's weekdays of that name DAY is: 1..5."""
    return (day.day - 1) // 7 + 1


def _is_last(day: dt.date) -> bool:
    return (day + dt.timedelta(days=7)).month != day.month


_DAY = r"(?P<day>[a-z]+)"
_WEEKLY = re.compile(
    r"(?:(?P<weekly>weekly|every\s+week)|(?P<biweekly>biweekly|fortnightly|bi-weekly)"
    r"|every\s+(?P<n>\d+|[a-z]+)\s+weeks?)(?:\s+on\s+" + _DAY + r")?")
_EVERY_DAY = re.compile(r"every\s+" + _DAY)
_MONTHLY = re.compile(
    r"(?:monthly|every\s+month|every\s+(?P<n>\d+|[a-z]+)\s+months?)"
    r"(?:\s+on\s+(?:the\s+)?(?P<ord>[a-z0-9]+)\s+" + _DAY + r")?")


def _count(word: str | None) -> int:
    if word is None:
        return 1
    n = int(word) if word.isdigit() else _NUMBER_WORDS.get(word)
    if not n or n > 52:
        raise BadInput(f"'{word}' is not a number of weeks or months from 1 to 52")
    return n


def _day_code(word: str | None, anchor: dt.date | None, text: str) -> str | None:
    if word is None:
        return CODES[anchor.weekday()] if anchor else None
    day = _weekday(word)
    if day is None:
        raise BadInput(f"cadence '{text}': '{word}' is not a day of the week")
    return CODES[day]


def parse(text: str, anchor: dt.date | None = None) -> str:
    """An RRULE from a cadence as people say it; the day, where not said, is ANCHOR's (the
    series' latest meeting).  BadInput (one line) for anything else."""
    value = " ".join(text.strip().lower().split())
    if not value:
        raise BadInput(f"give a cadence: {EXAMPLES}")
    if value.startswith(("rrule:", "rrule ", "freq=")):  # "RRULE ..." as describe() shows one
        return check_rrule(text)
    m = _WEEKLY.fullmatch(value)
    if m:
        n = 2 if m["biweekly"] else _count(m["n"])
        day = _day_code(m["day"], anchor, text)
        return f"FREQ=WEEKLY;INTERVAL={n}" + (f";BYDAY={day}" if day else "")
    m = _EVERY_DAY.fullmatch(value)
    if m and _weekday(m["day"]) is not None:
        return f"FREQ=WEEKLY;INTERVAL=1;BYDAY={CODES[_weekday(m['day'])]}"
    m = _MONTHLY.fullmatch(value)
    if m:
        n = _count(m["n"])
        if m["ord"]:
            nth = _ORDINAL_WORDS.get(m["ord"])
            if nth is None:
                raise BadInput(f"cadence '{text}': '{m['ord']}' is not 1st, 2nd, 3rd, 4th, 5th or last")
            day = _day_code(m["day"], None, text)
        elif anchor:
            nth, day = (-1 if _nth(anchor) == 5 else _nth(anchor)), CODES[anchor.weekday()]
        else:
            raise BadInput("monthly on which day? e.g. 'monthly on the 2nd wednesday'")
        return f"FREQ=MONTHLY;INTERVAL={n};BYDAY={nth}{day}"
    raise BadInput(f"'{text.strip()[:60]}' is not a cadence: try {EXAMPLES}")


_ALLOWED = {"FREQ", "INTERVAL", "BYDAY", "BYSETPOS", "BYMONTHDAY", "BYMONTH", "BYWEEKNO",
            "BYYEARDAY", "WKST", "UNTIL"}
_FREQS = ("DAILY", "WEEKLY", "MONTHLY", "YEARLY")


def check_rrule(text: str) -> str:
    """An RRULE as given (tidied: upper case, no "RRULE:"), or BadInput saying what is wrong."""
    body = text.strip()
    if body.upper().startswith(("RRULE:", "RRULE ")):
        body = body[6:].strip()
    parts = [p.strip().upper() for p in body.split(";") if p.strip()]
    if "\n" in text or len(";".join(parts)) > 200:
        raise BadInput("an RRULE is one line of at most 200 characters")
    fields: dict[str, str] = {}
    for part in parts:
        name, eq, value = part.partition("=")
        if not eq or not value or name in fields:
            raise BadInput(f"RRULE: '{part}' is not NAME=VALUE (once each)")
        if name == "COUNT":
            raise BadInput("RRULE: COUNT is not kept (the calendar counts from the latest meeting);"
                           " use UNTIL")
        if name not in _ALLOWED:
            raise BadInput(f"RRULE: {name} is not a part a meeting series can use")
        fields[name] = value
    if fields.get("FREQ") not in _FREQS:
        raise BadInput("RRULE: FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY")
    # dateutil loops for ever on INTERVAL=0: checked before it sees the rule
    if "INTERVAL" in fields and not (fields["INTERVAL"].isdigit() and 0 < int(fields["INTERVAL"]) <= 366):
        raise BadInput("RRULE: INTERVAL must be a whole number from 1 to 366")
    rule = ";".join(f"{k}={v}" for k, v in fields.items())
    start = dt.date(2000, 1, 3)
    if not _some_day_fits(fields):
        raise BadInput("RRULE: it never happens (no such day in those months)")
    try:
        first = _rrule(rule, start).after(_midnight(start), inc=True)
    except (ValueError, TypeError, IndexError, KeyError) as e:
        raise BadInput(f"RRULE: {str(e)[:80] or 'not understood'}") from None
    if first is None and "UNTIL" not in fields:
        raise BadInput("RRULE: it never happens")
    return rule


_LONGEST = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _some_day_fits(fields: dict[str, str]) -> bool:
    """False for February 30th and the like: dateutil would look for one until the year 9999."""
    try:
        months = [int(m) for m in fields.get("BYMONTH", "").split(",") if m] or range(1, 13)
        days = [int(d) for d in fields.get("BYMONTHDAY", "").split(",") if d]
    except ValueError:
        return True  # not numbers: dateutil says what is wrong
    if not days:
        return True
    return any(0 < abs(d) <= _LONGEST[m - 1] for m in months if 1 <= m <= 12 for d in days)


def _fields(rule: str) -> dict[str, str]:
    return dict(part.split("=", 1) for part in rule.split(";") if "=" in part)


def _days_words(codes: list[str]) -> str:
    names = [DAYS[CODES.index(c)] for c in codes]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def describe(rule: str) -> str:
    """The rule in words where it has a common shape ("every 2 weeks on Wednesday"), else itself."""
    f = _fields(rule)
    n = int(f.get("INTERVAL", "1") or 1)
    until = f" until {f['UNTIL'][:4]}-{f['UNTIL'][4:6]}-{f['UNTIL'][6:8]}" if "UNTIL" in f else ""
    shape = set(f) - {"UNTIL", "WKST"}
    days = f.get("BYDAY", "").split(",") if f.get("BYDAY") else []
    if f.get("FREQ") == "WEEKLY" and shape <= {"FREQ", "INTERVAL", "BYDAY"} and all(d in CODES for d in days):
        every = "weekly" if n == 1 else f"every {n} weeks"
        return every + (f" on {_days_words(days)}" if days else "") + until
    if f.get("FREQ") == "MONTHLY" and len(days) == 1:
        m = re.fullmatch(r"([+-]?\d)?([A-Z]{2})", days[0])
        nth = int(m[1]) if m and m[1] else (int(f["BYSETPOS"]) if f.get("BYSETPOS", "").lstrip("+-").isdigit()
                                            else None)
        if m and m[2] in CODES and nth in ORDINALS and shape <= {"FREQ", "INTERVAL", "BYDAY", "BYSETPOS"}:
            every = "monthly" if n == 1 else f"every {n} months"
            return f"{every} on the {ORDINALS[nth]} {DAYS[CODES.index(m[2])]}{until}"
    if f.get("FREQ") == "DAILY" and shape <= {"FREQ", "INTERVAL"}:
        return ("daily" if n == 1 else f"every {n} days") + until
    return f"RRULE {rule}"


# -- dates -----------------------------------------------------------------------------------------


def _midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time())


def _rrule(rule: str, start: dt.date):
    from dateutil.rrule import rrulestr

    # Dates here are naive; dateutil refuses a UTC UNTIL beside a naive start, so it gets the day.
    naive = re.sub(r"UNTIL=(\d{8})(?:T\d{6}Z?)?", r"UNTIL=\1T235959", rule)
    return rrulestr(naive, dtstart=_midnight(start))


def on_or_after(rule: str, day: dt.date) -> dt.date | None:
    """The rule's first date on or after DAY (counted from DAY): where a calendar's DTSTART goes."""
    found = _rrule(rule, day).after(_midnight(day), inc=True)
    return found.date() if found else None


def next_meeting(cadence: Cadence, dates: list[dt.date], after: dt.date) -> NextMeeting:
    """The series' first meeting after AFTER: one already made, else by its cadence, else (cadence
    unknown, or its UNTIL passed) a week on, said so by `by`.  The one answer to the question."""
    later = [d for d in dates if d > after]
    if later:
        return NextMeeting(min(later), "planned")
    if cadence.rule:
        # Counted from the latest meeting up to AFTER: "every 2 weeks" keeps the series' own weeks.
        anchor = max((d for d in dates if d <= after), default=min(dates, default=after))
        found = _rrule(cadence.rule, anchor).after(_midnight(after), inc=False)
        if found:
            return NextMeeting(found.date(), "cadence")
    if after > dt.date.max - GUESS:  # a meeting at the end of time, which older code let in
        return NextMeeting(after, "guess")
    return NextMeeting(after + GUESS, "guess")


def upcoming(cadence: Cadence, dates: list[dt.date], today: dt.date) -> NextMeeting:
    """The first meeting not made yet that is on or after TODAY (what a new meeting's date is)."""
    if not dates:
        return NextMeeting(today, "guess")
    nxt = next_meeting(cadence, [], dates[-1]) if cadence.rule else NextMeeting(dates[-1] + GUESS, "guess")
    if nxt.date < today:  # a series that paused: its next date from today on
        if nxt.by == "cadence":
            nxt = next_meeting(cadence, [dates[-1]], today - dt.timedelta(days=1))
        else:  # a week on from the last meeting, on its weekday
            nxt = NextMeeting(nxt.date + GUESS * math.ceil((today - nxt.date) / GUESS), "guess")
    return nxt


def next_from(cadence: Cadence, dates: list[dt.date], today: dt.date) -> NextMeeting | None:
    """The series' next meeting as of TODAY: one made for today or later, else by its cadence;
    None where the cadence is unknown (no date is invented for it)."""
    planned = [d for d in dates if d >= today]
    if planned:
        return NextMeeting(min(planned), "planned")
    nxt = upcoming(cadence, dates, today) if cadence.rule else None
    return nxt if nxt and not nxt.guessed else None


# -- inference -------------------------------------------------------------------------------------


def _usual(values: list[int]) -> int:
    """The most frequent value, the smaller on a tie (a skipped week is not the cadence)."""
    counts = Counter(values)
    return min(counts, key=lambda v: (-counts[v], v))


def _misfits(n: int) -> int:
    """How many of N dates or gaps may stray from the pattern: none of a few, one in four of more."""
    return n // 4


def _regular(values: list[int], usual: int, slack: int) -> bool:
    """USUAL is at least half of VALUES, and the others are about a multiple of it (a skipped or
    moved meeting), but for a few strays among many."""
    fits = sum(1 for v in values if v >= usual - slack and min(v % usual, usual - v % usual) <= slack)
    return values.count(usual) * 2 >= len(values) and len(values) - fits <= _misfits(len(values))


def _monthly(dates: list[dt.date]) -> str | None:
    keys = Counter()
    for d in dates:
        keys[(d.weekday(), _nth(d))] += 1
        if _is_last(d):
            keys[(d.weekday(), -1)] += 1
    (weekday, nth), n = max(keys.items(), key=lambda kv: (kv[1], kv[0][1] > 0))
    if len(dates) - n > _misfits(len(dates)):
        return None
    steps = [(b.year - a.year) * 12 + b.month - a.month for a, b in zip(dates, dates[1:])]
    if any(s <= 0 for s in steps):  # two meetings in one month: not monthly
        return None
    usual = _usual(steps)
    if usual > MAX_MONTHS or not _regular(steps, usual, 0):
        return None
    return f"FREQ=MONTHLY;INTERVAL={usual};BYDAY={nth}{CODES[weekday]}"


def _weekly(dates: list[dt.date]) -> str | None:
    gaps = [(b - a).days for a, b in zip(dates, dates[1:])]
    usual = _usual(gaps)
    if usual % 7 or usual // 7 > MAX_WEEKS or not _regular(gaps, usual, SLACK_DAYS):
        return None
    days = Counter(d.weekday() for d in dates)
    weekday = max(days, key=lambda w: (days[w], w == dates[-1].weekday()))
    return f"FREQ=WEEKLY;INTERVAL={usual // 7};BYDAY={CODES[weekday]}"


def infer(dates: list[dt.date]) -> str | None:
    """The cadence the meetings show, or None: from at least MIN_MEETINGS meetings, by their usual
    gap (weekly, every n weeks, monthly on the nth weekday), never an interval they do not show."""
    recent = sorted(set(dates))[-WINDOW:]
    if len(recent) < MIN_MEETINGS:
        return None
    return _monthly(recent) or _weekly(recent)


def resolve(rule_set: str | None, dates: list[dt.date]) -> Cadence:
    """The series' cadence: as people set it, else inferred from its meetings, else unknown."""
    if rule_set:
        return Cadence(rule_set.removeprefix("RRULE:"), "set")
    inferred = infer(dates)
    return Cadence(inferred, "inferred") if inferred else Cadence(None, "unknown")
