"""The exported Markdown, rendered."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import Footer, MarkdownViewer

from ..plain import shown


class PreviewScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,f3,q", "dismiss", "Close", id="preview.close")]

    def __init__(self, markdown: str) -> None:
        super().__init__()
        self.markdown = markdown

    def compose(self) -> ComposeResult:
        yield MarkdownViewer(shown(self.markdown), show_table_of_contents=False, id="preview")
        yield Footer()
