"""A series' house style: how its minutes write what the entry line makes.

Topic headings with or without a trailing colon (and at which level), decisions, actions and ideas
with a label ("Decision: ") or without, the bullet marker and the indent.  A series learns it
from its imported minutes (learn), people may set any part of it (`series edit`), and a set
value wins (resolve).  Meetings already written keep their own shape: the style only decides
what new entries and new meetings look like.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, fields

from ..errors import BadInput
from ..model import Document
from .labels import DEFAULT_LABELS

# The kinds a live entry labels when the style says so; "Rejected: " is not style but meaning
# (session.py keeps it always).
LABELLED_KINDS = ("decision", "action", "idea")
# How many of a series' latest minutes vote on each part of the style: recent enough to follow a
# change of habit, enough that one odd meeting does not flip it.
RECENT = 5
# As a cadence is inferred (cadence.py), a habit is one at least this many meetings show: one
# meeting (the demo's) is not a house style.
AT_LEAST = 3
BULLETS = ("*", "-", "+")
INDENTS = range(1, 9)
TOPIC_LEVELS = range(2, 7)  # level 1 is the meeting's title


def _default_labels() -> dict[str, str]:
    return {kind: DEFAULT_LABELS[kind] for kind in LABELLED_KINDS}


@dataclass
class HouseStyle:
    """What live entries and new meetings follow; the defaults are the app's own style."""

    topic_colon: bool = False
    topic_level: int = 3
    # kind -> label as written before the text ("Decision: "); empty: no labels.
    labels: dict[str, str] = field(default_factory=_default_labels)
    bullet: str = "*"
    indent: int = 2

    def topic(self, text: str) -> str:
        """The heading text for `#topic TEXT`: a colon added where the style has one (unless the
        text ends in a colon or a question already); none taken away from what was typed."""
        if self.topic_colon and not text.rstrip().endswith((":", "?", "!")):
            return text.rstrip() + ":"
        return text

    def label(self, kind: str) -> str | None:
        return self.labels.get(kind) or None

    def to_dict(self) -> dict:
        return {f.name: getattr(self, f.name) for f in fields(self)}


TRAITS = tuple(f.name for f in fields(HouseStyle))


def _label_value(value) -> bool:
    return isinstance(value, dict) and all(
        kind in LABELLED_KINDS and isinstance(word, str) and 0 < len(word) <= 40 and word.strip().isprintable()
        for kind, word in value.items())


_USABLE = {
    "topic_colon": lambda v: type(v) is bool,
    "topic_level": lambda v: type(v) is int and v in TOPIC_LEVELS,
    "labels": _label_value,
    # A learned marker keeps the padding it was written with ("*  "), as a meeting's Layout does.
    "bullet": lambda v: isinstance(v, str) and v[:1] in BULLETS and v[1:] in ("", " ", "  ", "   "),
    "indent": lambda v: type(v) is int and v in INDENTS,
}


def usable(values: dict | None) -> dict:
    """The parts of a stored style that can be used; anything else (written by older or other
    code) counts as not set, so that one bad value does not stop the app."""
    return {k: v for k, v in (values or {}).items() if k in _USABLE and _USABLE[k](v)}


def resolve(chosen: dict | None, learned: dict | None) -> tuple[HouseStyle, dict[str, str]]:
    """The style in use, and for each part where it comes from: "set", "learned" or "default"."""
    style, sources = HouseStyle(), {}
    chosen, learned = usable(chosen), usable(learned)
    for trait in TRAITS:
        for source, values in (("set", chosen), ("learned", learned)):
            if trait in values:
                setattr(style, trait, values[trait])
                sources[trait] = source
                break
        else:
            sources[trait] = "default"
    return style, sources


# -- what people type ------------------------------------------------------------------------------

_ON, _OFF = ("yes", "on", "true"), ("no", "off", "false", "none")


