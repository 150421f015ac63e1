"""The app's keys as a note-taker meets them (issue 11): help that scrolls, a search with a way
back to its query, counts in words, MeetBot's commands, and messages that say what happened."""

from __future__ import annotations

import time

import pytest
from conftest import FIXTURES, type_line
from conftest import demo_app as demo
from conftest import run_app as run
from textual import events

from svsm_meet.tui.app import SvsmMeetApp
from svsm_meet.tui.screens.minutes import ItemsView, MinutesScreen
from svsm_meet.tui.screens.search import SearchScreen
from svsm_meet.tui.widgets.entry_line import EntryLine


def messages(app) -> list[str]:
    return [n.message for n in app._notifications]  # what the toasts say, newest last


# -- 1. help scrolls ---------------------------------------------------------------------------


@pytest.mark.parametrize("size", [(140, 45), (80, 24)])
def test_help_scrolls_by_keys_and_wheel_and_shows_the_whole_keys_table(service, size):
    app = demo(service)

    async def scenario(pilot):
        await pilot.press("f1")
        await pilot.pause()
        box = app.screen.query_one("#help")
        assert box.max_scroll_y > 0  # longer than the screen at both sizes
        for key in ("pagedown", "down", "tab", "end"):
            await pilot.press("home")
            await pilot.pause(0.3)
            assert box.scroll_y == 0
            await pilot.press(key)
            await pilot.pause(0.3)
            assert box.scroll_y > 0, key
        await pilot.press("home")
        await pilot.pause(0.3)
        x, y = box.region.center
        app.post_message(events.MouseScrollDown(None, x, y, 0, 1, 0, False, False, False,
                                                screen_x=x, screen_y=y))
        await pilot.pause(0.3)
        assert box.scroll_y > 0, "the mouse wheel"
        await pilot.press("end")
        await pilot.pause(0.3)
        assert box.scroll_y == box.max_scroll_y
        from textual.widgets._markdown import MarkdownTable

        keys_table = list(app.screen.query(MarkdownTable))[-1]
        inside = box.content_region
        # Its last row is in view at the end, and no column runs past the box's right edge.
        assert keys_table.region.bottom <= inside.bottom
        assert keys_table.region.right <= inside.right
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MinutesScreen)

    run(app, scenario, size)


# -- 2. search ---------------------------------------------------------------------------------


def archive(service, cli) -> SvsmMeetApp:
    cli("import", *sorted((FIXTURES / "minutes").glob("svsm-*.md")), FIXTURES / "minutes" / "plain-date.md")
    service.import_demo()
    return SvsmMeetApp(service)


async def wait_for_hits(pilot, text: str) -> None:
    for _ in range(60):
        await pilot.pause(0.05)
        screen = pilot.app.screen
        if getattr(screen, "shown_for", None) == text or (screen.hits and not hasattr(screen, "shown_for")):
            return
    raise AssertionError(f"no hits for {text!r}")


def test_search_has_a_way_back_to_the_query_from_the_hits(service, cli):
    app = archive(service, cli)

    async def scenario(pilot):
        await pilot.press("slash", *"Jon")
        await wait_for_hits(pilot, "Jon")
        screen = app.screen
        query, hits = screen.query_one("#query"), screen.query_one("#hits")
        for back in ("ctrl+f", "slash", "up", "shift+tab"):
            await pilot.press("enter")  # into the hits, the first one highlighted
            await pilot.pause()
            assert app.focused is hits and hits.highlighted == 0
            await pilot.press(back)
            await pilot.pause()
            assert app.focused is query and query.value == "Jon", back
        # Typing while a hit is focused goes to the query, after what is there.
        await pilot.press("enter", *" Lange")
        await wait_for_hits(pilot, "Jon Lange")
        assert app.focused is query and query.value == "Jon Lange"
        await pilot.press("enter", "backspace")
        await pilot.pause()
        assert app.focused is query and query.value == "Jon Lang"

    run(app, scenario)


def test_enter_on_the_query_never_opens_a_hit_of_an_older_query(service, cli, monkeypatch):
    app = archive(service, cli)
    search = service.search

    def slow(text, limit=50):
        if text.endswith("interrupt"):
            time.sleep(0.5)
        return search(text, limit)

    monkeypatch.setattr(service, "search", slow)

    async def scenario(pilot):
        await pilot.press("slash", *"Jon")
        await wait_for_hits(pilot, "Jon")
        await pilot.press("enter")  # into the hits
        await pilot.pause()
        # More words typed there, and Enter, Enter before their hits are in.
        await pilot.press(*" interrupt", "enter", "enter")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        assert app.focused is app.screen.query_one("#query")
        await wait_for_hits(pilot, "Jon interrupt")
        await pilot.pause()
        # Their hits in, the Enter taken to them: the first one highlighted, not opened.
        assert isinstance(app.screen, SearchScreen)
        hits = app.screen.query_one("#hits")
        assert app.focused is hits and hits.highlighted == 0

    run(app, scenario)


