"""Markdown minutes -> Document.

markdown-it-py finds the blocks; each block becomes records (headings, attendees, bullet trees
with their labels) only where rendering those records gives the block's lines back.  Anything
else is kept as a raw item, block by block, so that no import loses a line.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import PurePath

from ..errors import BadInput
from ..model import ITEMS_STYLE, MARKER_CHARS, Attendee, Document, Item, Layout, Section
from ..html_units import html_units
from . import attendees as attendee_format
from . import roll
from .decision_table import decided_rows
from .labels import (BOLD_LINE_RE, HeadingKinds, heads_a_list, is_order, kind_of_heading, kind_of_text, split_label,
                     split_speaker, tasks_for, written_status)
from .markdown_out import heading_line, item_own_lines, render
from .titles import (date_from_filename, date_line, find_date, front_matter, heading_date,
                     parse_title, prose_date, series_from_filename)

# A bullet line: indent, marker, the spaces after it (1 to 4), text.
_ITEM_RE = re.compile(r"^( *|\t*)([-*+]|\d{1,9}[.)])( {1,4})(\S.*)$")
# A bullet indented with tabs, and one with spaces: which the file nests its lists with.
_TAB_ITEM_RE = re.compile(r"^\t+(?:[-*+]|\d{1,9}[.)]) ", re.M)
_SPACE_ITEM_RE = re.compile(r"^ +(?:[-*+]|\d{1,9}[.)]) ", re.M)
_SETEXT_RE = re.compile(r"^ {0,3}(=+|-+) *$")
# "*": a bullet left empty (the lines are stripped of trailing spaces); its groups are _ITEM_RE's.
_EMPTY_ITEM_RE = re.compile(r"^( *|\t*)([-*+]|\d{1,9}[.)])()()$")
_HEADING_RE = re.compile(r"^(#{1,6})(?: (.*))?$")
_INDENTED_HEADING_RE = re.compile(r"^ {1,3}(#{1,6})(?:[ \t]+(.*))?$")  # kept raw, still read as a heading
# (from a word's end only: "\s+" tried at every space of a long run would be quadratic)
_CLOSING_HASHES_RE = re.compile(r"(?<!\s)\s*(?<!\S)#+\s*$")
_LIST_TYPES = ("bullet_list_open", "ordered_list_open")
_CHECKBOX_RE = re.compile(r"^\[[ xX]\]( |$)")
# "None this week", "N/A", "TBD" under an "Action items" heading: no task at all.
_PLACEHOLDER_RE = re.compile(r"^(?:none|n/?a|tbd|nothing|-+|—)\b[^a-z]*(?:this (?:week|time))?\.?$"
                             # ... or a pointer to where the tasks are kept: "Located in [GitHub Issues](…)"
                             r"|^(?:(?:they are |are )?(?:located|tracked|kept|listed|recorded|moved|found) (?:in|at|on))"
                             r"\b[^.]{0,40}(?:\]\(|https?://)[^ ]*$"
                             r"|^(?:see|refer to)\s+(?:the\s+)?(?:\[[^\]]*\]\([^)]*\)|https?://\S+)\.?$", re.I)

_md = None


def _markdown():
    global _md
    if _md is None:
        from markdown_it import MarkdownIt

        # Only the block structure is needed: the inline rules are switched off.
        _md = MarkdownIt("commonmark", {"html": True}).enable("table").disable("inline")
    return _md


def clean_lines(text: str) -> list[str]:
    """Lines without BOM, CR or trailing whitespace, and without blank lines at either end."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    lines = [line.rstrip() for line in text.split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return lines


def normalize(text: str) -> str:
    """Minutes as compared: no BOM, LF endings, no trailing whitespace, one blank line at most."""
    out: list[str] = []
    for line in clean_lines(text):
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out) + "\n" if out else ""


# A bullet indented four spaces or more: code to Markdown, a list to whoever wrote it.
# "> text": a quoted line of words, not a quoted list, heading, code or another quote.
_QUOTED_LINE_RE = re.compile(r"^> (?![-*+>#]\s|\d{1,9}[.)]\s|\s|`{3}|\[[ xX]\] )\S")
_MAX_QUOTED_LINES = 4
_ENDS_SENTENCE_RE = re.compile(r"(?:[.!?:)]|\*\*| {2})$")
_INDENTED_ITEM_RE = re.compile(r"^ {4,}(?:[-*+]|\d{1,9}[.)])(?: |$)")


def _blocks(tokens):
    """(first token, tokens) for each block at the level the token list starts at."""
    i = 0
    while i < len(tokens):
        start = i
        depth = tokens[i].nesting
        i += 1
        while depth > 0:
            depth += tokens[i].nesting
            i += 1
        yield tokens[start], tokens[start:i]


def _label_and_kind(body: str) -> tuple[str | None, str, str]:
    """A bullet's label as written, its kind and its text.  A task's checkbox ("[ ] ", "[x] ")
    is part of its label, and makes it an action unless a label says otherwise."""
    box = _CHECKBOX_RE.match(body)
    rest = body[box.end():] if box else body
    label, kind, text = split_label(rest)
    if box:
        return body[:box.end()] + (label or ""), kind or "action", text
    if kind == "info" and kind_of_text(text) == "decision":  # "Notes: agreed we should …"
        kind = "decision"
    kind = kind or kind_of_text(text)
    if kind == "note" and written_status(text):  # "Share the agenda (done)"
        kind = "action"
    return label, kind, text


_BOXES = ("[ ] ", "[x] ", "[X] ")
# Headings that go on with the minutes, never a group of people (under a bare "## Attendees").
_TOPIC_HEADING_RE = re.compile(
    r"\W*(?:welcome|intro\w*|agenda|notes?|minutes|discussion|highlights?|updates?|announcements?|summary|"
    r"topics?|(?:open )?questions?|news|status|reports?|review|misc\w*|other|any other business|aob|"
    r"housekeeping|logistics|recording|links?|resources)\b", re.I)
_CHAIRS_RE = re.compile(r"#*\s*(?:co-?)?(?:chairs?|facilitators?|moderators?|scribes?|note[- ]?takers?|secretary)\s*:", re.I)
# The words of a meeting's title, on the line under it ("Monthly Sync", "Steering Committee Call").
_TITLE_WORDS_RE = re.compile(r"\b(?:sync|meeting|call|notes|minutes|weekly|monthly|daily|stand-?up|review|update|"
                             r"agenda|session|summit|workshop|team|group|council|committee|board|office hours)\b", re.I)
_HEAD_COUNT_RE = re.compile(r"^\W*\d+\s+(?:people|persons|attendees|participants)\b[^,]*$", re.I)
# "## Agenda", "### New agenda items", "### Standing items": topics ticked off, not tasks.
_AGENDA_RE = re.compile(r"^\W*(?:(?:new|old|other|today[’']?s|this week[’']?s)\s+)?agenda\b|^\W*standing items?\b", re.I)
# "The tasks have been distributed as follows:", "The following action items were assigned:".
_ANNOUNCES_TASKS_RE = re.compile(
    r"(?:(?:the|our) )?(?:following )?(?:tasks?|action items?|actions|assignments?|to-?dos|work items?|work)\b"
    r"[^.!?:\n]{0,60}\b(?:assigned|distributed|divided|split|allocated|handed out|given out)\b[^.!?:\n]{0,30}:", re.I)
