"""The meeting document as plain dataclasses.

Formats (Markdown, JSON) and the store speak this model; nothing here touches a database or a
terminal, so it is cheap to import and easy to test.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

# Item kinds.  "raw" keeps a block the model does not understand verbatim (a table, code, a
# paragraph); its text holds the block's lines exactly as written, indentation included.
KINDS = ("note", "decision", "action", "info", "idea", "link", "question", "raw")

# Section kinds: the meeting's title heading, the attendees heading (whose body is the attendance),
# and every other heading.  Level 0 means "no heading line" (attendees given as a bare paragraph).
SECTION_KINDS = ("title", "attendees", "topic")
# A list marker as written, its padding included ("12.  "): the width the store keeps.
MARKER_CHARS = 12
# Attendance read out of lines that stay items, rendered as written (formats/roll.py): the
# attendees are records, but their lines are the items'.
ITEMS_STYLE = "items"

FOLLOWUP_STATUSES = ("suggested", "open", "done", "dropped")


@dataclass
class Item:
    text: str
    kind: str = "note"
    # The inline label as written ("Action Item: ", "**AI**:"); rendered before the text.
    label: str | None = None
    # Overrides of the meeting's layout, set only where this bullet differs from it.
    marker: str | None = None
    indent: int | None = None
    blank_before: bool = False
    children: list[Item] = field(default_factory=list)
    id: int | None = None
    version: int = 1

    @property
    def body(self) -> str:
        return (self.label or "") + self.text

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class Attendee:
    name: str  # as written in this meeting
    role: str | None = None  # "Chair", shown in parentheses
    affiliation: str | None = None  # "AMD", shown in parentheses
    group: str | None = None  # line label as written, e.g. "Council:" or "Observers:"
    present: bool = True
    new_line: bool = False  # starts a new line of the attendees paragraph
    # "@lirantal" written beside the name: read at import into the directory as an alias (so
    # "@lirantal will …" is Liran Tal's), not kept with the meeting, which keeps its lines.
    handle: str | None = field(default=None, compare=False)

    @property
    def shown(self) -> str:
        note = self.role or self.affiliation
        return f"{self.name} ({note})" if note else self.name


@dataclass
class Section:
    kind: str
    level: int
    text: str
    blank_before: bool = True
    items: list[Item] = field(default_factory=list)
    id: int | None = None


@dataclass
class Layout:
    """How a meeting's Markdown is shaped; imported minutes keep their own."""

    bullet: str = "*"
    indent: int = 2
    # "paragraph", or the marker of a bullet list of names ("*", "-"), or ITEMS_STYLE.
    attendees_style: str = "paragraph"
    attendees_gap: bool = True  # a blank line between the attendees heading and the names
    # Nested bullets indented with tabs, a tab a column ("\t- Vote" under "* Proposal").
    tabs: bool = False

    def to_dict(self) -> dict:
        found = {
            "bullet": self.bullet,
            "indent": self.indent,
            "attendees_style": self.attendees_style,
            "attendees_gap": self.attendees_gap,
        }
        if self.tabs:  # only where written so: every other meeting's record stays as it was
            found["tabs"] = True
        return found

    @classmethod
    def from_dict(cls, data: dict | None) -> Layout:
        """As stored; a value older code let in that no renderer can use (an indent of 0 or
        "x", a bullet "x") is the house style's, so that one bad meeting does not stop the app
        or an export."""
        layout = cls()
        for key, value in (data or {}).items():
            if hasattr(layout, key) and _usable(key, value):
                setattr(layout, key, value)
        return layout


_LAYOUT_VALUES = {
    "bullet": lambda v: isinstance(v, str) and v[:1] in ("*", "-", "+") and v[1:] in ("", " ", "  ", "   "),
    "indent": lambda v: type(v) is int and 1 <= v <= 20,
    "attendees_style": lambda v: v in ("paragraph", "*", "-", "+", ITEMS_STYLE),
    "attendees_gap": lambda v: type(v) is bool,
    "tabs": lambda v: type(v) is bool,
}


def _usable(key: str, value) -> bool:
    return _LAYOUT_VALUES[key](value) if key in _LAYOUT_VALUES else True


@dataclass
class Due:
    """When a follow-up is due: a date, a zoned date-time, or unknown (with why and when to ask)."""

    date: dt.date | None = None
    at: dt.datetime | None = None  # tz-aware
    unknown_reason: str | None = None
    recheck: dt.date | None = None


@dataclass
class FollowUp:
    text: str
    uid: str
    status: str = "open"
    owner: str | None = None
    due: Due = field(default_factory=Due)
    item: Item | None = None
    sequence: int = 0
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None
    closed_at: dt.datetime | None = None
    id: int | None = None


@dataclass
class Document:
    series: str
    date: dt.date
    start_time: dt.time | None = None
    timezone: str | None = None
    layout: Layout = field(default_factory=Layout)
    attendees: list[Attendee] = field(default_factory=list)
    preamble: list[Item] = field(default_factory=list)  # blocks before the first heading
    sections: list[Section] = field(default_factory=list)
    followups: list[FollowUp] = field(default_factory=list)
    id: int | None = None

    @property
    def title(self) -> str | None:
        for section in self.sections:
            if section.kind == "title":
                return section.text
        return None

    def items(self):
        """Every item, depth first, in document order."""
        for item in self.preamble:
            yield from item.walk()
        for section in self.sections:
            for item in section.items:
                yield from item.walk()