def test_a_newer_query_cancels_the_older_search(service, cli, monkeypatch):
    """Results for "res" (slow) are never shown once those for "restrict" are asked for."""
    app = archive(service, cli)
    search = service.search

    class Hits(list):
        """The hits, and the query they answer."""

    def slow(text, limit=50):
        if text == "res":
            time.sleep(0.6)
        hits = Hits(search(text, limit))
        hits.text = text
        return hits

    monkeypatch.setattr(service, "search", slow)
    shown: list[str] = []
    show = SearchScreen.show

    def recording(self, hits, *args):
        if isinstance(hits, Hits):  # a search's answer, even an empty one
            shown.append(hits.text)
        show(self, hits, *args)

    monkeypatch.setattr(SearchScreen, "show", recording)

    async def scenario(pilot):
        await pilot.press("slash")
        await pilot.pause()
        query = app.screen.query_one("#query")
        query.value = "res"
        await pilot.pause(0.1)  # its search is running
        query.value = "restrict"
        await pilot.pause(1.2)  # long past the slow one's end
        assert "restrict" in shown and "res" not in shown[shown.index("restrict"):], shown
        assert app.screen.hits and all("restrict" in h.snippet.lower() for h in app.screen.hits)

    run(app, scenario)


# -- 3. words and the palette ------------------------------------------------------------------


def test_one_hit_is_one_hit(service, cli):
    app = archive(service, cli)

    async def scenario(pilot):
        await pilot.press("slash", *"Prioritization")
        await wait_for_hits(pilot, "Prioritization")
        assert len(app.screen.hits) == 1
        assert str(app.screen.query_one("#search-status").render()) == "1 hit"

    run(app, scenario)


def test_a_person_of_one_meeting_reads_in_the_singular(service, cli):
    cli("new", "--series", "SVSM Development Call", "--date", "2024-05-15")
    app = SvsmMeetApp(service, open_meeting=service.find("latest").id)

    async def scenario(pilot):
        await type_line(pilot, "#attendees Roy Hopkins")
        await type_line(pilot, "#topic IGVM")
        await type_line(pilot, "#action Roy will send the IGVM PR")
        assert any("no due date" in m and "due no due date" not in m for m in messages(app))
        await pilot.press("escape", "p")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        summary = str(app.screen.query_one(".history-summary").render())
        assert summary.startswith("1 meeting attended · 1 follow-up owned"), summary

    run(app, scenario)


def test_the_palette_lists_the_apps_commands_not_low_level_keys(service):
    app = demo(service)

    async def scenario(pilot):
        for _ in range(2):  # in the entry line, then on the bullets
            titles = {c.title for c in app.get_system_commands(app.screen)}
            assert {"Export", "Help", "Search", "Quit"} <= titles
            low = {"Move cursor left", "Cursor left", "Focus Next", "Scroll Down", "Page Up",
                   "Delete character left", "Up", "Down", "palette"}
            assert not titles & low, titles & low
            assert sum(c.title == "Quit" for c in app.get_system_commands(app.screen)) == 1
            await pilot.press("up")
            await pilot.pause()

    run(app, scenario)


# -- 4. MeetBot's commands in the entry line ---------------------------------------------------


def test_meetbot_commands_in_the_entry_line(service):
    app = demo(service)

    async def scenario(pilot):
        entry = app.screen.query_one(EntryLine)
        await type_line(pilot, "#accepted Keep the IGVM loader in Rust")
        assert entry.value == "" and "decision: Keep the IGVM loader in Rust" in messages(app)
        await type_line(pilot, "#chair Joerg")
        assert entry.value == ""  # understood: nothing to do, and said what to type instead
        assert "#here NAME" in messages(app)[-1]
        await type_line(pilot, "#agred oops")
        assert entry.value == "#agred oops" and "did you mean #agreed?" in messages(app)[-1]

    run(app, scenario)


# -- 6. what undo and k did, and info apart from note ------------------------------------------


def test_undo_and_kind_say_what_they_did(service):
    app = demo(service)

    async def scenario(pilot):
        await type_line(pilot, "#topic Follow-ups")
        await type_line(pilot, "Roy will send the IGVM PR")
        await type_line(pilot, "#undo")
        assert messages(app)[-1] == "undone: add item 'Roy will send the IGVM PR'"
        await type_line(pilot, "a plain note")
        await pilot.press("up")
        await pilot.pause()
        view = app.screen.query_one(ItemsView)
        note = view.get_option_at_index(view.highlighted).prompt.content
        await pilot.press("k")
        await pilot.pause()
        assert messages(app)[-1].startswith("kind: decision")
        for kind in ("action", "info"):
            await pilot.press("k")
            await pilot.pause()
            assert messages(app)[-1].startswith(f"kind: {kind}")
        info = view.get_option_at_index(view.highlighted).prompt.content
        assert info.plain.strip() == note.plain.strip()  # same words...
        assert info.spans != note.spans  # ...drawn otherwise

    run(app, scenario)


# -- 5. a pasted block -------------------------------------------------------------------------


def test_a_pasted_block_is_one_entry_per_line_and_a_bad_line_keeps_the_rest(service):
    app = demo(service)

    async def scenario(pilot):
        entry = app.screen.query_one(EntryLine)
        app.post_message(events.Paste("#topic Pasted\r\nfirst line\n\n#bogus line\nthird line\nhalf"))
        await pilot.pause()
        md = service.markdown(service.find("latest").id)
        assert md.endswith("### Pasted\n\n* first line\n")
        assert entry.value == "#bogus line"  # said what is wrong; stays to be fixed
        assert app.clipboard == "third line\nhalf"  # the rest is not lost
        entry.value = ""
        app.post_message(events.Paste("third line\nhalf"))
        await pilot.pause()
        assert service.markdown(service.find("latest").id).endswith("* first line\n* third line\n")
        assert entry.value == "half"

    run(app, scenario)