# "We agreed on the following:", "The following was decided:": a sentence ending a paragraph (or a
# bullet) that says the bullets after it (under it) are what the meeting decided.
_ANNOUNCES_DECISIONS_RE = re.compile(
    r"(?:^|(?<=[.!?])\s+)(?:(?:we|the (?:group|team|meeting|participants|attendees|members|tsc|tc|tac|board|"
    r"committee|council|wg|sig|maintainers)|everyone|everybody|all(?: present)?)\s+(?:(?:have|has)\s+)?"
    r"(?:agreed|decided|resolved|concluded)(?:\s+(?:on|upon))?(?:\s+the following)?(?:\s+(?:points|items|things))?"
    r"|the following (?:was|were|has been|have been|is|are) (?:agreed|decided|resolved|approved|adopted)"
    r"(?:\s+(?:on|upon))?(?:\s+by [^.:\n]{1,40})?"
    r"|it was (?:agreed|decided|resolved)(?: that)?)\s*:$", re.I)


def announces_decisions(item: Item) -> bool:
    """'We agreed on the following:' over the decisions (the sentence stays what it reads as: where
    a paragraph, not a list, follows, it is the one record of what was agreed)."""
    return item.text.rstrip().endswith(":") and bool(_ANNOUNCES_DECISIONS_RE.search(item.text.strip()))


# A paragraph that only names someone, over their tasks: "**Ann Lee**", "###Rob:".
_NAME_LINE_RE = re.compile(r"(?:#{1,6}|\*\*|__)(?P<who>[^#*_:\n]{1,40}?)(?:\*\*|__)?:?(?:\*\*|__)?")
# A few words over some of the tasks ("grid", "Boundary package (together with Rob)"), not a part
# of the minutes of their own ("Other topics", "Next time").
_SHORT_LABEL_RE = re.compile(r"(?![*_#])(?!.*\b(?:other|misc\w*|next|topics?|notes?|news|updates?|random|"
                             r"discussion|agenda|questions?|announcements?|any)\b)[^.!?:\n]{1,60}(?:\([^()\n]*\))?:?(?<![.!?])",
                             re.I)
_SPEAKER_OVER_LIST_RE = re.compile(r"^(?:\*\*)?[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2}:(?:\*\*)?$")
# "i. Analyse the tests", "b) Clean up CI": a paragraph numbered by hand, not a Markdown list.
_ENUMERATED_RE = re.compile(r"^(?:[ivx]{1,4}|[a-z]|\d{1,3})[.)] +\S")


def _paragraph_pieces(lines: list[str]) -> list[tuple[int, int]]:
    """The items one paragraph holds: a line of its own that an action or decision label opens
    ("ACTION: Carol to ping legal" under another), or each speaker's line of a transcript
    written without blank lines ("Alice: …" then "Bob: …").  Rendered one after another without
    a blank line, the pieces give the paragraph back."""
    # Every label and speaker has a colon, a bracket or emphasis, or is a bot's word ('action
    # @ann …'): a cheap first look.
    if len(lines) < 2 or not any(":" in line or "[" in line or "*" in line or "_" in line
                                 or line[:2].lower() in ("ac", "to") for line in lines[1:]):
        return [(0, len(lines))]
    speakers = [bool(split_speaker(line)) for line in lines]
    transcript = speakers[0] and sum(speakers) >= 2
    cuts = [k for k in range(1, len(lines))
            if (transcript and speakers[k]) or split_label(lines[k])[1] in ("action", "decision")]
    bounds = [0, *cuts, len(lines)]
    return list(zip(bounds, bounds[1:]))


def _html_rows(lines: list[str]) -> list[tuple[int, int]]:
    """An HTML table of minutes (a word processor's or GitBook's export) as one raw item per row
    written least indented (the outermost table's, where the export indents; every row's where it
    does not), so that a file which is one table is a topic a row, each kept as
    written and edited on its own; rendered one after another, the rows give the block back."""
    rows = [k for k, line in enumerate(lines) if line.lstrip()[:3].lower() == "<tr"]
    if len(rows) < 2:
        return [(0, len(lines))]
    depth = min(len(lines[k]) - len(lines[k].lstrip()) for k in rows)
    cuts = [k for k in rows if k and len(lines[k]) - len(lines[k].lstrip()) == depth]
    bounds = [0, *cuts, len(lines)]
    return list(zip(bounds, bounds[1:]))


# A line that opens a block element of its own, and one that closes one: '<p>…</p>' a line.
_OPENS_ELEMENT_RE = re.compile(r"^<(?:p|ul|ol|h[1-6]|div|table|blockquote|dl|pre)\b", re.I)
_CLOSES_ELEMENT_RE = re.compile(r"</(?:p|ul|ol|h[1-6]|div|table|blockquote|dl|pre)>\s*$", re.I)


_ALL_STRONG_RE = re.compile(r"<p>(?:\s*<(strong|b)>[^<]*</\1>)+\s*</p>", re.I)


def _html_pieces(lines: list[str]) -> list[tuple[int, int]]:
    """An HTML block as raw items: a table a row at a time (_html_rows), and minutes converted
    from a word processor, a '<p>…</p>' a line with no blank line between (a Jekyll post), an
    element at a time, so that one block is not the whole file."""
    cuts = [k for k in range(1, len(lines))
            if _OPENS_ELEMENT_RE.match(lines[k]) and _CLOSES_ELEMENT_RE.search(lines[k - 1])]
    bounds = [0, *cuts, len(lines)]
    return [(a + c, a + d) for a, b in zip(bounds, bounds[1:]) for c, d in _html_rows(lines[a:b])]


# A task's share written under it, its owner first: "Ciera: Berkeley.", "@kjin: the docs".
_OWNER_FIRST_RE = re.compile(r"^(?:@[\w-]+|[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)?):\s+\S")
# "Update the email template **(Jenn)**", "Split the list (Isabela and Jenn)": the owner after.
_OWNER_AFTER_RE = re.compile(
    r"\S\s+(?:\*\*|__)?\((?:@[\w-]+|[A-Z][\w'’.-]*)(?:\s+(?:and|&)\s+[A-Z][\w'’.-]*)*(?:\s+to\b[^()]*)?\s*\)"
    r"(?:\*\*|__)?[.\s]*$")


# "Unanimously approved.", "Motion carried (5-0)": an outcome that says only that what came
# before was decided ("Agreed to use GitHub Actions" is a decision of its own); "Proposed by: Cart",
# "Seconded: Ann", "For: 5": the steps between the two, a motion's only after one that moves it.
_OUTCOME_RE = re.compile(
    r"^(?:the\s+)?(?:motion\s+)?(?:was\s+)?(?:unanimously\s+)?(?:approved|passed|carried|adopted|accepted|"
    r"agreed|ratified)(?:\s+unanimously|\s+by\s+[^.;]{1,80})?"
    r"(?:\s*[,(;:–—-].{0,80})?\.?$", re.I)
_MOVED_RE = re.compile(r"^(?:\*\*|__)?(?:proposed|moved|motioned|seconded|second|motion)(?:\s+by)?\s*:", re.I)
_MOTION_STEP_RE = re.compile(
    r"^(?:\*\*|__)?(?:proposed|moved|motioned|seconded|second|motion|vote|votes|for|against|abstain\w*)"
    r"(?:\s+by)?\s*:", re.I)


# A motion put off: "**RESOLVED:** That …" over "Move to next meeting" was not resolved.
_PUT_OFF_RE = re.compile(
    r"^(?:moved?|deferred|pushed|postponed)\s+(?:to|until)\s+(?:the\s+)?next\s+(?:meeting|call|week)\b"
    r"|^(?:tabled|deferred|postponed|no quorum)\b", re.I)


