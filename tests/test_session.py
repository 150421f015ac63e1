"""Live minutes without the terminal: the entry grammar and editing, on a real SQLite file."""

from __future__ import annotations

import datetime as dt
from importlib.resources import files

import pytest
from conftest import db_state
from retype import INDENT, OUTDENT, keystrokes

from svsm_meet.errors import BadInput
from svsm_meet.formats.markdown_in import normalize
from svsm_meet.formats.markdown_out import render
from svsm_meet.session import MinutesSession
from svsm_meet.store.engine import transaction
from svsm_meet.store.entries import create_meeting
from svsm_meet.store.followup_list import list_followups

DEMO = (files("svsm_meet") / "data" / "demo-meeting.md").read_text(encoding="utf-8")
ATTENDEES = "#attendees Joerg Roedel, Stefano Garzarella, Roy Hopkins, Vijay Dhanraj"


@pytest.fixture
def session(engine):
    with transaction(engine) as conn:
        mid = create_meeting(conn, "SVSM Development Call", dt.date(2024, 5, 15))
    return MinutesSession(engine, mid)


def followups(engine, **kw):
    with transaction(engine, write=False) as conn:
        return list_followups(conn, **kw)


def test_retyping_the_seed_gives_it_back(session):
    title, steps = keystrokes(DEMO)
    assert title == session.doc.title
    for step in steps:
        if step == INDENT:
            session.indent(1)
        elif step == OUTDENT:
            session.indent(-1)
        else:
            session.submit(step)
    assert render(session.doc) == normalize(DEMO)


def test_action_owner_from_the_text_and_due_date(session, engine):
    session.submit(ATTENDEES)
    session.submit("#topic Measurement discrepancies")
    message = session.submit("#action Stefano will investigate the restricted injection angle due:2024-05-29")
    assert "Stefano Garzarella" in message
    (f,) = followups(engine)
    assert (f["owner"], f["due"], f["status"], f["meeting"]) == (
        "Stefano Garzarella", "2024-05-29", "open", session.meeting_id)
    assert f["text"] == "Stefano will investigate the restricted injection angle"
    assert render(session.doc).endswith(
        "* Action Item: Stefano will investigate the restricted injection angle\n")


def test_owner_override_relative_due_and_unknown_people(session, engine):
    session.submit(ATTENDEES)
    session.submit("#topic APIC driver")
    session.submit("#action coordinate the APIC driver with Jon Lange due:+2w @Vijay")
    session.submit("#action find out the LPC CFP deadline due:next meeting @Claudio")
    session.submit("#action Roy and Joerg Roedel review the IGVM PRs due:next wed")
    got = {f["text"]: (f["owner"], f["due"]) for f in followups(engine)}
    assert got == {
        "coordinate the APIC driver with Jon Lange": ("Vijay Dhanraj", "2024-05-29"),
        "find out the LPC CFP deadline": ("Claudio", "2024-05-22"),  # not a person we know: kept
        "Roy and Joerg Roedel review the IGVM PRs": ("Joerg Roedel", "2024-05-22"),
    }


@pytest.mark.parametrize(
    "line, message",
    [
        ("#action fix it due:someday", "due:someday is not a date"),
        ("#frobnicate now", "#frobnicate is not a command"),
        ("#topic", "#topic needs text"),
        ("#attendees Ada,, Alan", "separated by commas"),
        ("#link not-a-url", "#link takes a URL"),
        ("   ", "nothing to add"),
    ],
)
def test_mistakes_change_nothing(session, db, line, message):
    session.submit("#topic Something")
    before = db_state(db)
    with pytest.raises(BadInput, match=message):
        session.submit(line)
    assert db_state(db) == before


def test_undo_takes_back_entries_in_order(session, engine):
    session.submit(ATTENDEES)
    session.submit("#section Topics:")
    session.submit("first bullet")
    session.submit("#action Roy will send the PR")
    assert session.submit("#undo") == "undone: add item 'Roy will send the PR'"  # says what went
    assert followups(engine, include_all=True) == []
    session.submit("#undo")
    session.submit("#undo")
    assert [s.text for s in session.doc.sections] == [session.doc.title, "Attendees:"]
    session.submit("#undo")
    assert session.doc.attendees == []
    assert session.submit("#undo") == "nothing to undo"


def test_tab_depth_is_clamped_to_the_outline(session):
    session.submit("#topic T")
    assert session.indent(1) == 0  # nothing to nest under yet
    session.submit("parent")
    assert session.indent(1) == 1 and session.indent(1) == 1
    session.submit("child")
    assert session.indent(1) == 2
    session.submit("grandchild")
    session.indent(-1)
    session.indent(-1)
    session.submit("sibling")
    assert render(session.doc).endswith("* parent\n  * child\n    * grandchild\n* sibling\n")


