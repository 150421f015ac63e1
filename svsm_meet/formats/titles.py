"""Title lines and file names: the series and date a set of minutes belongs to."""

from __future__ import annotations

import datetime as dt
import html
import re

from ..dates import FIRST_YEAR, LAST_YEAR, in_range
from ..errors import BadInput

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
# Date forms found in real titles and file names, most specific first.
_DATE_RES = [
    # 2024-05-15, and with the hyphens a word processor writes ("2024‐01‐30", U+2010 and kin)
    re.compile(r"(?<!\d)(\d{4})[-_/.\u2010-\u2013](\d{1,2})[-_/.\u2010-\u2013](\d{1,2})(?!\d)"),
    re.compile(rf"\b{_MONTH}(?:\s+|-){_DAY},?(?:\s+|-)\d{{4}}\b", re.IGNORECASE),  # May 15th, 2024; Dec-4-2017
    re.compile(rf"\b{_DAY}(?:\s+|-)(?:of\s+)?{_MONTH},?(?:\s+|-)\d{{4}}\b", re.IGNORECASE),  # 15 May 2024; 4-Dec-2017
    re.compile(rf"(?<!\d)\d{{4}}[-_ \u2010-\u2013]{_MONTH}[-_ \u2010-\u2013]\d{{1,2}}(?!\d)", re.IGNORECASE),  # 2024-Jun-05
    re.compile(r"(?<!\d)(\d{4})(\d{2})(\d{2})(?!\d)"),  # 20240515
    re.compile(r"(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{2}|\d{4})(?!\d|[/.-]\d)"),  # 28/5/24, 3.6.2024
]
_PREFIX_RE = re.compile(
    r"^(?:(?:meeting\s+)?minutes|meeting|notes|agenda)(?:\s+(?:of|for))?\s*[:\-–—]\s*", re.IGNORECASE
)
# "Kernel Meeting Notes" is the Kernel Meeting's: the words that say these are its notes go.
_SUFFIX_RE = re.compile(r"\s+(?:notes|minutes)$", re.IGNORECASE)
# Whitespace is one space by then: each "\s?" below takes at most one, and nothing backtracks far.
_AFTER_DATE_RE = re.compile(
    r"(?: (?:on|of|from|for|held on|at),?| ?,)? ?(?:(?:@|at) ?\d{1,2}(?::?\d{2})? ?(?:[ap]\.?m\.?)?"
    r"(?: ?(?-i:[A-Z]{2,5})(?:[+-]\d{1,2})?)?)?$", re.I)
_EMPHASIS_RE = re.compile(r"(\*\*|__)(.*?)\1")
_WEEKDAY_BEFORE_RE = re.compile(
    r"\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?,?\s*$", re.I)
# A line that says when the meeting was: "**Date:** June 5, 2024", "Date: 2024-06-05".
_DATE_LINE_RE = re.compile(
    r"^[\s*_>#-]*(?:meeting\s+)?(?:date|when|held on)(?:\s*/\s*time)?[\s*_]*:[\s*_]*(?P<rest>.+)$",
    re.IGNORECASE)
# Headings that name a date for something else ("Release 2024-07-01", "Deadline: June 1").
_OTHER_DATE_RE = re.compile(
    r"\b(?:release|deadline|due|until|by|freeze|cfp|launch|eol|before|after|next|agenda|plan|"
    r"planned|target|previous|last|upcoming|for)\b",
    re.IGNORECASE)
# "Notes for 03/05/2024", "Meeting of May 14th": the meeting's own date, whatever words follow.
_OWN_DATE_RE = re.compile(r"\b(?:notes|minutes|meeting|call)\s+(?:for|of|on)\b", re.IGNORECASE)
_TRIM = " \t-–—:,|()[]*_"


def _numeric(a: int, b: int, written: str) -> dt.date | None:
    """d/m/y or m/d/y: whichever the numbers allow, month first where both do (dateutil's way)."""
    # Only a two-digit year ("28/5/24") is of this century: "0001" is the year 1, not 2001.
    year = int(written) + (2000 if len(written) == 2 else 0)
    for month, day in ((a, b), (b, a)) if a <= 12 else ((b, a),):
        try:
            return dt.date(year, month, day)
        except ValueError:
            continue
    return None


def _to_date(match: re.Match) -> dt.date | None:
    """The date MATCH writes, where its year is in range (an out-of-range year is no date, not
    another year)."""
    found = _written_date(match)
    return found if found and in_range(found) else None


def _written_date(match: re.Match) -> dt.date | None:
    if match.re.groups == 4:
        return _numeric(int(match[1]), int(match[3]), match[4])
    if match.re.groups == 3:
        year, month, day = (int(g) for g in match.groups())
        try:
            return dt.date(year, month, day)
        except ValueError:
            return None
    # A month in words ("May 15th, 2024", "15 of May 2024", "2024-Jun-05"): the pattern matched
    # has a four-digit year, a day of one or two digits and a month's first three letters.
    written = match.group(0)
    year = int(_YEAR_RE.search(written)[0])
    month = _MONTHS.index(_MONTH_WORD_RE.search(written)[0].lower()) + 1
    try:
        return dt.date(year, month, int(_DAY_RE.search(written)[0]))
    except ValueError:  # the year 0000, or February 30th
        return None


_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
_YEAR_RE = re.compile(r"\d{4}")
_MONTH_WORD_RE = re.compile(r"[A-Za-z]{3}")
_DAY_RE = re.compile(r"(?<!\d)\d{1,2}(?!\d)")


