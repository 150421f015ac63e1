"""A series' house style: learned from its imported minutes (topic colon and level, labels, bullet,
indent), set with `series edit`, followed by new meetings and live entries; meetings already
written keep their own shape."""

from __future__ import annotations

import asyncio
import datetime as dt
import json

import pytest
from conftest import CORPUS, NO_CORPUS, db_state

from svsm_meet.formats.house_style import AT_LEAST, HouseStyle, learn, resolve
from svsm_meet.formats.markdown_in import normalize, parse_markdown

SVSM = sorted((CORPUS / "svsm").glob("devel-call-*.md")) if CORPUS.is_dir() else []
needs_corpus = pytest.mark.skipif(not SVSM, reason=NO_CORPUS)
SERIES = "SVSM Development Call"
NEW_DAY = "2025-01-08"  # after the corpus' last meeting (2024-12-18)


def _minutes(day: str, topics: list[str], bullets: list[str], nested: str = "") -> str:
    """Small minutes of one meeting: a topic heading per TOPICS, each with BULLETS."""
    lines = [f"# Meeting Minutes: Team Call ({day})", "", "## Attendees:", "", "Ada Lovelace", ""]
    for topic in topics:
        lines += [f"### {topic}", ""] + [f"* {b}" for b in bullets] + ([nested] if nested else []) + [""]
    return "\n".join(lines)


def _doc(day: str, *args, **kw):
    return parse_markdown(_minutes(day, *args, **kw), series="Team Call", date=dt.date.fromisoformat(day))


def _type(engine, meeting_id: int, *lines: str) -> None:
    from svsm_meet.session import MinutesSession

    session = MinutesSession(engine, meeting_id)
    for line in lines:
        if line == "<tab>":
            session.indent(1)
        else:
            session.submit(line)


def _meeting_id(cli, day: str = NEW_DAY) -> int:
    (found,) = [m for m in json.loads(cli("meetings", "--json").out) if m["date"] == day]
    return found["id"]


def _engine(db):
    from svsm_meet.store.engine import make_engine, resolve_url

    return make_engine(resolve_url(str(db)))


# -- learning (pure) -------------------------------------------------------------------------------


@needs_corpus
def test_the_svsm_minutes_teach_topic_colons_and_no_labels():
    docs = [parse_markdown(p.read_text(encoding="utf-8"), filename=p.name) for p in SVSM]
    # The latest five meetings that show it: three of them write "### Foo:" (Nov 20, Nov 27,
    # Dec 4), two "### Foo" (Dec 11, Dec 18); their decisions carry no "Decision:" label.
    assert learn(docs) == {"topic_colon": True, "topic_level": 3, "labels": {}, "bullet": "*", "indent": 2}


def test_one_or_two_meetings_are_no_house_style():
    docs = [_doc(f"2024-05-{d:02}", ["Foo:"], ["Decision: ship it"]) for d in (1, 8)]
    assert AT_LEAST == 3 and learn(docs) == {}
    style, sources = resolve(None, learn(docs))
    assert style == HouseStyle() and set(sources.values()) == {"default"}


def test_the_latest_meetings_win_and_a_tie_goes_to_the_latest():
    old = [_doc(f"2024-0{m}-01", ["Foo"], ["plain"]) for m in (1, 2, 3, 4, 5)]
    new = [_doc(f"2024-0{m}-01", ["Foo:"], ["plain"]) for m in (6, 7, 8)]
    assert learn(old + new)["topic_colon"] is True  # three of the latest five
    tie = [_doc("2024-01-01", ["A:", "B"], ["x"])] * 3 + [_doc("2024-02-01", ["A:"], ["x"])] * 2 \
        + [_doc("2024-03-01", ["A"], ["x"])] * 2
    assert learn(tie)["topic_colon"] is False  # 2 against 2 (the tied meetings say nothing): the latest


def test_labels_are_learned_with_the_words_the_minutes_use():
    docs = [_doc(f"2024-05-{d:02}", ["Foo"], ["**Decision:** ship it", "Action Item: Ada will test it"],
                 nested="  * Ada will write it down")
            for d in (1, 8, 15)]
    learned = learn(docs)
    assert learned["labels"] == {"decision": "**Decision:** ", "action": "Action Item: ", "idea": "Idea: "}
    assert learned["indent"] == 2 and learned["bullet"] == "*"
    style, sources = resolve({"labels": {}, "indent": 4}, learned)
    assert style.label("decision") is None and style.indent == 4 and style.topic("Foo") == "Foo"
    assert sources == {"topic_colon": "learned", "topic_level": "learned", "labels": "set",
                       "bullet": "learned", "indent": "set"}


