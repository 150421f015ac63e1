"""Hostile records: dates, zones and layouts checked at the door; a bad record made by older code
skipped with a warning naming it, never failing the whole export or sync; meeting ids and drafts
never reused; an app whose meeting was replaced meanwhile says so in words.  Real SQLite files,
real vdir folders."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import sqlite3

import icalendar
import pytest
from conftest import db_state

SERIES = "SVSM Development Call"


def _sql(db, statement: str, *params) -> None:
    """What older code could leave in a database, written behind svsm-meet's back."""
    conn = sqlite3.connect(db)
    with conn:
        conn.execute(statement, params)
    conn.close()


def _good_and_bad(cli, db, bad_sql: str):
    """A good series with an open follow-up, and a series made bad by BAD_SQL, with one too."""
    assert cli("new", "--series", SERIES, "--date", "2024-05-15").code == 0
    assert cli("followups", "add", "Good task", "--due", "2024-06-01", "--meeting", "1").code == 0
    assert cli("new", "--series", "Broken Call", "--date", "2024-05-16").code == 0
    assert cli("followups", "add", "Task of the broken call", "--meeting", "2").code == 0
    _sql(db, bad_sql)


# -- at the door -------------------------------------------------------------------------------


@pytest.mark.parametrize("date", ["9999-12-31", "0001-01-01", "1899-12-31", "2201-01-01", "+100000w"])
def test_new_refuses_a_year_out_of_range(cli, db, date):
    result = cli("new", "--series", SERIES, "--date", date)
    assert result.code == 2, result
    assert "1900" in result.err and "2200" in result.err and len(result.err.splitlines()) == 1
    assert "Traceback" not in result.err and "Overflow" not in result.err
    assert cli("meetings", "--json").out.strip() in ("[]", "")


@pytest.mark.parametrize("due", ["9999-12-31", "2201-01-01 10:00 Europe/Berlin",
                                 "2024-06-07 16:00 Factory", "2024-06-07 16:00 posixrules"])
def test_followups_add_refuses_far_years_and_zones_that_are_not_iana(cli, db, due):
    assert cli("new", "--series", SERIES, "--date", "2024-05-15").code == 0
    before = db_state(db)
    result = cli("followups", "add", "Find out", "--due", due)
    assert result.code == 2, result
    assert db_state(db) == before


def test_a_title_year_must_be_written_in_full_and_in_range(cli, db, tmp_path):
    # Named like a dated file too: the title's year is refused, not replaced by the name's.
    path = tmp_path / "devel-call-2024-05-15.md"
    path.write_text(f"# Meeting Minutes: {SERIES} (January 1st, 0001)\n\n## Attendees:\n\nAda\n")
    result = cli("import", path)
    assert result.code == 2, result
    assert "0001" in result.err and str(path) in result.err
    assert "2001" not in cli("meetings").out
    for title in ("3.6.0001", "May 15th, 2201"):
        path.write_text(f"# Meeting Minutes: {SERIES} ({title})\n\nA note.\n")
        assert cli("import", path).code == 2
    assert json.loads(cli("meetings", "--json").out) == []
    # A two-digit year is this century's where written so (28/5/24), as before.
    path.write_text("# Kernel Meeting 28/5/24\n\nA note.\n")
    assert cli("import", path).code == 0
    assert json.loads(cli("meetings", "--json").out)[0]["date"] == "2024-05-28"


# -- a bad stored record is skipped, named, and the rest goes on --------------------------------


BAD_RECORDS = {
    "a meeting at the end of time": "UPDATE meeting SET date = '9999-12-31' WHERE id = 2",
    "a zone from another planet": "UPDATE meeting SET timezone = 'Mars/Olympus' WHERE id = 2",
    "a zone that is a path": "UPDATE series SET timezone = '../../etc/passwd' WHERE name = 'Broken Call'",
    "a due date at the end of time": "UPDATE followup SET due_date = '9999-12-31' WHERE id = 2",
}


