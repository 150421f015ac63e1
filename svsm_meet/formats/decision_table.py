"""Decisions written as a table ("| Decision | Rationale | Impact |" under "## Key Decisions"):
one decision a row.

The header and its rule stay a raw block; each row is a paragraph of its own, kept as written (so
the table comes back line for line), whose kind is a decision where its decision cell says
something.  A table of tasks is action_table.py's; any other table stays one raw block."""

from __future__ import annotations

import re

from ..action_table import action_rows, cells, table_rows

# A column that holds what was decided: "Decision", "Key decisions", "Outcome", "Resolution".
_DECISION_HEADERS = re.compile(
    r"^(?:(?:key|final|main) )?(?:decisions?(?: made| taken)?|decided|what was decided|resolutions?|resolved|"
    r"outcomes?|agreed|agreements?|conclusions?|verdict)$", re.I)
# A cell that decides nothing: "TBD", "-", "none", "n/a", "pending", "no decision".
_EMPTY_CELL_RE = re.compile(r"^(?:|[-–—?]+|tbd|tba|n/?a|none|pending|open|no decision(?: yet)?|\.{3}|…)$", re.I)


def decided_rows(lines: list[str], gathered: bool) -> list[int] | None:
    """Of a Markdown table's LINES (header, rule, rows), the indexes among its rows (0 for the
    first under the rule) that record a decision; None where the table is not one of decisions.
    A table is of decisions where a header says so, or where it stands under a heading that
    gathers decisions (GATHERED) and is not a table of tasks."""
    if len(lines) < 3 or any(not line.startswith("|") for line in lines):
        return None  # indented, or a row without its leading bar: kept as the block it is
    rows = table_rows("\n".join(lines))
    if len(rows) != len(lines):
        return None
    header = rows[0]
    column = next((n for n, cell in enumerate(header) if _DECISION_HEADERS.match(cell)), None)
    if column is None and not gathered or action_rows("\n".join(lines)):
        return None
    column = column or 0
    decided = [n for n, row in enumerate(rows[2:])
               if column < len(row) and not _EMPTY_CELL_RE.match(row[column])
               and row[column].casefold() != header[column].casefold()]
    return decided or None


def row_words(text: str) -> str:
    """A decision as read: a table's row ('| Ship v2 | Ready |') as its cells ('Ship v2 · Ready');
    any other decision as written."""
    if not (text.startswith("|") and text.rstrip().endswith("|") and "\n" not in text):
        return text
    return " · ".join(cell for cell in cells(text) if cell)