def test_a_bad_stored_style_counts_as_not_set():
    style, sources = resolve({"bullet": "x", "indent": 0, "topic_level": 1, "labels": "yes",
                              "topic_colon": "true", "other": 1}, None)
    assert style == HouseStyle() and set(sources.values()) == {"default"}


# -- the command line and live entries -------------------------------------------------------------


@needs_corpus
def test_a_new_meeting_after_the_svsm_minutes_is_written_like_them(cli, db):
    assert cli("import", *SVSM).code == 0
    before = {p.name: cli("export", "markdown", p.stem.removeprefix("devel-call-")).out for p in SVSM[-3:]}
    listed = cli("series", "list").out
    assert 'style: topics "### Foo:", no labels, bullet "*", indent 2 (learned from its minutes)' in listed
    assert cli("new", "--series", SERIES, "--date", NEW_DAY).code == 0
    _type(_engine(db), _meeting_id(cli), "#attendees Joerg Roedel, Stefano Garzarella", "#section Topics:",
          "#topic Foo", "#agreed X", "#action Stefano will look into it", "<tab>", "details")
    md = cli("export", "markdown", NEW_DAY).out
    assert md.endswith("## Topics:\n\n### Foo:\n\n* X\n* Stefano will look into it\n  * details\n"), md
    # A later meeting learns from the imported minutes, not from the one typed live.
    (shown,) = json.loads(cli("series", "list", "--json").out)
    assert shown["style"]["topic_colon"] is True and shown["style_source"]["topic_colon"] == "learned"
    # The imported meetings' exports are what they were (and what was imported).
    for p in SVSM[-3:]:
        assert cli("export", "markdown", p.stem.removeprefix("devel-call-")).out == before[p.name]
        assert before[p.name] == normalize(p.read_text(encoding="utf-8"))


@needs_corpus
def test_a_style_set_on_the_series_wins_over_the_learned_one(cli, db):
    cli("import", *SVSM)
    result = cli("series", "edit", "svsm development call", "--no-topic-colon", "--labels")
    assert result.code == 0 and result.out.startswith("changed ")
    assert "labels \"Decision:\", \"Action Item:\", \"Idea:\"" in result.out
    assert "set: topic colon, labels; learned from its minutes: topic level, bullet, indent" in result.out
    (shown,) = json.loads(cli("series", "list", "--json").out)
    assert shown["style"] == {"topic_colon": False, "topic_level": 3, "bullet": "*", "indent": 2,
                              "labels": {"decision": "Decision:", "action": "Action Item:", "idea": "Idea:"}}
    assert shown["style_source"]["topic_colon"] == "set" and shown["style_source"]["indent"] == "learned"
    cli("new", "--series", SERIES, "--date", NEW_DAY)
    _type(_engine(db), _meeting_id(cli), "#topic Foo", "#agreed X", "#idea Y", "#action Z")
    assert cli("export", "markdown", NEW_DAY).out.endswith(
        "### Foo\n\n* Decision: X\n* Idea: Y\n* Action Item: Z\n")
    assert cli("series", "edit", SERIES, "--no-topic-colon", "--labels").out.startswith("unchanged: ")
    # --learn-style: back to what the minutes show.
    cli("series", "edit", SERIES, "--learn-style")
    (shown,) = json.loads(cli("series", "list", "--json").out)
    assert set(shown["style_source"].values()) == {"learned"} and shown["style"]["topic_colon"] is True


def test_a_fresh_series_keeps_the_app_style(cli, db):
    cli("new", "--series", "Team Call", "--date", "2024-05-15")
    (shown,) = json.loads(cli("series", "list", "--json").out)
    assert shown["style"] == {**HouseStyle().to_dict(), "labels": {
        "decision": "Decision:", "action": "Action Item:", "idea": "Idea:"}}
    assert set(shown["style_source"].values()) == {"default"}
    assert "(the app's default)" in cli("series", "list").out
    _type(_engine(db), _meeting_id(cli, "2024-05-15"), "#topic Foo", "#agreed X", "#rejected Y")
    assert cli("export", "markdown", "2024-05-15").out.endswith("### Foo\n\n* Decision: X\n* Rejected: Y\n")


