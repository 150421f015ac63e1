"""Each shape of real minutes: imported into records, and rendered back as it was written."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import FIXTURES

from svsm_meet.errors import BadInput
from svsm_meet.formats.json_format import dumps, loads
from svsm_meet.formats.markdown_in import normalize, parse_markdown
from svsm_meet.formats.markdown_out import render

MINUTES = sorted((FIXTURES / "minutes").glob("*.md"))
# Other projects' real minutes (the development set of bench/score_devset.py).
DEVSET = sorted(p for p in (FIXTURES / "devset").glob("*/*.md"))


def parse(name: str, **kw):
    path = FIXTURES / "minutes" / name
    return parse_markdown(path.read_text(encoding="utf-8"), filename=path.name, **kw)


def items(doc, kind=None):
    return [i for i in doc.items() if kind is None or i.kind == kind]


@pytest.mark.parametrize("path", MINUTES, ids=lambda p: p.name)
def test_every_fixture_renders_back(path: Path):
    text = path.read_bytes().decode("utf-8")
    doc = parse_markdown(text, filename=path.name, date=dt.date(2024, 5, 14))
    assert render(doc) == normalize(text)
    # ... and parsing what was rendered gives the same records again.
    again = parse_markdown(render(doc), filename=path.name, date=dt.date(2024, 5, 14))
    assert again == doc


@pytest.mark.parametrize("path", DEVSET, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_other_projects_minutes_come_back_as_written(path: Path):
    text = path.read_bytes().decode("utf-8")
    doc = parse_markdown(text, filename=path.name, date=dt.date(2024, 5, 14))
    assert render(doc) == normalize(text)
    assert not (len(doc.preamble) == 1 and not doc.sections and doc.preamble[0].kind == "raw")  # never whole


def test_title_with_ordinal_date_names_series_and_date():
    doc = parse("svsm-ordinal-2025-03-05.md")
    assert (doc.series, doc.date) == ("SVSM Development Call", dt.date(2025, 3, 5))
    assert doc.title == "Meeting Minutes: SVSM Development Call (March 5th, 2025)"


@pytest.mark.parametrize(
    "name, date",
    [("plain-date.md", dt.date(2024, 2, 28)), ("wrong-ordinal.md", dt.date(2024, 5, 22))],
)
def test_title_date_forms(name, date):
    doc = parse(name)
    assert doc.date == date
    assert doc.series == "SVSM Development Call"


def test_date_from_file_name_when_title_has_none():
    doc = parse("council-2024-04-12.md")
    assert doc.date == dt.date(2024, 4, 12)
    assert doc.series == "Council"
    assert parse("council-2024-04-12.md", series="Leadership Council").series == "Leadership Council"


@pytest.mark.parametrize("written", ["2024\u20101\u201030", "2024\u20111\u201130", "2024\u20131\u201330",
                                     "2024\u2010Jan\u201030"])
def test_a_date_with_the_hyphens_a_word_processor_writes(written):
    """'2024‐01‐30-TAPI-Meeting-Minutes.md': U+2010 and its kin between the numbers."""
    assert parse_markdown("# TAPI Meeting Minutes\n\n* hello\n", filename=f"{written}-TAPI-Meeting-Minutes.md").date \
        == dt.date(2024, 1, 30)


@pytest.mark.parametrize("title, date", [("# Dec-4-2017", dt.date(2017, 12, 4)), ("# 4-Dec-2017", dt.date(2017, 12, 4)),
                                         ("# Notes Mar-12-2020", dt.date(2020, 3, 12))])
def test_a_date_with_its_month_in_words_between_hyphens(title, date):
    assert parse_markdown(title + "\n\n* hello\n").date == date


def test_the_day_of_the_week_is_the_dates_not_the_series():
    doc = parse_markdown("# Tuesday, Sep 20, 2022, at 21:00pm GMT+8\n\n* x\n",
                         filename="OpenDataology meeting minutes 2022-09-20.md")
    assert (doc.series, doc.date) == ("OpenDataology Meeting", dt.date(2022, 9, 20))
    assert parse_markdown("# SIG Node Monday 2024-05-13\n\n* x\n").series == "SIG Node"


def test_date_from_a_dated_heading_then_from_option():
    text = "# SIG Node notes\n\n## 2024-05-14\n\n* hello\n"
    assert parse_markdown(text).date == dt.date(2024, 5, 14)
    undated = "# SIG Node notes\n\n* hello\n"
    assert parse_markdown(undated, date=dt.date(2024, 1, 2)).date == dt.date(2024, 1, 2)
    with pytest.raises(BadInput, match="no meeting date"):
        parse_markdown(undated, filename="notes.md")


def test_attendees_paragraph_with_roles_and_affiliations():
    doc = parse("svsm-ordinal-2025-03-05.md")
    shown = [(a.name, a.role, a.affiliation) for a in doc.attendees]
    assert shown == [
        ("Carlos López", None, None),
        ("Jörg Rödel", "Chair", None),
        ("Ramakrishna Gali", None, "AMD"),
        ("Stefano Garzarella", None, None),
        ("vijay dhanraj", None, None),
    ]
    assert [s.kind for s in doc.sections][:2] == ["title", "attendees"]


def test_grouped_attendance_lines_mark_the_missing():
    doc = parse("council-2024-04-12.md")
    present = {a.name: a.present for a in doc.attendees}
    assert present["Carol"] and present["Niko"]
    assert not present["Jonathan"] and not present["Josh"]
    assert {a.group for a in doc.attendees} == {"Council:", "Missing attendees:", "Observers:"}


def test_attendees_as_a_bold_paragraph_without_heading():
    doc = parse("github-sync-2025-01-08.md")
    assert [a.shown for a in doc.attendees] == ["Alice Smith (Red Hat)", "Bob Jones", "Chen Wei"]
    section = next(s for s in doc.sections if s.kind == "attendees")
    assert section.level == 0


def test_attendees_as_a_bullet_list():
    text = "# Sync (2024-05-14)\n\n## Attendees\n\n- Dawn Chen\n- Derek Carr (Red Hat)\n\n## Notes\n\n- x\n"
    doc = parse_markdown(text)
    assert [a.shown for a in doc.attendees] == ["Dawn Chen", "Derek Carr (Red Hat)"]
    assert doc.layout.attendees_style == "-"
    assert render(doc) == text


def test_headings_keep_level_and_text_as_written():
    doc = parse("svsm-ordinal-2025-03-05.md")
    assert [(s.level, s.text) for s in doc.sections[2:]] == [
        (2, "Topics:"),
        (3, "**Release Planning**"),
        (2, "Measurement discrepancies"),
    ]


def test_nested_bullets_two_spaces():
    doc = parse("svsm-ordinal-2025-03-05.md")
    topic = doc.sections[3]
    discussion = topic.items[1]
    assert discussion.text == "Discussion points included:"
    assert [c.text for c in discussion.children] == [
        "Versioning scheme (semantic versioning preferred)",
        "Release cadence",
    ]
    assert discussion.children[1].children[0].text == "Quarterly releases were suggested."
    assert (doc.layout.bullet, doc.layout.indent) == ("*", 2)


def test_nested_bullets_four_spaces_with_dashes():
    doc = parse("council-2024-04-12.md")
    assert (doc.layout.bullet, doc.layout.indent) == ("-", 4)
    budget = doc.sections[2].items[-1]
    assert budget.children[1].children[0].text == "+1 from Jack. We can evolve as we learn."
    assert all(i.marker is None and i.indent is None for i in items(doc))


def test_inline_labels_give_kinds_and_keep_their_spelling():
    doc = parse("svsm-ordinal-2025-03-05.md")
    labelled = [(i.kind, i.label) for i in items(doc) if i.label]
    assert labelled == [
        ("decision", "Decision: "),
        ("action", "**Action Item**: "),
        ("action", "**AI**:"),
        ("action", "Next Steps: "),
    ]
    ai = next(i for i in items(doc) if i.label == "**AI**:")
    assert ai.text == "Carlos López to check the CI matrix."


def test_meetbot_labels_and_links():
    doc = parse("meetbot-2024-05-13.md")
    kinds = {i.label: i.kind for i in items(doc) if i.label}
    assert kinds == {"AGREED: ": "decision", "ACTION: ": "action", "LINK: ": "link"}


def test_wrapped_bullet_keeps_its_continuation_line():
    doc = parse("svsm-ordinal-2025-03-05.md")
    first = doc.sections[-1].items[0]
    assert first.text.split("\n") == [
        "Stefano Garzarella is finding a discrepancy between the launch measurement from the",
        "IGVM measure tool and the one inside SVSM.",
    ]
    assert first.kind == "note"


def test_what_has_no_record_shape_is_kept_block_by_block_as_raw():
    doc = parse("github-sync-2025-01-08.md")
    raw = [i.text for i in items(doc, "raw")]
    assert "| Item | Owner | Due |\n|------|-------|-----|\n| Docs | Bob   | Fri |" in raw
    assert "```bash\nmake release\n\nmake publish\n```" in raw
    assert "<!-- next time: discuss roadmap -->" in raw
    assert "[board]: https://example.org/board" in raw  # a reference definition, no token at all


def test_paragraphs_are_items_without_a_marker():
    doc = parse("github-sync-2025-01-08.md")
    paragraphs = {i.text: i for i in items(doc) if i.marker == ""}
    assert "![diagram](img/arch.png)" in paragraphs and "Action items:" in paragraphs
    assert all(not i.children for i in paragraphs.values())


def test_more_shapes_come_back_as_written():
    doc = parse("github-sync-2025-01-08.md")
    decision = next(i for i in items(doc) if i.kind == "decision")
    assert decision.children[0].text == "Bob will prepare the announcement"


def test_ordered_and_mixed_markers_are_kept_per_bullet():
    doc = parse("github-sync-2025-01-08.md")
    agenda = next(s for s in doc.sections if s.text == "Agenda")
    assert [i.marker for i in agenda.items] == ["1.", "2."]
    chen = [i for i in items(doc) if i.text == "Chen to fix the flaky test"]
    assert chen[0].marker == "+"


def test_odd_bullets_fall_back_to_raw_without_losing_a_line():
    text = (FIXTURES / "minutes" / "k8s-sig-notes.md").read_text(encoding="utf-8")
    doc = parse_markdown(text, filename="k8s-sig-notes.md")
    assert doc.date == dt.date(2024, 5, 14)
    raw = [i.text for i in items(doc, "raw")]
    spaced = next(i for i in items(doc) if i.text == "bullet with three spaces")
    assert spaced.marker == "*  "  # the spaces after the marker are kept with it
    # A lazy continuation is no longer raw: the bullet, then its unindented lines as a paragraph.
    lazy = next(i for i in items(doc) if i.text == "lazy continuation")
    siblings = next(group for group in ([s.items for s in doc.sections] + [doc.preamble]) if lazy in group)
    after = siblings[siblings.index(lazy) + 1]
    assert (after.marker, after.text, after.blank_before) == ("", "that is not indented", False)
    assert "Setext heading\n==============" in raw
    assert render(doc) == normalize(text)


def test_crlf_bom_and_trailing_whitespace():
    path = FIXTURES / "minutes" / "crlf-bom.md"
    doc = parse_markdown(path.read_bytes().decode("utf-8"), filename=path.name)
    assert doc.title == "Meeting Minutes: SVSM Development Call (June 5th, 2024)"
    assert [a.name for a in doc.attendees] == ["Adam Dunlap", "Tom Lendacky"]
    assert "\r" not in render(doc) and "\ufeff" not in render(doc)


def test_empty_input_is_refused():
    with pytest.raises(BadInput, match="empty"):
        parse_markdown(" \n\n", filename="x-2024-01-01.md")


def test_attendees_as_grouped_bullets():
    text = (
        "# Council (2025-06-06)\n\n## Attendance\n\n"
        "- Council members: TC, Mark Rousskov, Josh Stone\n- Observers: Tomas Sedovic\n\n"
        "## Meeting roles\n\n- Facilitator: TC\n"
    )
    doc = parse_markdown(text)
    assert [(a.name, a.group) for a in doc.attendees] == [
        ("TC", "Council members:"), ("Mark Rousskov", "Council members:"),
        ("Josh Stone", "Council members:"), ("Tomas Sedovic", "Observers:"),
    ]
    assert render(doc) == text


@pytest.mark.parametrize(
    "title, date",
    [("(3/6/24) Meeting Minutes", dt.date(2024, 3, 6)), ("Sync 28.05.2024", dt.date(2024, 5, 28)),
     ("Weekly call, 15 May 2024", dt.date(2024, 5, 15)), ("Notes 20240515", dt.date(2024, 5, 15))],
)
def test_more_date_forms(title, date):
    assert parse_markdown(f"# {title}\n\n* x\n").date == date


def test_spaced_bullets_are_understood():
    text = "# Call (July 16th, 2025)\n\n## Topics:\n\n### Opening\n\n*   Jon Lange led the meeting.\n"
    doc = parse_markdown(text)
    (item,) = doc.sections[-1].items
    assert (item.text, item.kind, doc.layout.bullet) == ("Jon Lange led the meeting.", "note", "*  ")
    assert render(doc) == text


def test_blank_line_runs_inside_a_block_do_not_make_the_file_raw():
    text = ("# Sync 2024-06-05\n\n- Windows\n    - cmake\n\n\n\n    import os\n\n    print(1)\n"
            "## Next\n\n- Ann will check\n")
    doc = parse_markdown(text, date=dt.date(2024, 6, 5))
    assert render(doc) == normalize(text)
    assert any(i.text == "Ann will check" and i.kind == "note" for i in doc.items())


def test_a_decision_bullet_with_a_remark_explains_it_and_gathers_nothing():
    """'Decision: (draft)' over a sub-bullet is one decision explained; 'Action Items (carried
    over)' as a heading still gathers its tasks (hypothesis found the first)."""
    doc = parse_markdown("# Sync 2024-06-05\n\n## Topic\n\n* Decision: (draft)\n  * IGVM 50% (draft) v1.2\n\n"
                         "## Action Items (carried over)\n\n* Ann to send it\n", date=dt.date(2024, 6, 5))
    kinds = [(i.text, i.kind) for i in doc.items()]
    assert kinds == [("(draft)", "decision"), ("IGVM 50% (draft) v1.2", "note"), ("Ann to send it", "action")]


