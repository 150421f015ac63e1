"""Search every meeting (/): hits as you type; Enter opens the meeting at the hit."""

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
from ..plain import plain, shown


def highlighted(snippet: str) -> Text:
    """A snippet with its **marked** words in bold."""
    text = Text()
    for n, part in enumerate(snippet.split(MARK)):
        text.append(shown(part), style="bold reverse" if n % 2 else "")
    return text


class SearchScreen(Screen):
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="search.back"),
        Binding("down", "results", "Hits", id="search.hits", show=False),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder='words, "a phrase", person:Stefano kind:decision since:2024-06-01 '
                                "series:…", id="query")
        yield Static("", id="search-status")
        yield OptionList(id="hits")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Search"
        self.hits = []
        self.query_one("#query", Input).focus()

    @on(Input.Changed, "#query")
    def _changed(self, event: Input.Changed) -> None:
        if event.value.strip():
            self.run_search(event.value)

    @on(Input.Submitted, "#query")
    def _submitted(self) -> None:
        self.action_results()

    @work(thread=True, exclusive=True, exit_on_error=False)
    def run_search(self, text: str) -> None:
        try:
            hits = self.app.service.search(text)
        except BadInput as e:
            self.app.call_from_thread(self.show, [], str(e))
            return
        except Exception as e:  # noqa: BLE001 - a message, never a traceback
            self.app.call_from_thread(self.show, [], f"search failed: {e}")
            return
        self.app.call_from_thread(self.show, hits, f"{len(hits)} hits" if hits else "no hits")

    def show(self, hits, status: str) -> None:
        self.hits = hits
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

    @on(OptionList.OptionSelected, "#hits")
    def _open(self, event: OptionList.OptionSelected) -> None:
        hit = self.hits[event.option_index]
        if hit.meeting is None:
            self.notify("a follow-up of no meeting; see the follow-ups (F6)")
            return
        self.app.open_meeting(hit.meeting, focus=self.app.service.hit_target(hit.ref))
