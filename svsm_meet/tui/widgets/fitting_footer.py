"""A footer that keeps its keys in sight on a narrow terminal."""

from __future__ import annotations

from rich.cells import cell_len
from textual import events
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


class FittingFooter(Footer):
    """Below COMPACT columns the keys are packed closer; below PALETTE the palette's key (Ctrl+P,
    named in help) gives its place to the screen's own keys, which the footer would cut off.
    Where the keys still do not fit, those whose actions are in SPARE leave, in that order, so
    that the last ones shown (Help, Quit, the way back) are never the ones cut; F1 lists them all."""

    def __init__(self, compact_below: int = 100, palette_below: int = 90,
                 spare: tuple[str | tuple[str, ...], ...] = (), **kwargs) -> None:
        super().__init__(**kwargs)
        self.compact_below = compact_below
        self.palette_below = palette_below
        self.spare = spare
        self._width = 0

    def on_resize(self, event: events.Resize) -> None:
        width = event.size.width
        self.compact = width < self.compact_below
        palette = width >= self.palette_below
        if palette != self.show_command_palette:
            self.show_command_palette = palette
        if width != self._width:
            self._width = width
            self.call_after_refresh(self.recompose)

    def _key_width(self, key: FooterKey) -> int:
        # As Footer lays it out: " key description " apart, or "key description" and a space.
        return cell_len(f"{key.key_display} {key.description}".strip()) + (1 if self.compact else 2)

    def compose(self):
        shown = list(super().compose())
        width = self._width or self.size.width
        if not (self.spare and width):
            yield from shown
            return
        keys = [w for w in shown if isinstance(w, FooterKey)]
        palette = [k for k in keys if k.has_class("-command-palette")]
        # SPARE's entries are actions, or tuples of actions that leave together ("Move up/down").
        groups = [(entry,) if isinstance(entry, str) else entry for entry in self.spare]
        # The palette's key, docked at the right edge behind a border, leaves last of all.
        leaving = [[k for k in keys if k.action in group and k not in palette] for group in groups]
        leaving.append(palette)
        used = sum(self._key_width(k) + (1 if k in palette else 0) for k in keys)
        gone: set[int] = set()
        for group in leaving:
            if used <= width:
                break
            used -= sum(self._key_width(k) + (1 if k in palette else 0) for k in group)
            gone.update(id(k) for k in group)
        yield from (w for w in shown if id(w) not in gone)