def _mark_motions(items: list[Item]) -> None:
    """'**Cart for President.**', 'Proposed by: Cart', 'Unanimously approved.': what was
    approved is the motion, the decision of the meeting; the outcome line is a note on it.  Where
    nothing stands before the steps (the motion is the topic's heading), the outcome stays the
    decision.  A decision over its outcome ('**RESOLVED:** That …' over 'Unanimously approved')
    is one decision; over 'Move to next meeting', none."""
    for n, item in enumerate(items):
        if item.children:
            _mark_motions(item.children)
            if item.kind == "decision":
                for child in item.children:
                    if child.kind == "decision" and not child.label and _OUTCOME_RE.match(child.text.strip()):
                        child.kind = "note"
                    elif _PUT_OFF_RE.match(child.text.strip()):
                        item.kind = "note"
        if item.kind != "decision" or item.label or not _OUTCOME_RE.match(item.text.strip()):
            continue
        k = n - 1  # back to the steps ("Proposed by: …"), over any discussion after them
        while k >= 0 and not _MOTION_STEP_RE.match(items[k].body):
            if items[k].kind == "decision":
                k = -1  # another motion's
            k -= 1
        moved = False
        while k >= 0 and _MOTION_STEP_RE.match(items[k].body):
            moved = moved or bool(_MOVED_RE.match(items[k].body))
            k -= 1
        motion = items[k] if k >= 0 and moved else None
        if motion is not None and motion.kind in ("note", "idea") and k < n - 1 \
                and not motion.text.rstrip().endswith((":", "?")):
            motion.kind, item.kind = "decision", "note"


def _front_matter_end(lines: list[str]) -> int:
    """The line after a file's front matter (its closing fence), or 0 where it has none: metadata
    for a static site, one raw block, never a rule and a heading."""
    fence = lines[0].rstrip() if lines else ""
    if fence not in ("---", "+++"):
        return 0
    for n, line in enumerate(lines[1:200], 1):
        if (line.rstrip() == fence or fence == "---" and line.rstrip() == "...") and n > 1:
            body = lines[1:n]
            keyed = sum(bool(re.match(r"^[A-Za-z_][\w-]*\s*[:=]", b)) for b in body)
            return n + 1 if keyed and keyed * 2 >= len([b for b in body if b.strip()]) else 0
        if not line.strip() and fence == "---" and n == 1:
            return 0
    return 0


def _gatherable(item: Item, into: str | None) -> bool:
    """An unlabelled bullet a heading makes what it gathers (INTO): a note, or a task that asks
    something after saying what ('Check with LF. Can we do a town hall?'); under 'Action items'
    an order too ('Use the new template'), which alone would read as a decision."""
    if item.label or _PLACEHOLDER_RE.match(item.text):
        return False
    if item.kind == "question":
        return not re.split(r"(?<=[.!?])\s", item.text.strip(), maxsplit=1)[0].endswith("?")
    return item.kind == "note" or item.kind == "decision" and into == "action" and (
        is_order(item.text) or _owned_order(item.text))


# What follows an owner's name that is no task of theirs: "Ann: we agreed to drop X", "Bob: Release
# 2.0 was approved by the TSC" (a report, its verb in the past or the passive).
_NOT_A_TASK_RE = re.compile(r"(?:we|it|the|this|that|there|all|everyone|consensus|agreed|decided|decision)\b"
                            r"|(?:\S+\s+){0,3}(?:was|were|is|are|has been|have been|got)\s", re.I)


def _owned_order(text: str) -> bool:
    """'**Jonathan**: Post on the issue regarding the agreed principle': under 'Action items', a
    task its owner's name opens, whatever words of a decision it holds."""
    said = split_speaker(text)
    return bool(said) and not _NOT_A_TASK_RE.match(text[len(said[0]):])


