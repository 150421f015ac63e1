"""`series edit`'s house-style options, and the style as `series list` shows it."""

from __future__ import annotations

import argparse

# The parser is built on every `series` command: formats/house_style.py (and the label regexes
# it brings) is imported only where a style is read or set.

OPTIONS = ("topic_colon", "topic_level", "labels", "label", "bullet", "indent", "learn_style")


def add_arguments(e) -> None:
    g = e.add_argument_group("house style (what new meetings and live entries follow; "
                             "unset parts are learned from the series' imported minutes)")
    g.add_argument("--topic-colon", action=argparse.BooleanOptionalAction, default=None,
                   help="#topic Foo writes '### Foo:' (or, with --no-topic-colon, '### Foo')")
    g.add_argument("--topic-level", metavar="N", help="the heading level of #topic, 2 to 6 (default 3)")
    g.add_argument("--labels", action=argparse.BooleanOptionalAction, default=None,
                   help="#agreed, #action, #idea bullets start with 'Decision:', 'Action Item:', "
                   "'Idea:' (or, with --no-labels, with nothing)")
    g.add_argument("--label", action="append", metavar="KIND=WORD",
                   help="the label of one kind (decision, action, idea), e.g. decision=Agreed: "
                   "('decision=' for none); may be repeated")
    g.add_argument("--bullet", metavar="CHAR", help="the bullet marker of new meetings: * - or +")
    g.add_argument("--indent", metavar="N", help="spaces a nested bullet is indented, 1 to 8")
    g.add_argument("--learn-style", action="store_true",
                   help="forget the style set so far: learn it from the minutes again "
                   "(before the other style options given)")


def asked(args) -> bool:
    return any(getattr(args, name, None) not in (None, False) for name in OPTIONS)


def changes(args, style, learned: dict) -> dict:
    """The parts to set (None: learn that part again), each value checked; BadInput (one line)
    for the first that is wrong.  STYLE: the HouseStyle in use, LEARNED: what the minutes show."""
    from ..formats.house_style import (
        INDENTS,
        LABELLED_KINDS,
        TOPIC_LEVELS,
        TRAITS,
        HouseStyle,
        check_bullet,
    )

    out = dict.fromkeys(TRAITS) if args.learn_style else {}
    if args.topic_colon is not None:
        out["topic_colon"] = args.topic_colon
    if args.topic_level is not None:
        out["topic_level"] = _number("--topic-level", args.topic_level, TOPIC_LEVELS)
    if args.bullet is not None:
        out["bullet"] = check_bullet(args.bullet) if args.bullet.strip() else None
    if args.indent is not None:
        out["indent"] = _number("--indent", args.indent, INDENTS)
    if args.labels is not None or args.label:
        if args.labels is None:  # one kind changed: the others as they are now
            labels = dict(style.labels)
        elif args.labels:  # on: in the words the minutes use, where they use any
            labels = dict(learned.get("labels") or HouseStyle().labels)
        else:
            labels = {}
        from ..formats.house_style import parse_label

        for text in args.label or []:
            kind, word = parse_label(text)
            labels.pop(kind, None)
            if word:
                labels[kind] = word
        out["labels"] = {kind: labels[kind] for kind in LABELLED_KINDS if kind in labels}
    return out


def _number(option: str, text: str, allowed: range) -> int | None:
    from ..formats.house_style import check_number

    return check_number(option, text, allowed) if text.strip() else None


def as_dict(style, sources: dict[str, str]) -> dict:
    """For `series list --json`: the style in use, and where each part comes from."""
    shown = style.to_dict()
    shown["labels"] = {kind: word.strip() for kind, word in style.labels.items()}
    return {"style": shown, "style_source": dict(sources)}


_SOURCE_WORDS = {"set": "set", "learned": "learned from its minutes", "default": "the app's default"}
_PART_NAMES = {"topic_colon": "topic colon", "topic_level": "topic level", "labels": "labels",
               "bullet": "bullet", "indent": "indent"}


def line(shown: dict) -> str:
    """'style: topics "### Foo:", no labels, bullet "*", indent 2 (learned from its minutes)'."""
    from ..formats.house_style import TRAITS

    s, sources = shown["style"], shown["style_source"]
    topic = f'topics "{"#" * s["topic_level"]} Foo{":" if s["topic_colon"] else ""}"'
    labels = ("labels " + ", ".join(f'"{w}"' for w in s["labels"].values())) if s["labels"] else "no labels"
    parts = [topic, labels, f'bullet "{s["bullet"].strip()}"', f'indent {s["indent"]}']
    by_source: dict[str, list[str]] = {}
    for trait in TRAITS:
        by_source.setdefault(sources[trait], []).append(_PART_NAMES[trait])
    if len(by_source) == 1:
        whence = _SOURCE_WORDS[next(iter(by_source))]
    else:
        whence = "; ".join(f"{_SOURCE_WORDS[source]}: {', '.join(names)}" for source, names in by_source.items())
    return f"style: {', '.join(parts)} ({whence})"
