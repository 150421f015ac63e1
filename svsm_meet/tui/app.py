"""The svsm-meet terminal app."""

from __future__ import annotations

import gc

from textual import work
from textual.app import App
from textual.binding import Binding

from ..errors import in_words
from ..service import Service
from .commands import binding_commands
from .plain import shown
from .screens.meetings import MeetingsScreen


class SvsmMeetApp(App):
    CSS_PATH = "app.tcss"
    TITLE = "svsm-meet"
    BINDINGS = [
        Binding("f1", "help", "Help", id="app.help"),
        Binding("f6", "followups", "Follow-ups", id="app.followups"),
        Binding("ctrl+f", "search", "Search", id="app.search"),
        # Not a priority binding (Textual's own is): Ctrl+Q goes through the focused widget behind
        # the keys typed before it, so quitting takes every one of them first.
        Binding("ctrl+q", "quit", "Quit", id="app.quit"),
    ]

    def __init__(self, service: Service, open_meeting: int | None = None, debug: bool = False) -> None:
        super().__init__()
        self.service = service
        self.open_at = open_meeting
        self.show_tracebacks = debug
        self.failure: str | None = None

    def _fatal_error(self) -> None:
        """An unexpected error: one line for the user, the traceback into a file (--debug: shown).

        Textual's own handling prints a traceback; this is its one hook for that, so it is
        overridden although private.
        """
        if self.show_tracebacks:
            super()._fatal_error()
            return
        import traceback

        from ..crash import crash_log

        error = self._exception
        path = crash_log("".join(traceback.format_exception(error)) if error else "unknown error")
        # The command line prints it once the terminal is back to normal (cli/commands.py).
        self.failure = f"stopped on an unexpected error: {error}; the details are in {path}"
        self._close_messages_no_wait()

    def get_default_screen(self):
        """The first screen, straight away: the meetings, or a welcome on an empty database."""
        meetings = self.service.meetings()
        if meetings or self.open_at is not None:
            return MeetingsScreen(meetings)
        from .screens.welcome import WelcomeScreen

        return WelcomeScreen()

    def on_mount(self) -> None:
        if self.service.config.keys:
            self.set_keymap(self.service.config.keys)
        if self.open_at is not None:
            self.open_meeting(self.open_at)
        # Only once the first screen is painted: an import in a thread still holds the GIL.
        self.set_timer(0.5, self.warm_up)

    @work(thread=True, exit_on_error=False)
    def warm_up(self) -> None:
        """SQLAlchemy and the schema check, loaded while the first screen is already up."""
        self.service.warm_up()
        # What is loaded now (libraries, the app, its screens) lives as long as the app: out of
        # the collector's sight, a full collection no longer walks it in the middle of an entry
        # (about 100 ms every few entries in a meeting of 1,000 bullets).
        gc.freeze()

    def notify(self, message, *, title="", severity="information", timeout=None, markup=True):
        # Messages quote what was typed: shown as they are, never read as markup.
        # Messages quote records too (a calendar task's title): escaped like all drawn text.
        return super().notify(shown(message), title=shown(title, lines=False), severity=severity,
                              timeout=timeout, markup=False)

    def get_system_commands(self, screen):
        ours = list(binding_commands(self, screen))
        titles = {c.title for c in ours}
        # Textual's own (Theme, Keys, Screenshot), less those ours replace (Quit, with its id).
        yield from (c for c in super().get_system_commands(screen) if c.title not in titles)
        yield from ours

    def fail(self, error: Exception) -> None:
        self.notify(in_words(error), severity="error", timeout=6)

    # -- navigation ------------------------------------------------------------------------------

    def meetings_screen(self) -> MeetingsScreen | None:
        return next((s for s in self.screen_stack if isinstance(s, MeetingsScreen)), None)

    def action_meetings(self) -> None:
        """Back to the meetings screen, refreshed."""
        meetings = self.service.meetings()
        screen = self.meetings_screen()
        if screen is None:  # from the welcome screen, which stays below, out of sight
            while len(self.screen_stack) > 1:
                self.pop_screen()
            self.push_screen(MeetingsScreen(meetings))
            return
        while self.screen is not screen:
            self.pop_screen()
        screen.reload(meetings)

    def open_meeting(self, meeting_id: int, focus: tuple[str, int] | None = None) -> None:
        """The minutes of a meeting; FOCUS ("item", id) puts the cursor on that bullet."""
        from .screens.minutes import MinutesScreen

        try:
            screen = MinutesScreen(self.service, meeting_id, focus)
            self.push_screen(screen)
        except Exception as e:  # noqa: BLE001
            self.fail(e)

    def action_followups(self) -> None:
        from .screens.followups import FollowupsScreen

        if not isinstance(self.screen, FollowupsScreen):
            self.push_screen(FollowupsScreen(self.service))

    def action_search(self) -> None:
        from .screens.search import SearchScreen

        if isinstance(self.screen, SearchScreen):
            self.screen.action_query()  # Ctrl+F again: back to the query from the hits
        else:
            self.push_screen(SearchScreen())

    def action_decisions(self) -> None:
        from .screens.history import DecisionsScreen

        self.push_screen(DecisionsScreen())

    def action_people(self) -> None:
        from .screens.history import PeopleScreen

        self.push_screen(PeopleScreen())

    def action_attendance(self) -> None:
        from .screens.history import AttendanceScreen

        self.push_screen(AttendanceScreen())

    def action_help(self) -> None:
        from .screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_new_meeting(self) -> None:
        from .screens.new_meeting import NewMeetingScreen

        try:
            names, series, known = self.service.new_meeting_form()
        except Exception as e:  # noqa: BLE001
            self.fail(e)
            return

        def created(result) -> None:
            if result is None:
                return
            try:
                mid = self.service.create_meeting(result.series, result.date, result.time, result.timezone,
                                                  result.settings)
            except Exception as e:  # noqa: BLE001
                self.fail(e)
                return
            self.action_meetings()
            self.open_meeting(mid)

        offered = known.get(series.casefold())
        date = offered.date if offered else self.service.today()
        self.push_screen(NewMeetingScreen(names, series, date, known), created)

    def action_open_demo(self) -> None:
        try:
            mid, _ = self.service.import_demo()
        except Exception as e:  # noqa: BLE001
            self.fail(e)
            return
        self.action_meetings()
        self.open_meeting(mid)