class _Builder:
    def __init__(self, lines: list[str]):
        self.lines = lines
        self.doc = Document(series="", date=dt.date.min)
        # Nested with tabs where most nested bullets are; a bullet nested the other way stays raw.
        if any(line.startswith("\t") for line in lines):
            text = "\n".join(lines)
            self.doc.layout.tabs = len(_TAB_ITEM_RE.findall(text)) > len(_SPACE_ITEM_RE.findall(text))
        self.section: Section | None = None
        self.attendees_heading: Section | None = None
        # Bullet columns and the first bullet marker and nesting step seen, for settle_layout.
        self.columns: dict[int, int] = {}
        self.bullet = ""
        self.indent = self.indent_any = 0
        # Attendance in a shape the strict form cannot render (formats/roll.py): the lines stay
        # items and the people are read out of them.  roll_level: the level of the heading that
        # opened it (deeper headings are its groups), 0 for a label paragraph, None when closed.
        # The kind of the bullets under an "Action items" heading (or a label paragraph such as
        # "Decisions:"), for those that have none of their own.
        self.gathers: str | None = None
        # A label paragraph's list ends at the next paragraph, but for a name over more of the tasks
        # ("**Ann**", "###Rob:"); after a sentence that announces them, a short label too ("grid").
        self.gathers_until_paragraph = False
        self.gathers_over_labels = False
        self.lazy_tail: list[Item] = []  # a bullet's unindented continuation, as a paragraph
        self.heading_cut: int | None = None  # where a list's first heading indented into it is
        self.gathers_lines = False
        self.heading_kinds = HeadingKinds()
        self.roll_index: tuple[int, roll.Roll] | None = None  # see roll_so_far
        self.agenda = False  # under "## Agenda" a ticked box is a topic covered, not a task
        self.roll: list[Attendee] = []
        self.roll_level: int | None = None
        self.roll_group: str | None = None
        # "## Present" straight over "### Steering Council", "### External": the level of such
        # groups, whatever their words, under a roll call heading that says nothing of its own.
        self.roll_sublevel: int | None = None
        self.roll_loose = False  # the group now read is such a one (see list())
        # "##### Chairs: A, B" just before the roll call opens: (the line after it, its people).
        self.roles_before: tuple[int, list[Attendee]] | None = None
        self.next_heading: dict[int, tuple[int, int, str]] = {}  # a heading's line -> the next one's

    # -- helpers -------------------------------------------------------------------------------

    def blank_before(self, start: int) -> bool:
        return start > 0 and not self.lines[start - 1]

    def end(self, start: int, end: int) -> int:
        while end > start and not self.lines[end - 1]:
            end -= 1
        return end

    def raw(self, start: int, end: int) -> Item:
        # Runs of blank lines inside a block count as one, as everywhere in minutes (normalize).
        text = re.sub(r"\n\n\n+", "\n\n", "\n".join(self.lines[start:end]))
        return Item(text=text, kind="raw", blank_before=self.blank_before(start))

    def add(self, item: Item) -> None:
        (self.section.items if self.section else self.doc.preamble).append(item)

    # -- blocks --------------------------------------------------------------------------------

    def run(self, tokens) -> Document:
        cursor = 0
        blocks = list(_blocks(tokens))
        # Each heading's next one (level, words): "## Attendees" followed by "## Observers" is
        # one attendance in two lists, read the tolerant way.
        headings = [(first.map[0], int(first.tag[1]), block[1].content)
                    for first, block in blocks if first.type == "heading_open"]
        self.next_heading = {a[0]: b for a, b in zip(headings, headings[1:])}
        matter = _front_matter_end(self.lines)  # "---" … "---" (YAML) or "+++" … "+++" (TOML)
        if matter:
            self.add(self.raw(0, matter))
            cursor = matter
        for first, block in blocks:
            start, end = first.map
            if start < matter:
                continue
            self.uncovered(cursor, start)
            end = self.end(start, end)
            if first.type == "heading_open":
                self.heading(start, end)
            elif first.type == "paragraph_open":
                self.paragraph(start, end)
            elif first.type in _LIST_TYPES:
                self.list(block, start, end)
            elif first.type == "code_block" and (listed := self.indented_list(start, end)):
                self.list(listed, start, end)
            elif first.type == "blockquote_open" and (quoted := self.quoted_lines(start, end)):
                for item in quoted:
                    self.add(item)
            elif first.type == "table_open" and (decided := decided_rows(self.lines[start:end],
                                                                         self.gathers == "decision")):
                self.decision_rows(start, end, decided)
            else:
                pieces = _html_pieces(self.lines[start:end]) if first.type == "html_block" else [(0, end - start)]
                for a, b in pieces:
                    item = self.raw(start + a, start + b)
                    if first.type == "html_block":
                        self.read_roll_html(item)
                    elif self.roll_level is not None and not self.doc.attendees:
                        self.read_roll_items([item])
                    elif first.type == "table_open" and not self.doc.attendees and not self.roll:
                        self.roll.extend(roll.roll_table(item.text))  # "|Attendees|" over a name a row
                    self.add(item)
            cursor = max(cursor, end)
        self.uncovered(cursor, len(self.lines))
        self.settle_layout()
        if self.roll and not self.doc.attendees:
            self.take_roll()
        self.mark_speakers()
        for section in self.doc.sections:
            _mark_motions(section.items)
        return self.doc

    def mark_speakers(self) -> None:
        """'**Sam Clegg:** Why is it called nameless?': a speaker's label, where it is in bold or
        names someone on the attendance (plain 'Plan: …' is no one)."""
        known = set()
        for attendee in self.doc.attendees:
            words = attendee.name.casefold().split()
            known.update([attendee.name.casefold(), words[0], words[-1], words[0].lstrip("@")] if words else [])
        said = [(item, split_speaker(item.text)) for item in self.doc.items()
                if item.kind != "raw" and not item.label]
        # A transcript without an attendance: a name that speaks again and again is a speaker.
        turns: dict[str, int] = {}
        for _, found in said:
            if found and roll.looks_like_name(found[1]):
                turns[found[1].casefold()] = turns.get(found[1].casefold(), 0) + 1
        if sum(n for n in turns.values() if n > 1) >= 4:
            known.update(name for name, n in turns.items() if n > 1)
        for item, found in said:
            # In bold, a name of two words or more ("**Sam Clegg:**"), not "**Status:**".
            bold_name = found and found[2] and len(found[1].split()) > 1
            if found and (bold_name or found[1].casefold().lstrip("@") in known
                          or found[1].casefold() in known):
                item.label, item.text = found[0], item.text[len(found[0]):]

    def take_roll(self) -> None:
        """The people read out of the attendance lines, once each; the lines render themselves."""
        seen: set[str] = set()
        # "Fernando Jose" in the check-in and "**Notetaker:** Fernando" after it: one person, where
        # the first name is one attendee's only
        firsts: dict[str, set[str]] = {}
        for attendee in self.roll:
            words = roll.clean(attendee.name).casefold().split()
            if len(words) > 1:
                firsts.setdefault(words[0], set()).add(" ".join(words))
        for attendee in self.roll:
            key = roll.clean(attendee.name).casefold()
            if key not in seen and len(firsts.get(key, ())) != 1:
                seen.add(key)
                self.doc.attendees.append(attendee)
        self.doc.layout.attendees_style = ITEMS_STYLE

    def uncovered(self, start: int, end: int) -> None:
        """Lines no block claims (link reference definitions): raw, a run at a time."""
        run_start = None
        for number in range(start, end + 1):
            blank = number == end or not self.lines[number]
            if not blank and run_start is None:
                run_start = number
            elif blank and run_start is not None:
                self.add(self.raw(run_start, number))
                run_start = None

    def heading(self, start: int, end: int) -> None:
        m = _HEADING_RE.match(self.lines[start])
        if end - start != 1 or not m:  # a setext heading, or an indented one
            self.add(self.raw(start, end))
            setext = _SETEXT_RE.match(self.lines[end - 1]) if end - start == 2 else None
            if setext:  # "Attendees\n=====": kept as written, and still read as the heading it is
                self.heading_says(self.lines[start].strip(), 1 if setext[1] == "=" else 2, False, start, None)
            indented = _INDENTED_HEADING_RE.match(self.lines[start]) if end - start == 1 else None
            if indented:  # " ## Attendees:" likewise
                meant = _CLOSING_HASHES_RE.sub("", indented[2] or "")
                self.heading_says(meant, len(indented[1]), False, start, None)
                self.read_roll_heading(meant, start, end)
            return
        level, text = len(m[1]), m[2] or ""
        meant = _CLOSING_HASHES_RE.sub("", text)  # "# Decisions #": a closing sequence says nothing
        # "# Participants" first in the file heads the roll call, not the meeting: no title then.
        is_title = level == 1 and not self.doc.sections and not attendee_format.is_attendees_heading(meant)
        section = Section(
            kind="title" if is_title else "topic",
            level=level,
            text=text,
            blank_before=self.blank_before(start),
        )
        if heading_line(section) != self.lines[start]:
            self.add(self.raw(start, end))
            self.read_roll_heading(text, start, end)
            return
        self.doc.sections.append(section)
        self.section = section
        self.heading_says(meant, level, is_title, start, section)
        self.read_roll_heading(meant, start, end)

    def read_roll_heading(self, text: str, start: int, end: int) -> None:
        # "##### Attendees: A (ORG), B": names on its line (a label of people has a colon, and
        # one of their words: a cheap first look, on every heading)
        if ":" in text and not self.doc.attendees and not self.roll and roll.names_people(text):
            self.read_roll_paragraph([text], start, end)

    def heading_says(self, text: str, level: int, is_title: bool, start: int, section: Section | None) -> None:
        """What a heading starts: the tasks or decisions it gathers, an agenda, a roll call."""
        person = len(text) <= 60 and roll.heads_someones_tasks(text, self.roll_so_far())
        self.gathers, says = self.heading_kinds.push(level, text, title=is_title, person=person)
        self.gathers_until_paragraph = False
        # Lines of their own are tasks under "Action items", not under "Next steps" (prose there).
        # (under its own heading only: "### Which Helm charts are used" over "Leon has checked, …")
        self.gathers_lines = says == text and kind_of_heading(text) is not None
        self.agenda = bool(_AGENDA_RE.match(text))
        wanted = not self.doc.attendees and attendee_format.is_attendees_heading(text)
        in_roll = bool(self.roll_level and level >= self.roll_level and roll.names_people(text)
                       or self.roll_sublevel_at(level, text))
        # A group of the roll call ("#### Voting members" under "### Roll Call"): its people are
        # read with the other groups', not taken as the whole attendance.
        nested = in_roll and level > self.roll_level
        after = self.next_heading.get(start) if wanted else None
        more = False
        while after and after[1] >= level and roll.names_people(after[2][:100]):
            if not roll.is_absent_group(after[2]):
                more = True  # "## Guests" after it, or after "## Regrets": one attendance in more lists
                break
            after = self.next_heading.get(after[0])
        strict = section is not None and wanted and not is_title and not nested and not more
        self.attendees_heading = section if strict else None
        if in_roll and not is_title:
            # "### TSC members" under "## Attendees"; "## Observers" after "## Regrets"
            self.roll_group = text
            self.roll_loose = not roll.names_people(text) and not attendee_format.is_org(text, acronyms=True)
        elif (wanted or self.roll and roll.is_absent_group(text)) and not is_title:
            # "## Not present", "## Regrets" after "## Attendees": the people who were not there.
            self.roll_level, self.roll_group = level, text if roll.is_absent_group(text) else None
            self.roll_sublevel = None
        else:
            self.roll_level = None

    def roll_so_far(self) -> roll.Roll | None:
        """The roll call read so far, to ask whether it names someone (None: there is none yet),
        made again only when it has grown."""
        people = self.doc.attendees or self.roll
        if not people:
            return None
        if self.roll_index is None or self.roll_index[0] != len(people):
            self.roll_index = (len(people), roll.Roll(people))
        return self.roll_index[1]

    def roll_sublevel_at(self, level: int, text: str) -> bool:
        """'### Steering Council' right under '## Present' (nothing between them), and the headings
        of its level after it while the roll call has people: groups of the roll call."""
        if not self.roll_level or level <= self.roll_level or len(text.split()) > 4 or re.search(r"[:?!\d]", text) \
                or _TOPIC_HEADING_RE.match(text) or kind_of_heading(text, heading=True):
            return False  # "### Agenda", "### Welcome", "### Action items": the minutes go on
        if self.roll_sublevel is None:
            above = self.doc.sections[-2] if len(self.doc.sections) > 1 else None
            if above is None or above.level != self.roll_level or above.items or self.roll:
                return False
            self.roll_sublevel = level
            return True
        return level == self.roll_sublevel and bool(self.roll)

    def wants_attendees(self) -> bool:
        section = self.section
        return section is not None and section is self.attendees_heading and not section.items

    def paragraph(self, start: int, end: int) -> None:
        lines = self.lines[start:end]
        if self.wants_attendees():  # the attendees heading's own paragraph: the attendance
            found = attendee_format.parse_lines(lines)
            if found and attendee_format.paragraph_lines(found) == lines and not self.group_follows(end):
                self.roll = []  # a stray "Host: …" line read before it was not the attendance
                self.take_attendees(found, "paragraph", start)
                return
        elif self.roll:  # attendance already read the tolerant way goes on that way
            pass
        elif not self.doc.attendees and (self.section is None or self.section.kind == "title") \
                and not self.chairs_just_before(start):
            # "Attendees: A, B" as a paragraph of its own, without a heading (after "Chair: Carol",
            # read the tolerant way below, with Carol).
            found = attendee_format.parse_lines(lines, require_group_word=True)
            if found and attendee_format.paragraph_lines(found) == lines:
                self.section = Section("attendees", 0, "", self.blank_before(start))
                self.doc.sections.append(self.section)
                self.take_attendees(found, "paragraph", start)
                return
        self.read_roll_paragraph(lines, start, end)
        for a, b in _paragraph_pieces(lines):
            self.paragraph_piece(start + a, start + b)

    def chairs_just_before(self, start: int) -> bool:
        """Whether 'Chair: Carol' (read_roll_paragraph's roles_before) is the paragraph before START."""
        return self.roles_before is not None and not any(line.strip() for line in self.lines[self.roles_before[0]:start])

    def group_follows(self, end: int) -> bool:
        """'Present: …' then, a paragraph after, 'Absent: …' and 'Guests: …': groups of one
        roll call, read together (a paragraph of its own each, so kept as the lines they are)."""
        after = next((line for line in self.lines[end:end + 3] if line.strip()), "")
        return not after.startswith("#") and roll.is_group_line(after)

    def paragraph_piece(self, start: int, end: int) -> None:
        lines = self.lines[start:end]
        item = self.paragraph_item(start, end)
        self.add(item)
        # Under an "Action items" heading, a line of its own is one ("i. Analyse the tests").
        if self.gathers and not self.gathers_until_paragraph and _gatherable(item, self.gathers) \
                and not _NAME_LINE_RE.fullmatch(item.text) \
                and (_ENUMERATED_RE.match(item.text)
                     or self.gathers_lines and len(lines) == 1 and not item.text.endswith(":")):
            item.kind = self.gathers
        if self.gathers and not self.gathers_until_paragraph and _SPEAKER_OVER_LIST_RE.match(item.body):
            self.gathers = None  # "Thorsten:" over what Thorsten said, not the tasks
        if self.gathers == "action" and not self.gathers_until_paragraph and item.kind == "action" \
                and re.search(r"\d", item.label or ""):
            self.gathers = None  # "**ACTION 62.2:** …" over its "- Status: …": the numbered ones are the tasks
        written = "\n".join(lines)
        label_only = kind_of_heading(written) or ("action" if _ANNOUNCES_TASKS_RE.fullmatch(written) else None) \
            or ("decision" if not item.label and announces_decisions(item) else None)
        if label_only:
            self.gathers, self.gathers_until_paragraph = label_only, True
            self.gathers_over_labels = not kind_of_heading(written)
        elif self.gathers_until_paragraph and not (self.gathers == "action" and (
                (named := _NAME_LINE_RE.fullmatch(written)) and roll.looks_like_name(named["who"].strip())
                or self.gathers_over_labels and _SHORT_LABEL_RE.fullmatch(written))):
            self.gathers, self.gathers_until_paragraph = None, False

    def read_roll_paragraph(self, lines: list[str], start: int | None = None, end: int | None = None) -> None:
        """'TSC Attendees:' opens a roll call; 'Regrets: Peter C.' adds to one (or opens it);
        one name a line continues it; any other paragraph closes one opened by a label."""
        if self.doc.attendees:
            return
        text = "\n".join(lines)
        if self.roll_level is None and not roll.opens_roll(text):
            if not self.roll and (names := self.names_below_the_title(lines, end)):
                self.roll.extend(names)  # "Rachel Shekar" / "Eric Lyons (AZ)" a line, under the title
                return
            text = self.roll_line_below_the_title(lines)
            if not text:
                # outside a roll call only an attendance label opens one ("Host: Zoom" does not),
                # but the chairs named just before it were there too
                self.roles_before = self.chairs(lines, end)
                return
        roles = self.roles_before if start is not None and self.chairs_just_before(start) else None
        self.roles_before = None
        if self.roll_level is not None:
            roles = None
        bold = BOLD_LINE_RE.fullmatch(text)
        if bold and self.roll_level is not None and roll.is_legend(bold["words"]):
            return  # "**Name / Organisation**" over the list: how its lines are written
        if bold and self.roll_level is not None and not re.search(r"[:.!?]", bold["words"]):
            # A line all in bold is a heading in all but name: "***Other Attendees***" or
            # "**Intel**" a group of the roll call, "**Outreachy internship**" the next topic,
            # which ends it ("**Note: Bob left early**" is neither).
            if roll.names_people(bold["words"]) or attendee_format.is_org(bold["words"], acronyms=True):
                self.roll_group = roll.clean(text)
            else:
                self.roll_level = None
            return
        if roll.is_group_label(text):  # (again after a roll call: a log of meetings, each with its own)
            self.roll_level = self.roll_level or 0
            self.roll_group = roll.without_remark(roll.clean(text))
            return
        labelled = roll.is_group_line(text)
        found = roll.people_in_line(text) if labelled else []
        if not labelled and self.roll_level is not None:
            each = [roll.people_in_line(line, self.roll_group) if ", " in line
                    else [roll.person(line, group=self.roll_group)] for line in lines
                    if not _HEAD_COUNT_RE.match(line)]  # "18 people total." over the names
            found = [a for line in each for a in line if a] if all(all(e) and e for e in each) else []
        if found and (labelled or self.roll_level is not None or not self.roll):
            self.roll.extend((roles[1] if roles else []) + found)
            self.roll_level = self.roll_level or 0
        elif self.roll_level == 0:
            self.roll_level = None

    def names_below_the_title(self, lines: list[str], end: int | None) -> list[Attendee]:
        """A person a line, three or more, most in full, in the first paragraph under the title (or
        the one after its date line), most of them named again in the minutes ("Eric has a similar
        pipeline"): the attendance, written without a label ("Machine Learning" is named by nobody)."""
        before = self.section.items if self.section is not None else self.doc.preamble
        if len(lines) < 3 or end is None or self.section is not None and self.section.kind != "title" or len(before) > 1:
            return []
        found = [roll.person(line.rstrip("\\")) if not line.endswith((".", ":", "?", "!")) else None for line in lines]
        if not all(found) or 3 * sum(len(a.name.split()) > 1 for a in found) < 2 * len(found):
            return []
        # named again by a first name of its own, not the line's words again ("New York" is no one)
        rest = "\n".join(self.lines[end:])
        named = [bool(re.search(rf"\b{re.escape(words[0])}\b(?! {re.escape(words[-1])}\b)", rest))
                 for a in found if (words := a.name.split())]
        if not named[0] and _TITLE_WORDS_RE.search(found[0].name):  # "Monthly Sync" over the names
            found, named = found[1:], named[1:]
        return found if 3 * sum(named) >= 2 * len(found) else []

    def roll_line_below_the_title(self, lines: list[str]) -> str:
        """'Dec 4, 15h-16h' then 'Attended: A, B': the roll call on a later line of a paragraph
        at the top of the minutes (further down, such a line is what a topic says)."""
        if self.section is not None and self.section.kind != "title":
            return ""
        return next((line for line in lines[1:] if roll.opens_roll(line) and roll.is_group_line(line)), "")

    @staticmethod
    def chairs(lines: list[str], end: int | None) -> tuple[int, list[Attendee]] | None:
        """'##### Chairs: Matt Brush, Javier Lopez' on a line of its own: (the line after it, its
        people), for a roll call that opens right after it ('Host: Google Meet' is no one)."""
        if len(lines) != 1 or end is None or not _CHAIRS_RE.match(roll.clean(lines[0])):
            return None
        return (end, roll.people_in_line(lines[0])) if roll.is_group_line(lines[0]) else None

    def read_roll_items(self, items: list[Item]) -> None:
        """A bullet a person ('[x] Luke Emrose, Animal Logic'), or a group of them."""
        for item in items:
            if item.kind != "raw":
                text = item.body
                if roll.is_group_line(text):
                    self.roll.extend(roll.people_in_line(text))
                elif listed := roll.names_listed(text):  # "* Li Zi (Clement), Gopi Krishnan, Andrew"
                    self.roll.extend(listed)
                else:
                    found = roll.person(text, group=self.roll_group, nicks=True) \
                        or roll.name_then_org(text, self.roll_group)  # "Jennifer Tucker Vanderbilt University"
                    if found:
                        self.roll.append(found)
                    if item.kind == "action" and item.label in _BOXES:
                        item.kind = "note"  # a roll call's checkbox, not a task
            elif item.text.lstrip().startswith("|"):
                self.roll.extend(roll.people_in_table(item.text))
            elif item.text.startswith(("    ", "\t", "```", "~~~")):  # a code block, a person a line
                self.roll.extend(roll.people_in_columns(item.text))
            self.read_roll_items(item.children)

    def read_roll_html(self, item: Item) -> None:
        """'<p><strong>Attendees:</strong></p>' then '<p>Ann Lee (Chair)</p>' a line: the roll
        call read as its paragraphs would be, a line all in bold as a line in bold."""
        if self.doc.attendees:
            return
        units = html_units(item.text)
        if not units:
            return  # "<p><strong> </strong></p>": nothing said
        text = " ".join(unit.text for unit in units)  # a list or a table: not a name, ends the roll
        if len(units) > 1 or item.text.lstrip()[:3].lower() != "<p>":
            if self.roll_level is not None:
                self.read_roll_paragraph([text])
            return
        if _ALL_STRONG_RE.fullmatch(item.text.strip()):
            text = f"**{text}**"
        elif self.roll_level is not None and len(attendee_format.comma_parts(text)) == 2:
            # A person a line: "Nick Illsey, DfT (Deputy)" is one, and their organisation.
            found = roll.person(text, group=self.roll_group)
            if found:
                self.roll.append(found)
                return
        self.read_roll_paragraph([text])

    def read_roll_bullets(self, items: list[Item]) -> None:
        """Attendance as bullets among others: '* Participants: A, B,' (wrapped over lines), or
        '* TSC Attendees:' over a bullet (or a checkbox) per person."""
        for item in items:
            if item.kind == "raw" or not roll.opens_roll(item.body):
                continue
            if roll.is_group_line(item.body):
                self.roll.extend(roll.people_in_line(item.body))
            elif roll.is_group_label(item.body) and item.children:
                self.roll_group = roll.clean(item.body)
                self.read_roll_items(item.children)
                self.roll_group = None

    def paragraph_item(self, start: int, end: int) -> Item:
        """A paragraph as an item without a marker ("**Decision:** ..." is a decision), or raw
        where its lines do not come back from it (indented, a lazy continuation)."""
        lines = self.lines[start:end]
        body = "\n".join(lines)
        pad = body[: len(body) - len(body.lstrip(" "))]  # "  ***ACTION*** Kurt to …": indented
        label, kind, text = _label_and_kind(body[len(pad):])
        label, text = (pad + label, text) if label else (label, pad + text)
        item = Item(text=text, kind=kind, label=label, marker="",
                    blank_before=self.blank_before(start))
        if item_own_lines(item, 0, self.doc.layout) != lines:
            return self.raw(start, end)
        self.columns[id(item)] = 0
        return item

    def take_attendees(self, found: list[Attendee], style: str, start: int) -> None:
        self.doc.attendees = found
        self.section.kind = "attendees"
        self.doc.layout.attendees_style = style
        self.doc.layout.attendees_gap = self.blank_before(start)
        self.attendees_heading = None

    def quoted_lines(self, start: int, end: int) -> list[Item] | None:
        """'> Navveen motions to approve the minutes - No objections - Minutes approved': a few
        lines quoted on their own (minutes that quote what was said), each a sentence or more, are
        paragraphs read for what they record; the quote mark is their label.  A longer quote, one
        holding a list, or a sentence wrapped over lines stays raw."""
        lines = self.lines[start:end]
        if len(lines) > _MAX_QUOTED_LINES or any(not _QUOTED_LINE_RE.match(line) or len(line) > 300 for line in lines):
            return None  # a long one is speech quoted, a transcript's, kept as written
        if any(not _ENDS_SENTENCE_RE.search(line) for line in lines[:-1]):
            return None  # one sentence wrapped: its pieces are no paragraphs
        items = []
        for number, line in enumerate(lines):
            label, kind, text = _label_and_kind(line[2:])
            item = Item(text=text, kind=kind, label="> " + (label or ""), marker="",
                        blank_before=self.blank_before(start) if number == 0 else False)
            if item_own_lines(item, 0, self.doc.layout) != [line]:
                return None
            self.columns[id(item)] = 0
            items.append(item)
        return items

    def decision_rows(self, start: int, end: int, decided: set[int]) -> None:
        """A table of decisions: its header and rule raw, then a row a paragraph, the rows that
        decide something decisions (decision_table.py)."""
        self.add(self.raw(start, start + 2))
        for number, line in enumerate(self.lines[start + 2:end]):
            if number not in decided:
                self.add(Item(text=line, kind="raw"))
                continue
            item = Item(text=line, kind="decision", marker="")
            self.columns[id(item)] = 0
            self.add(item)

    def indented_list(self, start: int, end: int):
        """'    - Date: …' under a heading: a list indented four spaces, which Markdown takes for code
        and its writer meant as a list (every line a bullet, or a deeper line under one).  Its
        tokens, parsed without the indent and numbered as in the file; None if it is code."""
        lines = self.lines[start:end]
        if not _INDENTED_ITEM_RE.match(lines[0]) or any(
                line and not _INDENTED_ITEM_RE.match(line) and not line.startswith("      ")
                for line in lines):
            return None
        tokens = _markdown().parse("\n".join(line[4:] for line in lines) + "\n")
        blocks = list(_blocks(tokens))
        if len(blocks) != 1 or blocks[0][0].type not in _LIST_TYPES or blocks[0][0].map != [0, end - start]:
            return None
        for token in tokens:
            if token.map:
                token.map = [token.map[0] + start, token.map[1] + start]
        return tokens

    def list(self, block, start: int, end: int) -> None:
        if self.wants_attendees() and self.attendee_list(block, start, end):
            self.roll = []
            return
        rolling = self.roll_level is not None and not self.doc.attendees
        self.heading_cut = None
        items = self.list_items(block, None, None)
        if rolling:
            before = len(self.roll)
            # (up to a heading indented into a bullet: what follows it is the next section's)
            self.read_roll_items(items[:self.heading_cut])
            taken = self.roll[before:]
            # A group by its place alone ("### External"), or a list after a label paragraph
            # ("**Participants**:"): mostly people (a group by its place, one of them by a full
            # name at least), or the minutes have moved on ("### Docs" over "Tutorials", "Examples";
            # "- Gregg" over what Gregg said)
            if (self.roll_loose or self.roll_level == 0) and (
                    3 * len(taken) < 2 * sum(i.kind != "raw" for item in items for i in item.walk())
                    or self.roll_loose and not any(" " in a.name or not a.name.isascii() for a in taken)):
                del self.roll[before:]
                self.roll_level = None
        elif not self.doc.attendees:
            # (after a roll call too: a log of meetings, "- Attending: …" in each, was attended by all)
            self.read_roll_bullets(items)
        for item in items:
            self.add(item)

    def attendee_list(self, block, start: int, end: int) -> bool:
        """A bullet list of names, or of groups ('- Observers: Niko, TC'), one line each."""
        lines = self.lines[start:end]
        texts, marker = [], None
        for line in lines:
            m = _ITEM_RE.match(line)
            if not m or m[1] or m[3] != " " or m[2] not in "*-+" or m[2] != (marker or m[2]):
                return False
            marker = m[2]
            texts.append(m[4])
        found = attendee_format.parse_lines(texts)
        if not found or attendee_format.list_lines(found, marker) != lines:
            return False
        # One bullet, one person as written: "Jane Doe, Red Hat" is Jane, of Red Hat.
        if any(", " in text and not roll.is_group_line(text) for text in texts):
            return False
        self.take_attendees(found, marker, start)
        return True

    # -- bullets ---------------------------------------------------------------------------------

    def list_items(self, block, parent_column: int | None, parent_marker: str | None):
        items = []
        for first, tokens in _blocks(block[1:-1]):
            if first.type == "list_item_open":
                self.lazy_tail = []
                start, end = tokens[0].map
                inside = self.heading_inside(tokens, start, self.end(start, end)) if parent_column is None else None
                item = self.list_item(tokens, parent_column, parent_marker, inside and inside[0])
                heads = (parent_column is None and self.gathers == "action" and item.children
                         and _gatherable(item, "action") and heads_a_list(item.text))
                if heads:  # "Roadmap" / "Erik" over the tasks: they are the tasks, not it
                    for child in item.children:
                        if _gatherable(child, "action"):
                            child.kind = "action"
                elif parent_column is None and self.gathers and _gatherable(item, self.gathers):
                    item.kind = self.gathers
                if parent_column is None and self.gathers == "action" and item.kind == "action":
                    for child in item.children:  # "- [ ] Outreach" over "- Ciera: Berkeley."
                        if child.kind in ("note", "question") and not child.label \
                                and (_OWNER_FIRST_RE.match(child.text) or _OWNER_AFTER_RE.search(child.text)):
                            child.kind = "action"
                items.append(item)
                items.extend(self.lazy_tail)
                if inside is not None:
                    self.heading_cut = len(items) if self.heading_cut is None else self.heading_cut
                    # Headings with their lists inside the bullet are its own: what they gather
                    # ends with it ('- Keyword-only arguments' after is the next topic). One it
                    # ends with heads what follows it.
                    before = (self.gathers, self.gathers_until_paragraph, self.gathers_lines, self.agenda)
                    for first_after, after in inside[1]:  # the headings, and the lists under them
                        if first_after.type == "heading_open":
                            items.append(self.heading_indented(first_after.map[0]))
                        else:
                            items.extend(self.list_items(after, None, None))
                    if any(first_after.type in _LIST_TYPES for first_after, _ in inside[1]):
                        self.gathers, self.gathers_until_paragraph, self.gathers_lines, self.agenda = before
        return items

    def heading_indented(self, line: int) -> Item:
        """'  ## Action Items' indented as if into the bullet before it: kept as written, still read
        as the heading it is."""
        indented = _INDENTED_HEADING_RE.match(self.lines[line])
        self.heading_says(_CLOSING_HASHES_RE.sub("", indented[2] or ""), len(indented[1]), False, line, None)
        return self.raw(line, line + 1)

    def heading_inside(self, tokens, start: int, end: int):
        """Where a top-level bullet (TOKENS, its lines START to END) has a heading indented as if
        into it ('- Last point' / '  ## Action Items', as a document editor writes it; a topic's bullet
        with '   ## Takeaways' over a list in it): (the heading's line, the blocks from it on, each a
        heading on a line of its own or a list), else None."""
        if "#" not in "".join(self.lines[start + 1:end]):
            return None  # (the cheap look first: every bullet of an import comes here)
        blocks = list(_blocks(tokens[1:-1]))
        cut = next((n for n, (first, _) in enumerate(blocks) if n and first.type == "heading_open"), None)
        if cut is None:
            return None
        rest = blocks[cut:]
        if not all(first.type in _LIST_TYPES or first.type == "heading_open" and first.map[1] - first.map[0] == 1
                   and _INDENTED_HEADING_RE.match(self.lines[first.map[0]]) for first, _ in rest):
            return None
        covered = {n for first, _ in rest for n in range(*first.map)}
        if any(self.lines[n].strip() and n not in covered for n in range(rest[0][0].map[0], end)):
            return None  # a line no block holds ("  [x]: http://a", a link's definition): as it was
        return rest[0][0].map[0], rest

    def list_item(self, tokens, parent_column: int | None, parent_marker: str | None,
                  inside: int | None = None) -> Item:
        """A bullet; INSIDE, the line of a heading indented into it (heading_inside): it ends there."""
        start, end = tokens[0].map
        end = self.end(start, end)
        inner = list(_blocks(tokens[1:-1]))
        if inside is not None:
            inner = [block for block in inner if block[0].map[0] < inside]
            end = self.end(start, inside)
        empty = not inner and end - start == 1 and _EMPTY_ITEM_RE.match(self.lines[start])
        if not empty and (
            not inner
            or inner[0][0].type != "paragraph_open"
            or inner[0][0].map[0] != start
            or any(first.type not in _LIST_TYPES for first, _ in inner[1:])
        ):
            return self.raw(start, end)
        own = [self.lines[start]] if empty else self.lines[start : self.end(start, inner[0][0].map[1])]
        m = empty or _ITEM_RE.match(own[0])
        if not m:
            return self.raw(start, end)
        # Extra spaces after the marker ("*   text") belong to the marker as written.
        column, marker = len(m[1]), m[2] + m[3][1:]
        if len(marker) > MARKER_CHARS:  # "123456789.   ": kept as written, as a block
            return self.raw(start, end)
        pad = m[1] + " " * (len(marker) + 1)
        lazy = next((k for k, line in enumerate(own[1:], 1) if not line.startswith(pad)), None)
        if lazy is not None:
            # "* Update on the WG\nNotes: agreed we should …": lines that continue a top-level
            # bullet without its indent (a lazy continuation) come back as a paragraph after it.
            if parent_column is not None or column or len(inner) > 1:
                return self.raw(start, end)
            # ... a piece at a time, as any paragraph ("Action LA: …" then "Action NC: …")
            self.lazy_tail = [self.paragraph_item(start + lazy + a, start + lazy + b)
                              for a, b in _paragraph_pieces(own[lazy:])]
            own = own[:lazy]
        body = [m[4]]
        for line in own[1:]:
            body.append(line[len(pad):])
        label, kind, text = _label_and_kind("\n".join(body))
        if not text.strip() and (label or len(inner) > 1 or len(own) > 1):
            return self.raw(start, end)  # a label alone, or a bullet whose list starts on its line
        if self.agenda and label in _BOXES and parent_column is None:
            kind = kind_of_text(text)  # a topic ticked off; a box under a note is still a task
        item = Item(text=text, kind=kind, label=label, marker=marker)
        item.blank_before = self.blank_before(start)
        if item_own_lines(item, column, self.doc.layout) != own:
            return self.raw(start, end)
        self.columns[id(item)] = column
        if marker[0] in "*-+" and not self.bullet:
            self.bullet = marker
        if parent_column is not None:
            step = column - parent_column
            if parent_marker[0] in "*-+":
                self.indent = self.indent or step
            else:
                self.indent_any = self.indent_any or step
        for _, nested in inner[1:]:
            item.children.extend(self.list_items(nested, column, marker))
        if self.agenda and label in _BOXES:  # an agenda's checklist: the boxes under a topic's too
            for child in item.children:
                if child.label in _BOXES:
                    child.kind = kind_of_text(child.text)
        gathers = kind_of_heading(item.body) if item.children else None  # "**Decisions**:" over them
        if not gathers and item.children and not item.label and announces_decisions(item):
            gathers = "decision"  # "The group agreed on the following:" over them
        if not gathers and item.children and tasks_for(item.label, item.text):
            gathers, item.kind = "action", "note"  # "**Action Items** (Kris)" over Kris's tasks
        if not gathers and item.kind == "action" and item.text.rstrip().endswith(":") and item.label \
                and kind_of_heading(re.sub(r"\s*\([^()]*\)", "", item.label)) == "action":
            gathers = "action"  # "Action items (for Ann): we agreed on these:" over the tasks
        for child in item.children if gathers else []:
            if _gatherable(child, gathers):
                child.kind = gathers
        return item

    def settle_layout(self) -> None:
        """Now that the meeting's bullet and indent are known, keep only the differences."""
        layout = self.doc.layout
        layout.bullet, layout.indent = self.bullet or "*", self.indent or self.indent_any or 2

        def settle(items: list[Item], parent_column: int | None) -> None:
            for item in items:
                if item.kind == "raw":
                    continue
                column = self.columns[id(item)]
                default = 0 if parent_column is None else parent_column + layout.indent
                if column != default:
                    item.indent = column if parent_column is None else column - parent_column
                if item.marker == layout.bullet:
                    item.marker = None
                settle(item.children, column)

        settle(self.doc.preamble, None)
        for section in self.doc.sections:
            settle(section.items, None)


