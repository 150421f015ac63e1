"""The minutes as they will read in Markdown, one option per heading, attendee block or bullet."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ...formats.markdown_out import (attendee_lines, heading_line, item_column, item_marker,
                                     item_own_lines)
from ...model import Document, Item, Layout
from ..plain import plain, shown

_KIND_STYLE = {
    "decision": "bold green",
    "action": "bold yellow",
    "info": "cyan",
    "idea": "magenta",
    "link": "underline blue",
    "question": "italic",
    "raw": "dim",
}
_WHOLE_TEXT_KINDS = ("link", "question", "info")
_HEADING_STYLE = {1: "bold reverse", 2: "bold bright_blue", 3: "bold", 4: "bold italic"}


@dataclass(frozen=True)
class Target:
    """What an option of the view stands for."""

    kind: str  # "section", "item", "attendees"
    id: int | None


def _item_text(item: Item, column: int, layout: Layout) -> Text:
    lines = [shown(line) for line in item_own_lines(item, column, layout)]
    if item.kind == "raw":
        return plain("\n".join(lines), style="dim")
    text = Text()
    first = lines[0]
    marker_end = column + len(item_marker(item, layout))
    text.append(first[:marker_end], style="dim")
    rest = first[marker_end:]
    if item.label:
        label = shown(item.label)
        cut = rest.find(label) + len(label)
        text.append(rest[:cut], style=_KIND_STYLE.get(item.kind, ""))
        rest = rest[cut:]
    # Kinds without a label of their own ("info" has none when typed) are told by the text's colour,
    # so that an info does not look like a note.
    text.append(rest, style=_KIND_STYLE.get(item.kind, "") if item.kind in _WHOLE_TEXT_KINDS else "")
    for line in lines[1:]:
        text.append("\n" + line)
    return text


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
                text = prompt()
                option = Option(Text("\n") + text if key[2] else text)
            option._id = f"{target.kind}:{target.id}:{len(options)}"
            kept[key] = option
            options.append(option)
            self.targets.append(target)

        layout = doc.layout
        shape = (layout.bullet, layout.indent)

        def add_items(items: list[Item], parent_column: int | None) -> None:
            for item in items:
                column = item_column(item, parent_column, layout)
                look = (shape, column, item.kind, item.label, item.text, item.marker, item.indent)
                add(look, lambda item=item, column=column: _item_text(item, column, layout),
                    Target("item", item.id), item.blank_before)
                add_items(item.children, column)

        add_items(doc.preamble, None)
        for section in doc.sections:
            if section.level:
                style = _HEADING_STYLE.get(section.level, "bold")
                line = heading_line(section)
                add((line, style), lambda line=line, style=style: plain(line, style=style),
                    Target("section", section.id), section.blank_before)
            lines = attendee_lines(doc) if section.kind == "attendees" else []
            if lines:
                block = "\n".join(lines)
                add((block,), lambda block=block: plain(block, style="italic"),
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
