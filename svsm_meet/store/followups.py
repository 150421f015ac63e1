"""Follow-ups: what someone is to do after the call, with a UID that never changes."""

from __future__ import annotations

import uuid

from sqlalchemy import case, func, insert, select

from ..model import Due
from . import schema as t
from .due import due_columns
from .followup_list import list_followups
from .meetings import meeting_basics
from .people import People, utcnow
from .series import series_meetings


def new_uid() -> str:
    return f"{uuid.uuid4()}@svsm-meet"


def _new_row(people: People, meeting_id, item_id, text, owner, due: Due | None, status) -> dict:
    owner_id = people.find(owner) if owner else None
    now = utcnow()
    return dict(
        uid=new_uid(), meeting_id=meeting_id, item_id=item_id, text=text,
        owner_id=owner_id, owner_text=owner if owner and owner_id is None else None,
        **due_columns(due), status=status, sequence=0, created_at=now, updated_at=now,
    )


def create_followup(
    conn,
    meeting_id: int | None,
    item_id: int | None,
    text: str,
    owner: str | None,
    due: Due | None,
    status: str = "open",
) -> int:
    row = _new_row(People(conn), meeting_id, item_id, text, owner, due, status)
    return conn.execute(insert(t.followup).values(**row)).inserted_primary_key[0]


def followups_owned_by(conn, person_id: int) -> list[dict]:
    """The follow-ups a person owns: open, done or dropped (a suggestion is nobody's yet)."""
    return [f for f in list_followups(conn, include_all=True, owner_id=person_id)
            if f["status"] != "suggested"]


def owned_counts(conn) -> dict[int, tuple[int, int]]:
    """By person id, how many follow-ups they own and how many of those are done (as
    followups_owned_by counts them)."""
    f = t.followup.c
    return {pid: (n, int(done or 0)) for pid, n, done in conn.execute(
        select(f.owner_id, func.count(), func.sum(case((f.status == "done", 1), else_=0)))
        .where(f.owner_id.is_not(None), f.status != "suggested").group_by(f.owner_id))}


def followup_row(conn, fid: int):
    """Every column of one follow-up (a mapping)."""
    return conn.execute(select(t.followup).where(t.followup.c.id == fid)).mappings().one()


def followup_status(conn, fid: int) -> str | None:
    """None if it is gone."""
    return conn.execute(select(t.followup.c.status).where(t.followup.c.id == fid)).scalar()


def item_of_followup(conn, fid: int) -> int | None:
    """The bullet a follow-up came from, if any."""
    return conn.execute(select(t.followup.c.item_id).where(t.followup.c.id == fid)).scalar()


def followup_uids_of_series(conn, series_id: int) -> set[str]:
    """The UIDs of every follow-up of the series' meetings, whatever its status."""
    f, m = t.followup.c, t.meeting.c
    return set(conn.execute(select(f.uid).join(t.meeting, m.id == f.meeting_id)
                            .where(m.series_id == series_id)).scalars())


# -- the lifecycle: suggested -> open -> done or dropped -----------------------------------------

_MOVES = {
    "suggested": {"open", "dropped", "done"},
    "open": {"done", "dropped"},
    "done": {"open"},
    "dropped": {"open"},
}


def find_followup(conn, ref: str):
    """A follow-up by its id, or by its UID (or the start of it)."""
    from ..errors import BadInput

    f = t.followup.c
    ref = ref.strip()
    query = select(t.followup)
    if ref.isdigit():
        query = query.where(f.id == int(ref))
    else:
        query = query.where(f.uid.startswith(ref, autoescape=True))
    rows = conn.execute(query.limit(2)).mappings().all()
    if not rows:
        raise BadInput(f"no follow-up matches '{ref}'")
    if len(rows) > 1:
        raise BadInput(f"'{ref}' matches several follow-ups; give more of the UID or the id")
    return rows[0]


def latest_meeting_of_series(conn, meeting_id: int | None) -> int | None:
    """Where a follow-up is closed when no meeting is named: its series' latest meeting."""
    if meeting_id is None:
        return None
    basics = meeting_basics(conn, meeting_id)
    meetings = series_meetings(conn, basics.series_id) if basics else []
    return meetings[-1][0] if meetings else None


def update_followup(conn, fid: int, *, closed_in: int | None = None, **values) -> None:
    """Change a follow-up: SEQUENCE grows, and closing or reopening it is recorded."""
    from sqlalchemy import update

    from ..errors import BadInput

    row = followup_row(conn, fid)
    if "due" in values:
        values.update(due_columns(values.pop("due")))
    if "owner" in values:
        owner = values.pop("owner")
        owner_id = People(conn).find(owner) if owner else None
        values.update(owner_id=owner_id, owner_text=owner if owner and owner_id is None else None)
    status = values.get("status")
    if status and status != row["status"]:
        if status not in _MOVES[row["status"]]:
            raise BadInput(f"a {row['status']} follow-up cannot become {status}")
        closing = status in ("done", "dropped")
        values["closed_at"] = utcnow() if closing else None
        values["closed_meeting_id"] = (
            (closed_in or latest_meeting_of_series(conn, row["meeting_id"])) if closing else None
        )
    now = utcnow()
    conn.execute(
        update(t.followup).where(t.followup.c.id == fid).values(
            **values, sequence=row["sequence"] + 1, updated_at=now
        )
    )


def add_suggestions_for(conn, docs) -> int:
    """The follow-ups freshly imported meetings suggest (see suggest.py), each with its series'
    next meeting date, unless the meeting has them already: a few statements for a whole archive."""
    from ..suggest import suggest
    from .people import known_people
    from .series import meeting_dates, next_date, series_ids

    if not docs:
        return 0
    sids = series_ids(conn, [doc.series for doc in docs])
    dates = {sid: meeting_dates(conn, sid) for sid in set(sids.values())}
    cadence = dict(conn.execute(select(t.series.c.id, t.series.c.cadence).where(
        t.series.c.id.in_(list(dates)))).all())
    existing: dict[int, set[str]] = {}
    for mid, text in conn.execute(select(t.followup.c.meeting_id, t.followup.c.text).where(
            t.followup.c.meeting_id.in_([doc.id for doc in docs]))):
        existing.setdefault(mid, set()).add(text)
    people = People(conn)
    known = known_people(conn)  # with their aliases: "Joerg" finds Joerg Roedel
    rows = []
    for doc in docs:
        sid = sids[doc.series]
        attendees = [known[pid] for pid in (people.find(a.name) for a in doc.attendees if a.present)
                     if pid in known]
        seen = existing.setdefault(doc.id, set())
        for s in suggest(doc, attendees, next_date(dates[sid], doc.date, cadence.get(sid))):
            if s.text not in seen:
                seen.add(s.text)
                rows.append(_new_row(people, doc.id, s.item.id, s.text, s.owner, s.due, s.status))
    if rows:
        conn.execute(insert(t.followup), rows)
    return len(rows)
