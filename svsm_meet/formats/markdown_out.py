"""Markdown minutes rendered from the records, in the meeting's own layout."""

from __future__ import annotations

from ..model import ITEMS_STYLE, Document, Item, Layout, Section
from . import attendees as attendee_format


def heading_line(section: Section) -> str:
    return f"{'#' * section.level} {section.text}".rstrip()


def item_column(item: Item, parent_column: int | None, layout: Layout) -> int:
    """The column of ITEM's marker: a top-level bullet sits at 0, a child one indent deeper."""
    default = 0 if parent_column is None else parent_column + layout.indent
    if item.indent is None:
        return default
    return item.indent if parent_column is None else parent_column + item.indent


def item_marker(item: Item, layout: Layout) -> str:
    """The list marker ITEM is written with: its own, else the meeting's; "" for a paragraph."""
    return layout.bullet if item.marker is None else item.marker


def item_own_lines(item: Item, column: int, layout: Layout) -> list[str]:
    """The lines of ITEM itself, without its children."""
    if item.kind == "raw":
        return item.text.split("\n")
    marker = item_marker(item, layout)
    lead = ("\t" if layout.tabs else " ") * column
    if not marker:  # a paragraph: its lines as written, no marker
        return [(lead + line).rstrip() for line in item.body.split("\n")]
    first, *rest = item.body.split("\n")
    pad = lead + " " * (len(marker) + 1)
    lines = [f"{lead}{marker} {first}".rstrip()]
    lines += [(pad + line).rstrip() for line in rest]
    return lines


def attendee_lines(doc: Document) -> list[str]:
    """The attendance as the attendees section writes it; none where the attendees were read
    out of lines that render as items themselves."""
    style = doc.layout.attendees_style
    if not doc.attendees or style == ITEMS_STYLE:
        return []
    if style == "paragraph":
        return attendee_format.paragraph_lines(doc.attendees)
    return attendee_format.list_lines(doc.attendees, style)


class _Lines:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def block(self, lines: list[str], blank_before: bool) -> None:
        if self.lines and blank_before and self.lines[-1] != "":
            self.lines.append("")
        self.lines.extend(lines)

    def items(self, items: list[Item], layout: Layout, parent_column: int | None = None) -> None:
        for item in items:
            column = item_column(item, parent_column, layout)
            self.block(item_own_lines(item, column, layout), item.blank_before)
            self.items(item.children, layout, column)


def render(doc: Document) -> str:
    out = _Lines()
    out.items(doc.preamble, doc.layout)
    for section in doc.sections:
        if section.level:
            out.block([heading_line(section)], section.blank_before)
        lines = attendee_lines(doc) if section.kind == "attendees" else []
        if lines:
            gap = doc.layout.attendees_gap if section.level else section.blank_before
            out.block(lines, gap)
        out.items(section.items, doc.layout)
    text = "\n".join(out.lines).strip("\n")
    return text + "\n" if text else ""