def test_a_list_indented_four_spaces_is_a_list_not_code():
    """'    - Date: …' under a heading is code to Markdown and a list to whoever wrote it: bullets
    (a decision, tasks) that come back as written.  Real code stays a block as it was."""
    text = ("# Sigsum weekly\n\n    - Date: 2024-08-20 1215 UTC\n    - Chair: nisse\n\n## Decisions\n\n"
            "    - Decided: Cancel weekly next week.\n        - Hence the next one is 2024-09-03\n\n"
            "## Next steps\n\n    - filippo: post review comments on !81\n\n## Code\n\n    make test\n    - not a list\n")
    doc = parse_markdown(text)
    assert render(doc) == normalize(text)
    kinds = {i.text: i.kind for i in items(doc)}
    assert kinds["Cancel weekly next week."] == "decision"
    assert kinds["filippo: post review comments on !81"] == "action"
    assert kinds["    make test\n    - not a list"] == "raw"
    assert doc.date == dt.date(2024, 8, 20)


def test_lists_nested_with_tabs_are_items_and_come_back_with_their_tabs():
    text = ("# Steering 2025-06-11\n\n## New\n\n* **[PROPOSAL] Forming a SIG** (group)\n\t- Vote\n"
            "\t\t- Approved that an Observability SIG is needed.\n\t- **Action Items** (Kris)\n"
            "\t\t- Add new members to the private channel\n- Next topic\n")
    doc = parse_markdown(text, date=dt.date(2025, 6, 11))
    assert doc.layout.tabs and not [i for i in doc.items() if i.kind == "raw"]
    assert [i.text for i in doc.items() if i.kind == "decision"] == ["Approved that an Observability SIG is needed."]
    assert render(doc) == normalize(text)
    again = loads(dumps(doc))  # the JSON form keeps how the file nests its lists
    assert again.layout.tabs and render(again) == normalize(text)
    spaced = parse_markdown(text.replace("\t", "    "), date=dt.date(2025, 6, 11))
    assert not spaced.layout.tabs and "tabs" not in dumps(spaced)


