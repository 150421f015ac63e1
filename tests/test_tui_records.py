"""The terminal app on whole records, driven with Pilot: a follow-up's owner, due date and text
set on the follow-ups screen; meetings deleted, retitled, re-dated and moved; the demo offered on a
full database; the new-meeting form's remembered time and zone; the attendees panel's places,
marks and hiding."""

from __future__ import annotations

import datetime as dt

from conftest import run_app as run

from svsm_meet.store.engine import transaction
from svsm_meet.store.followups import item_of_followup
from svsm_meet.tui.app import SvsmMeetApp
from svsm_meet.tui.screens.meetings import MeetingsScreen
from svsm_meet.tui.screens.minutes import ItemsView, MinutesScreen
from svsm_meet.tui.widgets.entry_line import EntryLine
from svsm_meet.tui.widgets.minutes_view import Target


async def answer(pilot, text: str) -> None:
    """Replace what the one-line modal offers with TEXT, and Enter."""
    box = pilot.app.screen.query_one("#answer")
    box.value = ""
    await pilot.press(*text, "enter")
    await pilot.pause()


def messages(app) -> list[str]:
    return [n.message for n in app._notifications]


def test_followups_screen_sets_owner_due_and_text_and_opens_at_the_bullet(service, cli):
    mid, _ = service.import_demo()
    cli("followups", "add", "x", "--owner", "Ann Smith", "--meeting", str(mid))
    cli("followups", "add", "y", "--owner", "Ann Jones", "--meeting", str(mid))
    app = SvsmMeetApp(service)

    def current():
        table = app.screen.query_one("DataTable")
        fid = int(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)
        return next(f for f in service.followups() if f["id"] == fid)

    async def scenario(pilot):
        await pilot.press("f6")
        await pilot.pause()
        shown = {b.key for b in app.screen.BINDINGS if b.show}
        assert {"w", "d", "e"} <= shown  # in the footer
        fid = current()["id"]
        assert current()["status"] == "suggested"
        await pilot.press("w")  # an accepted-to-be suggestion gets an owner here
        await pilot.pause()
        assert type(app.screen).__name__ == "AskScreen"
        await answer(pilot, "Ann")  # two Anns: a choice
        assert type(app.screen).__name__ == "ChoosePersonScreen"
        assert any("could be Ann Jones or Ann Smith" in m for m in messages(app))
        await pilot.press("down", "enter")
        await pilot.pause()
        assert current()["owner"] == "Ann Smith"
        await pilot.press("w")
        await pilot.pause()
        await answer(pilot, "Zed Unknown")  # nobody: a new person, said so
        assert current()["owner"] == "Zed Unknown"
        assert any("new person: Zed Unknown" in m for m in messages(app))
        await pilot.press("d")
        await pilot.pause()
        await answer(pilot, "next wed")  # the entry line's due grammar, from the meeting's date
        assert current()["due"] == "2024-05-22"
        await pilot.press("d")
        await pilot.pause()
        await answer(pilot, "someday soon")
        assert any("is not a date" in m for m in messages(app))
        assert current()["due"] == "2024-05-22"
        await pilot.press("e")
        await pilot.pause()
        await answer(pilot, "Check the plan")
        assert current()["text"] == "Check the plan" and current()["id"] == fid
        await pilot.press("a", "enter")  # accepted; Enter: the meeting, at the follow-up's bullet
        await pilot.pause()
        assert isinstance(app.screen, MinutesScreen)
        with transaction(service.engine, write=False) as conn:
            item = item_of_followup(conn, fid)
        view = app.screen.query_one(ItemsView)
        assert item and view.target() == Target("item", item) and view.has_focus

    run(app, scenario)


