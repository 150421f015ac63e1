"""The command line contract of DESIGN.md, as far as the foundation goes."""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES, db_state, run_process

from svsm_meet.formats.markdown_in import normalize

SVSM = FIXTURES / "minutes" / "svsm-ordinal-2025-03-05.md"
COUNCIL = FIXTURES / "minutes" / "council-2024-04-12.md"
PLAIN = FIXTURES / "minutes" / "plain-date.md"


def test_import_then_list_as_json(cli):
    assert cli("import", SVSM, COUNCIL, PLAIN).code == 0
    result = cli("meetings", "--json")
    assert result.code == 0
    meetings = json.loads(result.out)
    assert [(m["date"], m["series"]) for m in meetings] == [
        ("2025-03-05", "SVSM Development Call"),
        ("2024-04-12", "Council"),
        ("2024-02-28", "SVSM Development Call"),
    ]
    assert set(meetings[0]) >= {"id", "date", "title", "series"}
    assert meetings[0]["title"] == "Meeting Minutes: SVSM Development Call (March 5th, 2025)"
    assert cli("meetings", "--series", "council").out.count("\n") == 1


def test_export_selectors_id_date_latest(cli, tmp_path):
    cli("import", SVSM, PLAIN)
    expected = normalize(SVSM.read_text(encoding="utf-8"))
    assert cli("export", "markdown", "latest").out == expected
    assert cli("export", "markdown", "2025-03-05").out == expected
    mid = json.loads(cli("meetings", "--json").out)[0]["id"]
    assert cli("export", "markdown", str(mid)).out == expected
    out = tmp_path / "minutes.md"
    assert cli("export", "markdown", "latest", "-o", out).code == 0
    assert out.read_text(encoding="utf-8") == expected


def test_a_date_two_series_share_needs_series(cli):
    cli("import", PLAIN)
    cli("import", PLAIN, "--series", "Other Call")
    result = cli("export", "markdown", "2024-02-28")
    assert result.code == 2 and "--series" in result.err
    result = cli("export", "markdown", "2024-02-28", "--series", "other call")
    assert result.code == 0 and result.out.startswith("# Meeting: SVSM Development Call")


def test_export_all_names_files_like_the_svsm_repo(cli, tmp_path):
    cli("import", SVSM, PLAIN)
    out = tmp_path / "Meetings"
    result = cli("export", "markdown", "--all", "-o", out)
    assert result.code == 0, result.err
    assert sorted(p.name for p in out.iterdir()) == [
        "devel-call-2024-02-28.md",
        "devel-call-2025-03-05.md",
    ]
    assert (out / "devel-call-2025-03-05.md").read_text(encoding="utf-8") == normalize(
        SVSM.read_text(encoding="utf-8")
    )
    result = cli("export", "markdown", "--all", "-o", tmp_path / "x", "--name-pattern", "{series}_{id}.md")
    assert result.code == 0
    assert "svsm-development-call_1.md" in os.listdir(tmp_path / "x")


def test_export_all_refuses_names_that_clash(cli, tmp_path):
    cli("import", PLAIN)
    cli("import", PLAIN, "--series", "Other Call")
    result = cli("export", "markdown", "--all", "-o", tmp_path / "out")
    assert result.code == 2
    assert "devel-call-2024-02-28.md" in result.err and "{series}" in result.err
    assert not (tmp_path / "out").exists()
    result = cli("export", "markdown", "--all", "-o", tmp_path / "out", "--name-pattern", "{when}.md")
    assert result.code == 2 and "{when}" not in result.out


def test_new_meeting_then_notes(cli):
    result = cli("new", "--series", "SVSM Development Call", "--date", "2024-06-05")
    assert result.code == 0, result.err
    assert cli("note", "add", "latest", "Joerg Roedel shared a development plan.").code == 0
    assert cli("note", "add", "2024-06-05", "Decision: tag a release after the rework.").code == 0
    md = cli("export", "markdown", "latest").out
    assert md == (
        "# Meeting Minutes: SVSM Development Call (June 5th, 2024)\n"
        "\n"
        "## Attendees:\n"
        "\n"
        "## Notes:\n"
        "\n"
        "* Joerg Roedel shared a development plan.\n"
        "* Decision: tag a release after the rework.\n"
    )
    doc = json.loads(cli("export", "json", "latest").out)
    assert [i["kind"] for i in doc["sections"][-1]["items"]] == ["note", "decision"]
    again = cli("new", "--series", "svsm development call", "--date", "June 5 2024")
    assert again.code == 2 and "exists already" in again.err


