"""The series roster, each marked ✓ when present and · when not (a mark, not only a colour);
Space or Enter toggles.  Everyone keeps their place while the panel is open: unticking and
ticking someone again moves no one."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ..plain import shown

HERE, AWAY = "✓", "·"


class Attendee(Option):
    def __init__(self, name: str, here: bool) -> None:
        prompt = Text()
        prompt.append(f"{HERE if here else AWAY} ", style="bold green" if here else "dim")
        prompt.append(shown(name, lines=False), style="" if here else "dim italic")
        super().__init__(prompt)
        self.value = name
        self.here = here


class AttendeesPanel(OptionList):
    BINDINGS = [
        Binding("space", "toggle", "Here / not here", id="attendees.toggle"),
        Binding("ctrl+t", "screen.hide_attendees", "Hide panel", id="attendees.hide"),
    ]

    @dataclass
    class Toggled(Message):
        """The note-taker ticked or unticked NAME."""

        name: str

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.order: list[str] = []  # everyone shown so far, in their first place

    @property
    def selected(self) -> list[str]:
        """The names ticked present."""
        return [o.value for o in self._attendees() if o.here]

    def _attendees(self) -> list[Attendee]:
        return [self.get_option_at_index(n) for n in range(self.option_count)]

    def show(self, roster: list[str], present: list[str]) -> None:
        for name in dict.fromkeys(roster + present):
            if name not in self.order:
                self.order.append(name)
        highlighted = self.highlighted
        here = set(present)
        self.set_options([Attendee(name, name in here) for name in self.order])
        if self.order:
            self.highlighted = min(highlighted or 0, len(self.order) - 1)

    def action_toggle(self) -> None:
        if self.highlighted is not None:
            self.post_message(self.Toggled(self.get_option_at_index(self.highlighted).value))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()  # Enter: the same as Space
        self.post_message(self.Toggled(event.option.value))