def find_date(text: str) -> tuple[dt.date, tuple[int, int]] | None:
    """The first date written in TEXT and where it stands."""
    for pattern in _DATE_RES:
        for match in pattern.finditer(text):
            found = _to_date(match)
            if found:
                return found, match.span()
    return None


def parse_title(text: str) -> tuple[str | None, dt.date | None]:
    """Series name and date from a title such as 'Meeting Minutes: SVSM Call (May 15th, 2024)'."""
    plain = _EMPHASIS_RE.sub(r"\2", text).strip()
    found = find_date(plain)
    if not found:
        _refuse_far_year(plain)
    date = None
    if found:
        date, (start, end) = found
        # "Tuesday, Sep 20, 2022": the day of the week is the date's, not the series' name
        plain = _WEEKDAY_BEFORE_RE.sub("", plain[:start]) + " " + plain[end:]
        # "… Meeting on 2025-03-12 @ 3pm UTC": the time and the word that led to the date go too
        plain = _AFTER_DATE_RE.sub("", re.sub(r"\s+", " ", plain).strip())
    # A remark after the name is not the series' name: "TSC meeting (first TSC meeting!)".
    plain = re.sub(r"\s*\([^()]*\)\s*$", "", plain.strip()) or plain
    series = _PREFIX_RE.sub("", plain.strip(_TRIM)).strip(_TRIM)
    series = _SUFFIX_RE.sub("", series).strip(_TRIM) or series
    series = re.sub(r"\s+", " ", re.sub(r"\(\s*\)", "", series))
    return (series or None), date


def _refuse_far_year(title: str) -> None:
    """A title that writes its date with a year out of range is refused, not read as another."""
    for pattern in _DATE_RES:
        for match in pattern.finditer(title):
            written = _written_date(match)
            if written and not in_range(written):
                raise BadInput(f"the title's date {match.group(0)!r}: the year must be written in "
                               f"full and be between {FIRST_YEAR} and {LAST_YEAR}")


def date_from_filename(name: str) -> dt.date | None:
    found = find_date(name)
    return found[0] if found else None


def series_from_filename(stem: str) -> str | None:
    """'rust-leadership-council-2024-04-12' -> 'Rust Leadership Council'."""
    found = find_date(stem)
    if found:
        start, end = found[1]
        stem = stem[:start] + stem[end:]
    words = [w for w in re.split(r"[-_\s.]+", stem) if w]
    named = " ".join(w[:1].upper() + w[1:] for w in words)
    return _SUFFIX_RE.sub("", named) or named or None  # "OpenDataology meeting minutes": as a title's


def ordinal(day: int) -> str:
    if 10 <= day % 100 <= 20:
        return f"{day}th"
    return str(day) + {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


# Spelt out rather than strftime("%B"), which follows the locale once anything sets it: minutes,
# subjects and the index are English.
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


def long_date(date: dt.date) -> str:
    """'May 15th, 2024', as the SVSM minutes write dates."""
    return f"{MONTHS[date.month - 1]} {ordinal(date.day)}, {date.year}"


def house_title(series: str, date: dt.date) -> str:
    return f"Meeting Minutes: {series} ({long_date(date)})"


def date_line(text: str) -> dt.date | None:
    """The date of a 'Date: …' line, else None."""
    m = _DATE_LINE_RE.match(_EMPHASIS_RE.sub(r"\2", text))
    found = find_date(m["rest"]) if m else None
    return found[0] if found else None


def heading_date(text: str) -> dt.date | None:
    """The date a heading is about, where the heading is mostly that date ('## 2024-05-14',
    'Meeting of May 14th, 2024') and not a date for something else ('Release 2024-07-01')."""
    text = re.sub(r"\]\([^)]*\)", "]", text)  # a link's address is no date of the heading's
    found = find_date(text)
    if not found or _OTHER_DATE_RE.search(_OWN_DATE_RE.sub(" ", text)):
        return None
    start, end = found[1]
    rest = re.findall(r"[A-Za-z]+", text[:start] + " " + text[end:])
    return found[0] if len(rest) <= 4 else None


def prose_date(lines: list[str]) -> dt.date | None:
    """A full date in the first lines, before any second-level heading ("Meeting held 5th March
    2024."), and not one for something else ("Next meeting: …"): the last guess, after the
    title, a 'Date:' line, the file name and a dated heading."""
    fenced = False
    for line in lines[:20]:
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        # A bullet's date is what the bullet is about ("v1.2 released 2024-02-01").
        if fenced or line.startswith((">", "    ")) or re.match(r"^\s*(?:[-*+]|\d+[.)])\s", line):
            continue
        if re.match(r"^\s{0,3}#{2,}\s", line):
            return None
        found = find_date(line)
        if found and not _OTHER_DATE_RE.search(_OWN_DATE_RE.sub(" ", line)):
            return found[0]
    return None


def front_matter(lines: list[str]) -> dict[str, str]:
    """The plain 'key: value' lines of YAML front matter (between '---' lines at the top)."""
    if not lines or lines[0].strip() != "---":
        return {}
    found: dict[str, str] = {}
    for line in lines[1:40]:
        if line.strip() in ("---", "..."):
            return found
        m = re.match(r"^([A-Za-z_][\w-]*):\s*(.*?)\s*$", line)
        if m:
            found[m[1].lower()] = html.unescape(m[2].strip("'\""))  # "Group&#58; 6th Meeting"
    return {}
