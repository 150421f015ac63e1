"""Follow-ups: what someone is to do after the call, with a UID that never changes."""

from __future__ import annotations

import uuid

from sqlalchemy import case, delete, func, insert, select, update

from ..model import Due
from ..names import Matcher, Person
from . import schema as t
from .bulk import insert_many
from .due import due_columns
from .followup_list import list_followups
from .meetings import meeting_basics
from .people import People, utcnow
from .series import series_meetings


def new_uid() -> str:
    return f"{uuid.uuid4()}@svsm-meet"


def _new_row(people: People | None, meeting_id, item_id, text, owner, due: Due | None, status,
             owner_id: int | None = None) -> dict:
    if owner_id is None and owner:  # a name (a JSON file's owner): as written, else the matcher's
        owner_id = people.find(owner) or people.match(owner)
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
    owner_id: int | None = None,
) -> int:
    """A new follow-up; its owner by id (the name matcher's answer), or OWNER as a name."""
    people = People(conn) if owner_id is None and owner else None
    row = _new_row(people, meeting_id, item_id, text, owner, due, status, owner_id)
    return conn.execute(insert(t.followup).values(**row)).inserted_primary_key[0]


def take_followups(conn, item_ids: list[int]) -> list[dict]:
    """Delete the follow-ups made from these bullets; returns them whole (as JSON) for undo."""
    f = t.followup.c
    rows = [dict(r) for r in conn.execute(select(t.followup).where(f.item_id.in_(item_ids))).mappings()]
    if rows:
        conn.execute(delete(t.followup).where(f.id.in_([r["id"] for r in rows])))
    return [{k: v.isoformat() if hasattr(v, "isoformat") else v for k, v in r.items()} for r in rows]


def put_back_followups(conn, rows: list[dict]) -> None:
    """Follow-ups take_followups took, as they were (same id and UID), one change later."""
    if not rows:
        return
    import datetime as dt

    kinds = {c.name: c.type.python_type for c in t.followup.columns
             if c.type.python_type in (dt.date, dt.datetime)}
    now = utcnow()
    back = []
    for row in rows:
        row = {k: kinds[k].fromisoformat(v) if k in kinds and isinstance(v, str) else v
               for k, v in row.items()}
        back.append({**row, "sequence": row["sequence"] + 1, "updated_at": now})
    conn.execute(insert(t.followup), back)


def rematch_owners(conn, meeting_id: int, people) -> list[tuple[int, str, Person]]:
    """The meeting's follow-ups nobody owns yet, given to whom their text names now that more
    people are here (PEOPLE, the name matcher, knows who is).  Returns (id, text, owner) of each."""
    from ..suggest import owner_of

    f, i = t.followup.c, t.item.c
    rows = conn.execute(
        select(f.id, f.text, f.owner_text, i.kind).join(t.item, i.id == f.item_id)
        .where(f.meeting_id == meeting_id, f.owner_id.is_(None), f.status.in_(("suggested", "open")))
        .order_by(f.id)).all()
    found = []
    for fid, text, owner_text, kind in rows:
        owner = people.match(owner_text).person if owner_text else owner_of(text, kind, people)
        if owner is not None:
            conn.execute(update(t.followup).where(f.id == fid).values(
                owner_id=owner.id, owner_text=None, sequence=f.sequence + 1, updated_at=utcnow()))
            found.append((fid, text, owner))
    return found


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


def followup_stamp(conn, meeting_id: int) -> tuple[int, int]:
    """How many follow-ups the meeting made, and their sequences summed: every change (owner,
    due, status, text) grows a sequence, so a view can tell that it shows old ones."""
    f = t.followup.c
    count, total = conn.execute(select(func.count(), func.coalesce(func.sum(f.sequence), 0))
                                .where(f.meeting_id == meeting_id)).one()
    return int(count), int(total)


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
    from ..errors import BadInput

    row = followup_row(conn, fid)
    if "due" in values:
        values.update(due_columns(values.pop("due")))
    if "owner_id" in values:  # the name matcher's answer (or None: nobody)
        values["owner_text"] = None
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
    from .series import meeting_dates, next_dates, series_ids

    if not docs:
        return 0
    sids = series_ids(conn, [doc.series for doc in docs])
    dates = {sid: meeting_dates(conn, sid) for sid in set(sids.values())}
    cadence = dict(conn.execute(select(t.series.c.id, t.series.c.cadence).where(
        t.series.c.id.in_(list(dates)))).all())
    next_after = {sid: next_dates(dates[sid], cadence.get(sid)) for sid in dates}
    existing: dict[int, set[str]] = {}
    for mid, text in conn.execute(select(t.followup.c.meeting_id, t.followup.c.text).where(
            t.followup.c.meeting_id.in_([doc.id for doc in docs]))):
        existing.setdefault(mid, set()).add(text)
    known = known_people(conn)  # with their aliases: "Joerg" finds Joerg Roedel
    present = _present_by_meeting(conn, [doc.id for doc in docs])
    directory = Matcher(known.values())
    rows = []
    for doc in docs:
        sid = sids[doc.series]
        # The one name matcher: the directory, the meeting's attendees settling shared first names.
        people = directory.at_meeting([known[p] for p in present.get(doc.id, ()) if p in known])
        seen = existing.setdefault(doc.id, set())
        for s in suggest(doc, people, next_after[sid](doc.date)):
            if s.text not in seen:
                seen.add(s.text)
                row = _new_row(None, doc.id, s.item.id, s.text, None, s.due, s.status,
                               s.owner.id if s.owner else None)
                row["owner_text"] = None if s.owner else s.owner_text
                rows.append(row)
    if rows:
        insert_many(conn, t.followup, rows)
    return len(rows)


def _present_by_meeting(conn, meeting_ids: list[int]) -> dict[int, list[int]]:
    a = t.attendance.c
    out: dict[int, list[int]] = {}
    for mid, pid in conn.execute(select(a.meeting_id, a.person_id).where(
            a.meeting_id.in_(meeting_ids), a.present.is_(True)).order_by(a.meeting_id, a.position)):
        out.setdefault(mid, []).append(pid)
    return out
