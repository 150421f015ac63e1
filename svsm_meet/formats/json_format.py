"""The JSON form of a meeting: the structure, versioned (docs/json-format.md), no Markdown source."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from ..errors import BadInput
from ..model import FOLLOWUP_STATUSES, KINDS, SECTION_KINDS, Attendee, Document, Due, FollowUp, Item
from ..model import Layout, Section

FORMAT = "svsm-meet/meeting"
VERSION = 1


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None


def _utc(value: dt.datetime | None) -> str | None:
    """Record timestamps are kept in UTC without a zone; JSON says so with a Z."""
    return value.isoformat() + "Z" if value is not None else None


def _item(item: Item, refs: dict[int, int]) -> dict:
    refs[id(item)] = ref = len(refs) + 1
    data: dict[str, Any] = {"ref": ref, "kind": item.kind, "text": item.text}
    if item.label is not None:
        data["label"] = item.label
    if item.marker is not None:
        data["marker"] = item.marker
    if item.indent is not None:
        data["indent"] = item.indent
    data["blank_before"] = item.blank_before
    data["children"] = [_item(child, refs) for child in item.children]
    return data


def _due(due: Due) -> dict | None:
    if due.date:
        return {"date": due.date.isoformat()}
    if due.at:
        return {"at": due.at.isoformat(), "timezone": getattr(due.at.tzinfo, "key", None)}
    if due.unknown_reason or due.recheck:
        return {"unknown": due.unknown_reason or "", "recheck": _iso(due.recheck)}
    return None


def to_dict(doc: Document) -> dict:
    refs: dict[int, int] = {}
    preamble = [_item(i, refs) for i in doc.preamble]
    sections = [
        {
            "kind": s.kind,
            "level": s.level,
            "text": s.text,
            "blank_before": s.blank_before,
            "items": [_item(i, refs) for i in s.items],
        }
        for s in doc.sections
    ]
    return {
        "format": FORMAT,
        "version": VERSION,
        "meeting": {
            "series": doc.series,
            "date": doc.date.isoformat(),
            "start_time": _iso(doc.start_time),
            "timezone": doc.timezone,
            "layout": doc.layout.to_dict(),
        },
        "attendees": [
            {
                "name": a.name,
                "role": a.role,
                "affiliation": a.affiliation,
                "group": a.group,
                "present": a.present,
                "new_line": a.new_line,
            }
            for a in doc.attendees
        ],
        "preamble": preamble,
        "sections": sections,
        "followups": [
            {
                "uid": f.uid,
                "text": f.text,
                "status": f.status,
                "owner": f.owner,
                "due": _due(f.due),
                "item": refs.get(id(f.item)) if f.item else None,
                "sequence": f.sequence,
                "created_at": _utc(f.created_at),
                "updated_at": _utc(f.updated_at),
                "closed_at": _utc(f.closed_at),
            }
            for f in doc.followups
        ],
    }


def dumps(doc: Document) -> str:
    return json.dumps(to_dict(doc), ensure_ascii=False, indent=2) + "\n"


# -- reading -------------------------------------------------------------------------------------


class _Reader:
    """Reads a parsed JSON value, naming the exact place of anything wrong."""

    def __init__(self, source: str):
        self.source = source
        self.refs: dict[int, Item] = {}

    def fail(self, path: str, message: str):
        raise BadInput(f"{self.source}: {path}: {message}")

    def get(self, data: dict, key: str, path: str, kind, required=True, default=None):
        if not isinstance(data, dict):
            self.fail(path, "expected an object")
        if key not in data or data[key] is None:
            if required:
                self.fail(f"{path}.{key}", "missing")
            return default
        value = data[key]
        kinds = kind if isinstance(kind, tuple) else (kind,)
        if not isinstance(value, kinds) or (bool not in kinds and isinstance(value, bool)):
            names = " or ".join(k.__name__ for k in kinds)
            self.fail(f"{path}.{key}", f"expected {names}, got {type(value).__name__}")
        return value

    def choice(self, data, key, path, choices, default=None):
        value = self.get(data, key, path, str, required=default is None, default=default)
        if value not in choices:
            self.fail(f"{path}.{key}", f"{value!r} is not one of {', '.join(choices)}")
        return value

    def date(self, data, key, path, required=True):
        value = self.get(data, key, path, str, required)
        if value is None:
            return None
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            self.fail(f"{path}.{key}", f"{value!r} is not a date YYYY-MM-DD")

    def datetime(self, data, key, path):
        value = self.get(data, key, path, str, required=False)
        if value is None:
            return None
        try:
            return dt.datetime.fromisoformat(value)
        except ValueError:
            self.fail(f"{path}.{key}", f"{value!r} is not a date-time")

    def utc(self, data, key, path):
        value = self.datetime(data, key, path)
        if value is not None and value.tzinfo is not None:
            value = value.astimezone(dt.timezone.utc).replace(tzinfo=None)
        return value

    def time(self, data, key, path):
        value = self.get(data, key, path, str, required=False)
        if value is None:
            return None
        try:
            return dt.time.fromisoformat(value)
        except ValueError:
            self.fail(f"{path}.{key}", f"{value!r} is not a time HH:MM")

    def list(self, data, key, path) -> list:
        return self.get(data, key, path, list, required=False, default=[])

    def item(self, data, path) -> Item:
        item = Item(
            text=self.get(data, "text", path, str),
            kind=self.choice(data, "kind", path, KINDS),
            label=self.get(data, "label", path, str, required=False),
            marker=self.get(data, "marker", path, str, required=False),
            indent=self.get(data, "indent", path, int, required=False),
            blank_before=self.get(data, "blank_before", path, bool, required=False, default=False),
        )
        ref = self.get(data, "ref", path, int, required=False)
        if ref is not None:
            self.refs[ref] = item
        item.children = [
            self.item(child, f"{path}.children[{i}]")
            for i, child in enumerate(self.list(data, "children", path))
        ]
        return item

    def due(self, data, path) -> Due:
        if data is None:
            return Due()
        if "at" in data:
            at = self.datetime(data, "at", path)
            if at.tzinfo is None:
                self.fail(f"{path}.at", "a due date-time needs its UTC offset")
            zone = self.get(data, "timezone", path, str, required=False)
            if zone:
                from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

                try:
                    at = at.astimezone(ZoneInfo(zone))
                except (ZoneInfoNotFoundError, ValueError):
                    self.fail(f"{path}.timezone", f"{zone!r} is not a time zone")
            return Due(at=at)
        if "date" in data:
            return Due(date=self.date(data, "date", path))
        return Due(
            unknown_reason=self.get(data, "unknown", path, str, required=False),
            recheck=self.date(data, "recheck", path, required=False),
        )

    def document(self, data) -> Document:
        if not isinstance(data, dict):
            self.fail("$", "expected a meeting object")
        if data.get("format") != FORMAT:
            self.fail("$.format", f"expected {FORMAT!r}; is this an svsm-meet JSON file?")
        version = self.get(data, "version", "$", int)
        if version > VERSION:
            self.fail("$.version", f"version {version} is newer than this svsm-meet reads ({VERSION})")
        meeting = self.get(data, "meeting", "$", dict)
        series = self.get(meeting, "series", "$.meeting", str).strip()
        if not series:
            self.fail("$.meeting.series", "empty")
        doc = Document(
            series=series,
            date=self.date(meeting, "date", "$.meeting"),
            start_time=self.time(meeting, "start_time", "$.meeting"),
            timezone=self.get(meeting, "timezone", "$.meeting", str, required=False),
            layout=Layout.from_dict(self.get(meeting, "layout", "$.meeting", dict, required=False)),
        )
        for i, a in enumerate(self.list(data, "attendees", "$")):
            path = f"$.attendees[{i}]"
            doc.attendees.append(
                Attendee(
                    name=self.get(a, "name", path, str),
                    role=self.get(a, "role", path, str, required=False),
                    affiliation=self.get(a, "affiliation", path, str, required=False),
                    group=self.get(a, "group", path, str, required=False),
                    present=self.get(a, "present", path, bool, required=False, default=True),
                    new_line=self.get(a, "new_line", path, bool, required=False, default=False),
                )
            )
        doc.preamble = [
            self.item(it, f"$.preamble[{i}]") for i, it in enumerate(self.list(data, "preamble", "$"))
        ]
        for i, s in enumerate(self.list(data, "sections", "$")):
            path = f"$.sections[{i}]"
            section = Section(
                kind=self.choice(s, "kind", path, SECTION_KINDS),
                level=self.get(s, "level", path, int),
                text=self.get(s, "text", path, str),
                blank_before=self.get(s, "blank_before", path, bool, required=False, default=True),
            )
            if not 0 <= section.level <= 6:
                self.fail(f"{path}.level", "a heading level is 0 (none) to 6")
            section.items = [
                self.item(it, f"{path}.items[{j}]") for j, it in enumerate(self.list(s, "items", path))
            ]
            doc.sections.append(section)
        for i, f in enumerate(self.list(data, "followups", "$")):
            path = f"$.followups[{i}]"
            ref = self.get(f, "item", path, int, required=False)
            if ref is not None and ref not in self.refs:
                self.fail(f"{path}.item", f"no item has ref {ref}")
            doc.followups.append(
                FollowUp(
                    text=self.get(f, "text", path, str),
                    uid=self.get(f, "uid", path, str),
                    status=self.choice(f, "status", path, FOLLOWUP_STATUSES, default="open"),
                    owner=self.get(f, "owner", path, str, required=False),
                    due=self.due(self.get(f, "due", path, dict, required=False), f"{path}.due"),
                    item=self.refs.get(ref) if ref is not None else None,
                    sequence=self.get(f, "sequence", path, int, required=False, default=0),
                    created_at=self.utc(f, "created_at", path),
                    updated_at=self.utc(f, "updated_at", path),
                    closed_at=self.utc(f, "closed_at", path),
                )
            )
        return doc


def loads(text: str, source: str = "input") -> Document:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise BadInput(f"{source}: not valid JSON (line {e.lineno}, column {e.colno}: {e.msg})") from None
    return _Reader(source).document(data)
