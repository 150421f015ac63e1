"""MeetBot's commands as maintainers type them from IRC habit, and counts in words."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import db_state

from svsm_meet.entry import MEETBOT, parse_entry
from svsm_meet.errors import BadInput
from svsm_meet.formats.markdown_out import render
from svsm_meet.session import MinutesSession
from svsm_meet.store.engine import make_engine, resolve_url, transaction
from svsm_meet.store.entries import create_meeting
from svsm_meet.store.migrate import ensure_schema
from svsm_meet.words import due_words, plural

DAY = dt.date(2024, 5, 15)


@pytest.fixture
def session(db):
    engine = make_engine(resolve_url(str(db)))
    ensure_schema(engine)
    with transaction(engine) as conn:
        mid = create_meeting(conn, "SVSM Development Call", DAY)
    yield MinutesSession(engine, mid)
    engine.dispose()


def test_accepted_and_rejected_are_decisions(session):
    session.submit("#topic Release")
    assert session.submit("#accepted Tag v1.0 next week") == "decision: Tag v1.0 next week"
    assert session.submit("#rejected Drop the old ABI") == "rejected: Drop the old ABI"
    kinds = [(i.kind, i.text) for i in session.doc.items()]
    assert kinds == [("decision", "Tag v1.0 next week"), ("decision", "Drop the old ABI")]
    assert "* Rejected: Drop the old ABI" in render(session.doc)


def test_help_with_text_is_a_question_and_alone_lists_the_commands(session):
    session.submit("#topic Release")
    session.submit("#help who can review the IGVM loader?")
    (item,) = session.doc.items()
    assert (item.kind, item.text) == ("question", "who can review the IGVM loader?")
    assert "#agreed" in session.submit("#help") and len(list(session.doc.items())) == 1


def test_startmeeting_sets_the_title_unless_it_names_the_meeting_already(session):
    house = session.doc.title
    assert "meeting started" in session.submit("#startmeeting SVSM Development Call")
    assert session.doc.title == house  # the house title with its date stays
    assert "its title: SVSM call, APIC special" in session.submit("#startmeeting SVSM call, APIC special")
    assert session.doc.title == "SVSM call, APIC special"
    assert session.submit("#undo").startswith("undone: rename heading")
    assert session.doc.title == house


def test_endmeeting_says_everything_is_saved(session, db):
    session.submit("#topic Release")
    before = db_state(db)
    assert "saved" in session.submit("#endmeeting")
    assert db_state(db) == before


@pytest.mark.parametrize("line, hint", [
    ("#chair Joerg", "#here NAME"),
    ("#unchair Joerg", "#here NAME"),
    ("#nick jroedel", "people alias"),
    ("#meetingtopic Memory", "#topic TITLE"),
    ("#save", "saved"),
])
def test_commands_with_nothing_to_do_say_what_to_type_instead(session, db, line, hint):
    before = db_state(db)
    assert hint in session.submit(line)
    assert db_state(db) == before


@pytest.mark.parametrize("line, hint", [
    ("#agred Ship it", "did you mean #agreed?"),
    ("#frobnicate", "#topic"),  # no near one: the whole list
])
def test_an_unknown_command_always_comes_with_a_hint(line, hint):
    with pytest.raises(BadInput, match="is not a command") as e:
        parse_entry(line, DAY)
    assert hint in str(e.value)


def test_every_meetbot_command_is_understood():
    for command in MEETBOT:
        try:
            parse_entry(f"#{command} some text", DAY)
        except BadInput as e:  # pragma: no cover - the message says which
            pytest.fail(f"#{command}: {e}")


def test_undo_says_what_it_took_back(session):
    session.submit("#topic Release")
    session.submit("Roy will send the IGVM PR after the fix for the loader lands upstream")
    assert session.submit("#undo") == "undone: add item 'Roy will send the IGVM PR after the fix…'"
    session.submit("#attendees Joerg Roedel, Roy Hopkins")
    assert session.submit("#undo") == "undone: add attendees 'Joerg Roedel, Roy Hopkins'"


def test_counts_in_words():
    assert plural(1, "follow-up") == "1 follow-up"
    assert plural(2, "follow-up") == "2 follow-ups"
    assert plural(0, "hit") == "0 hits"
    assert plural(1, "person") == "1 person" and plural(3, "person") == "3 people"
    assert due_words(None) == "no due date" and due_words("2024-05-29") == "due 2024-05-29"


def test_an_action_without_a_date_is_not_due_no_due_date(session):
    session.submit("#topic Release")
    message = session.submit("#action Roy will send the PR")
    assert "no due date" in message and "due no due date" not in message
