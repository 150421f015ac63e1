"""The JSON form of a meeting: the structure, versioned (docs/json-format.md), no Markdown source."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from ..errors import BadInput
from ..model import Attendee, Document, Due, FollowUp, Item, Layout, Section

FORMAT = "svsm-meet/meeting"
VERSION = 1


class Invalid(Exception):
    """One problem in a JSON file, at PATH ("sections[3].items[0].text"; empty: the whole file)."""

    def __init__(self, path: str, message: str):
        super().__init__(f"{path}: {message}" if path else message)


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
#
# json_schema.py declares the format and checks each field; what spans fields (refs, uids, one
# title) is checked here, where the validated models become the document tree.


def loads(text: str, source: str = "input") -> Document:
    """The meeting in TEXT, or BadInput in one line: 'SOURCE: sections[3].items[0].text: ...'."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise BadInput(f"{source}: not valid JSON (line {e.lineno}, column {e.colno}: {e.msg})") from None
    except RecursionError:
        raise BadInput(f"{source}: not valid JSON (nested too deeply)") from None
    except ValueError:  # Python refuses integers of more than 4300 digits
        raise BadInput(f"{source}: not valid JSON (a number too long to read)") from None
    # Imported here, not at the top: pydantic costs start-up time that only reading JSON needs.
    from .json_schema import parse

    try:
        return _Builder().document(parse(data))
    except Invalid as e:
        raise BadInput(f"{source}: {e}") from None


def _naive_utc(value: dt.datetime | None) -> dt.datetime | None:
    """Record timestamps are naive UTC; a file may give any offset (the exporter writes Z)."""
    if value is not None and value.tzinfo is not None:
        value = value.astimezone(dt.timezone.utc).replace(tzinfo=None)
    return value


def _read_due(due) -> Due:
    if due is None:
        return Due()
    if due.at is not None:
        from zoneinfo import ZoneInfo

        return Due(at=due.at.astimezone(ZoneInfo(due.timezone)) if due.timezone else due.at)
    if due.date is not None:
        return Due(date=due.date)
    return Due(unknown_reason=due.unknown, recheck=due.recheck)


class _Builder:
    """Validated models to the document tree, minding the checks that span fields."""

    def __init__(self):
        self.refs: dict[int, tuple[Item, str]] = {}

    def item(self, data, path: str) -> Item:
        item = Item(
            text=data.text,
            kind=data.kind,
            label=data.label,
            marker=data.marker,
            indent=data.indent,
            blank_before=data.blank_before,
        )
        if data.ref is not None:
            if data.ref in self.refs:
                raise Invalid(f"{path}.ref", f"{data.ref} is the ref of {self.refs[data.ref][1]} already")
            self.refs[data.ref] = (item, path)
        item.children = [self.item(child, f"{path}.children[{i}]") for i, child in enumerate(data.children)]
        return item

    def document(self, data) -> Document:
        meeting, layout = data.meeting, data.meeting.layout
        doc = Document(
            series=meeting.series,
            date=meeting.date,
            start_time=meeting.start_time,
            timezone=meeting.timezone,
            layout=Layout(layout.bullet, layout.indent, layout.attendees_style, layout.attendees_gap, layout.tabs),
        )
        doc.attendees = [
            Attendee(a.name, a.role, a.affiliation, a.group, a.present, a.new_line) for a in data.attendees
        ]
        doc.preamble = [self.item(it, f"preamble[{i}]") for i, it in enumerate(data.preamble)]
        # One title (doc.title takes the first) and one attendees heading (the names would show under each).
        first: dict[str, int] = {}
        for i, s in enumerate(data.sections):
            if s.kind != "topic" and first.setdefault(s.kind, i) != i:
                raise Invalid(f"sections[{i}].kind", f"sections[{first[s.kind]}] is the {s.kind} already")
            section = Section(kind=s.kind, level=s.level, text=s.text, blank_before=s.blank_before)
            section.items = [self.item(it, f"sections[{i}].items[{j}]") for j, it in enumerate(s.items)]
            doc.sections.append(section)
        uids: dict[str, int] = {}
        for i, f in enumerate(data.followups):
            if f.item is not None and f.item not in self.refs:
                raise Invalid(f"followups[{i}].item", f"no item has ref {f.item}")
            if uids.setdefault(f.uid, i) != i:  # the calendar UID: one follow-up each
                raise Invalid(f"followups[{i}].uid", f"followups[{uids[f.uid]}] has this uid already")
            doc.followups.append(
                FollowUp(
                    text=f.text,
                    uid=f.uid,
                    status=f.status,
                    owner=f.owner,
                    due=_read_due(f.due),
                    item=self.refs[f.item][0] if f.item is not None else None,
                    sequence=f.sequence,
                    created_at=_naive_utc(f.created_at),
                    updated_at=_naive_utc(f.updated_at),
                    closed_at=_naive_utc(f.closed_at),
                )
            )
        return doc
