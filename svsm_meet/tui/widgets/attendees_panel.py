"""The series roster, each with a box ticked when present; Space toggles."""

from __future__ import annotations

from textual.widgets import SelectionList
from textual.widgets.selection_list import Selection

from ..plain import plain


class AttendeesPanel(SelectionList[str]):
    def show(self, roster: list[str], present: list[str]) -> None:
        names = list(dict.fromkeys(roster + present))  # a stable order: toggling moves no one
        highlighted = self.highlighted
        self.clear_options()
        self.add_options([Selection(plain(name), name, name in present) for name in names])
        if names:
            self.highlighted = min(highlighted or 0, len(names) - 1)