def test_editing_after_the_fact(session, engine):
    for line in ("#topic T", "one", "two", "three"):
        session.submit(line)
    one, two, three = session.doc.sections[-1].items
    session.move(three.id, -1)
    assert [i.text for i in session.doc.sections[-1].items] == ["one", "three", "two"]
    session.indent_item(two.id, 1)
    session.edit_text(two.id, "Decision: two, decided")
    assert render(session.doc).endswith("* one\n* three\n  * Decision: two, decided\n")
    session.indent_item(two.id, -1)
    session.set_kind(one.id, "action")
    session.delete(three.id)
    assert render(session.doc).endswith("* Action Item: one\n* Decision: two, decided\n")
    session.undo()  # the deletion
    assert [i.text for i in session.doc.sections[-1].items] == ["one", "three", "two, decided"]
    section = session.doc.sections[-1]
    session.rename_section(section.id, "Renamed")
    assert "\n### Renamed\n" in render(session.doc)
    with pytest.raises(BadInput, match="first already"):
        session.move(one.id, -1)


def test_a_stale_edit_is_refused_not_overwritten(session, engine):
    session.submit("#topic T")
    session.submit("original")
    other = MinutesSession(engine, session.meeting_id)
    item = session.doc.sections[-1].items[0]
    other.edit_text(item.id, "changed by the other note-taker")
    assert session.changed_elsewhere()
    with pytest.raises(BadInput, match="changed by someone else"):
        session.edit_text(item.id, "my change")
    session.reload()
    assert session.doc.sections[-1].items[0].text == "changed by the other note-taker"


def test_toggle_attendee(session):
    session.submit(ATTENDEES)
    assert session.toggle_attendee("Roy Hopkins") is False
    assert "Roy Hopkins" not in [a.name for a in session.doc.attendees]
    assert session.toggle_attendee("Roy Hopkins") is True
    assert [a.name for a in session.doc.attendees][2] == "Roy Hopkins"  # back in their place
    session.submit("#here Ramakrishna Gali (AMD)")
    assert session.doc.attendees[-1].shown == "Ramakrishna Gali (AMD)"
    assert "already here" in session.submit("#here Joerg Roedel")


def _as_on_disk(session) -> tuple:
    fresh = MinutesSession(session.engine, session.meeting_id)
    return (render(fresh.doc), [(f.id, f.text, f.owner, f.status, f.due, f.item and f.item.id)
                                for f in fresh.doc.followups], fresh.version)


def test_a_typed_bullet_is_put_into_the_meeting_in_memory_as_the_database_has_it(session, monkeypatch):
    """An entry is not followed by reading the whole meeting back (what made entries slow in long
    meetings); what is in memory after every step is still what a fresh read gives."""
    session.submit(ATTENDEES)
    session.submit("#topic Measurement discrepancies")
    reloads = []
    real_reload = MinutesSession.reload
    monkeypatch.setattr(MinutesSession, "reload", lambda self: (reloads.append(self is session), real_reload(self)))
    lines = ["Roy reported on the fix", None, "#action send the patch @Joerg due:2024-06-01",
             "Stefano will investigate the restricted injection angle", None,
             "#agreed keep the old interface", -1, -1, "#idea a second call for Europe",
             "#action write the docs @Priya Newcomer"]
    for line in lines:
        if isinstance(line, int) or line is None:
            session.indent(line or 1)
            continue
        session.submit(line)
        mine = (render(session.doc), [(f.id, f.text, f.owner, f.status, f.due, f.item and f.item.id)
                                      for f in session.doc.followups], session.version)
        assert mine == _as_on_disk(session), line
    assert not any(reloads)  # (the fresh reads above are other sessions)
    assert session.doc.followups[-1].owner == "Priya Newcomer"  # a new person, known to the next entry:
    assert session.people.match("Priya Newcomer").person.name == "Priya Newcomer"


def test_an_entry_after_another_writer_places_it_in_the_meeting_as_it_is_now(session, engine):
    session.submit("#topic Status")
    session.submit("first")
    other = MinutesSession(engine, session.meeting_id)
    other.submit("#topic Other topic")
    other.submit("from the other note-taker")
    session.submit("second")
    text = render(session.doc)
    assert "from the other note-taker" in text and text.index("Other topic") < text.index("second")
    assert render(session.doc) == _as_on_disk(session)[0]


def test_a_row_of_a_table_of_decisions_stays_a_row_when_edited_or_kinded(engine):
    from svsm_meet.formats.markdown_in import parse_markdown
    from svsm_meet.store.documents import save_documents

    text = ("# Core Devs Call 2025-08-28\n\n## Key Decisions\n\n| Decision | Rationale |\n|---|---|\n"
            "| Ship v2 on Monday | Ready |\n| Keep Juno 0.15 | Stable |\n")
    with transaction(engine) as conn:
        [mid] = save_documents(conn, [parse_markdown(text)])
    session = MinutesSession(engine, mid)
    first, second = [i for i in session.doc.items() if i.kind == "decision"]
    session.edit_text(first.id, "Ship v3 on Tuesday")  # the words, as the decisions log shows them
    session.set_kind(second.id, "action")
    assert render(session.doc) == text.replace("| Ship v2 on Monday |", "| Ship v3 on Tuesday |")
    again = parse_markdown(render(session.doc))
    assert [i.text for i in again.items() if i.kind == "decision"] == ["| Ship v3 on Tuesday | Ready |",
                                                                         "| Keep Juno 0.15 | Stable |"]
