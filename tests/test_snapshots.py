"""How each screen looks (pytest-textual-snapshot); `pytest --snapshot-update` after a deliberate
change, then look at the SVGs in tests/__snapshots__/ before committing them."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import FIXTURES

from svsm_meet.config import Config
from svsm_meet.service import Service
from svsm_meet.tui.app import SvsmMeetApp

SIZE = (110, 36)


@pytest.fixture(autouse=True)
def steady_cursor(monkeypatch):
    """The entry line's cursor blinks on a half-second timer: on a loaded machine the picture caught
    it on or off at random. Held visible, as it is while one types."""
    from textual.widgets import Input

    monkeypatch.setattr(Input, "_toggle_cursor", lambda self: None)


@pytest.fixture
def service(db, tmp_path):
    return Service(f"sqlite:///{db}", Config(minutes_dir=tmp_path / "m"), today=lambda: dt.date(2024, 5, 20))


@pytest.fixture
def demo(service):
    service.import_demo()
    return service


def test_welcome(snap_compare, service):
    assert snap_compare(SvsmMeetApp(service), terminal_size=SIZE)


def test_meetings(snap_compare, demo, cli):
    cli("import", FIXTURES / "minutes" / "plain-date.md", FIXTURES / "minutes" / "council-2024-04-12.md")
    assert snap_compare(SvsmMeetApp(demo), terminal_size=SIZE)


def test_new_meeting_form(snap_compare, demo):
    assert snap_compare(SvsmMeetApp(demo), press=["n"], terminal_size=SIZE)


def _minutes(service):
    return SvsmMeetApp(service, open_meeting=service.find("latest").id)


def test_minutes_while_typing(snap_compare, demo):
    async def before(pilot):
        await pilot.press(*"#topic Follow-ups", "enter")
        await pilot.press(*"Roy will send the IGVM PR", "enter", "tab")
        await pilot.press(*"#action Stefano will investigate due:2024-05-29", "enter")
        await pilot.press(*"#agreed Coordinate with Jon Lange", "enter")
        await pilot.pause(0.3)  # a slow machine: let the last entry's reload and messages land
        pilot.app.clear_notifications()  # they fade on a timer: not part of the picture
        await pilot.pause()

    assert snap_compare(_minutes(demo), run_before=before, terminal_size=SIZE)


def test_minutes_editing_bullets(snap_compare, demo):
    assert snap_compare(_minutes(demo), press=["up", "up", "e"], terminal_size=SIZE)


def test_minutes_editing_lines(snap_compare, demo):
    """A bullet in the text area (E; Enter on a bullet of several lines), its keys in the footer."""
    assert snap_compare(_minutes(demo), press=["up", "up", "E"], terminal_size=SIZE)


def test_meetings_at_80_columns(snap_compare, demo):
    """Every key that matters in the footer of a narrow terminal."""
    assert snap_compare(SvsmMeetApp(demo), terminal_size=(80, 24))


def test_help(snap_compare, demo):
    assert snap_compare(_minutes(demo), press=["f1"], terminal_size=SIZE)


def test_preview(snap_compare, demo):
    assert snap_compare(_minutes(demo), press=["f3"], terminal_size=SIZE)


def test_followups(snap_compare, demo):
    assert snap_compare(_minutes(demo), press=["f6"], terminal_size=SIZE)


@pytest.fixture
def archive(demo, cli):
    cli("import", *sorted((FIXTURES / "minutes").glob("svsm-*.md")), FIXTURES / "minutes" / "plain-date.md",
        FIXTURES / "minutes" / "wrong-ordinal.md")
    return demo


def test_search(snap_compare, archive):
    async def before(pilot):
        await pilot.press("slash", *"restricted injection")
        for _ in range(40):
            await pilot.pause(0.05)
            if pilot.app.screen.hits:
                break

    assert snap_compare(SvsmMeetApp(archive), run_before=before, terminal_size=SIZE)


def test_decisions(snap_compare, archive):
    assert snap_compare(SvsmMeetApp(archive), press=["d"], terminal_size=SIZE)


def test_people(snap_compare, archive):
    assert snap_compare(SvsmMeetApp(archive), press=["p"], terminal_size=SIZE)


def test_attendance(snap_compare, archive):
    assert snap_compare(SvsmMeetApp(archive), press=["t"], terminal_size=SIZE)
