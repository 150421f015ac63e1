"""The new-meeting form: series, date, time and zone, each checked before it is accepted."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, Vertical
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Button, Input, Label, Static

from ...errors import BadInput
from ..plain import plain


@dataclass
class NewMeeting:
    series: str
    date: dt.date
    time: dt.time | None
    timezone: str | None


def check(series: str, date: str, time: str, zone: str) -> NewMeeting:
    from ...dates import check_zone, parse_date, parse_time

    if not series.strip():
        raise BadInput("give the series a name")
    return NewMeeting(series.strip(), parse_date(date), parse_time(time) if time.strip() else None,
                      check_zone(zone) if zone.strip() else None)


class NewMeetingScreen(ModalScreen[NewMeeting | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="new.cancel")]

    def __init__(self, series: list[str], default_series: str, default_date: dt.date) -> None:
        super().__init__()
        self.series = series
        self.default_series = default_series
        self.default_date = default_date

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static("New meeting", classes="dialog-title")
            with Grid(id="form"):
                yield Label("Series")
                yield Input(self.default_series, id="series", placeholder="SVSM Development Call",
                            suggester=SuggestFromList(self.series, case_sensitive=False))
                yield Label("Date")
                yield Input(str(self.default_date), id="date", placeholder="2024-05-15, next wed, +1w")
                yield Label("Time")
                yield Input(id="time", placeholder="HH:MM (optional)")
                yield Label("Time zone")
                yield Input(id="zone", placeholder="Europe/Berlin (optional)")
            yield Static("", id="error")
            with Horizontal(classes="buttons"):
                yield Button("Create", variant="primary", id="create")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#series" if not self.default_series else "#date", Input).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#create")
    def _create(self) -> None:
        values = [self.query_one(f"#{name}", Input).value for name in ("series", "date", "time", "zone")]
        try:
            self.dismiss(check(*values))
        except BadInput as e:
            self.query_one("#error", Static).update(plain(str(e)))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
