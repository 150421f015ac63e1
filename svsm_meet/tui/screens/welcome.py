"""First run on an empty database: start a series, or look at the demo meeting."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, Static

WELCOME = """\
[b]Welcome to svsm-meet[/b]

Take the minutes of your project's call live, right here: type a line, press Enter, and it is \
saved. #topic starts a topic, #agreed records a decision, #action a follow-up with its owner and \
due date. The Markdown comes out ready for your governance repo.

Start your own series, or open the demo: the SVSM development call of May 15th, 2024."""


class WelcomeScreen(Screen):
    BINDINGS = [
        Binding("n", "app.new_meeting", "Start a series", id="welcome.new"),
        Binding("d", "app.open_demo", "Open the demo", id="welcome.demo"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with Center(id="welcome"):
            with Vertical(id="welcome-box"):
                yield Static(WELCOME, id="welcome-text")
                with Horizontal(classes="buttons"):
                    yield Button("Start a series (n)", variant="primary", id="start")
                    yield Button("Open the demo meeting (d)", id="demo")
        yield Footer()

    @on(Button.Pressed, "#start")
    def _start(self) -> None:
        self.app.action_new_meeting()

    @on(Button.Pressed, "#demo")
    def _demo(self) -> None:
        self.app.action_open_demo()
