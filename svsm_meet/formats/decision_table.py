"""Decisions written as a table ("| Decision | Rationale | Impact |" under "## Key Decisions"):
one decision a row.

The header and its rule stay a raw block; each row is a paragraph of its own, kept as written (so
the table comes back line for line), whose kind is a decision where its decision cell says
something.  A table of tasks is action_table.py's; any other table stays one raw block."""

from __future__ import annotations

import re

from ..action_table import cells, rows_of, table_rows

# A column that holds what was decided: "Decision", "Key decisions", "Outcome", "Resolution" (not
# "Resolved" or "Agreed", a column of yes and no).
_DECISION_HEADERS = re.compile(
    r"^(?:(?:key|final|main) )?(?:decisions?(?: made| taken)?|decided|what was decided|resolutions?|"
    r"outcomes?|agreements?|conclusions?|verdict)$", re.I)
# Under a heading that gathers decisions, a table whose first column says what each row is about
# ("| Topic | Notes |"), not a schedule, a roll call, a changelog or a list of questions.
_TOPIC_HEADERS = re.compile(r"^(?:topic|item|subject|what|summary|description|area|proposal|title|#|no\.?)$", re.I)
# A cell that decides nothing: "TBD", "-", "none", "pending", "yes", "pass", "❌", "Discussed".
_EMPTY_CELL_RE = re.compile(
    r"^(?:|[-–—?✓✔✅❌x]+|tbd|tbc|tba|n/?a|none|pending|open|yes|no|ok|pass(?:ed)?|fail(?:ed)?|wip|in progress|"
    r"ongoing|discussed|deferred|postponed|no (?:decision|outcome)(?: yet)?|(?:not |un|to be )decided|\.{3}|…)\W*$", re.I)


def decided_rows(lines: list[str], gathered: bool) -> set[int] | None:
    """Of a Markdown table's LINES (header, rule, rows), the indexes among its rows (0 for the
    first under the rule) that record a decision; None where the table is not one of decisions.
    A table is of decisions where a header says so, or where it stands under a heading that
    gathers decisions (GATHERED) and its first column names topics; never a table of tasks."""
    if len(lines) < 3 or any(not line.startswith("|") for line in lines):
        return None  # indented, or a row without its leading bar: kept as the block it is
    rows = table_rows("\n".join(lines))
    if len(rows) != len(lines):
        return None
    header = rows[0]
    column = next((n for n, cell in enumerate(header) if _DECISION_HEADERS.match(cell)), None)
    if column is None and gathered and _TOPIC_HEADERS.match(header[0]):
        column = 0
    if column is None or rows_of(header, rows[2:]):
        return None
    decided = {n for n, row in enumerate(rows[2:])
               if column < len(row) and not _EMPTY_CELL_RE.match(row[column])
               and row[column].casefold() != header[column].casefold()}
    return decided or None


def row_words(text: str) -> str:
    """A decision as read: a table's row ('| Ship v2 | Ready |') as its cells ('Ship v2 · Ready');
    any other decision as written."""
    if not is_row(text):
        return text
    return " · ".join(cell.replace("\\|", "|") for cell in cells(text) if cell)


_FIRST_CELL_RE = re.compile(r"^\|(?:[^|\\]|\\.)*\|")


def is_row(text: str) -> bool:
    """'| Ship v2 | Ready |': a bullet that is a row of a table (of decisions), kept in that form."""
    return text.startswith("|") and text.rstrip().endswith("|") and "\n" not in text


def kept_a_row(old: str, new: str) -> str:
    """NEW, the words typed over a table's row OLD, as a row still: where they lost the bars, they
    are the first cell's ('Ship v3' over '| Ship v2 | Ready |' is '| Ship v3 | Ready |'), so that the
    table around it stays a table."""
    if not is_row(old) or new.lstrip().startswith("|"):
        return new
    first = _FIRST_CELL_RE.match(old)
    return f"| {new.strip()} |" + (old[first.end():] if first else "")