def test_bullet_indent_and_labels_set_for_a_new_series(cli, db):
    cli("new", "--series", "Team Call", "--date", "2024-05-15")
    _type(_engine(db), _meeting_id(cli, "2024-05-15"), "#topic Before", "one", "<tab>", "two")
    before = cli("export", "markdown", "2024-05-15").out
    result = cli("series", "edit", "Team Call", "--topic-colon", "--topic-level", "2", "--bullet", "-",
                 "--indent", "4", "--no-labels", "--label", "action=TODO:")
    assert result.code == 0, result.err
    assert 'style: topics "## Foo:", labels "TODO:", bullet "-", indent 4 (set)' in result.out
    assert cli("export", "markdown", "2024-05-15").out == before  # written meetings keep their shape
    cli("new", "--series", "Team Call", "--date", "2024-05-22")
    _type(_engine(db), _meeting_id(cli, "2024-05-22"), "#topic Foo", "#agreed X", "<tab>",
          "#action Ada will do it", "#topic Done?")
    assert cli("export", "markdown", "2024-05-22").out.endswith(
        "## Foo:\n\n- X\n    - TODO: Ada will do it\n\n## Done?\n")
    # '' learns a part again; the others stay set
    cli("series", "edit", "Team Call", "--bullet", "", "--indent", "")
    (shown,) = json.loads(cli("series", "list", "--json").out)
    assert (shown["style"]["bullet"], shown["style_source"]["bullet"]) == ("*", "default")
    assert shown["style_source"]["topic_colon"] == "set"


@pytest.mark.parametrize("args, message", [
    (["--bullet", "x"], "--bullet 'x': a bullet is one of * - +"),
    (["--indent", "0"], "--indent '0': give a number from 1 to 8"),
    (["--indent", "two"], "--indent 'two': give a number from 1 to 8"),
    (["--topic-level", "1"], "--topic-level '1': give a number from 2 to 6"),
    (["--label", "minutes=Note:"], "give KIND=WORD with KIND one of decision, action, idea"),
    (["--topic-colon", "--indent", "9"], "give a number from 1 to 8"),  # nothing half-set
])
def test_series_edit_refuses_bad_style_values_in_one_line(cli, db, args, message):
    cli("new", "--series", "Team Call", "--date", "2024-05-15")
    before = db_state(db)
    result = cli("series", "edit", "Team Call", *args)
    assert result.code == 2 and message in result.err and result.err.count("\n") == 1, result.err
    assert db_state(db) == before


def test_the_style_is_kept_on_the_series_row(cli, db):
    import sqlite3

    cli("new", "--series", "Team Call", "--date", "2024-05-15")
    cli("series", "edit", "Team Call", "--no-labels", "--indent", "3")
    with sqlite3.connect(db) as conn:
        (stored,) = conn.execute("SELECT style FROM series").fetchone()
        (sequence,) = conn.execute("SELECT sequence FROM series").fetchone()
    assert json.loads(stored) == {"labels": {}, "indent": 3}
    assert sequence == 0  # the calendar's event does not change with the style


def test_readme_documents_the_house_style():
    from conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for option in ("--topic-colon", "--no-labels", "--bullet", "--indent", "--learn-style"):
        assert option in readme


# -- the app ---------------------------------------------------------------------------------------


@needs_corpus
def test_the_new_meeting_form_makes_a_meeting_in_the_series_style(cli, db, tmp_path):
    from svsm_meet.config import Config
    from svsm_meet.service import Service
    from svsm_meet.tui.app import SvsmMeetApp
    from svsm_meet.tui.widgets.entry_line import EntryLine

    cli("import", *SVSM)
    service = Service(f"sqlite:///{db}", Config(minutes_dir=tmp_path / "m"), today=lambda: dt.date(2025, 1, 6))
    app = SvsmMeetApp(service)

    async def go():
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            await pilot.press("n")
            await pilot.pause()
            assert app.screen.query_one("#series").value == SERIES
            app.screen.query_one("#date").value = NEW_DAY
            app.screen.query_one("#cadence").focus()
            await pilot.press("enter")
            await pilot.pause()
            assert type(app.screen).__name__ == "MinutesScreen"
            for line in ("#topic Foo", "#agreed X"):
                app.screen.query_one(EntryLine).insert_text_at_cursor(line)
                await pilot.press("enter")
                await pilot.pause()

    asyncio.run(go())
    assert service.markdown(service.find(NEW_DAY).id).endswith("### Foo:\n\n* X\n")


def test_a_label_with_a_control_character_is_refused(cli):
    from svsm_meet.errors import BadInput
    from svsm_meet.formats.house_style import parse_label

    with pytest.raises(BadInput, match="control characters"):
        parse_label("idea=a\rb")