def parse_label(text: str) -> tuple[str, str | None]:
    """`--label decision=Agreed:` -> ("decision", "Agreed: "); `decision=` -> ("decision", None)."""
    kind, sep, word = text.partition("=")
    kind = kind.strip().lower()
    if not sep or kind not in LABELLED_KINDS:
        raise BadInput(f"--label {text[:40]}: give KIND=WORD with KIND one of "
                       f"{', '.join(LABELLED_KINDS)}, e.g. --label decision=Decision:")
    word = word.strip()
    if len(word) > 38:
        raise BadInput(f"--label {kind}: a label is a word or two, not {len(word)} characters")
    if not word.isprintable():  # a control character would go into every exported bullet
        raise BadInput(f"--label {kind}: a label holds no control characters")
    return kind, (word + " ") if word else None


def check_bullet(text: str) -> str:
    if text.strip() not in BULLETS:
        raise BadInput(f"--bullet {text[:20]!r}: a bullet is one of {' '.join(BULLETS)}")
    return text.strip()


def check_number(option: str, text: str, allowed: range) -> int:
    try:
        value = int(text.strip())
    except ValueError:
        value = None
    if value not in allowed:
        raise BadInput(f"{option} {text[:20]!r}: give a number from {allowed.start} to {allowed.stop - 1}")
    return value


# -- learning --------------------------------------------------------------------------------------


def _headed(text: str) -> str:
    """A heading's words without the emphasis around them: '**Foo:**' -> 'Foo:'."""
    return text.strip().strip("*_").strip()


def _majority(counts: Counter):
    """The value most counted, None on a tie (a meeting that goes both ways says nothing)."""
    top = counts.most_common(2)
    if not top or (len(top) > 1 and top[0][1] == top[1][1]):
        return None
    return top[0][0]


def _topics(doc: Document):
    """The headings of topics: those with something under them ('## Topics:' over '### …'
    headings holds none), not the title or the attendees."""
    return [s for s in doc.sections if s.kind == "topic" and s.level >= 2 and s.items]


def _labels_vote(doc: Document):
    """{kind: label} where the meeting's decisions, actions and ideas mostly carry a label (the
    label most used for each), {} where they mostly do not, None without any."""
    labelled: dict[str, Counter] = {kind: Counter() for kind in LABELLED_KINDS}
    bare = 0
    for item in doc.items():
        if item.kind not in LABELLED_KINDS:
            continue
        if item.label:
            labelled[item.kind][item.label.rstrip() + " "] += 1
        else:
            bare += 1
    carried = sum(sum(c.values()) for c in labelled.values())
    if carried == bare:
        return None
    if carried < bare:
        return {}
    defaults = _default_labels()
    return {kind: (counts.most_common(1)[0][0] if counts else defaults[kind])
            for kind, counts in labelled.items()}


def votes(doc: Document) -> dict:
    """What one meeting's minutes say of each part of the style (only what they show)."""
    found = {}
    topics = _topics(doc)
    colon = _majority(Counter(_headed(s.text).endswith(":") for s in topics))
    if colon is not None:
        found["topic_colon"] = colon
    level = _majority(Counter(s.level for s in topics))
    if level is not None:
        found["topic_level"] = level
    labels = _labels_vote(doc)
    if labels is not None:
        found["labels"] = labels
    bullets = [item for item in doc.items() if item.kind != "raw"]
    if any(item.marker is None for item in bullets):  # bullets written with the meeting's marker
        found["bullet"] = doc.layout.bullet
    if any(child.indent is None and child.kind != "raw"
           for item in bullets for child in item.children):  # nested by the meeting's step
        found["indent"] = doc.layout.indent
    return usable(found)


def learn(docs: list[Document], recent: int = RECENT) -> dict:
    """The style a series' imported minutes show: for each part, what most of the latest RECENT
    meetings that show it do (a tie: as the latest of them).  Parts fewer than AT_LEAST meetings
    show are left out, and the app's own style stands for them."""
    newest_first = sorted(docs, key=lambda d: d.date, reverse=True)
    said = [votes(doc) for doc in newest_first]
    learned = {}
    for trait in TRAITS:
        values = [v[trait] for v in said if trait in v][:recent]
        if len(values) < AT_LEAST:
            continue
        counts = Counter(repr(v) for v in values)  # labels are dicts: counted by their text
        best = max(counts.values())
        learned[trait] = next(v for v in values if counts[repr(v)] == best)
    return learned