def test_a_file_of_one_html_paragraph_a_line_is_an_item_a_line():
    lines = ["<p><strong>TRANSPARENCY BOARD</strong></p>", "<p>The Chair welcomed all attendees.</p>",
             "<ul><li>It would help to look at it again.</li>", "<li>Action: ONS to forward a case.</li></ul>",
             "<p>Any other business</p>"]
    text = "---\ntitle: Board Minutes - 15th November 2011\n---\n\n" + "\n".join(lines) + "\n"
    doc = parse_markdown(text)
    raw = [i.text for i in doc.items() if i.kind == "raw"]
    assert raw[1:] == lines[:2] + ["\n".join(lines[2:4]), lines[4]]  # after the front matter
    assert render(doc) == normalize(text)


def test_an_entity_in_front_matter_is_the_character():
    doc = parse_markdown("---\ntitle: Senior Officials Group&#58; 6th Meeting\n---\n\n* x\n", date=dt.date(2012, 7, 19))
    assert doc.series == "Senior Officials Group: 6th Meeting"


def test_a_template_placeholder_for_a_title_is_the_front_matters_title():
    text = '---\ntitle: "Notes: July 2017 GIS Solutions Group Meeting"\n---\n\n# {{title}}\n\n* x\n'
    doc = parse_markdown(text, date=dt.date(2017, 7, 19))
    assert "{{" not in doc.series and "GIS Solutions Group" in doc.series
    assert render(doc) == normalize(text)


