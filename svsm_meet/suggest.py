"""Follow-ups nobody wrote down as such: sentences in the minutes that commit someone to something.

    "Stefano will investigate further."                      -> Stefano Garzarella, suggested
    "Joerg Roedel suggests coordinating with Jon Lange ..."  -> unassigned, Jon Lange stays in the text
    "They will work on getting a CFP out soon."              -> the people named before "They"
    "A link ... will be added to the README file."           -> unassigned
    "Action Item: Joerg Roedel will update the repos."       -> open, not merely suggested

Only bullets are read; owners are named by the one name matcher (names.py): the directory, with
the meeting's attendees settling a first name two people share.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .model import Document, Due, Item
from .names import Matcher, Person

_NAME = r"[A-Z][\w'’.-]*(?:\s+(?:de\s+|van\s+|von\s+)?[A-Z][\w'’-]*){0,2}"
_PRONOUN = r"They|We|He|She"
_MODAL = (
    r"will|shall|is going to|are going to|is about to|are about to|plans? to|agreed to|agrees to|"
    r"offered to|offers to|volunteered to|volunteers to|promised to|promises to|needs? to|has to|"
    r"have to|intends? to|is to|are to|will try to|took an action to|took the action to"
)
_COMMIT_RE = re.compile(
    rf"^(?P<who>{_NAME}|{_PRONOUN})\s+(?:(?:also|then|now|still|first)\s+)?(?:{_MODAL})\s+"
    r"(?!be\b|not\b|have been\b)(?P<rest>\S.*)$"
)
_SUGGESTS_RE = re.compile(
    rf"^(?P<who>{_NAME})\s+(?:suggests|suggested|proposes|proposed|recommends|recommended)\s+"
    r"(?P<what>[a-z]+ing\b.*)$"
)
_TO_DO_RE = re.compile(rf"^(?P<who>{_NAME})\s+to\s+(?P<verb>[a-z]+)\b")
_PASSIVE_RE = re.compile(
    r"\b(?:will|shall|needs? to|has to|have to|should|must)\s+be\s+"
    r"(?:[a-z]+ed|sent|written|done|made|set up|shared|taken|given|put|brought up|built)\b"
)
_UNKNOWN_RE = re.compile(
    r"\b(?:is|are|was|were)\s+(?:still\s+)?(?:not\s+(?:yet\s+)?known|unknown|not\s+(?:yet\s+)?"
    r"(?:decided|set|clear))\b|\bTBD\b|\bto be determined\b",
    re.I,
)
_OPEN_LABELS = {"action item", "action items", "ai", "ais", "action", "actions", "todo", "to do", "to-do"}
_NOT_VERBS = {"the", "a", "an", "be", "this", "that", "all", "date", "do"}
_ABBREVIATIONS = ("e.g.", "i.e.", "vs.", "etc.", "cf.", "approx.", "Dr.", "Mr.", "Ms.", "Mrs.", "St.")


@dataclass
class Suggestion:
    item: Item
    text: str
    owner: Person | None
    due: Due | None
    status: str  # "suggested", or "open" for bullets labelled "Action Item:"


def sentences(text: str) -> list[str]:
    parts = re.split(r"(?<=[.!?])\s+(?=[A-Z\"'(])", " ".join(text.split()))
    merged: list[str] = []
    for part in parts:
        if merged and merged[-1].endswith(_ABBREVIATIONS):
            merged[-1] += " " + part
        else:
            merged.append(part)
    return merged


def _label_word(label: str | None) -> str:
    return (label or "").strip().strip("*_").strip().rstrip(":").strip("*_ ").lower()


def _who(words: str, people: Matcher) -> Person | None:
    """The person a sentence's subject names: 'Stefano', 'Joerg Roedel', 'ehuss', 'Then Joerg'
    (read as prose: 'AMD will …' is a company, not Rama AMD)."""
    return people.find_in(words)


_REASON_RE = re.compile(
    r"(?:the\s+)?[\w-]+(?:\s+[\w-]+)?\s+(?:is|are|was|were)\s+(?:still\s+)?"
    r"(?:not\s+(?:yet\s+)?(?:known|decided|set|clear)|unknown)", re.I)
_SUBJECT_RE = re.compile(r"^(?P<who>\S+(?:\s+\S+)?)\s+(?:will|shall|to|is going to|needs to)\s")


def _due(sentence: str, bullet: str, next_meeting: dt.date | None) -> Due | None:
    for text in (sentence, bullet):
        m = _UNKNOWN_RE.search(text)
        if m:
            clause = _REASON_RE.search(text)
            reason = clause[0] if clause else m[0]
            return Due(unknown_reason=reason, recheck=next_meeting)
    if next_meeting and re.search(r"\b(?:by|before|until) the next (?:meeting|call)\b", sentence, re.I):
        return Due(date=next_meeting)
    return None


def _from_sentence(sentence: str, before: list[str], people: Matcher):
    """(text, owner) if SENTENCE commits someone to something."""
    sentence = sentence.strip().rstrip(".")
    m = _COMMIT_RE.match(sentence)
    if m:
        who = m["who"]
        if who in ("They", "He", "She"):
            named = people.named_in(" ".join(before))
            if not named:
                return sentence, None
            if who == "They" and len(named) > 1:
                return " and ".join(p.name for p in named[:2]) + sentence[len(who):], named[0]
            return named[0].name + sentence[len(who):], named[0]
        if who == "We":
            return sentence, None
        owner = _who(who, people)
        if owner or len(who.split()) > 1:
            return sentence, owner
        return None
    m = _SUGGESTS_RE.match(sentence)
    if m:
        return sentence, None  # the one who suggests it is not necessarily the one to do it
    m = _TO_DO_RE.match(sentence)
    if m and m["verb"] not in _NOT_VERBS:
        owner = _who(m["who"], people)
        if owner or len(m["who"].split()) > 1:
            return sentence, owner
    if _PASSIVE_RE.search(sentence):
        return sentence, None
    return None


def action_owner(text: str, people: Matcher) -> Person | None:
    """Who an action item's text gives it to: its subject ("ehuss will …", known or not), else
    the person it names ("Roy and Joerg Roedel review …": the full name first)."""
    subject = _SUBJECT_RE.match(" ".join(text.split()))
    return _who(subject["who"], people) if subject else people.find_in(text)


def owner_of(text: str, kind: str, people: Matcher) -> Person | None:
    """Who a follow-up's text makes its owner, as it was first read: asked again when someone
    is ticked present (store/followups.py rematch_owners)."""
    if kind == "action":
        return action_owner(text, people)
    hit = _from_sentence(text, [], people)
    return hit[1] if hit else None


def suggest_item(item: Item, people: Matcher, next_meeting: dt.date | None) -> list[Suggestion]:
    if item.kind == "raw" or not item.text.strip():
        return []
    if item.kind == "action":  # labelled: "Action Item:" is a follow-up, "Next Steps:" may be one
        text = " ".join(item.text.split()).rstrip(".")
        owner = action_owner(text, people)
        status = "open" if _label_word(item.label) in _OPEN_LABELS else "suggested"
        return [Suggestion(item, text, owner, _due(text, text, next_meeting), status)]
    found = []
    parts = sentences(item.text)
    for index, sentence in enumerate(parts):
        hit = _from_sentence(sentence, parts[:index], people)
        if hit:
            text, owner = hit
            found.append(Suggestion(item, text, owner, _due(sentence, item.text, next_meeting),
                                    "suggested"))
    return found


def suggest(doc: Document, people: Matcher, next_meeting: dt.date | None = None) -> list[Suggestion]:
    """Every follow-up the meeting's bullets suggest, in document order."""
    return [s for item in doc.items() for s in suggest_item(item, people, next_meeting)]
