"""Search every meeting (/): hits as you type; Enter goes to the hits, Enter on a hit opens its
meeting there; typing, '/', ↑ on the first hit or Ctrl+F go back to the query."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, OptionList, Static
from textual.widgets.option_list import Option

from ...errors import BadInput
from ...store.search import MARK
from ...words import plural
from ..plain import plain, shown


def highlighted(snippet: str) -> Text:
    """A snippet with its **marked** words in bold."""
    text = Text()
    for n, part in enumerate(snippet.split(MARK)):
        text.append(shown(part), style="bold reverse" if n % 2 else "")
    return text


class HitsList(OptionList):
    """The hits.  The query is never out of reach: typing, '/', Shift+Tab, or ↑ on the first hit
    go back to it (a letter typed here goes into it), so no keystroke is lost."""

    BINDINGS = [
        Binding("slash,shift+tab", "screen.query", "Query", id="search.query", show=False),
    ]

    def action_cursor_up(self) -> None:
        if not self.highlighted:
            self.screen.action_query()
        else:
            super().action_cursor_up()

    async def _on_key(self, event) -> None:
        if (event.is_printable and event.character != "/") or event.key == "backspace":
            event.stop()
            event.prevent_default()
            # Into the query at once, not through a message: the keys of a burst typed before
            # the focus has moved land in the order they came (as in the entry line).
            self.screen.typed(event.key, event.character)


class SearchScreen(Screen):
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="search.back"),
        Binding("down", "results", "Hits", id="search.hits", show=False),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        # Not selected on focus: back from the hits, what is typed adds to the query.
        yield Input(placeholder='words, "a phrase", person:Stefano kind:decision since:2024-06-01 '
                                "series:…", id="query", select_on_focus=False)
        yield Static("", id="search-status")
        yield HitsList(id="hits")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Search"
        self.hits = []
        self.shown_for: str | None = None  # the query the hits on screen answer
        self.enter_waiting = False  # Enter was pressed before this query's hits were in
        self.query_one("#query", Input).focus()

    @property
    def query_text(self) -> str:
        return self.query_one("#query", Input).value

    @on(Input.Changed, "#query")
    def _changed(self, event: Input.Changed) -> None:
        self.enter_waiting = False  # still typing: an earlier Enter is not for these hits
        if event.value.strip():
            self.run_search(event.value)
        else:
            self.workers.cancel_group(self, "search")
            self.show([], "", "")

    @on(Input.Submitted, "#query")
    def _submitted(self) -> None:
        # To the hits only when they answer this very query: Enter never lands on (and a second
        # Enter never opens) a hit of an older one still on screen.
        if self.shown_for == self.query_text:
            self.action_results()
        else:  # to the hits once they are this query's (highlighted, never opened)
            self.enter_waiting = True
            self.query_one("#search-status", Static).update(plain("searching…"))

    # exclusive + group: a newer query cancels the older search, and a cancelled one never shows.
    @work(thread=True, exclusive=True, group="search", exit_on_error=False)
    def run_search(self, text: str) -> None:
        from textual.worker import get_current_worker

        worker = get_current_worker()
        try:
            hits = self.app.service.search(text)
            status = plural(len(hits), "hit") if hits else "no hits"
        except BadInput as e:
            hits, status = [], str(e)
        except Exception as e:  # noqa: BLE001 - a message, never a traceback
            hits, status = [], f"search failed: {e}"
        if not worker.is_cancelled:
            self.app.call_from_thread(self._arrived, worker, text, hits, status)

    def _arrived(self, worker, text: str, hits, status: str) -> None:
        # Checked again here, on the app's thread: cancelled while the result was on its way.
        if worker.is_cancelled or text != self.query_text:
            return
        self.show(hits, status, text)
        if self.enter_waiting:
            self.enter_waiting = False
            self.action_results()

    def show(self, hits, status: str, text: str | None = None) -> None:
        self.hits = hits
        self.shown_for = text
        self.query_one("#search-status", Static).update(plain(status))
        options = []
        for hit in hits:
            prompt = plain(f"{hit.date or '—'}  {hit.kind:<9} ", style="dim")
            prompt.append(shown(hit.series or "", lines=False) + "\n", style="bold")
            prompt.append_text(highlighted(hit.snippet))
            options.append(Option(prompt))
        self.query_one("#hits", OptionList).set_options(options)

    def action_results(self) -> None:
        hits = self.query_one("#hits", OptionList)
        if hits.option_count:
            hits.highlighted = hits.highlighted or 0
            hits.focus()

    def action_query(self) -> None:
        """Back to the query, its text kept, the cursor at its end."""
        query = self.query_one("#query", Input)
        query.focus()
        query.cursor_position = len(query.value)

    def typed(self, key: str, character: str | None) -> None:
        """A key typed while a hit had focus: it was meant for the query."""
        self.action_query()
        query = self.query_one("#query", Input)
        if key == "backspace":
            query.action_delete_left()
        elif character:
            query.insert_text_at_cursor(character)

    @on(OptionList.OptionSelected, "#hits")
    def _open(self, event: OptionList.OptionSelected) -> None:
        hit = self.hits[event.option_index]
        if hit.meeting is None:
            self.notify("a follow-up of no meeting; see the follow-ups (F6)")
            return
        self.app.open_meeting(hit.meeting, focus=self.app.service.hit_target(hit.ref))
