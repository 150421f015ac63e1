"""Follow-ups: suggested from the minutes, then open, done or dropped; carried over until closed."""

from __future__ import annotations

import json

import pytest
from conftest import FIXTURES, db_state

from svsm_meet.formats.markdown_in import parse_markdown
from svsm_meet.suggest import suggest
from svsm_meet.names import Matcher, Person

from importlib.resources import files

SEED = files("svsm_meet") / "data" / "demo-meeting.md"


def all_followups(cli):
    return json.loads(cli("followups", "--json", "--all").out)


def test_the_seed_suggests_what_nobody_wrote_down(cli):
    assert cli("import", SEED).code == 0
    found = all_followups(cli)
    assert all(f["status"] == "suggested" for f in found)  # imported: suggested, never open
    texts = " | ".join(f["text"] for f in found)
    assert "coordinating with Jon Lange" in texts  # a person who did not attend stays in the text
    assert "CFP" in texts
    assert "Stefano will investigate further" in texts
    assert "README" in texts
    assert "Roy Hopkins and Peter Fang will coordinate" in texts
    by_text = {f["text"]: f for f in found}
    assert by_text["Stefano will investigate further"]["owner"] == "Stefano Garzarella"
    jon = next(f for f in found if "Jon Lange" in f["text"])
    assert jon["owner"] is None
    cfp = next(f for f in found if "CFP" in f["text"])
    assert cfp["due"] is None and cfp["due_unknown"] == "the deadline is not known"
    assert cfp["recheck"] == "2024-05-22"  # asked again at the next meeting
    assert all_followups(cli) == found  # nothing new on a second look
    assert json.loads(cli("followups", "--json").out) == []  # none is open yet


def test_action_item_labels_are_open_at_once(cli):
    cli("import", FIXTURES / "minutes" / "svsm-ordinal-2025-03-05.md")
    found = {f["text"]: f for f in all_followups(cli)}
    assert found["Stefano Garzarella will write the release notes"]["status"] == "open"
    assert found["Stefano Garzarella will write the release notes"]["owner"] == "Stefano Garzarella"
    assert found["Carlos López to check the CI matrix"]["status"] == "open"
    assert found["collect open PRs for the release"]["status"] == "suggested"  # "Next Steps:"


def test_lifecycle_on_the_command_line(cli, db):
    cli("import", SEED)
    stefano = next(f for f in all_followups(cli) if f["text"].startswith("Stefano"))
    assert cli("followups", "edit", str(stefano["id"]), "--status", "open", "--due", "+2w").code == 0
    (open_,) = json.loads(cli("followups", "--json").out)
    assert (open_["status"], open_["due"], open_["sequence"]) == ("open", "2024-05-29", 1)
    added = cli("followups", "add", "Find out the LPC CFP deadline", "--owner", "Cláudio Carvalho",
                "--due", "unknown: the CFP is not out yet")
    assert added.code == 0
    cfp = next(f for f in json.loads(cli("followups", "--json").out) if "LPC" in f["text"])
    assert (cfp["owner"], cfp["due_unknown"], cfp["recheck"]) == (
        "Cláudio Carvalho", "the CFP is not out yet", "2024-05-22")
    assert cli("followups", "edit", cfp["uid"][:8], "--due", "2024-06-07 16:00 Europe/Berlin").code == 0
    cfp = next(f for f in json.loads(cli("followups", "--json").out) if "LPC" in f["text"])
    assert cfp["due"] == "2024-06-07T16:00:00+02:00"
    assert cli("followups", "done", str(stefano["id"])).code == 0
    assert [f["text"] for f in json.loads(cli("followups", "--json").out)] == [cfp["text"]]
    done = next(f for f in all_followups(cli) if f["id"] == stefano["id"])
    assert done["status"] == "done" and done["sequence"] == 2
    before = db_state(db)
    for args, message in [
        (["followups", "done", str(stefano["id"])], "done already"),
        (["followups", "edit", str(stefano["id"]), "--status", "suggested"], "cannot become"),
        (["followups", "edit", "999"], "no follow-up matches"),
        (["followups", "edit", str(stefano["id"])], "nothing to change"),
        (["followups", "edit", str(stefano["id"]), "--due", "whenever"], "not a date"),
        (["followups", "add", "x", "--due", "2024-06-07 16:00"], "needs a time zone"),
        (["followups", "add", "  "], "say what is to be done"),
    ]:
        result = cli(*args)
        assert result.code == 2 and message in result.err, (args, result.err)
    assert db_state(db) == before


def test_open_followups_are_carried_into_the_next_meeting(cli):
    cli("import", SEED)
    stefano = next(f for f in all_followups(cli) if f["text"].startswith("Stefano"))
    cli("followups", "edit", str(stefano["id"]), "--status", "open")
    out = cli("new", "--series", "SVSM Development Call", "--date", "2024-05-22").out
    assert "carried over: Stefano will investigate further — Stefano Garzarella" in out
    assert "roster (from the series' recent meetings): Adam Dunlap" in out
    cli("followups", "done", str(stefano["id"]))
    out = cli("new", "--series", "SVSM Development Call", "--date", "2024-05-29").out
    assert "carried over" not in out


def test_typed_notes_suggest_and_undo_takes_them_back(db):
    import datetime as dt

    from svsm_meet.session import MinutesSession
    from svsm_meet.store.engine import make_engine, resolve_url, transaction
    from svsm_meet.store.entries import create_meeting
    from svsm_meet.store.followup_list import list_followups
    from svsm_meet.store.migrate import ensure_schema

    engine = make_engine(resolve_url(str(db)))
    ensure_schema(engine)
    with transaction(engine) as conn:
        mid = create_meeting(conn, "SVSM Development Call", dt.date(2024, 5, 15))
    session = MinutesSession(engine, mid)
    session.submit("#attendees Stefano Garzarella, Roy Hopkins")
    session.submit("#topic Measurements")
    message = session.submit("Roy suggests a restricted injection issue. Stefano will investigate further.")
    assert "suggested follow-up: Stefano will investigate further" in message
    with transaction(engine, write=False) as conn:
        (f,) = list_followups(conn, include_all=True)
    assert (f["owner"], f["status"]) == ("Stefano Garzarella", "suggested")
    session.submit("#undo")
    with transaction(engine, write=False) as conn:
        assert list_followups(conn, include_all=True) == []


@pytest.mark.parametrize(
    "sentence, owner",
    [
        ("Alice Smith to review PR #123.", "Alice Smith"),
        ("Bob agreed to send the slides.", "Bob Jones"),
        ("We will revisit this next week.", None),
        ("The patch will be merged after the release.", None),
    ],
)
def test_suggestion_shapes(sentence, owner):
    doc = parse_markdown(f"# Sync (2024-05-15)\n\n## Attendees\n\nAlice Smith, Bob Jones\n\n## Notes\n\n* {sentence}\n")
    (s,) = suggest(doc, Matcher([Person(a.name) for a in doc.attendees]))
    assert (s.owner.name if s.owner else None) == owner and s.status == "suggested"


@pytest.mark.parametrize(
    "sentence",
    ["Roy Hopkins suggests that the issue might be related to QEMU.", "Vijay asks if it is time.",
     "Updates can be submitted as pull requests.", "Peter will be out next week."],
)
def test_no_suggestion_where_nobody_commits(sentence):
    doc = parse_markdown(f"# Sync (2024-05-15)\n\n## Attendees\n\nRoy Hopkins, Vijay Dhanraj, Peter Fang\n\n## Notes\n\n* {sentence}\n")
    assert suggest(doc, Matcher([Person(a.name) for a in doc.attendees])) == []