def test_note_goes_under_the_last_topic(cli):
    cli("import", SVSM)
    assert cli("note", "add", "latest", "Roy will look at the QEMU side.").code == 0
    md = cli("export", "markdown", "latest").out
    assert md.endswith("Stefano will investigate further.\n* Roy will look at the QEMU side.\n")


def test_import_takes_files_on_both_sides_of_an_option(cli):
    assert cli("import", SVSM, "--replace", COUNCIL).code == 0
    assert json.loads(cli("meetings", "--json").out)[1]["series"] == "Council"
    bad = cli("import", SVSM, "--nonsense", COUNCIL)  # an unknown option is still refused
    assert bad.code == 2 and "unrecognized arguments: --nonsense" in bad.err


def test_import_existing_meeting_needs_replace(cli, db):
    cli("import", SVSM)
    before = db_state(db)
    result = cli("import", SVSM)
    assert result.code == 2 and "--replace" in result.err
    assert db_state(db) == before
    edited = SVSM.read_text(encoding="utf-8").replace("first release", "second release")
    path = db.parent / "devel-call-2025-03-05.md"
    path.write_text(edited, encoding="utf-8")
    assert cli("import", path, "--replace").code == 0
    assert "second release" in cli("export", "markdown", "latest").out
    assert len(json.loads(cli("meetings", "--json").out)) == 1


def test_import_is_all_or_nothing(cli, db, tmp_path):
    cli("import", PLAIN)
    before = db_state(db)
    bad = tmp_path / "bad.md"
    bad.write_bytes(b"\xff\xfe not utf-8")
    result = cli("import", SVSM, COUNCIL, bad)
    assert result.code == 2
    assert db_state(db) == before


def _bad_inputs(tmp_path: Path) -> dict[str, list]:
    binary = tmp_path / "scan-2024-01-01.md"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    empty = tmp_path / "empty-2024-01-01.md"
    empty.write_text("")
    latin1 = tmp_path / "latin1-2024-01-01.md"
    latin1.write_bytes("# Minutes (May 15th, 2024)\n\n* Cláudio\n".encode("latin-1"))
    undated = tmp_path / "notes.md"
    undated.write_text("# Notes\n\n* hello\n")
    folder = tmp_path / "folder-2024-01-01.md"
    folder.mkdir()
    bad_json = tmp_path / "meeting.json"
    bad_json.write_text('{"format": "svsm-meet/meeting", "version": 1, "meeting": {}}')
    return {
        "binary file": (["import", binary], "binary"),
        "empty file": (["import", empty], "empty"),
        "non-UTF-8 file": (["import", latin1], "not UTF-8"),
        "no date": (["import", undated], "--date"),
        "directory": (["import", folder], "is a directory"),
        "missing path": (["import", tmp_path / "nope.md"], "no such file"),
        "bad --date": (["import", undated, "--date", "someday"], "not a date"),
        "bad JSON": (["import", bad_json], "meeting.series: missing"),
        "no such meeting": (["export", "markdown", "1999-01-01"], "no meeting matches"),
        "no such id": (["note", "add", "4711", "text"], "no meeting matches"),
        "bad selector": (["export", "json", "yesterday"], "not a meeting"),
        "unknown command": (["frobnicate"], "invalid choice"),
    }


BAD_INPUTS = [
    "binary file", "empty file", "non-UTF-8 file", "no date", "directory", "missing path",
    "bad --date", "bad JSON", "no such meeting", "no such id", "bad selector", "unknown command",
]


@pytest.mark.parametrize("case", BAD_INPUTS)
def test_bad_input_gets_one_line_exit_2_and_no_change(cli, db, tmp_path, case):
    cases = _bad_inputs(tmp_path)
    assert sorted(cases) == sorted(BAD_INPUTS)
    args, expected = cases[case]
    cli("import", PLAIN)
    before = db_state(db)
    result = cli(*args)
    assert result.code == 2
    assert result.err.count("\n") == 1 and expected in result.err, result.err
    assert "Traceback" not in result.err
    assert db_state(db) == before


def test_db_that_is_a_directory_or_not_sqlite(cli, tmp_path):
    result = cli("meetings", database=tmp_path)
    assert result.code == 2 and "is a directory" in result.err
    notes = tmp_path / "notes.txt"
    notes.write_text("my precious notes\n")
    result = cli("meetings", database=notes)
    assert result.code == 2 and "not an SQLite database" in result.err
    assert notes.read_text() == "my precious notes\n"
    assert not list(tmp_path.glob("notes.txt-*"))  # no -wal or -shm beside it either
    result = cli("meetings", database=tmp_path / "no" / "such" / "dir.db")
    assert result.code == 2 and "does not exist" in result.err


