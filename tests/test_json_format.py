"""The JSON format: versioned, validated with exact error places, follow-ups included."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
import sys
from importlib.resources import files
from zoneinfo import ZoneInfo

import pytest
from conftest import FIXTURES, db_state, run_process

from svsm_meet.errors import BadInput
from svsm_meet.formats import json_format
from svsm_meet.formats.markdown_in import parse_markdown
from svsm_meet.model import Due, FollowUp
from svsm_meet.store.documents import load_documents, save_documents
from svsm_meet.store.engine import make_engine, resolve_url, transaction
from svsm_meet.store.migrate import ensure_schema

SEED = """# Meeting Minutes: SVSM Development Call (May 15th, 2024)

## Attendees:

Roy Hopkins, Stefano Garzarella

## Measurement discrepancies

* Stefano Garzarella is finding a discrepancy.
* Roy Hopkins suggests that the issue might be related to restricted injection. Stefano will investigate further.
"""


def _doc_with_followups():
    doc = parse_markdown(SEED)
    bullet = doc.sections[-1].items[1]
    berlin = ZoneInfo("Europe/Berlin")
    doc.followups = [
        FollowUp("Investigate the restricted injection angle", uid="a@svsm-meet", owner="Stefano Garzarella",
                 due=Due(date=dt.date(2024, 5, 29)), item=bullet, sequence=2),
        FollowUp("Send out the LPC CFP", uid="b@svsm-meet", status="suggested",
                 due=Due(unknown_reason="CFP deadline not known", recheck=dt.date(2024, 5, 22))),
        FollowUp("Coordinate with Jon Lange", uid="c@svsm-meet", owner="Jon Lange",
                 due=Due(at=dt.datetime(2024, 5, 22, 16, 0, tzinfo=berlin))),
    ]
    return doc


def test_json_keeps_followups_and_their_bullets():
    doc = _doc_with_followups()
    data = json.loads(json_format.dumps(doc))
    first = data["followups"][0]
    assert first["due"] == {"date": "2024-05-29"}
    ref = first["item"]
    bullet = data["sections"][-1]["items"][1]
    assert bullet["ref"] == ref
    assert data["followups"][2]["due"] == {"at": "2024-05-22T16:00:00+02:00", "timezone": "Europe/Berlin"}
    again = json_format.loads(json_format.dumps(doc))
    assert again == doc
    assert again.followups[0].item is again.sections[-1].items[1]


def test_followups_survive_the_database(db):
    engine = make_engine(resolve_url(str(db)))
    ensure_schema(engine)
    doc = _doc_with_followups()
    with transaction(engine) as conn:
        (mid,) = save_documents(conn, [doc])
    with transaction(engine, write=False) as conn:
        (loaded,) = load_documents(conn, [mid])
    strip = lambda fs: [(f.uid, f.text, f.status, f.owner, f.due, f.sequence) for f in fs]  # noqa: E731
    assert strip(loaded.followups) == strip(doc.followups)
    assert loaded.followups[2].due.at.tzinfo.key == "Europe/Berlin"
    assert loaded.followups[0].item.text.endswith("Stefano will investigate further.")


@pytest.mark.parametrize(
    "mutate, message",
    [
        (lambda d: d.update(format="other"), "format: expected 'svsm-meet/meeting'"),
        (lambda d: d.update(version=99), "version: 99 is newer than this svsm-meet reads (1)"),
        (lambda d: d["meeting"].update(date="15/05/2024"), "meeting.date: '15/05/2024' is not a date"),
        (lambda d: d["sections"][1].update(kind="chapter"), "sections[1].kind: 'chapter' is not one of"),
        (lambda d: d["sections"][2]["items"][0].update(text=5),
         "sections[2].items[0].text: expected a string, got a number"),
        (lambda d: d["sections"][2].update(level=9), "sections[2].level: must be at most 6, not 9"),
        (lambda d: d["attendees"][0].update(present="yes"),
         "attendees[0].present: expected true or false, got a string"),
        (lambda d: d["followups"][0].update(item=999), "followups[0].item: no item has ref 999"),
        (lambda d: d["followups"][2]["due"].update(at="2024-05-22T16:00"),
         "followups[2].due.at: a due date-time needs its UTC offset"),
        # Braces in a value are not a message template; quoted values are escaped and shortened.
        (lambda d: d["meeting"].update(date="{date}"), "meeting.date: '{date}' is not a date"),
        (lambda d: d["sections"][2]["items"][0].update(kind="\x1b[2J" + "x" * 100),
         "sections[2].items[0].kind: '\\x1b[2J" + "x" * 36 + "'… is not one of"),
    ],
)
def test_bad_json_names_the_place(mutate, message):
    data = json_format.to_dict(_doc_with_followups())
    mutate(data)
    with pytest.raises(BadInput) as error:
        json_format.loads(json.dumps(data), "m.json")
    assert str(error.value).startswith(f"m.json: {message}")


@pytest.mark.parametrize(
    "text, message",
    [
        ("{nope", "not valid JSON (line 1, column 2: Expecting property name"),
        ("[" * 100_000, "not valid JSON (nested too deeply)"),
        ("[]", "expected a meeting object, got an array"),
        ("null", "expected a meeting object, got null"),
        ('{"version": ' + "9" * 5000 + "}", "not valid JSON (a number too long to read)"),
        ('{"format": "svsm-meet/meeting", "version": 1, "meeting": {"series": "\\ud800"}}',
         "meeting.series: not valid Unicode"),
    ],
)
def test_not_a_meeting_at_all(text, message):
    with pytest.raises(BadInput) as error:
        json_format.loads(text, "m.json")
    assert str(error.value).startswith(f"m.json: {message}")


def test_reading_json_needs_pydantic_but_importing_the_module_does_not():
    """The command line's start-up time: pydantic is imported when a JSON file is read."""
    code = """if True:
        import sys
        from svsm_meet.formats import json_format
        assert "pydantic" not in sys.modules
        json_format.loads('{"format": "svsm-meet/meeting", "version": 1,'
                          ' "meeting": {"series": "S", "date": "2024-05-15"}}')
        assert "pydantic" in sys.modules
    """
    subprocess.run([sys.executable, "-c", code], check=True)


