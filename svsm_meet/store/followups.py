"""Follow-ups: what someone is to do after the call, with a UID that never changes."""

from __future__ import annotations

import uuid
from datetime import UTC

from sqlalchemy import insert, select

from ..model import Due
from . import schema as t
from .people import People, utcnow


def new_uid() -> str:
    return f"{uuid.uuid4()}@svsm-meet"


def create_followup(
    conn,
    meeting_id: int,
    item_id: int | None,
    text: str,
    owner: str | None,
    due: Due | None,
    status: str = "open",
) -> int:
    people = People(conn)
    owner_id = people.find(owner) if owner else None
    due = due or Due()
    now = utcnow()
    return conn.execute(
        insert(t.followup).values(
            uid=new_uid(), meeting_id=meeting_id, item_id=item_id, text=text,
            owner_id=owner_id, owner_text=owner if owner and owner_id is None else None,
            due_date=due.date,
            due_at=due.at.astimezone(UTC).replace(tzinfo=None) if due.at else None,
            due_tz=getattr(due.at.tzinfo, "key", None) if due.at else None,
            due_reason=due.unknown_reason, recheck_date=due.recheck,
            status=status, sequence=0, created_at=now, updated_at=now,
        )
    ).inserted_primary_key[0]


def _due_json(row) -> str | None:
    if row.due_date:
        return row.due_date.isoformat()
    if row.due_at:
        from zoneinfo import ZoneInfo

        at = row.due_at.replace(tzinfo=UTC)
        return (at.astimezone(ZoneInfo(row.due_tz)) if row.due_tz else at).isoformat()
    return None


def list_followups(conn, include_all: bool = False) -> list[dict]:
    """Open follow-ups (with ALL: suggested, done and dropped too), soonest due first."""
    f, p, m, s = t.followup, t.person, t.meeting, t.series
    query = (
        select(f, p.c.name.label("owner_name"), m.c.date.label("meeting_date"),
               s.c.name.label("series_name"))
        .outerjoin(p, p.c.id == f.c.owner_id)
        .outerjoin(m, m.c.id == f.c.meeting_id)
        .outerjoin(s, s.c.id == m.c.series_id)
        .order_by(f.c.due_date.is_(None), f.c.due_date, f.c.id)
    )
    if not include_all:
        query = query.where(f.c.status == "open")
    return [
        {
            "id": row.id,
            "uid": row.uid,
            "text": row.text,
            "owner": row.owner_name or row.owner_text,
            "due": _due_json(row),
            "due_unknown": row.due_reason,
            "recheck": row.recheck_date.isoformat() if row.recheck_date else None,
            "status": row.status,
            "meeting": row.meeting_id,
            "meeting_date": row.meeting_date.isoformat() if row.meeting_date else None,
            "series": row.series_name,
            "sequence": row.sequence,
        }
        for row in conn.execute(query)
    ]