def _everything_raw(lines: list[str], doc: Document) -> None:
    """Last resort, should the records not give the text back: keep the whole text verbatim."""
    doc.sections, doc.attendees, doc.followups = [], [], []
    doc.layout = Layout()
    doc.preamble = [Item(text="\n".join(lines), kind="raw")]


_UNDERLINED_RE = re.compile(r"(?P<title>[^\n]+)\n=+[ \t]*")


def _underlined_title(doc: Document) -> str | None:
    """'Steering Committee Meeting Notes' over a line of '=': the title, kept as written (a block
    of its own), still the meeting's name."""
    first = doc.preamble[0] if doc.preamble else None
    m = _UNDERLINED_RE.fullmatch(first.text) if first is not None and first.kind == "raw" else None
    if m and m["title"].strip() and not attendee_format.is_attendees_heading(m["title"]):
        return m["title"].strip()
    return None


def _heading_date(doc: Document) -> dt.date | None:
    """Running notes put each call under a dated heading ('## 2024-05-14'): take the first."""
    for section in doc.sections:
        found = heading_date(section.text) if section.kind == "topic" else None
        if found:
            return found
    return None


def _written_date(lines: list[str], meta: dict[str, str]) -> dt.date | None:
    """The date the minutes state: front matter's 'date:', else a 'Date: …' line near the top."""
    if meta.get("date"):
        found = find_date(meta["date"])
        if found:
            return found[0]
    fenced = False
    for line in lines[:30]:
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        code = line.startswith("    ") and not _INDENTED_ITEM_RE.match(line)  # "    - Date: …" is a list's
        found = None if fenced or code or line.startswith(">") else date_line(line)
        if found:
            return found
    return None


