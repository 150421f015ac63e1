"""A footer that keeps its keys in sight on a narrow terminal."""

from __future__ import annotations

from textual import events
from textual.widgets import Footer


class FittingFooter(Footer):
    """Below COMPACT columns the keys are packed closer; below PALETTE the palette's key (Ctrl+P,
    named in help) gives its place to the screen's own keys, which the footer would cut off."""

    def __init__(self, compact_below: int = 100, palette_below: int = 90, **kwargs) -> None:
        super().__init__(**kwargs)
        self.compact_below = compact_below
        self.palette_below = palette_below

    def on_resize(self, event: events.Resize) -> None:
        width = event.size.width
        self.compact = width < self.compact_below
        palette = width >= self.palette_below
        if palette != self.show_command_palette:
            self.show_command_palette = palette
            self.call_after_refresh(self.recompose)
