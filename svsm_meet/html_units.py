"""What an HTML block of minutes says, unit by unit: its paragraphs, list items and table cells.

Minutes exported from GitBook or a word processor are often one HTML table ("Discussion Points |
Notes/Action Items | Actions: Responsible"), kept verbatim as a raw block.  The follow-ups are
read out of it here, as action_table.py reads them out of a Markdown table: each unit's text, and
whether its table column is one of actions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

# Tags that end one unit of text and start another.
_BREAKS = {"p", "li", "td", "th", "tr", "br", "div", "h1", "h2", "h3", "h4", "h5", "h6",
           "blockquote", "table", "ul", "ol", "dt", "dd"}
_ACTION_COLUMN = re.compile(r"\b(?:actions?|action items?|to ?dos?|tasks?|follow[- ]?ups?|next steps?)\b", re.I)

_NOTES_COLUMN = re.compile(r"\b(?:notes?|discussion|summary|minutes)\b", re.I)


@dataclass(frozen=True)
class Unit:
    text: str
    in_action_column: bool  # a table cell under a header such as "Actions: Responsible/None"


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.units: list[Unit] = []
        self.words: list[str] = []
        self.headers: list[str] = []  # the header row's texts, by column
        self.column = -1
        self.in_header = False

    def _end_unit(self) -> None:
        text = " ".join("".join(self.words).split())
        self.words = []
        if not text:
            return
        if self.in_header:
            self.headers.append(text)
            return
        self.units.append(Unit(text, self.column in self._action_columns()))

    def _action_columns(self) -> set[int]:
        found = {n for n, header in enumerate(self.headers) if _ACTION_COLUMN.search(header)}
        # "Notes/Action Items" beside "Actions: Responsible": the notes are not all tasks.
        only = {n for n in found if not _NOTES_COLUMN.search(self.headers[n])}
        return only or found

    def handle_starttag(self, tag, attrs) -> None:
        if tag in _BREAKS:
            self._end_unit()
        if tag == "tr":
            self.column = -1
        elif tag == "th":
            self.in_header = True
        elif tag == "td":
            self.column += 1

    def handle_endtag(self, tag) -> None:
        if tag in _BREAKS:
            self._end_unit()
        if tag == "th":
            self.in_header = False

    def handle_data(self, data) -> None:
        self.words.append(data)


class _Cells(HTMLParser):
    """A table's rows as the texts of their cells."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[str]] = []
        self.words: list[str] | None = None

    def handle_starttag(self, tag, attrs) -> None:
        if tag == "tr" or tag in ("td", "th") and not self.rows:
            self.rows.append([])  # "<thead><td>Owner</td>…": a header row without its "<tr>"
        if tag in ("td", "th"):
            self.words = []

    def handle_endtag(self, tag) -> None:
        if tag in ("td", "th") and self.words is not None:
            self.rows[-1].append(" ".join("".join(self.words).split()))
            self.words = None
        elif tag == "thead" and self.rows and self.rows[-1]:
            self.rows.append([])  # the body's first row may come without its "<tr>" too

    def handle_data(self, data) -> None:
        if self.words is not None:
            self.words.append(data)


def html_rows(text: str, head: str = "") -> list[list[str]]:
    """The rows of the HTML table TEXT is (or, with HEAD, the table's opening rows before it, a
    row of it): the cells' texts, the header row first; [] for HTML that is no table."""
    reader = _Cells()
    try:
        reader.feed(head + "\n" + text)
        reader.close()
    except Exception:  # noqa: BLE001 - malformed HTML says nothing we can read
        return []
    return [row for row in reader.rows if row]


def html_units(text: str, head: str = "") -> list[Unit]:
    """The units of text of an HTML block; [] for a block that is not HTML.  HEAD: for a row of a
    table kept an item a row, the table's opening rows, read first for its column headers."""
    if not text.lstrip().startswith("<"):
        return []
    reader = _Reader()
    try:
        reader.feed(head)
        reader._end_unit()
        before = len(reader.units)
        reader.feed(text)
        reader.close()
    except Exception:  # noqa: BLE001 - malformed HTML says nothing we can read
        return []
    reader._end_unit()
    return reader.units[before:]