def parse_markdown(
    text: str,
    *,
    filename: str | None = None,
    date: dt.date | None = None,
    series: str | None = None,
) -> Document:
    """Parse minutes.  The date comes from the title, else a dated heading, else the file name,
    else DATE; the series from SERIES, else the title, else the file name."""
    lines = clean_lines(text)
    if not lines:
        raise BadInput(f"{filename or 'input'}: no minutes in it (the file is empty)")
    doc = _Builder(lines).run(_markdown().parse("\n".join(lines) + "\n"))
    meta = front_matter(lines)
    # "# {{title}}": a site template's placeholder, filled in from the front matter's title
    written = doc.title if doc.title and not re.fullmatch(r"\{\{.*\}\}|\{%.*%\}", doc.title.strip()) else None
    written = written or _underlined_title(doc)
    title = written or meta.get("title")
    title_series, title_date = parse_title(title) if title else (None, None)
    stem = PurePath(filename).stem if filename else None
    doc.date = (
        title_date
        or _written_date(lines, meta)
        or (date_from_filename(stem) if stem else None)
        or _heading_date(doc)
        or prose_date(lines)
        or date
    )
    if doc.date is None:
        raise BadInput(
            f"{filename or 'input'}: no meeting date in its title or file name; give one with --date"
        )
    doc.series = series or title_series or (series_from_filename(stem) if stem else None) or "Meeting"
    if render(doc) != normalize(text):
        _everything_raw(lines, doc)
    return doc