def test_meetings_screen_deletes_edits_and_offers_the_demo(service):
    scratch = service.create_meeting("Scratch", dt.date(2024, 6, 1))
    app = SvsmMeetApp(service)

    def rows():
        table = app.screen.query_one("DataTable")
        keys = [key.value for key in table.columns]  # all but the publication marker
        return [[str(c) for key, c in zip(keys, table.get_row_at(n)) if key != "published"]
                for n in range(table.row_count)]

    async def scenario(pilot):
        assert isinstance(app.screen, MeetingsScreen)
        await pilot.press("D")  # the demo, on a database that is not empty
        await pilot.pause()
        assert isinstance(app.screen, MinutesScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert [r[1] for r in rows()] == ["Scratch", "SVSM Development Call"]
        await pilot.press("e")  # the scratch meeting, on top
        await pilot.pause()
        assert type(app.screen).__name__ == "EditMeetingScreen"
        form = app.screen
        form.query_one("#date").value = "2024-05-15"
        form.query_one("#series").value = "SVSM Development Call"
        await pilot.press("enter")  # that meeting exists: said in the form, which stays
        await pilot.pause()
        assert "exists already" in str(form.query_one("#error").render())
        form.query_one("#title").value = "Try-out"
        form.query_one("#date").value = "2024-05-29"
        form.query_one("#series").value = "Other Call"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MeetingsScreen)
        assert rows()[0][:3] == ["2024-05-29", "Other Call", "Try-out"]
        await pilot.press("delete")
        await pilot.pause()
        assert type(app.screen).__name__ == "ConfirmScreen"
        question = str(app.screen.query_one("#question").render())
        assert "Other Call meeting of 2024-05-29" in question and "Try-out" in question
        await pilot.press("n")  # no: nothing goes
        await pilot.pause()
        assert len(rows()) == 2
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, MeetingsScreen)
        assert [r[1] for r in rows()] == ["SVSM Development Call"]
        assert app.screen.sub_title == "1 of 1 meetings"

    run(app, scenario)
    assert service.find("latest").series == "SVSM Development Call"
    assert scratch not in [m.id for m in service.meetings()]


def test_new_meeting_form_offers_the_series_time_and_zone(service):
    service.create_meeting("Foo Call", dt.date(2024, 5, 15), dt.time(16, 0), "Europe/Berlin")
    app = SvsmMeetApp(service)

    async def scenario(pilot):
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        assert [form.query_one(f"#{k}").value for k in ("series", "time", "zone")] == \
            ["Foo Call", "16:00", "Europe/Berlin"]
        form.query_one("#series").value = "Bar Call"  # a new series: nothing to offer
        await pilot.pause()
        assert form.query_one("#time").value == "" and form.query_one("#zone").value == ""
        form.query_one("#series").value = "foo call"
        await pilot.pause()
        assert form.query_one("#time").value == "16:00"

    run(app, scenario)


def test_attendees_panel_keeps_places_shows_marks_and_hides_at_80x24(service):
    service.import_demo()
    mid = service.create_meeting("SVSM Development Call", dt.date(2024, 5, 22))
    service.open_session(mid).submit("#attendees Joerg Roedel, Stefano Garzarella, Carlos López")
    before = service.markdown(mid)
    app = SvsmMeetApp(service, open_meeting=mid)

    def prompts(panel):
        return [str(panel.get_option_at_index(n).prompt) for n in range(panel.option_count)]

    async def scenario(pilot):
        panel = app.screen.query_one("#attendees")
        assert panel.size.width <= 26  # of 80 columns
        await pilot.press("f4")
        names = prompts(panel)
        spot = names.index("✓ Stefano Garzarella")
        assert any(p.startswith("· ") for p in names)  # roster people not here: marked apart
        panel.highlighted = spot
        await pilot.press("space")
        await pilot.pause()
        assert prompts(panel)[spot] == "· Stefano Garzarella"
        await pilot.press("space")
        await pilot.pause()
        assert prompts(panel) == names
        await pilot.press("ctrl+t")  # out of the way
        await pilot.pause()
        assert not panel.display and app.focused is app.screen.query_one(EntryLine)
        assert app.screen.query_one("#view").size.width > 70
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert panel.display

    run(app, scenario, size=(80, 24))
    assert service.markdown(mid) == before