def test_sqlite_database_of_another_program_is_left_alone(cli, tmp_path):
    import sqlite3

    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE bookmarks (url TEXT)")
    result = cli("meetings", database=other)
    assert result.code == 1 and "another program" in result.err
    with sqlite3.connect(other) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    assert tables == ["bookmarks"]


def test_failure_is_one_line_and_debug_shows_the_traceback(cli):
    url = "nosuchdialect://127.0.0.1/x"
    result = cli("meetings", database=url)
    assert result.code == 1 and result.err.count("\n") == 1 and "--debug" in result.err
    from sqlalchemy.exc import NoSuchModuleError

    with pytest.raises(NoSuchModuleError):  # --debug: the error itself, traceback and all
        cli("--debug", "meetings", database=url)


def test_default_database_lives_in_the_user_data_dir(cli):
    assert cli("import", PLAIN, database=None).code == 0
    data_home = Path(os.environ["XDG_DATA_HOME"])
    assert (data_home / "svsm-meet" / "svsm-meet.db").is_file()


def test_env_var_chooses_the_database(cli, tmp_path, monkeypatch):
    chosen = tmp_path / "chosen.db"
    monkeypatch.setenv("SVSM_MEET_DB", str(chosen))
    assert cli("import", PLAIN, database=None).code == 0
    assert chosen.is_file()


def test_db_upgrade_reports_the_revision(cli, db):
    from svsm_meet.store.migrate import HEAD

    result = cli("db", "upgrade")
    assert result.code == 0 and f"revision {HEAD}" in result.out
    assert cli("db", "upgrade").code == 0  # a second time is harmless


def test_demo_imports_the_bundled_meeting_once(cli):
    first = cli("demo")
    assert first.code == 0 and "imported the demo meeting" in first.out
    assert "SVSM Development Call" in first.out and "2024-05-15" in first.out
    second = cli("demo")
    assert second.code == 0 and "imported" not in second.out and "2024-05-15" in second.out


def test_the_terminal_app_needs_a_terminal(cli):
    result = cli()
    assert result.code == 2 and "needs a terminal" in result.err


def test_real_process_exit_codes_and_stderr(tmp_path):
    db = tmp_path / "p.db"
    ok = run_process("--db", db, "import", SVSM)
    assert ok.code == 0, ok.err
    bad = run_process("--db", db, "import", tmp_path / "missing.md")
    assert bad.code == 2 and bad.err.count("\n") == 1 and bad.out == ""
    usage = run_process("--db", db, "export")
    assert usage.code == 2 and usage.err.count("\n") == 1


def test_console_script_is_installed():
    script = shutil.which("svsm-meet", path=str(Path(sys.executable).parent))
    assert script, "pip install puts the svsm-meet command beside python"


def test_series_names_beyond_ascii(cli):
    assert cli("new", "--series", "Ärzte Call", "--date", "2024-05-01").code == 0
    assert cli("new", "--series", "ÄRZTE CALL", "--date", "2024-05-08").code == 0  # the same series
    meetings = json.loads(cli("meetings", "--json", "--series", "ärzte call").out)
    assert [m["series"] for m in meetings] == ["Ärzte Call", "Ärzte Call"]
    assert meetings[0]["title"] == "Meeting Minutes: Ärzte Call (May 8th, 2024)"
    assert cli("new", "--series", "Straße Sync", "--date", "2024-05-01").code == 0
    assert cli("export", "markdown", "2024-05-01", "--series", "STRASSE SYNC").code == 0


def test_people_aliases_and_merging(cli):
    cli("import", FIXTURES / "minutes" / "svsm-ordinal-2025-03-05.md")  # "Jörg Rödel (Chair)"
    cli("import", PLAIN)
    cli("new", "--series", "SVSM Development Call", "--date", "2025-03-12")
    cli("note", "add", "latest", "placeholder")
    assert cli("people", "alias", "Joerg Roedel", "Joerg").code == 2  # nobody of that name yet
    cli("followups", "add", "Review the plan", "--owner", "Jörg Rödel")
    result = cli("people", "alias", "Jörg Rödel", "Joerg Roedel")
    assert result.code == 0 and "another name" in result.out
    cli("import", FIXTURES / "minutes" / "wrong-ordinal.md")  # "Joerg Roedel (Meeting Lead)"
    people = {p["name"]: p for p in json.loads(cli("people", "--json").out)}
    assert "Joerg Roedel" not in people and people["Jörg Rödel"]["meetings"] == 2
    assert people["Jörg Rödel"]["aliases"] == ["Joerg Roedel"]
    # Two people who turn out to be one: merged, each meeting keeping its spelling.
    assert "Carlos Lopez" not in people
    cli("import", FIXTURES / "minutes" / "council-2024-04-12.md")  # "Carol", "Mark", ...
    assert "merged" in cli("people", "alias", "Adam Dunlap", "Carol").out
    people = {p["name"]: p for p in json.loads(cli("people", "--json").out)}
    assert "Carol" not in people and people["Adam Dunlap"]["meetings"] == 3  # 2 + the council
    assert "Council: Carol, Mark" in cli("export", "markdown", "2024-04-12").out
    (f,) = [f for f in json.loads(cli("followups", "--json").out) if f["text"] == "Review the plan"]
    assert f["owner"] == "Jörg Rödel"