def test_a_line_quoted_on_its_own_is_a_paragraph_read_for_what_it_records():
    speech = "> Dan - " + "we talked about the data sets at length and what the project would need. " * 5
    text = ("# WG 2022-03-16\n\n## Approval of minutes\n\n"
            "> Navveen motions to approve the minutes - any objections - No objections - Minutes approved\n\n"
            f"{speech.rstrip()}\n\n> - a quoted list\n> - stays raw\n")
    doc = parse_markdown(text, date=dt.date(2022, 3, 16))
    kinds = [(i.kind, i.label) for i in doc.items()]
    assert kinds == [("decision", "> "), ("raw", None), ("raw", None)]
    assert render(doc) == normalize(text)


def test_a_title_underlined_and_a_time_after_the_title_s_date():
    text = "Steering Committee Meeting Notes\n================================\n\n## 07/20/2016\n\n* GWT 2.8\n"
    doc = parse_markdown(text, filename="meetingnotes.md")
    assert (doc.series, doc.date) == ("Steering Committee Meeting", dt.date(2016, 7, 20))
    assert render(doc) == normalize(text)
    doc = parse_markdown("# Coding Guidelines Subcommittee Meeting on 2025-03-12 @ 3pm UTC\n\n* x\n")
    assert (doc.series, doc.date) == ("Coding Guidelines Subcommittee Meeting", dt.date(2025, 3, 12))
