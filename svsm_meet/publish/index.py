"""The minutes index (the governance repo's `Meetings/README.md`): learn its shape from the file as
it is, and add one meeting's line to it.

The shape the SVSM repo has had: a `## SVSM Development Call` section holding either one
`### <Month> <Year>` heading per month, newest first, with that month's bullets under it (since
November 2024), or one flat list (before); each bullet `* [October 2nd, 2024](devel-call-2024-10-02.md)`,
newest first.  Lines are only ever inserted, so the rest of the file stays byte for byte (a stray
line holding a tab included) and the diff is the one line, or the new month, a maintainer adds.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..formats.titles import MONTHS as _MONTHS
from ..formats.titles import find_date, long_date

_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*$")
_BULLET_LINK = re.compile(r"^([ \t]*[*+-][ \t]+)\[([^\]]*)\]\(([^)\s]+)\)")
_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_MONTH_HEADING = re.compile(rf"^({'|'.join(_MONTHS)})\s+(\d{{4}})$", re.IGNORECASE)

# How a bullet's link text writes its date, as seen in the file; the first is the SVSM house style.
DATE_STYLES = {
    "ordinal": long_date,
    "plain": lambda d: f"{_MONTHS[d.month - 1]} {d.day}, {d.year}",
    "iso": lambda d: d.isoformat(),
}


@dataclass(frozen=True)
class _Entry:
    line: int
    marker: str
    text: str
    target: str
    date: dt.date | None


@dataclass(frozen=True)
class _Month:
    line: int
    level: int
    month: tuple[int, int]  # (year, month)


def _heading(line: str) -> tuple[int, str] | None:
    found = _HEADING.match(line)
    return (len(found[1]), found[2].strip("*_ :")) if found else None


def _entry_date(text: str, target: str) -> dt.date | None:
    iso = _ISO.search(target)
    if iso:
        try:
            return dt.date(*map(int, iso.groups()))
        except ValueError:
            pass
    found = find_date(text)
    return found[0] if found else None


def _find_section(lines: list[str], series: str) -> tuple[int, int, int] | None:
    """(heading line, end line, level) of SERIES' section: up to the next heading as high."""
    for i, line in enumerate(lines):
        head = _heading(line)
        if head and head[1].casefold() == series.casefold():
            end = next((j for j in range(i + 1, len(lines))
                        if (h := _heading(lines[j])) and h[0] <= head[0]), len(lines))
            return i, end, head[0]
    return None


def _entries(lines: list[str], start: int, end: int) -> list[_Entry]:
    found = []
    for i in range(start, end):
        m = _BULLET_LINK.match(lines[i])
        if m:
            found.append(_Entry(i, m[1], m[2], m[3], _entry_date(m[2], m[3])))
    return found


def _months(lines: list[str], start: int, end: int, level: int) -> list[_Month]:
    found = []
    for i in range(start, end):
        head = _heading(lines[i])
        m = _MONTH_HEADING.match(head[1]) if head and head[0] > level else None
        if m:
            month = next(n for n, name in enumerate(_MONTHS, 1) if name.casefold() == m[1].casefold())
            found.append(_Month(i, head[0], (int(m[2]), month)))
    return found


def _date_style(entries: list[_Entry]) -> str:
    """The style most bullets write their date in (the house style where none does)."""
    counts = {name: sum(1 for e in entries if e.date and e.text == fmt(e.date))
              for name, fmt in DATE_STYLES.items()}
    best = max(counts, key=lambda name: counts[name])
    return best if counts[best] else "ordinal"


def _newest_first(dates: list) -> bool:
    dated = [d for d in dates if d is not None]
    return not (len(dated) >= 2 and dated[0] < dated[-1])


def _position(entries: list[_Entry], date: dt.date, newest_first: bool, after: int) -> int:
    """The line to insert DATE's bullet at among ENTRIES (after line AFTER when there are none)."""
    for e in entries:
        if e.date is not None and (e.date < date if newest_first else e.date > date):
            return e.line
    return entries[-1].line + 1 if entries else after


def add_entry(text: str, series: str, date: dt.date, target: str) -> str:
    """TEXT with a bullet linking TARGET (relative to the index) for SERIES' meeting of DATE, in
    the place and form the file's own bullets have; TEXT itself where the link is there already."""
    # CRLF line ends throughout (a checkout with core.autocrlf): its headings read without the CR,
    # and the lines added with CRLF too.
    if "\r\n" in text and text.count("\n") == text.count("\r\n"):
        return add_entry(text.replace("\r\n", "\n"), series, date, target).replace("\n", "\r\n")
    lines = text.split("\n") if text else []
    section = _find_section(lines, series)
    if section is None:
        return _with_new_section(text, series, date, target)
    start, end, level = section
    entries = _entries(lines, start + 1, end)
    if any(e.target == target for e in entries):
        return text
    marker = entries[0].marker if entries else "* "
    bullet = f"{marker}[{DATE_STYLES[_date_style(entries)](date)}]({target})"
    months = _months(lines, start + 1, end, level)
    if entries and not months:  # a flat list: the 2024 shape
        at = _position(entries, date, _newest_first([e.date for e in entries]), end)
        lines[at:at] = [bullet]
        return "\n".join(lines)
    _insert_by_month(lines, months, entries, (start, end, level), date, bullet)
    return "\n".join(lines)


def _month_year(date: dt.date) -> str:
    return f"{_MONTHS[date.month - 1]} {date.year}"


def _blank_after(lines: list[str], line: int) -> bool:
    return line + 1 < len(lines) and not lines[line + 1].strip()


def _insert_by_month(lines, months: list[_Month], entries: list[_Entry], section, date, bullet) -> None:
    """Under the meeting's month heading, made where missing above the next older month."""
    start, end, level = section
    key = (date.year, date.month)
    for n, month in enumerate(months):
        if month.month == key:
            block_end = months[n + 1].line if n + 1 < len(months) else end
            mine = [e for e in entries if month.line < e.line < block_end]
            after = month.line + (2 if _blank_after(lines, month.line) else 1)
            at = _position(mine, date, _newest_first([e.date for e in entries]), after)
            # A month with no bullet yet: keep a blank line before whatever follows it.
            needs_gap = not mine and at < len(lines) and lines[at].strip()
            lines[at:at] = [bullet, ""] if needs_gap else [bullet]
            return
    month_level = months[0].level if months else level + 1
    heading = f"{'#' * month_level} {_month_year(date)}"
    block = [heading, ""] if not months or _blank_after(lines, months[0].line) else [heading]
    newest_first = _newest_first([m.month for m in months])
    for month in months:
        if (month.month < key) if newest_first else (month.month > key):
            lines[month.line:month.line] = [*block, bullet, ""]
            return
    last = max((i for i in range(start, end) if lines[i].strip()), default=start)
    lines[last + 1:last + 1] = ["", *block, bullet]


def _with_new_section(text: str, series: str, date: dt.date, target: str) -> str:
    """A section for a series the index does not list yet, at the end, in the house style."""
    bullet = f"* [{long_date(date)}]({target})"
    section = f"## {series}\n\n### {_month_year(date)}\n\n{bullet}\n"
    if not text.strip():
        return f"# Meeting Minutes\n\n{section}"
    return text.rstrip("\n") + "\n\n" + section
