"""The entry line: one line per entry, Tab / Shift+Tab set the depth, names complete."""

from __future__ import annotations

import re

from textual.binding import Binding
from textual.message import Message
from textual.suggester import Suggester
from textual.widgets import Input

from ..plain import shown

# Where a name may start: the line's start, after a comma, '@', or a command word.
_NAME_START = re.compile(r"(?:^|, *|@|#attendees +|#here +|\s)(?=\S)")


class NameSuggester(Suggester):
    """Completes the name being typed at the end of the line from the people directory."""

    def __init__(self, names: list[str]):
        super().__init__(use_cache=False, case_sensitive=True)
        self.names = names

    async def get_suggestion(self, value: str) -> str | None:
        for m in _NAME_START.finditer(value):
            fragment = value[m.end():]
            if len(fragment) < 2 or not (fragment[0].isupper() or value[m.start():m.end()].startswith("@")):
                continue
            for name in self.names:
                if name.casefold().startswith(fragment.casefold()) and len(name) > len(fragment):
                    return value + shown(name[len(fragment):], lines=False)  # drawn, so escaped
        return None


class EntryLine(Input):
    """Enter commits; Tab and Shift+Tab indent and outdent the next bullets (not focus moves).

    Enter and Tab call the screen directly, inside the key's own handling: a fast typist's next
    keys are only read once the line is committed and cleared, so no line is merged or doubled.
    """

    BINDINGS = [
        Binding("enter", "submit", "Commit", id="entry.commit", show=False),
        Binding("tab", "depth(1)", "Indent", id="entry.indent", show=True),
        Binding("shift+tab", "depth(-1)", "Outdent", id="entry.outdent", show=True),
        Binding("up", "leave", "Edit bullets", id="entry.edit_items", show=False),
    ]

    class Leave(Message):
        """The note-taker wants to move through the bullets above."""

    def __init__(self, handler, **kwargs) -> None:
        super().__init__(**kwargs)
        self.handler = handler  # has commit_line(text) -> bool, set_depth(step), line_changed(text)

    async def _on_key(self, event) -> None:
        # Textual runs a key's binding later, in the app's loop, while the keys after it are
        # already being typed into this line: a fast typist's Enter, Backspace or → would act on
        # the wrong text.  So this line's own bindings (with the user's keymap) run right here,
        # in the order the keys came.
        for binding in self._own_bindings().key_to_bindings.get(event.key, ()):
            if not binding.priority:
                event.stop()
                event.prevent_default()
                await self.run_action(binding.action)
                return
        await super()._on_key(event)

    def _own_bindings(self):
        for node, bindings in self.screen._binding_chain:
            if node is self:
                return bindings
        return self._bindings

    def _on_paste(self, event) -> None:
        """A paste of several lines is several entries, each committed in turn as if typed with
        its Enter (Input would keep the first line only and drop the rest); the text after the
        last line break stays in the line.  It runs in the order the keys came, like Enter."""
        event.stop()
        event.prevent_default()  # Input's own handler would insert the first line again
        lines = event.text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        if getattr(self.handler, "editing", None):  # a bullet being edited is one line: kept whole
            self.insert_text_at_cursor(" ".join(line.strip() for line in lines if line.strip()))
            return
        *whole, rest = lines
        for n, line in enumerate(whole):
            self.insert_text_at_cursor(line)
            if not self.value.strip():
                continue
            if not self.handler.commit_line(self.value):  # said why; this line stays to be fixed
                left = "\n".join(whole[n + 1:] + [rest]).strip()
                if left:
                    self.app.copy_to_clipboard(left)
                    self.notify("the rest of the paste was not entered: it is on the clipboard",
                                severity="warning", timeout=8)
                return
            self.value = ""
        self.insert_text_at_cursor(rest)

    def watch_value(self, value: str) -> None:
        # At once, not through a message: whatever the screen shows is on disk already.
        self.handler.line_changed(value)

    def action_submit(self) -> None:
        if self.handler.commit_line(self.value):
            self.value = ""

    def action_depth(self, step: int) -> None:
        self.handler.set_depth(step)

    def action_leave(self) -> None:
        self.post_message(self.Leave())