@pytest.mark.parametrize("bad", BAD_RECORDS.values(), ids=BAD_RECORDS.keys())
def test_export_ics_skips_a_bad_record_with_a_warning(cli, db, bad):
    _good_and_bad(cli, db, bad)
    result = cli("export", "ics")
    assert result.code == 0, result.err
    cal = icalendar.Calendar.from_ical(result.out.encode())
    summaries = [str(c["summary"]) for c in cal.walk() if c.name in ("VTODO", "VEVENT")]
    assert "Good task" in summaries and SERIES in summaries
    assert "Task of the broken call" not in summaries
    assert "warning: skipped" in result.err and ("follow-up 2" in result.err or "Broken Call" in result.err)


@pytest.mark.parametrize("bad", BAD_RECORDS.values(), ids=BAD_RECORDS.keys())
def test_sync_vdir_skips_a_bad_record_with_a_warning(cli, db, tmp_path, bad):
    _good_and_bad(cli, db, bad)
    folder = tmp_path / "vdir"
    result = cli("sync", "vdir", folder)
    assert result.code == 0, result.err
    texts = [p.read_text() for p in folder.iterdir()]
    assert any("Good task" in t for t in texts)
    assert not any("Task of the broken call" in t for t in texts)
    assert "warning: skipped" in result.err


def test_a_record_gone_bad_after_a_sync_is_not_deleted_from_the_calendar(cli, db, tmp_path):
    _good_and_bad(cli, db, "SELECT 1")
    folder = tmp_path / "vdir"
    assert cli("sync", "vdir", folder).code == 0
    files = sorted(p.name for p in folder.iterdir())
    _sql(db, "UPDATE meeting SET timezone = 'Mars/Olympus' WHERE id = 2")
    result = cli("sync", "vdir", folder)
    assert result.code == 0 and "skipped follow-up 2" in result.err
    assert sorted(p.name for p in folder.iterdir()) == files
    assert cli("followups", "--json").out.count('"open"') == 2


def test_followups_add_after_a_meeting_at_the_end_of_time_is_a_plain_refusal(cli, db):
    assert cli("new", "--series", SERIES, "--date", "2024-05-15").code == 0
    _sql(db, "UPDATE meeting SET date = '9999-12-31'")
    result = cli("followups", "add", "Later", "--due", "+1w")
    assert result.code == 2 and "Overflow" not in result.err, result
    assert cli("followups", "add", "Dated", "--due", "2024-06-01").code == 0


@pytest.mark.parametrize("layout", [{"bullet": "x", "indent": 0}, {"bullet": 7, "indent": "wide"},
                                    {"bullet": "", "indent": 2.5}])
def test_a_stored_layout_no_renderer_can_use_falls_back_to_the_house_style(cli, db, layout):
    assert cli("new", "--series", SERIES, "--date", "2024-05-15").code == 0
    assert cli("note", "add", "1", "A point").code == 0
    _sql(db, "UPDATE meeting SET layout = ?", json.dumps(layout))
    result = cli("export", "markdown", "1")
    assert result.code == 0, result.err
    assert "* A point" in result.out
    assert cli("export", "json", "1").code == 0


# -- ids and drafts are never another meeting's ---------------------------------------------------


def _minutes(path, date: str, note: str):
    path.write_text(f"# Meeting Minutes: {SERIES} ({date})\n\n## Topics:\n\n* {note}\n")
    return path


def test_a_replaced_meeting_id_is_never_given_again(cli, tmp_path):
    a = _minutes(tmp_path / "a.md", "May 15th, 2024", "first")
    b = _minutes(tmp_path / "b.md", "May 22nd, 2024", "second")
    assert "imported meeting 1:" in cli("import", a).out
    assert "imported meeting 2:" in cli("import", b).out
    _minutes(b, "May 22nd, 2024", "second, corrected")
    assert "imported meeting 3:" in cli("import", b, "--replace").out
    assert "imported meeting 4:" in cli("import", b, "--replace").out
    assert "created meeting 5:" in cli("new", "--series", SERIES, "--date", "2024-05-29").out
    ids = sorted(m["id"] for m in json.loads(cli("meetings", "--json").out))
    assert ids == [1, 4, 5]


