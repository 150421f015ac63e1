"""The new-meeting form: series, date, time, zone and the series' cadence, each checked before it
is accepted.  A series that exists offers its own date, time, zone and cadence (as set, or as its
meetings show it); a new one is asked how often it meets."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, Vertical
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Button, Input, Label, Static

from ...errors import BadInput
from ..plain import plain, shown

NEW_SERIES_CADENCE = "weekly"  # offered to a new series, on the weekday of its first date
FIELDS = ("series", "date", "time", "zone", "cadence")


@dataclass
class NewMeeting:
    series: str
    date: dt.date
    time: dt.time | None
    timezone: str | None
    settings: dict = field(default_factory=dict)  # what to set on the series: cadence, start_time, timezone


def check(series: str, date: str, time: str, zone: str, cadence: str = "", known=None) -> NewMeeting:
    """The form's values checked; KNOWN is what the series offered (None: a new series).  The
    series keeps what it has unless the form changes it; a new one takes what the form says."""
    from ...cadence import parse
    from ...dates import check_zone, parse_date, parse_time

    if not series.strip():
        raise BadInput("give the series a name")
    day = parse_date(date)
    start = parse_time(time) if time.strip() else None
    tz = check_zone(zone) if zone.strip() else None
    settings: dict = {}
    said = cadence.strip()
    if known is None or (said and said != known.cadence):
        if said:
            settings["cadence"] = parse(said, day)
    elif not said and known.cadence_source == "set":
        settings["cadence"] = None  # emptied: back to inferring it
    # A time or zone typed for a series that has none set becomes the series'; one that differs
    # from what a series has set is this meeting's only (series edit changes the series).
    if start and (known is None or not known.time_set):
        settings["start_time"] = start
    if tz and (known is None or not known.zone_set):
        settings["timezone"] = tz
    return NewMeeting(series.strip(), day, start, tz, settings)


_MORE = "(or 'every 3 weeks', 'monthly on the last fri', an RRULE)"


def cadence_hint(known) -> str:
    """Under the cadence: where the value shown comes from (two lines at most: the form keeps still)."""
    if known is None:
        return f"A new series: how often does it meet? {_MORE}"
    if known.cadence_source == "set":
        return "As set for the series; a change here sets it (so does 'svsm-meet series edit')"
    if known.cadence_source == "inferred":
        return f"Inferred from its {known.meetings} meetings: keep it, or say how often it meets"
    shows = "1 meeting shows" if known.meetings == 1 else f"{known.meetings} meetings show"
    return f"Unknown ({shows} none): how often does it meet? {_MORE}"


class NewMeetingScreen(ModalScreen[NewMeeting | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="new.cancel")]

    def __init__(self, series: list[str], default_series: str, default_date: dt.date,
                 known: dict | None = None) -> None:
        super().__init__()
        self.series = series
        self.default_series = default_series
        self.default_date = default_date
        self.known = known or {}  # by casefolded name: service.SeriesForm
        self._filled: dict[str, str] = {}  # what the form put in each field (not the user)

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static("New meeting", classes="dialog-title")
            with Grid(id="form"):
                yield Label("Series")
                # Series names come from imported minutes: drawn escaped, like all record text.
                yield Input(shown(self.default_series, lines=False), id="series",
                            placeholder="SVSM Development Call", suggester=SuggestFromList(
                                [shown(s, lines=False) for s in self.series], case_sensitive=False))
                yield Label("Date")
                yield Input(str(self.default_date), id="date", placeholder="2024-05-15, next wed, +1w")
                yield Label("Time")
                yield Input(id="time", placeholder="HH:MM (optional)")
                yield Label("Time zone")
                yield Input(id="zone", placeholder="Europe/Berlin (optional)")
                yield Label("Cadence")
                yield Input(id="cadence", placeholder="weekly, biweekly, monthly on 2nd wed")
            yield Static("", id="cadence-hint")
            yield Static("", id="error")
            with Horizontal(classes="buttons"):
                yield Button("Create", variant="primary", id="create")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self._offer(self.default_series, first=True)
        self.query_one("#series" if not self.default_series else "#date", Input).focus()

    def _known(self, name: str):
        return self.known.get(name.strip().casefold())

    def _offer(self, name: str, first: bool = False) -> None:
        """Fill in what the series offers, in the fields the user has not typed into."""
        known = self._known(name)
        offered = {
            "date": str(known.date if known else self.default_date),
            "time": known.time.strftime("%H:%M") if known and known.time else "",
            "zone": (known.zone or "") if known else "",
            "cadence": known.cadence if known else (NEW_SERIES_CADENCE if name.strip() else ""),
        }
        for key, value in offered.items():
            box = self.query_one(f"#{key}", Input)
            if first or box.value == self._filled.get(key, box.value):
                box.value = value
                self._filled[key] = value
        self.query_one("#cadence-hint", Static).update(plain(cadence_hint(known)) if name.strip() else "")

    @on(Input.Changed, "#series")
    def _series_changed(self, event: Input.Changed) -> None:
        if self.is_mounted and self._filled:
            self._offer(event.value)

    @on(Input.Submitted)
    @on(Button.Pressed, "#create")
    def _create(self) -> None:
        values = [self.query_one(f"#{name}", Input).value for name in FIELDS]
        try:
            self.dismiss(check(*values, known=self._known(values[0])))
        except BadInput as e:
            self.query_one("#error", Static).update(plain(str(e)))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
