"""Generated meetings survive render -> parse (and render again) unchanged."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from svsm_meet.formats import json_format
from svsm_meet.formats.labels import kind_of_text
from svsm_meet.formats.markdown_in import parse_markdown
from svsm_meet.formats.markdown_out import render
from svsm_meet.formats.titles import house_title
from svsm_meet.model import Attendee, Document, Item, Layout, Section

_WORDS = st.sampled_from(
    "IGVM SVSM vTPM the a PR review will be merged after more testing Joerg Stefano "
    "López Cláudio x86 TDX SEV-SNP 42 v1.2 (draft) `code` **bold** _em_ [link](https://x.org) "
    "e.g. it's 50% done; next week".split()
)
_TEXT = st.lists(_WORDS, min_size=1, max_size=12).map(" ".join)
_NAME = st.lists(
    st.sampled_from("Adam Carlos Cláudio Joerg Jon Peter Roy Stefano Dunlap López Roedel Fang".split()),
    min_size=1,
    max_size=3,
).map(" ".join)
_LABELS = st.sampled_from(
    [(None, None), ("Decision: ", "decision"), ("Action Item: ", "action"),
     ("**Action Item**: ", "action"), ("**Decision:** ", "decision"), ("Next Steps: ", "action"),
     ("Question: ", "question"), ("Info: ", "info")]
)


@st.composite
def items(draw, depth=0):
    label, kind = draw(_LABELS)
    text = draw(_TEXT)
    children = draw(st.lists(items(depth + 1), max_size=3)) if depth < 3 else []
    return Item(
        text=text,
        kind=kind or kind_of_text(text),
        label=label,
        blank_before=draw(st.booleans()),
        children=children,
    )


@st.composite
def documents(draw):
    date = draw(st.dates(dt.date(2020, 1, 1), dt.date(2030, 12, 31)))
    layout = Layout(bullet=draw(st.sampled_from("*-+")), indent=draw(st.sampled_from([2, 3, 4])))
    names = draw(st.lists(_NAME, min_size=1, max_size=8))
    attendees = [
        Attendee(name=n, affiliation=draw(st.sampled_from([None, "AMD", "Red Hat", "SUSE"])))
        for n in names
    ]
    sections = [
        Section("title", 1, house_title("SVSM Development Call", date), blank_before=False),
        Section("attendees", 2, "Attendees:"),
    ]
    for _ in range(draw(st.integers(0, 5))):
        section = Section("topic", draw(st.integers(2, 4)), draw(_TEXT))
        section.items = draw(st.lists(items(), max_size=4))
        if section.items:
            section.items[0].blank_before = True
        sections.append(section)
    return Document(
        series="SVSM Development Call",
        date=date,
        layout=layout,
        attendees=attendees,
        sections=sections,
    )


def _first_bullets_stand_apart(doc: Document) -> None:
    # A top-level list directly under a heading needs no blank line in Markdown, but a bullet
    # right after a bullet of another section is simply the next bullet: keep the generator honest.
    for section in doc.sections:
        if section.items:
            section.items[0].blank_before = True


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_render_then_parse_gives_the_same_meeting(doc: Document):
    _first_bullets_stand_apart(doc)
    text = render(doc)
    parsed = parse_markdown(text)
    assert parsed.date == doc.date
    assert parsed.series == doc.series
    assert parsed.attendees == doc.attendees
    assert [(s.kind, s.level, s.text) for s in parsed.sections] == [
        (s.kind, s.level, s.text) for s in doc.sections
    ]
    assert [s.items for s in parsed.sections] == [s.items for s in doc.sections]
    assert render(parsed) == text


@settings(max_examples=50, deadline=None)
@given(documents())
def test_json_keeps_every_record(doc: Document):
    _first_bullets_stand_apart(doc)
    again = json_format.loads(json_format.dumps(doc))
    assert again == doc
    assert render(again) == render(doc)
