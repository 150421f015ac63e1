"""The entry grammar and the keys, one key away (F1)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown

HELP = """\
# Taking minutes

Type into the entry line and press **Enter**: each entry is saved at once. There is no save command.

| you type | you get |
| --- | --- |
| plain text | a bullet in the current topic, at the current depth |
| **Tab** / **Shift+Tab** | the next bullets go one level deeper / shallower |
| `#attendees A, B, C` | attendees (`Ramakrishna Gali (AMD)` keeps the affiliation) |
| `#here NAME` | one more attendee |
| `#section TITLE` | a level-2 heading, e.g. `#section Topics:` |
| `#topic TITLE` | a level-3 topic in the current section |
| `#agreed TEXT` | a decision |
| `#action TEXT due:WHEN @Owner` | a follow-up; the owner is `@Owner`, else the attendee the text names |
| `#info TEXT`, `#idea TEXT` | kinds of bullets |
| `#link URL [TEXT]` | a link |
| `#undo` | takes back your last entry, and says which |
| `#accepted TEXT` / `#rejected TEXT` | a decision / a proposal turned down (MeetBot's names) |
| `#help TEXT` | an open question (alone: the list of commands) |
| `#startmeeting TITLE` / `#endmeeting` | the meeting's title / says that all is saved |

`due:` takes `2024-06-07`, `June 7`, `+2w`, `in 3 days`, `next wed`, `next meeting` — counted from
the meeting's date. Names complete as you type: **→** accepts the suggestion.

# Keys

| key | in the entry line | on the bullets (↑ from the entry line) |
| --- | --- | --- |
| Enter | commit the line | edit the bullet or heading (one of several lines: in a text area) |
| E | | edit the bullet in a text area, to give it more lines (Ctrl+S saves, Escape cancels) |
| Tab / Shift+Tab | depth of the next bullets | indent / outdent the bullet |
| Alt+↑ / Alt+↓ | | move the bullet |
| d | | delete (u brings it back) |
| k | | change its kind |
| Escape | back to the meetings | back to the entry line |

F2 writes the Markdown to the minutes folder (or publishes it to the governance repo, where one is
configured), F3 previews it, F4 ticks attendees (Ctrl+T hides the panel), F5 copies the Markdown,
F6 lists the follow-ups (a accepts a suggestion, r rejects it, x ticks it off, w sets the owner,
d the due date, e the text, s syncs them to the calendar), Ctrl+F searches every meeting (`/` on the meetings screen; `person:`,
`kind:`, `since:`, `series:` narrow it down; Enter goes to the hits, Enter on a hit opens it, and
typing, `/`, ↑ on the first hit or Ctrl+F go back to the query), Ctrl+Z undoes, Ctrl+P lists every
command, Ctrl+Q quits. On the meetings screen `f` filters the list, `d` lists the decisions, `p` the people, `t`
attendance over time, `e` changes a meeting's title, date or series, Del deletes it, `D` opens the
demo. Keys are remapped by binding id in `~/.config/svsm-meet/config.toml` under
`[keys]`.
"""


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,f1,q", "dismiss", "Close", id="help.close"),
        # Nothing in here takes focus, so Tab pages on as the reader expects rather than doing nothing.
        Binding("tab,space", "page(1)", "Page down", id="help.page_down", show=False),
        Binding("shift+tab", "page(-1)", "Page up", id="help.page_up", show=False),
    ]

    def compose(self) -> ComposeResult:
        # Focused and scrollable: ↓, PageDown, End and the wheel move through it at any size.
        with VerticalScroll(id="help"):
            yield Markdown(HELP)

    def on_mount(self) -> None:
        self.query_one("#help", VerticalScroll).focus()

    def action_page(self, step: int) -> None:
        box = self.query_one("#help", VerticalScroll)
        if step > 0:
            box.action_page_down()
        else:
            box.action_page_up()