def test_a_draft_of_a_replaced_meeting_never_shows_in_another(cli, db, tmp_path):
    from svsm_meet.drafts import Drafts
    from svsm_meet.service import Service

    b = _minutes(tmp_path / "b.md", "May 22nd, 2024", "second")
    cli("import", b)
    service = Service(f"sqlite:///{db}")
    drafts = Drafts(service.url, tmp_path / "drafts")
    drafts.save(service.draft_key(1), "#action half a line for the old minutes")
    cli("import", b, "--replace")
    (meeting,) = json.loads(cli("meetings", "--json").out)
    assert drafts.load(service.draft_key(meeting["id"])) == ""
    # A database made anew at the same path starts its ids again: still not the old draft.
    service.engine.dispose()
    for path in db.parent.glob(db.name + "*"):
        path.unlink()
    cli("import", b)
    assert drafts.load(Service(f"sqlite:///{db}").draft_key(1)) == ""


# -- the app says in words that its meeting was replaced ------------------------------------------


def test_an_entry_into_a_meeting_replaced_meanwhile_is_refused_in_words(cli, db, tmp_path):
    from svsm_meet.errors import SvsmMeetError
    from svsm_meet.session import MinutesSession
    from svsm_meet.store.engine import make_engine

    b = _minutes(tmp_path / "b.md", "May 22nd, 2024", "second")
    cli("import", b)
    session = MinutesSession(make_engine(f"sqlite:///{db}"), 1)
    assert cli("import", b, "--replace").code == 0
    with pytest.raises(SvsmMeetError) as raised:
        session.submit("A note typed in the app")
    message = str(raised.value)
    assert "replaced or deleted" in message and "open the meeting again" in message
    assert "SQL" not in message and "INSERT" not in message and "IntegrityError" not in message


def test_the_app_keeps_the_typed_line_when_its_meeting_was_replaced(cli, db, tmp_path):
    from svsm_meet.config import Config
    from svsm_meet.service import Service
    from svsm_meet.tui.app import SvsmMeetApp
    from svsm_meet.tui.widgets.entry_line import EntryLine

    b = _minutes(tmp_path / "b.md", "May 22nd, 2024", "second")
    cli("import", b)
    service = Service(f"sqlite:///{db}", Config(minutes_dir=tmp_path / "Meetings"),
                      today=lambda: dt.date(2024, 5, 22))
    app = SvsmMeetApp(service, 1)

    async def go():
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            assert cli("import", b, "--replace").code == 0
            entry = app.screen.query_one(EntryLine)
            entry.insert_text_at_cursor("Typed after the replace")
            await pilot.press("enter")
            await pilot.pause()
            messages = [n.message for n in app._notifications]
            assert any("replaced or deleted" in m for m in messages), messages
            assert not any("SQL" in m or "INSERT" in m for m in messages), messages
            assert app.screen.query_one(EntryLine).value == "Typed after the replace"

    asyncio.run(go())


def test_a_database_error_is_shown_in_words_never_sql():
    import sqlite3

    from sqlalchemy.exc import IntegrityError

    from svsm_meet.errors import BadInput, in_words

    error = IntegrityError("INSERT INTO item (meeting_id, text) VALUES (?, ?)", (7, "x"),
                           sqlite3.IntegrityError("FOREIGN KEY constraint failed"))
    said = in_words(error)
    assert "FOREIGN KEY constraint failed" in said and "INSERT" not in said and "[SQL" not in said
    assert in_words(BadInput("no such meeting: 9")) == "no such meeting: 9"