def test_a_merged_persons_id_is_never_given_to_someone_new(cli, db, tmp_path):
    import sqlite3

    def ids():
        with sqlite3.connect(db) as conn:
            return dict(conn.execute("SELECT name, id FROM person"))

    minutes = tmp_path / "call.md"
    minutes.write_text("# Team call 2024-06-05\n\nAttendees: Ann Lee, Bob Stone\n\n## Notes\n\n* x\n")
    cli("import", minutes)
    before = ids()
    assert "merged" in cli("people", "alias", "Ann Lee", "Bob Stone").out  # Bob, the newest id, is gone
    assert cli("followups", "add", "Send the notes", "--owner", "Cleo Park").code == 0  # someone new
    assert ids()["Cleo Park"] > before["Bob Stone"]  # an undo or a script holding Bob's id names nobody


def test_people_counts_agree_between_the_command_line_and_the_app(cli, db, tmp_path):
    """Someone on a "Regrets:" line was not there: no meeting attended, in `people` or the app."""
    from svsm_meet.service import Service

    minutes = tmp_path / "team-call.md"
    minutes.write_text("# Team Call (2024-05-22)\n\n## Attendees:\n\n"
                       "Present: Ann Example, Bob Example\nRegrets: Carol Example\n", encoding="utf-8")
    assert cli("import", minutes).code == 0
    assert cli("followups", "add", "Send the plan", "--owner", "Carol Example").code == 0
    shown = {p["name"]: p["meetings"] for p in json.loads(cli("people", "--json").out)}
    service = Service(f"sqlite:///{db}")
    people = {p["name"]: p for p in service.people()}
    assert shown == {name: p["meetings"] for name, p in people.items()}
    assert shown == {"Ann Example": 1, "Bob Example": 1, "Carol Example": 0}
    carol = service.person(people["Carol Example"]["id"])
    assert carol["meetings"] == [] and [f["text"] for f in carol["followups"]] == ["Send the plan"]
    assert people["Carol Example"]["followups"] == len(carol["followups"]) == 1
    # Listed twice in one meeting, there once: one meeting on the People screen and on Ann's.
    minutes.write_text("# Team Call (2024-05-29)\n\n## Attendees:\n\n"
                       "Host: Ann Example\nPresent: Ann Example, Bob Example\n", encoding="utf-8")
    assert cli("import", minutes).code == 0
    shown = {p["name"]: p["meetings"] for p in json.loads(cli("people", "--json").out)}
    people = {p["name"]: p for p in service.people()}
    assert shown["Ann Example"] == people["Ann Example"]["meetings"] == 2
    assert len(service.person(people["Ann Example"]["id"])["meetings"]) == 2


def test_a_table_of_decisions_is_kept_as_written_and_logged_a_row_a_decision(cli, db, tmp_path):
    from svsm_meet.config import Config
    from svsm_meet.service import Service

    minutes = tmp_path / "call-2025-08-28.md"
    minutes.write_text("# Core Devs Call 2025-08-28\n\n## Key Decisions\n\n| Decision | Rationale |\n|---|---|\n"
                       "| **Ship v0.14** on Sep 1 | Ready |\n| TBD | - |\n| Keep Juno 0.15 | Stable |\n", encoding="utf-8")
    assert cli("import", minutes).code == 0
    assert cli("export", "markdown", "latest").out == minutes.read_text(encoding="utf-8")
    service = Service(f"sqlite:///{db}", Config(minutes_dir=tmp_path / "Meetings"))
    assert sorted(d["text"] for d in service.decisions()) == ["Keep Juno 0.15 · Stable", "Ship v0.14 on Sep 1 · Ready"]