def test_json_import_replaces_its_own_followups_and_refuses_a_clash(cli, tmp_path, db):
    cli("import", files("svsm_meet") / "data" / "demo-meeting.md")
    found = json.loads(cli("followups", "--json", "--all").out)
    cli("followups", "edit", str(found[0]["id"]), "--status", "open")
    out = tmp_path / "m.json"
    cli("export", "json", "latest", "-o", out)
    result = cli("import", out, "--replace")
    assert result.code == 0, result.err
    again = json.loads(cli("followups", "--json", "--all").out)
    assert sorted(f["uid"] for f in again) == sorted(f["uid"] for f in found)
    before = db_state(db)
    clash = cli("import", out, "--series", "Another Call")
    assert clash.code == 2 and "is in the database already" in clash.err
    assert db_state(db) == before


# -- through the command line: one line, exit 2, the database unchanged ----------------------------

DEMO = files("svsm_meet") / "data" / "demo-meeting.md"


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    """A database holding the demo meeting, and the JSON of another meeting made from its export
    (a week later, new uids, each kind of due date): each bad case breaks one thing in it."""
    from svsm_meet.cli.main import main

    base = tmp_path_factory.mktemp("seeded")
    seed, out = base / "seed.db", base / "demo.json"
    assert main(["--db", str(seed), "import", str(DEMO)]) == 0
    assert main(["--db", str(seed), "export", "json", "latest", "-o", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    data["meeting"]["date"] = "2024-05-22"
    for n, f in enumerate(data["followups"]):
        f["uid"] = f"copy-{n}@svsm-meet"
    data["followups"][0]["due"] = {"at": "2024-05-29T16:00:00+02:00", "timezone": "Europe/Berlin"}
    data["followups"][1]["due"] = {"date": "2024-05-29"}
    return seed, data


@pytest.fixture
def good(seeded, db):
    """This test's database: a copy of the seeded one.  Gives the good JSON to break."""
    seed, data = seeded
    for path in seed.parent.glob(seed.name + "*"):  # with any -wal beside it
        shutil.copy(path, db.parent / path.name.replace(seed.name, db.name))
    return json.loads(json.dumps(data))


def _write(tmp_path, data, name="meeting.json"):
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def test_the_good_file_imports_and_gives_the_same_markdown(cli, good, tmp_path):
    """What the bad cases start from is fine: each of them is refused for its one change."""
    assert cli("import", _write(tmp_path, good)).code == 0
    first, second = cli("export", "markdown", "2024-05-15").out, cli("export", "markdown", "2024-05-22").out
    assert second == first
    due = {f["uid"]: f["due"] for f in json.loads(cli("followups", "--json", "--all").out)}
    assert due["copy-0@svsm-meet"].startswith("2024-05-29") and due["copy-1@svsm-meet"] == "2024-05-29"


def _chain(depth):
    item = {"kind": "note", "text": "deep"}
    for _ in range(depth - 1):
        item = {"kind": "note", "text": "deep", "children": [item]}
    return item


def _section(d, n):
    return d["sections"][n]


def _item(d, n=3, i=0):
    return d["sections"][n]["items"][i]


# (mutation, the place named, the start of the message)
BAD = {
    # The two cases of issue 8.
    "meeting zone Mars/Base": (lambda d: d["meeting"].update(timezone="Mars/Base"),
                               "meeting.timezone", "'Mars/Base' is not a known time zone"),
    "due at null": (lambda d: d["followups"][0].update(due={"at": None}),
                    "followups[0].due.at", "expected an ISO 8601 date-time, got null"),
    # Time zones: unknown, a path, empty, a folder of the zone database.
    "meeting zone is a path": (lambda d: d["meeting"].update(timezone="../../etc/passwd"),
                               "meeting.timezone", "'../../etc/passwd' is not an IANA time zone name"),
    "meeting zone empty": (lambda d: d["meeting"].update(timezone=""), "meeting.timezone", "'' is not"),
    "meeting zone a folder": (lambda d: d["meeting"].update(timezone="Europe"),
                              "meeting.timezone", "'Europe' is not a known time zone"),
    "due zone Mars/Base": (lambda d: d["followups"][0]["due"].update(timezone="Mars/Base"),
                           "followups[0].due.timezone", "'Mars/Base' is not a known time zone"),
    "due zone is a path": (lambda d: d["followups"][0]["due"].update(timezone="/usr/share/zoneinfo/UTC"),
                           "followups[0].due.timezone", "'/usr/share/zoneinfo/UTC' is not an IANA"),
    "due zone empty": (lambda d: d["followups"][0]["due"].update(timezone=""),
                       "followups[0].due.timezone", "'' is not"),
    # Dates: impossible, out of range, malformed, without an offset, shapes mixed.
    "impossible date": (lambda d: d["meeting"].update(date="2024-02-30"),
                        "meeting.date", "'2024-02-30' is not a day of the calendar"),
    "year 9999": (lambda d: d["meeting"].update(date="9999-12-31"),
                  "meeting.date", "'9999-12-31' is outside the years 1900–2200"),
    "year 1899": (lambda d: d["followups"][1]["due"].update(date="1899-12-31"),
                  "followups[1].due.date", "'1899-12-31' is outside the years"),
    "timestamp in year 9999": (lambda d: d["followups"][2].update(created_at="9999-12-31T23:59:59Z"),
                               "followups[2].created_at", "'9999-12-31T23:59:59Z' is outside the years"),
    "not a date": (lambda d: d["meeting"].update(date="15/05/2024"),
                   "meeting.date", "'15/05/2024' is not a date YYYY-MM-DD"),
    "bad start time": (lambda d: d["meeting"].update(start_time="25:00"),
                       "meeting.start_time", "'25:00' is not a time of day"),
    "due at without offset": (lambda d: d["followups"][0]["due"].update(at="2024-05-29T16:00"),
                              "followups[0].due.at", "a due date-time needs its UTC offset"),
    "due date null": (lambda d: d["followups"][1].update(due={"date": None}),
                      "followups[1].due.date", "expected a date YYYY-MM-DD, got null"),
    "due date and at": (lambda d: d["followups"][1]["due"].update(at="2024-05-29T16:00:00+02:00"),
                        "followups[1].due", "give one of date, at, unknown, not date and at"),
    # Missing keys and wrong types.
    "no meeting": (lambda d: d.pop("meeting"), "meeting", "missing"),
    "no series": (lambda d: d["meeting"].pop("series"), "meeting.series", "missing"),
    "blank series": (lambda d: d["meeting"].update(series="  "), "meeting.series", "empty"),
    "no uid": (lambda d: d["followups"][3].pop("uid"), "followups[3].uid", "missing"),
    "no item kind": (lambda d: _item(d, 4, 1)["children"][2].pop("kind"),
                     "sections[4].items[1].children[2].kind", "missing"),
    "text a number": (lambda d: _item(d).update(text=5),
                      "sections[3].items[0].text", "expected a string, got a number"),
    "present a string": (lambda d: d["attendees"][0].update(present="yes"),
                         "attendees[0].present", "expected true or false, got a string"),
    "level a string": (lambda d: _section(d, 5).update(level="2"),
                       "sections[5].level", "expected an integer, got a string"),
    "level true": (lambda d: _section(d, 5).update(level=True),
                   "sections[5].level", "expected an integer, got a boolean"),
    "items an object": (lambda d: _section(d, 5).update(items={}),
                        "sections[5].items", "expected an array, got an object"),
    "due a string": (lambda d: d["followups"][1].update(due="soon"),
                     "followups[1].due", "expected an object, got a string"),
    "version a string": (lambda d: d.update(version="1"), "version", "expected an integer, got a string"),
    "not our format": (lambda d: d.update(format="other"), "format", "expected 'svsm-meet/meeting'"),
    "version 2": (lambda d: d.update(version=2), "version", "2 is newer than this svsm-meet reads (1)"),
    # Unknown values.
    "item kind": (lambda d: _item(d).update(kind="chapter"),
                  "sections[3].items[0].kind", "'chapter' is not one of 'note', 'decision'"),
    "section kind": (lambda d: _section(d, 2).update(kind="chapter"),
                     "sections[2].kind", "'chapter' is not one of 'title', 'attendees' or 'topic'"),
    "status": (lambda d: d["followups"][0].update(status="later"),
               "followups[0].status", "'later' is not one of 'suggested', 'open', 'done' or 'dropped'"),
    "layout bullet": (lambda d: d["meeting"]["layout"].update(bullet="•"),
                      "meeting.layout.bullet", "'•' is not a bullet marker"),
    "layout indent 0": (lambda d: d["meeting"]["layout"].update(indent=0),
                        "meeting.layout.indent", "must be at least 1, not 0"),
    "layout indent 99": (lambda d: d["meeting"]["layout"].update(indent=99),
                         "meeting.layout.indent", "must be at most 20, not 99"),
    "attendees style": (lambda d: d["meeting"]["layout"].update(attendees_style="table"),
                        "meeting.layout.attendees_style", "'table' is not one of 'paragraph'"),
    "attendees gap": (lambda d: d["meeting"]["layout"].update(attendees_gap="yes"),
                      "meeting.layout.attendees_gap", "expected true or false, got a string"),
    "item marker": (lambda d: _item(d).update(marker="#"), "sections[3].items[0].marker", "'#' is not"),
    # Absurd sizes.
    "series too long": (lambda d: d["meeting"].update(series="S" * 201),
                        "meeting.series", "longer than 200 characters"),
    "uid too long": (lambda d: d["followups"][0].update(uid="u" * 201),
                     "followups[0].uid", "longer than 200 characters"),
    "text too long": (lambda d: _item(d).update(text="t" * 1_000_001),
                      "sections[3].items[0].text", "longer than 1000000 characters"),
    "marker too wide": (lambda d: _item(d).update(marker="123456789.   "),
                        "sections[3].items[0].marker", "longer than 12 characters"),
    # Blank names, UIDs the calendar would not know as ours, zones that are files but not zones.
    "blank attendee": (lambda d: d["attendees"][0].update(name="   "), "attendees[0].name", "is blank"),
    "blank owner": (lambda d: d["followups"][0].update(owner=""), "followups[0].owner", "is blank"),
    "uid not ours": (lambda d: d["followups"][0].update(uid="task-42"),
                     "followups[0].uid", "'task-42' is not a UID of svsm-meet"),
    "uid of a series": (lambda d: d["followups"][0].update(uid="series-1@svsm-meet"),
                        "followups[0].uid", "'series-1@svsm-meet' is not a UID of svsm-meet"),
    "zone localtime": (lambda d: d["meeting"].update(timezone="localtime"),
                       "meeting.timezone", "'localtime' is not an IANA time zone name"),
    "zone with leap seconds": (lambda d: d["meeting"].update(timezone="right/Europe/Berlin"),
                               "meeting.timezone", "'right/Europe/Berlin' is not an IANA time zone name"),
    "due after 2200 in UTC": (lambda d: d["followups"][0].update(
        due={"at": "2200-12-31T23:00:00-12:00", "timezone": None}),
        "followups[0].due.at", "'2200-12-31T23:00:00-12:00' is outside the years 1900–2200"),
    "too many attendees": (lambda d: d.update(attendees=[{"name": f"P{n}"} for n in range(1001)]),
                           "attendees", "more than 1000 entries"),
    "nested too deep": (lambda d: _section(d, 5)["items"].append(_chain(51)),
                        "sections[5].items[3]" + ".children[0]" * 49 + ".children",
                        "bullets nested more than 50 deep"),
    "level 7": (lambda d: _section(d, 5).update(level=7), "sections[5].level", "must be at most 6, not 7"),
    "indent 99": (lambda d: _item(d).update(indent=99), "sections[3].items[0].indent", "must be at most 20"),
    "sequence negative": (lambda d: d["followups"][0].update(sequence=-1),
                          "followups[0].sequence", "must be at least 0, not -1"),
    "sequence huge": (lambda d: d["followups"][0].update(sequence=2**63),
                      "followups[0].sequence", "must be at most 2147483647"),
    # What spans fields: one title, one attendees heading, refs, uids.
    "two titles": (lambda d: d["sections"].append(dict(_section(d, 0), items=[])),
                   "sections[9].kind", "sections[0] is the title already"),
    "two attendees headings": (lambda d: _section(d, 6).update(kind="attendees"),
                               "sections[6].kind", "sections[1] is the attendees already"),
    "ref twice": (lambda d: _item(d, 3, 1).update(ref=1),
                  "sections[3].items[1].ref", "1 is the ref of sections[3].items[0] already"),
    "ref pointing nowhere": (lambda d: d["followups"][2].update(item=999),
                             "followups[2].item", "no item has ref 999"),
    "uid twice": (lambda d: d["followups"][4].update(uid="copy-1@svsm-meet"),
                  "followups[4].uid", "followups[1] has this uid already"),
    # Control characters from the file are never echoed raw; a line break is no second line.
    "control characters": (lambda d: _item(d).update(kind="\x1b]0;owned\x07\nnext line"),
                           "sections[3].items[0].kind", "'\\x1b]0;owned\\x07\\nnext line' is not one of"),
    "line break in a heading": (lambda d: _section(d, 5).update(text="A\n# B"),
                                "sections[5].text", "has a line break or a control character"),
}


@pytest.mark.parametrize("case", BAD)
def test_bad_json_is_refused_in_one_line_and_changes_nothing(cli, db, good, tmp_path, case):
    mutate, place, message = BAD[case]
    mutate(good)
    path = _write(tmp_path, good)
    before, listed = db_state(db), cli("meetings", "--json").out
    assert len(json.loads(listed)) == 1  # the seeded meeting, to compare against
    result = cli("import", path)
    assert result.code == 2, result.err
    assert result.err.startswith(f"svsm-meet: {path}: {place}: {message}"), result.err
    assert result.err.count("\n") == 1 and result.err.endswith("\n")
    assert result.err[:-1].isprintable(), repr(result.err)  # no control character, no tab
    assert db_state(db) == before and cli("meetings", "--json").out == listed


def test_the_cases_of_the_issue_as_a_user_meets_them(tmp_path):
    """A real process: one line, exit 2, nothing imported, and `export ics` still works."""
    db = tmp_path / "user.db"
    assert run_process("--db", db, "import", DEMO).code == 0
    exported = run_process("--db", db, "export", "json", "latest").out
    for mutate in (lambda d: d["meeting"].update(timezone="Mars/Base", date="2024-05-22"),
                   lambda d: d["followups"][0].update(due={"at": None})):
        data = json.loads(exported)
        mutate(data)
        path = _write(tmp_path, data, "bad.json")
        before = db_state(db)
        result = run_process("--db", db, "import", path, "--replace")
        assert result.code == 2 and result.err.count("\n") == 1, result.err
        assert "Traceback" not in result.err and db_state(db) == before
        ics = run_process("--db", db, "export", "ics")
        assert ics.code == 0 and "BEGIN:VCALENDAR" in ics.out, ics.err


ROUND_TRIP = sorted((FIXTURES / "minutes").glob("*.md")) + [DEMO]


@pytest.mark.parametrize("minutes", ROUND_TRIP, ids=lambda p: p.name)
def test_export_json_then_import_gives_the_same_markdown(cli, tmp_path, minutes):
    """The round trip through the command line, as the corpus test does on the shared corpus."""
    assert cli("import", minutes, "--date", "2024-01-01").code == 0
    markdown = cli("export", "markdown", "latest").out
    exported = tmp_path / "m.json"
    assert cli("export", "json", "latest", "-o", exported).code == 0
    other = tmp_path / "other.db"
    assert cli("import", exported, database=other).code == 0
    assert cli("export", "markdown", "latest", database=other).out == markdown
    assert json.loads(cli("export", "json", "latest", database=other).out)["sections"] == (
        json.loads(exported.read_text(encoding="utf-8"))["sections"]
    )


@pytest.mark.parametrize("minutes", [
    "* Action Item:\n  Stefano will investigate\n",  # the label's line break is the label's
    "1. first\n123456789.    a marker wider than the store keeps\n",
    "* " + " ".join(["Stra\u00dfe"] * 300) + "\n",
], ids=["label line break", "wide marker", "long bullet"])
def test_what_markdown_import_makes_json_takes_back(cli, tmp_path, minutes):
    path = tmp_path / "shapes.md"
    path.write_text("# Meeting Minutes: Shapes Call (June 5th, 2024)\n\n## Topics:\n\n" + minutes,
                    encoding="utf-8")
    assert cli("import", path).code == 0
    exported = tmp_path / "m.json"
    assert cli("export", "json", "latest", "-o", exported).code == 0
    other = tmp_path / "other.db"
    result = cli("import", exported, database=other)
    assert result.code == 0, result.err
    assert cli("export", "markdown", "latest", database=other).out == path.read_text(encoding="utf-8")
