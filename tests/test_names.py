"""Who is who: one name matcher for every place a person is named (names.py), and the cases of
issue 9 it settles — live in a session, on the command line and at import — with the dates
that are not dates."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from conftest import db_state

from svsm_meet.errors import BadInput
from svsm_meet.names import Matcher, Person
from svsm_meet.service import Service
from svsm_meet.store.engine import transaction
from svsm_meet.store.followup_list import list_followups
from svsm_meet.store.people import people_names, people_with_counts

STEFANO = Person("Stefano Garzarella", (), 1)
BRIVIO = Person("Stefano Brivio", (), 2)
JOERG = Person("Joerg Roedel", ("Jörg Rödel",), 3)
CARLOS = Person("Carlos López", (), 4)
ERIC = Person("Eric Huss", ("@ehuss",), 5)
VAN = Person("Anna van der Berg", (), 6)
RAMA = Person("Rama AMD", (), 7)  # as one set of minutes wrote him
EVERYONE = [STEFANO, BRIVIO, JOERG, CARLOS, ERIC, VAN, RAMA]


@pytest.mark.parametrize(
    "typed, here, roster, person, how",
    [
        ("Stefano Garzarella", [], [], STEFANO, "name"),  # full name
        ("stefano GARZARELLA", [], [], STEFANO, "name"),  # case
        ("Carlos Lopez", [], [], CARLOS, "name"),  # accents
        ("Joerg Roedel", [], [], JOERG, "name"),
        ("Jorg Rodel", [], [], JOERG, "alias"),  # an alias, its accents dropped
        ("joerg", [], [], JOERG, "first name"),  # first name
        ("Jörg", [], [], JOERG, "first name"),  # spelled out: ö is oe
        ("Garzarella", [], [], STEFANO, "last name"),  # last name
        ("lopez", [], [], CARLOS, "last name"),
        ("van der Berg", [], [], VAN, "last name"),
        ("@ehuss", [], [], ERIC, "alias"),  # a handle
        ("ehuss", [], [], ERIC, "alias"),
        ("Stefano", [STEFANO], [], STEFANO, "first name"),  # the one at the meeting
        ("Stefano", [], [BRIVIO], BRIVIO, "first name"),  # else the one of the roster
        ("Stefano", [STEFANO], [BRIVIO], STEFANO, "first name"),  # the meeting before the roster
    ],
)
def test_the_matcher_finds(typed, here, roster, person, how):
    found = Matcher(EVERYONE, roster=roster, attendees=here).match(typed)
    assert (found.person, found.how) == (person, how)


@pytest.mark.parametrize(
    "typed, here, candidates",
    [
        ("Stefano", [], [BRIVIO, STEFANO]),  # ambiguous: both listed
        ("stefano", [STEFANO, BRIVIO], [BRIVIO, STEFANO]),  # both here: still both
        ("Ada", [], []),  # nobody
        ("Ste", [], []),  # the start of a name is not a name
        ("Stefano Lovelace", [], []),
    ],
)
def test_the_matcher_refuses(typed, here, candidates):
    found = Matcher(EVERYONE, attendees=here).match(typed)
    assert found.person is None and list(found.candidates) == candidates
    assert found.ambiguous == bool(candidates)
    if candidates:
        assert found.refusal() == f"'{typed}' could be Stefano Brivio or Stefano Garzarella: type more of the name"


@pytest.mark.parametrize(
    "text, person",
    [
        ("Roy and Joerg Roedel review the IGVM PRs", JOERG),  # a full name before a first name
        ("Joerg to send the slides", JOERG),
        ("ask ehuss about the release", ERIC),  # a handle as its owner writes it
        ("ask Stefano about it", None),  # two Stefanos
        ("we will ask joerg", None),  # a first name in lower case is a word
        ("coordinate with Garzarella's team", STEFANO),
        ("shared after feedback from Intel and AMD", None),  # an acronym is not a last name
        ("Tag v1.2.0 (@ehuss)", ERIC),
    ],
)
def test_the_matcher_reads_names_in_a_text(text, person):
    assert Matcher(EVERYONE).find_in(text) == person


def test_in_a_text_a_first_name_is_of_someone_at_the_meeting_or_of_the_roster():
    meeting = Matcher(EVERYONE, roster=[JOERG], attendees=[BRIVIO])
    assert meeting.find_in("ask Stefano about it") == BRIVIO
    assert meeting.find_in("Joerg to send the slides") == JOERG
    assert meeting.find_in("ask Garzarella about it") is None  # neither here nor of the roster
    assert meeting.find_in("ask Stefano Garzarella about it") == STEFANO  # a full name: anyone
    assert meeting.at_meeting([STEFANO]).find_in("ask Stefano about it") == STEFANO


# -- live, in a session ---------------------------------------------------------------------------


@pytest.fixture
def service(db):
    service = Service(f"sqlite:///{db}")
    service.import_demo()  # the call of 2024-05-15: Stefano Garzarella, Joerg Roedel, … were there
    return service


def next_call(service, date=dt.date(2024, 5, 22)):
    return service.open_session(service.create_meeting("SVSM Development Call", date))


def owners(service, **kw) -> dict[str, str | None]:
    with transaction(service.engine, write=False) as conn:
        return {f["text"]: f["owner"] for f in list_followups(conn, **kw)}


def people(service) -> dict[str, dict]:
    with transaction(service.engine, write=False) as conn:
        return {p["name"]: p for p in people_with_counts(conn)}


def test_here_with_a_first_name_ticks_the_person_of_the_roster(service):
    session = next_call(service)
    before = set(people(service))
    assert session.submit("#here Stefano") == "here: Stefano Garzarella"
    assert set(people(service)) == before  # no second "Stefano"
    assert [a.name for a in session.doc.attendees] == ["Stefano Garzarella"]  # as the minutes say it
    session.submit("#topic T")
    assert "follow-up for Stefano Garzarella" in session.submit("#action look at the logs @Stefano")
    with transaction(service.engine, write=False) as conn:
        assert "Stefano" not in people_names(conn)  # so @Ste completes to Stefano Garzarella
    # ... and the completed "@Stefano Garzarella" is an owner, as is "@Joerg" before a due date.
    assert "follow-up for Stefano Garzarella" in session.submit("#action ask QEMU @Stefano Garzarella")
    assert session.submit("#action ping KVM @Joerg due:2024-05-29") == "follow-up for Joerg Roedel, due 2024-05-29"
    assert owners(service).keys() >= {"look at the logs", "ask QEMU", "ping KVM"}


def test_an_ambiguous_name_is_refused_with_the_candidates(service, db):
    session = next_call(service)
    session.submit("#here Stefano Brivio")  # a second Stefano, now in the directory and here
    later = next_call(service, dt.date(2024, 5, 29))  # both are of the roster now
    before = db_state(db)
    with pytest.raises(BadInput) as refused:
        later.submit("#here Stefano")
    assert str(refused.value) == "'Stefano' could be Stefano Brivio or Stefano Garzarella: type more of the name"
    later.submit("#topic T")
    before = db_state(db)
    with pytest.raises(BadInput, match="could be Stefano Brivio or Stefano Garzarella"):
        later.submit("#action look at the logs @stefano")
    assert db_state(db) == before
    later.submit("#here Brivio")
    assert "follow-up for Stefano Brivio" in later.submit("#action look at the logs @Stefano")


def test_a_name_nobody_has_is_a_new_person_said_so(service):
    session = next_call(service)
    assert session.submit("#attendees Ada Lovelace, Joerg") == "here: Ada Lovelace, Joerg Roedel; new person: Ada Lovelace"
    session.submit("#topic T")
    message = session.submit("#action write the notes @Alan Turing due:2024-05-29")
    assert message == "follow-up for Alan Turing, due 2024-05-29 (new person: Alan Turing)"
    assert {"Ada Lovelace", "Alan Turing"} <= set(people(service))
    session.submit("#undo")
    session.submit("#here Ada")  # the one Ada, once known
    assert [a.name for a in session.doc.attendees] == ["Ada Lovelace", "Joerg Roedel"]


def test_owners_are_found_again_when_someone_is_ticked_present(service):
    session = next_call(service)
    session.submit("#here Joerg Mueller")  # a second Joerg
    later = next_call(service, dt.date(2024, 5, 29))
    later.submit("#topic T")
    message = later.submit("#action Joerg to send the slides")
    assert message == ("follow-up for nobody yet, no due date ('Joerg' could be Joerg Mueller or "
                       "Joerg Roedel: type more of the name, or tick who is here)")
    later.submit("Ada Lovelace will bring the cake.")  # nobody of that name yet: for nobody
    assert owners(service, include_all=True)["Joerg to send the slides"] is None
    message = later.submit("#attendees Joerg Roedel, Ada Lovelace")
    assert "Joerg Roedel now owns: Joerg to send the slides" in message
    assert "Ada Lovelace now owns: Ada Lovelace will bring the cake" in message
    found = owners(service, include_all=True)
    assert found["Joerg to send the slides"] == "Joerg Roedel"
    assert found["Ada Lovelace will bring the cake"] == "Ada Lovelace"
    later.submit("#undo")  # the attendance, and with it what it settled
    assert owners(service, include_all=True)["Joerg to send the slides"] is None


def test_ticking_in_the_panel_finds_owners_too(service):
    session = next_call(service)
    session.submit("#here Joerg Mueller")
    later = next_call(service, dt.date(2024, 5, 29))
    later.submit("#topic T")
    later.submit("#action Joerg to send the slides")
    assert later.toggle_attendee("Joerg Roedel") is True
    assert later.remark == "Joerg Roedel now owns: Joerg to send the slides"
    assert owners(service)["Joerg to send the slides"] == "Joerg Roedel"


def test_a_deleted_bullet_takes_its_followups_out_of_every_count(service):
    session = next_call(service)
    session.submit("#here Joerg Roedel")
    session.submit("#topic Slides")
    counted = people(service)["Joerg Roedel"]["followups"]
    session.submit("#action Joerg will send the slides")
    session.submit("Joerg will book the room.")  # a suggestion, then accepted
    (suggested,) = [f for f in service.followups()
                    if f["status"] == "suggested" and f["meeting"] == session.meeting_id]
    service.set_followup_status(suggested["id"], "open")
    assert people(service)["Joerg Roedel"]["followups"] == counted + 2
    before = {f["id"]: f for f in service.followups(include_closed=True)}
    action, note = session.doc.sections[-1].items
    session.delete(action.id)
    session.delete(note.id)
    assert people(service)["Joerg Roedel"]["followups"] == counted
    assert owners(service, include_all=True).keys().isdisjoint(
        {"Joerg will send the slides", "Joerg will book the room"})
    session.undo()
    session.undo()
    after = {f["id"]: f for f in service.followups(include_closed=True)}
    assert after.keys() == before.keys()
    for fid, f in before.items():  # the same follow-ups, one change later
        assert {**after[fid], "sequence": f["sequence"]} == f
    assert people(service)["Joerg Roedel"]["followups"] == counted + 2


# -- the command line -----------------------------------------------------------------------------


@pytest.fixture
def demo(cli):
    cli("demo")
    return cli


def test_followups_owner_on_the_command_line(demo, db):
    cli = demo
    added = cli("followups", "add", "Review the IGVM PRs", "--owner", "Joerg")
    assert added.code == 0 and added.out.startswith("added follow-up")
    fid = added.out.split()[-1]
    (f,) = [f for f in json.loads(cli("followups", "--json").out) if f["id"] == int(fid)]
    assert f["owner"] == "Joerg Roedel"
    assert cli("followups", "edit", fid, "--owner", "garzarella").code == 0
    (f,) = [f for f in json.loads(cli("followups", "--json").out) if f["id"] == int(fid)]
    assert f["owner"] == "Stefano Garzarella"
    new = cli("followups", "edit", fid, "--owner", "Ada Lovelace")
    assert new.out == f"new person: Ada Lovelace\nchanged follow-up {fid}\n"
    assert any(p["name"] == "Ada Lovelace" for p in json.loads(cli("people", "--json").out))


def test_an_ambiguous_owner_on_the_command_line_is_one_line_exit_2(demo, db):
    cli = demo
    # A second Stefano, at an earlier call of the series: both are of its roster.
    (db.parent / "earlier.md").write_text("# Meeting Minutes: SVSM Development Call (May 8th, 2024)"
                                          "\n\n## Attendees:\n\nStefano Brivio\n", encoding="utf-8")
    assert cli("import", db.parent / "earlier.md").code == 0
    assert cli("new", "--series", "SVSM Development Call", "--date", "2024-05-22").code == 0
    before = db_state(db)
    refused = cli("followups", "add", "Look at the logs", "--owner", "Stefano", "--meeting", "2024-05-22")
    assert refused.code == 2 and refused.out == ""
    assert refused.err == ("svsm-meet: 'Stefano' could be Stefano Brivio or Stefano Garzarella: "
                           "type more of the name\n")
    assert db_state(db) == before
    # Where the meeting has one of them, that one.
    assert cli("followups", "add", "Look at the logs", "--owner", "Stefano", "--meeting", "2024-05-15").code == 0
    assert json.loads(cli("followups", "--json").out)[-1]["owner"] == "Stefano Garzarella"


def test_due_words_that_only_look_like_days_are_not_dates(demo):
    cli = demo
    for word in ("sunny", "monkey", "marching", "2024", "3pm"):
        result = cli("followups", "add", "Go outside", "--due", word, "--meeting", "latest")
        assert result.code == 2 and f"due:{word} is not a date" in result.err, word
    result = cli("followups", "add", "Go outside", "--due", "sun", "--meeting", "latest")
    assert result.code == 0
    assert json.loads(cli("followups", "--json").out)[0]["due"] == "2024-05-19"


def test_due_in_an_action_is_a_day_or_refused(service):
    session = next_call(service)
    session.submit("#topic T")
    with pytest.raises(BadInput, match="due:sunny is not a date"):
        session.submit("#action go outside due:sunny")
    assert session.submit("#action go outside due:thurs").endswith("due 2024-05-23")


# -- import ---------------------------------------------------------------------------------------


def test_import_links_names_to_people_and_keeps_the_minutes_as_written(demo, db, tmp_path):
    cli = demo
    text = ("# Meeting Minutes: SVSM Development Call (May 22nd, 2024)\n\n## Attendees:\n\n"
            "Stefano, jörg rödel, Ada Lovelace\n\n## Topics:\n\n### Slides\n\n"
            "* Stefano will send the slides.\n")
    path = tmp_path / "devel-call-2024-05-22.md"
    path.write_text(text, encoding="utf-8")
    assert cli("import", path).code == 0
    assert cli("export", "markdown", "2024-05-22").out == text  # byte for byte
    listed = {p["name"]: p["meetings"] for p in json.loads(cli("people", "--json").out)}
    assert listed["Stefano Garzarella"] == 2 and listed["Joerg Roedel"] == 2
    assert "Stefano" not in listed and "jörg rödel" not in listed and listed["Ada Lovelace"] == 1
    (f,) = [f for f in json.loads(cli("followups", "--json", "--all").out) if f["meeting_date"] == "2024-05-22"]
    assert (f["text"], f["owner"]) == ("Stefano will send the slides", "Stefano Garzarella")


def test_import_finds_a_first_name_whichever_file_comes_first(cli, tmp_path):
    first = tmp_path / "a.md"
    first.write_text("# Call (2024-05-15)\n\n## Attendees:\n\nNiko\n", encoding="utf-8")
    second = tmp_path / "b.md"
    second.write_text("# Call (2024-05-22)\n\n## Attendees:\n\nNiko Matsakis\n", encoding="utf-8")
    assert cli("import", first, second).code == 0
    listed = {p["name"]: p["meetings"] for p in json.loads(cli("people", "--json").out)}
    assert listed == {"Niko Matsakis": 2}
    assert cli("export", "markdown", "2024-05-15").out.endswith("\n\nNiko\n")


def test_import_never_gives_one_person_to_two_names_of_a_meeting(cli, tmp_path):
    first = tmp_path / "a.md"
    first.write_text("# Call (2024-05-15)\n\n## Attendees:\n\nMary Ann Smith, Dan Williams\n", encoding="utf-8")
    second = tmp_path / "b.md"
    second.write_text("# Call (2024-05-22)\n\n## Attendees:\n\nAnn Smith, Dan, Williams\n", encoding="utf-8")
    assert cli("import", first, second).code == 0
    listed = {p["name"]: p["meetings"] for p in json.loads(cli("people", "--json").out)}
    assert listed["Mary Ann Smith"] == 1 and listed["Ann Smith"] == 1  # a tail is no last name
    assert listed["Dan Williams"] == 2 and listed["Williams"] == 1  # "Dan" took him already


def test_letters_with_a_stroke_match_without_it():
    from svsm_meet.names import Matcher, Person

    people = Matcher([Person("Søren Kierkegaard", (), 1), Person("Łukasz Nowak", (), 2)])
    assert people.match("Soren Kierkegaard").person.id == 1
    assert people.match("Lukasz Nowak").person.id == 2


def test_a_weekday_after_the_owner_is_not_part_of_the_name():
    import datetime as dt

    from svsm_meet.entry import parse_entry

    entry = parse_entry("#action review the patch @Joerg Monday", dt.date(2024, 5, 15))
    assert (entry.owner, entry.text) == ("Joerg", "review the patch Monday")


def test_a_handle_beside_an_attendee_is_their_alias(cli, tmp_path):
    minutes = tmp_path / "wg.md"
    minutes.write_text("# WG Meeting 2018-01-25\n\n## Present\n\n* Liran Tal (@lirantal)\n* Reed Loden (@reedloden)\n\n"
                       "## Notes\n\n* @lirantal will contact Sam on the pending script import.\n", encoding="utf-8")
    assert cli("import", minutes).code == 0
    (found,) = json.loads(cli("followups", "--json", "--all").out)
    assert found["owner"] == "Liran Tal"
    assert cli("followups", "add", "Demo the platform", "--owner", "@reedloden", "--meeting", "latest").code == 0
    owners = {f["text"]: f["owner"] for f in json.loads(cli("followups", "--json", "--all").out)}
    assert owners["Demo the platform"] == "Reed Loden"
