"""Lines whose wrapped continuations hang under their text, not under the marker or column 0:
a long nested bullet reads as one bullet, as in the exported Markdown."""

from __future__ import annotations

from textual.content import Content
from textual.visual import RenderOptions, Visual

# Below this many cells for the text, a deep bullet in a narrow view wraps from column 0 instead:
# a hang that leaves a word per line is harder to read than none.
_MIN_TEXT = 12


class Hanging(Visual):
    """LINES, each (lead, text): LEAD (indentation and marker) is drawn once, TEXT wraps in the
    width left beside it; TAIL (a note after the text) is kept in one piece where it fits.  An
    option of the minutes view; immutable, so its wrapping is cached."""

    def __init__(self, lines: list[tuple[Content, Content]], tail: Content | None = None,
                 blank_before: bool = False) -> None:
        self.lines = ([(Content(), Content())] if blank_before else []) + lines
        self.tail = tail  # after the last line, or on a line of its own if it does not fit there
        # By width: the list measures an option at one width and draws it at another (less its
        # scrollbar), so one cached width was laid out again at every refresh.
        self._laid_out: dict[int, tuple[int, Content, int]] = {}

    @property
    def content(self) -> Content:
        """The lines unwrapped, as one Content (what tests and the optimal width look at)."""
        return Content("\n").join(lead + text for lead, text in self.lines) + (self.tail or "")

    @property
    def plain(self) -> str:
        return self.content.plain

    def __str__(self) -> str:
        return self.plain

    def _wrapped(self, width: int) -> tuple[int, Content, int]:
        found = self._laid_out.get(width)
        if found is not None:
            return found
        out: list[Content] = []
        hang = 0
        for lead, text in self.lines:
            hang = lead.cell_length
            out.extend(_hung(lead, text, width))
        tail = self.tail
        if tail and out[-1].cell_length + tail.cell_length <= width:
            out[-1] += tail
        elif tail:
            spaces = len(tail.plain) - len(tail.plain.lstrip(" "))
            out.extend(_hung(Content(" " * hang), tail[spaces:], width))
        if len(self._laid_out) > 3:  # a terminal resized: the widths of before go
            self._laid_out.clear()
        found = self._laid_out[width] = (width, Content("\n").join(out), len(out))
        return found

    def render_strips(self, width: int, height: int | None, style, options: RenderOptions):
        return self._wrapped(width)[1].render_strips(width, height, style, options)

    def get_optimal_width(self, rules, container_width: int) -> int:
        return max(line.cell_length for line in self.content.split(allow_blank=True))

    def get_height(self, rules, width: int) -> int:
        return self._wrapped(width)[2]


def _hung(lead: Content, text: Content, width: int) -> list[Content]:
    """TEXT wrapped beside LEAD, its lines after the first under its first."""
    hang = lead.cell_length
    if hang + text.cell_length <= width:
        return [lead + text]
    if width - hang < _MIN_TEXT:
        return (lead + text).wrap(width)
    first, *rest = text.wrap(width - hang)
    return [lead + first] + [Content(" " * hang) + line for line in rest]
