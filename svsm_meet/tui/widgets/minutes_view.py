"""The minutes as they will read in Markdown, one option per heading, attendee block or bullet."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ...formats.markdown_out import (attendee_lines, heading_line, item_column, item_marker,
                                     item_own_lines)
from ...model import Document, FollowUp, Item, Layout
from ..plain import shown
from .hanging import Hanging

# Textual's style names; "ansi_" colours are the terminal's own, as Rich's plain names were.
_KIND_STYLE = {
    "decision": "bold ansi_green",
    "action": "bold ansi_yellow",
    "info": "ansi_cyan",
    "idea": "ansi_magenta",
    "link": "underline ansi_blue",
    "question": "italic",
    "raw": "dim",
}
_WHOLE_TEXT_KINDS = ("link", "question", "info")
_LIST_LEAD = re.compile(r" *(?:[*+-]|\d+[.)]) +")
_HEADING_STYLE = {1: "bold reverse", 2: "bold ansi_bright_blue", 3: "bold", 4: "bold italic"}


@dataclass(frozen=True)
class Target:
    """What an option of the view stands for."""

    kind: str  # "section", "item", "attendees"
    id: int | None


def _piece(text: str, style: str):
    return (text, style) if style else text


def _lead_and_text(line: str, style: str = "") -> tuple[Content, Content]:
    """A line split after its indentation: wrapped, it hangs under its own first character."""
    cut = len(line) - len(line.lstrip(" "))
    return Content(line[:cut]), Content.assemble(_piece(line[cut:], style))


def _item_lines(item: Item, column: int, layout: Layout) -> list[tuple[Content, Content]]:
    # Tabs as the columns they stand for (a list nested with tabs), so that lines wrap where shown.
    lines = [shown(line.expandtabs(4)) for line in item_own_lines(item, column, layout)]
    if item.kind == "raw":
        return [_lead_and_text(line, "dim") for line in lines]
    first = lines[0]
    marker = item_marker(item, layout)
    # The marker and the space after it: the text's lines wrap under the text, not the marker.
    lead = len(first) - len(first.lstrip(" "))
    cut = lead + len(marker) + 1 if marker else lead
    rest = first[cut:]
    style = _KIND_STYLE.get(item.kind, "")
    parts = []
    if item.label:
        label = shown(item.label)
        end = rest.find(label) + len(label)
        parts.append(_piece(rest[:end], style))
        rest = rest[end:]
    # Kinds without a label of their own ("info" has none when typed) are told by the text's colour,
    # so that an info does not look like a note.
    parts.append(_piece(rest, style if item.kind in _WHOLE_TEXT_KINDS else ""))
    out = [(Content.styled(first[:cut], "dim"), Content.assemble(*parts))]
    return out + [_lead_and_text(line) for line in lines[1:]]


def _heading(line: str, style: str) -> tuple[Content, Content]:
    line = shown(line)
    cut = line.find(" ") + 1  # after the hashes: a long heading wraps under its words
    return Content.styled(line[:cut], style), Content.styled(line[cut:], style)


def _attendee_line(line: str) -> tuple[Content, Content]:
    line = shown(line)
    lead = _LIST_LEAD.match(line)  # a list of names wraps under the name
    cut = lead.end() if lead else 0
    return Content(line[:cut]), Content.styled(line[cut:], "italic")


def _note(note: str) -> Content | None:
    """After a bullet's text, on screen only: the export has no such words."""
    return Content.styled(f"  {note}", "dim") if note else None


def _day(day: dt.date, year: int) -> str:
    return f"{day:%b} {day.day}" + ("" if day.year == year else f" {day.year}")


def followup_note(followups: list[FollowUp], kind: str, year: int) -> str:
    """What the view says after a bullet about its follow-ups: "→ Joerg Roedel · due Jun 5",
    "→ nobody yet" for an action nobody owns; "" where there is nothing to follow up."""
    notes = []
    for f in followups:
        if f.status == "dropped" and kind != "action":
            continue  # a suggestion turned down is no follow-up of a note
        words = [f"→ {f.owner or 'nobody yet'}"]
        if f.due.at:
            words.append(f"due {_day(f.due.at.date(), year)} {f.due.at:%H:%M}")
        elif f.due.date:
            words.append(f"due {_day(f.due.date, year)}")
        elif f.due.unknown_reason:
            words.append("due unknown")
        if f.status != "open":
            words.append(f.status)
        notes.append(" · ".join(words))
    if not notes and kind == "action":
        return "→ nobody yet"
    return "; ".join(dict.fromkeys(notes))  # two suggestions for one person: said once


class MinutesView(OptionList):
    """Shows a Document; the highlighted option is what the editing keys act on."""

    def show(self, doc: Document, keep: Target | None = None) -> None:
        keep = keep or self.target()
        self.targets: list[Target] = []
        options: list[Option] = []
        # The options of the last show, by what they show: an entry re-renders only its own bullet,
        # and an option kept keeps its wrapped height (OptionList measures every new option: in a
        # meeting of 1,000 bullets that was most of an entry's way to the screen).
        before = getattr(self, "_options_by_look", {})
        kept: dict[tuple, Option] = {}

        def add(look: tuple, prompt, target: Target, blank: bool) -> None:
            key = (look, target, blank and bool(options))
            option = before.get(key)
            if option is None or key in kept:
                option = Option(Hanging(*prompt(), blank_before=key[2]))
            option._id = f"{target.kind}:{target.id}:{len(options)}"
            kept[key] = option
            options.append(option)
            self.targets.append(target)

        layout = doc.layout
        shape = (layout.bullet, layout.indent)
        followups: dict[int, list[FollowUp]] = {}
        for f in doc.followups:
            if f.item is not None:
                followups.setdefault(f.item.id, []).append(f)

        def add_items(items: list[Item], parent_column: int | None) -> None:
            for item in items:
                column = item_column(item, parent_column, layout)
                # Not after a raw block: a note after a table's last row or in code reads as part of it.
                note = followup_note(followups.get(item.id, ()), item.kind, doc.date.year) \
                    if item.kind == "action" or (item.id in followups and item.kind != "raw") else ""
                look = (shape, column, item.kind, item.label, item.text, item.marker, item.indent,
                        note)
                add(look, lambda item=item, column=column, note=note:
                    (_item_lines(item, column, layout), _note(note)),
                    Target("item", item.id), item.blank_before)
                add_items(item.children, column)

        add_items(doc.preamble, None)
        for section in doc.sections:
            if section.level:
                style = _HEADING_STYLE.get(section.level, "bold")
                line = heading_line(section)
                add((line, style), lambda line=line, style=style: ([_heading(line, style)],),
                    Target("section", section.id), section.blank_before)
            lines = attendee_lines(doc) if section.kind == "attendees" else []
            if lines:
                add((tuple(lines),), lambda lines=lines: ([_attendee_line(line) for line in lines],),
                    Target("attendees", section.id),
                    doc.layout.attendees_gap if section.level else section.blank_before)
            add_items(section.items, None)
        self._options_by_look = kept
        highlighted = self.highlighted
        self.set_options(options)
        if keep in self.targets:
            self.highlighted = self.targets.index(keep)
        elif options:
            self.highlighted = min(highlighted or 0, len(options) - 1)

    def target(self) -> Target | None:
        targets = getattr(self, "targets", [])
        if self.highlighted is None or self.highlighted >= len(targets):
            return None
        return targets[self.highlighted]

    def focus_last(self) -> None:
        if self.option_count:
            self.highlighted = self.option_count - 1
        self.focus()
