"""Changing a follow-up's text, owner, due date or status as typed by a person: the one path for
`followups edit` and the follow-ups screen.  Owners go through the one name matcher (names.py),
due dates through the entry line's due grammar (entry.parse_due)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..errors import BadInput
from .followups import find_followup, update_followup
from .people import Named, name_matcher, person_for


def due_for(conn, text: str | None, meeting_id: int | None, today: dt.date | None = None):
    """A typed due date ("2024-05-29", "+1w", "next meeting", "unknown"), counted from the
    meeting's date (TODAY without one); None for nothing typed."""
    from ..entry import parse_due
    from .meetings import meeting_basics
    from .series import next_meeting_date

    if not text or not text.strip():
        return None
    base, nxt, zone = today or dt.date.today(), None, None
    if meeting_id is not None:
        row = meeting_basics(conn, meeting_id)
        base, zone = row.date, row.timezone
        nxt = next_meeting_date(conn, row.series_id, row.date)
    return parse_due(text.strip(), base, nxt, zone)


def owner_for(conn, typed: str, meeting_id: int | None) -> Named:
    """The person a typed owner means (the meeting's attendees settle a first name two people
    share), or a new one (Named.new); several fit: Ambiguous naming them."""
    return person_for(conn, typed, name_matcher(conn, meeting_id))


@dataclass
class Edited:
    id: int
    new_person: str | None = None  # an owner nobody matched: added to the directory


def edit_followup(conn, ref: str, *, text: str | None = None, owner: str | None = None,
                  due: str | None = None, status: str | None = None,
                  today: dt.date | None = None) -> Edited:
    """Change what is given (None: left alone; owner "": nobody; due "": no due date)."""
    values: dict = {}
    if text is not None:
        if not text.strip():
            raise BadInput("a follow-up needs text")
        values["text"] = text.strip()
    if status:
        values["status"] = status
    row = find_followup(conn, ref)
    done = Edited(row["id"])
    if due is not None:
        values["due"] = due_for(conn, due, row["meeting_id"], today)
    if owner is not None:
        named = owner_for(conn, owner, row["meeting_id"]) if owner.strip() else None
        values["owner_id"] = named.id if named else None
        done.new_person = named.name if named and named.new else None
    if not values:
        raise BadInput("nothing to change; give the text, owner, due date or status")
    update_followup(conn, row["id"], **values)
    return done
