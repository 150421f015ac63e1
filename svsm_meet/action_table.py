"""Action items written as a table ("| Action | Owner | Status |"): one follow-up a row.

The table itself stays a raw block, rendered as written; this only reads the rows, the way
formats/roll.py reads attendees out of a table of names."""

from __future__ import annotations

import re
from dataclasses import dataclass

_TASK_HEADERS = re.compile(r"^(?:action(?: items?)?|actions|ai|task|tasks|todo|to[- ]do|follow[- ]?ups?|"
                           r"next steps?|item|what|description)$", re.I)
# A header that alone says the table is of tasks ("Item" or "What" need an owner column beside).
_TASKS_FOR_SURE = re.compile(r"^(?:action(?: items?)?|actions|ai|task|tasks|todo|to[- ]do|follow[- ]?ups?)$",
                             re.I)
_OWNER_HEADERS = re.compile(r"^(?:owners?|assignees?|assigned(?: to)?|who|responsible|person|lead|by whom)$",
                            re.I)
# A column of what was said: "| Item | Who | Notes |" is a discussion's topics, not tasks.
_NOTES_HEADERS = re.compile(r"^(?:notes?|discussion|details|comments?|summary|minutes)$", re.I)
_STATUS_HEADERS = re.compile(r"^(?:status|state|done\??|progress)$", re.I)
_DONE_RE = re.compile(r"^(?:done|complete|completed|closed|finished|resolved|yes|✅|✔️?|\[x\])\W*$", re.I)
_EMPHASIS_RE = re.compile(r"\*\*|__|`")


@dataclass(frozen=True)
class Row:
    text: str
    owner: str | None
    done: bool


def cells(line: str) -> list[str]:
    """A table row's cells, without their emphasis ('| **Ship** | Ann |' -> ['Ship', 'Ann'])."""
    inner = line.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") and not inner.endswith("\\|") else inner
    return [_EMPHASIS_RE.sub("", c).strip() for c in re.split(r"(?<!\\)\|", inner)]


_PLACEHOLDER_RE = re.compile(r"[<\[{(]*(?:item|task|action(?: item)?|description|todo|tbd|n/?a|none|-+|\.{3}|…)[>\]})]*",
                             re.I)


def is_notes_header(header: str) -> bool:
    """'Notes', 'Discussion': a column of what was said, read as prose."""
    return bool(_NOTES_HEADERS.match(header.strip()))


def table_rows(text: str) -> list[list[str]]:
    """A Markdown table's lines as cells: its header, its rule, then its body; [] for no table."""
    lines = [line for line in text.split("\n") if line.strip()]
    if len(lines) < 3 or not all(line.lstrip().startswith("|") for line in lines[:2]):
        return []
    if not re.fullmatch(r"[\s|:-]+", lines[1]):
        return []  # no header rule: not a table
    return [cells(line) for line in lines]


def action_rows(text: str) -> list[Row]:
    """The tasks of a Markdown table whose header says it holds them; [] for any other table."""
    rows = table_rows(text)
    return rows_of(rows[0], rows[2:]) if rows else []


def rows_of(header: list[str], body: list[list[str]]) -> list[Row]:
    """The tasks of a table given as cells (a Markdown table's, or an HTML one's: html_units.py),
    where its header says it holds them; [] for any other table."""
    header = [_EMPHASIS_RE.sub("", h).strip() for h in header]
    task = next((i for i, h in enumerate(header) if _TASK_HEADERS.match(h)), None)
    owner = next((i for i, h in enumerate(header) if _OWNER_HEADERS.match(h)), None)
    status = next((i for i, h in enumerate(header) if _STATUS_HEADERS.match(h)), None)
    if task is None or not (_TASKS_FOR_SURE.match(header[task]) or owner is not None):
        return []
    if not _TASKS_FOR_SURE.match(header[task]) and (owner is None or header[owner].lower() == "who") \
            and any(is_notes_header(h) for h in header):
        return []  # "| Item | Who | Notes |" (an owner's column, "| Item | Owner | Notes |", is tasks')
    rows = []
    for cells in body:
        what = cells[task] if task < len(cells) else ""
        if len(what) < 3 or _PLACEHOLDER_RE.fullmatch(what) or what.casefold() == header[task].casefold():
            continue  # "| | item | who | due_date |": the template's own row, never filled in
        who = cells[owner] if owner is not None and owner < len(cells) else ""
        state = cells[status] if status is not None and status < len(cells) else ""
        rows.append(Row(what, who or None, bool(_DONE_RE.match(state))))
    return rows
