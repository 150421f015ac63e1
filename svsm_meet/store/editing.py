"""Changing a meeting one step at a time, each step logged with how to take it back.

Every function here runs inside the caller's transaction and records one row in `change` whose
`undo` holds what undo_last needs to reverse it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import delete, func, insert, select, update

from ..errors import BadInput, MeetingGone
from ..model import Attendee, Item
from ..names import Matcher
from . import schema as t
from .documents import item_row
from .followups import put_back_followups, rematch_owners, take_followups
from .people import person_for, utcnow


CHANNEL = "svsm_meet"  # PostgreSQL NOTIFY channel; the payload is the meeting's id


def lock_meeting(conn, meeting_id: int) -> None:
    """Writers of one meeting take turns: on PostgreSQL by locking its row (SQLite's writers
    already do, by BEGIN IMMEDIATE), so that positions computed from the rows stay right.

    A meeting gone meanwhile (another program replaced or deleted it) is said in words here,
    before a write would fail on its foreign key with the SQL in the message."""
    query = select(t.meeting.c.id).where(t.meeting.c.id == meeting_id)
    if conn.dialect.name == "postgresql":
        query = query.with_for_update()
    if conn.execute(query).first() is None:
        raise MeetingGone(meeting_id)


def log_change(conn, meeting_id: int, action: str, undo: dict, undone: bool = False) -> None:
    """Record a change (by the transaction's author); everyone watching the meeting hears of it."""
    now = utcnow()
    author = conn.get_execution_options().get("svsm_author")
    conn.execute(
        insert(t.change).values(
            meeting_id=meeting_id, created_at=now, action=action, undo=undo, undone=undone,
            author=author,
        )
    )
    conn.execute(update(t.meeting).where(t.meeting.c.id == meeting_id).values(updated_at=now))
    if conn.dialect.name == "postgresql":  # delivered at commit, to every note-taker listening
        conn.execute(select(func.pg_notify(CHANNEL, str(meeting_id))))


def typed_live(conn, meeting_ids: list[int]) -> set[int]:
    """The meetings someone typed entries into, in the app or with `add`; an imported meeting's
    items came from its file, in the one step that created it, and log no change."""
    if not meeting_ids:
        return set()
    query = select(t.change.c.meeting_id).distinct().where(
        t.change.c.meeting_id.in_(meeting_ids), t.change.c.action.in_(("add item", "add section")))
    return set(conn.execute(query).scalars())


def last_change_id(conn, meeting_id: int) -> int:
    """Grows with every change to the meeting: a cheap way to see that someone else edited it."""
    return conn.execute(
        select(func.coalesce(func.max(t.change.c.id), 0)).where(t.change.c.meeting_id == meeting_id)
    ).scalar()


def _siblings(meeting_id: int, section_id: int | None, parent_id: int | None):
    c = t.item.c
    where = [c.meeting_id == meeting_id]
    where.append(c.parent_id == parent_id if parent_id is not None else c.parent_id.is_(None))
    if parent_id is None:
        where.append(c.section_id == section_id if section_id is not None else c.section_id.is_(None))
    return where


def _open_gap(conn, where, position: int) -> None:
    conn.execute(update(t.item).where(*where, t.item.c.position >= position).values(
        position=t.item.c.position + 1))


def _close_gap(conn, where, position: int) -> None:
    conn.execute(update(t.item).where(*where, t.item.c.position > position).values(
        position=t.item.c.position - 1))


def insert_item(
    conn,
    meeting_id: int,
    section_id: int | None,
    parent_id: int | None,
    item: Item,
    position: int | None = None,
    log: bool = True,
) -> int:
    """ITEM (without its children) as the POSITION-th child (default: the last)."""
    where = _siblings(meeting_id, section_id, parent_id)
    count = conn.execute(select(func.count()).select_from(t.item).where(*where)).scalar()
    position = count if position is None else max(0, min(position, count))
    if parent_id is None and count == 0:
        item.blank_before = True  # the first bullet under a heading stands apart from it
    _open_gap(conn, where, position)
    row = item_row(meeting_id, section_id, parent_id, position, item, utcnow())
    item.id = conn.execute(insert(t.item).values(**row)).inserted_primary_key[0]
    if log:
        log_change(conn, meeting_id, "add item", {"op": "delete_item", "id": item.id})
    return item.id


def add_section(conn, meeting_id: int, kind: str, level: int, text: str, position: int | None = None) -> int:
    c = t.section.c
    count = conn.execute(
        select(func.count()).select_from(t.section).where(c.meeting_id == meeting_id)
    ).scalar()
    position = count if position is None else position
    conn.execute(update(t.section).where(c.meeting_id == meeting_id, c.position >= position).values(
        position=c.position + 1))
    sid = conn.execute(
        insert(t.section).values(
            meeting_id=meeting_id, position=position, kind=kind, level=level, text=text, blank_before=True
        )
    ).inserted_primary_key[0]
    log_change(conn, meeting_id, "add section", {"op": "delete_section", "id": sid})
    return sid


@dataclass
class Attended:
    """What adding attendees did, by the names in the people directory."""

    added: list[str] = field(default_factory=list)
    already: list[str] = field(default_factory=list)
    new: list[str] = field(default_factory=list)  # nobody matched: added to the directory
    owned: list[tuple[str, str]] = field(default_factory=list)  # (follow-up, owner) found now


def add_attendees(conn, meeting_id: int, attendees: list[Attendee], people: Matcher) -> Attended:
    """Append ATTENDEES, each the person the name matcher says ('Stefano' is Stefano Garzarella,
    and the minutes say so); a name that could be several people is refused (BadInput).  The
    meeting's follow-ups that nobody owned yet are matched again: "#action Joerg to …" typed
    before Joerg was ticked is his now (and undo takes that back with the attendance)."""
    a = t.attendance.c
    present = set(conn.execute(select(a.person_id).where(a.meeting_id == meeting_id)).scalars())
    position = conn.execute(
        select(func.coalesce(func.max(a.position) + 1, 0)).where(a.meeting_id == meeting_id)
    ).scalar()
    layout = conn.execute(select(t.meeting.c.layout).where(t.meeting.c.id == meeting_id)).scalar()
    one_per_line = (layout or {}).get("attendees_style", "paragraph") != "paragraph"
    done, ids = Attended(), []
    for attendee in attendees:
        named = person_for(conn, attendee.name, people, attendee.affiliation)
        if named.new:
            done.new.append(named.name)
        if named.id in present:
            done.already.append(named.name)
            continue
        present.add(named.id)
        people.tick(named.id)
        row = dict(meeting_id=meeting_id, person_id=named.id, position=position,
                   written=_written(attendee.name, named),
                   grp=attendee.group, present=True, role=attendee.role,
                   affiliation=attendee.affiliation, new_line=one_per_line and position > 0)
        back = _removed_row(conn, meeting_id, named.id)
        # Unticked and ticked again: back in their place (the export's order).  Not one who was
        # listed as absent ("Regrets:"): present now, they are not put back among the absent.
        if back is not None and back.get("present"):
            row.update(position=back["position"], grp=back["grp"], role=back["role"],
                       new_line=back["new_line"], written=row["written"] or back["written"],
                       affiliation=row["affiliation"] or back["affiliation"])
            conn.execute(update(t.attendance).where(a.meeting_id == meeting_id,
                                                    a.position >= back["position"])
                         .values(position=a.position + 1))
        position += 1  # the next one new goes last, past any shifted up
        ids.append(conn.execute(insert(t.attendance).values(**row)).inserted_primary_key[0])
        done.added.append(named.name)
    owned = rematch_owners(conn, meeting_id, people) if ids else []
    done.owned = [(text, person.name) for _, text, person in owned]
    if ids:
        log_change(conn, meeting_id, "add attendees", {
            "op": "delete_attendance", "ids": ids, "owners": [[fid, p.id] for fid, _, p in owned]})
    return done


def _removed_row(conn, meeting_id: int, person_id: int) -> dict | None:
    """The person's attendance row as it was before their last removal from this meeting (the
    change log keeps it for undo), or None where they were never removed."""
    c = t.change.c
    for undo in conn.execute(select(c.undo).where(c.meeting_id == meeting_id,
                                                  c.action == "remove attendee")
                             .order_by(c.id.desc())).scalars():
        row = (undo or {}).get("row") or {}
        if row.get("person_id") == person_id:
            return row
    return None


def _written(typed: str, named) -> str | None:
    """The spelling these minutes keep: the full name or alias as typed ("carlos lopez"); for a
    first or last name ("Stefano"), the full name as the directory has it."""
    return typed if named.how in ("name", "alias") and typed != named.name else None


def remove_attendee(conn, meeting_id: int, person_id: int) -> None:
    row = conn.execute(
        select(t.attendance).where(t.attendance.c.meeting_id == meeting_id,
                                   t.attendance.c.person_id == person_id)
    ).mappings().first()
    if row is None:
        return
    conn.execute(delete(t.attendance).where(t.attendance.c.id == row["id"]))
    log_change(conn, meeting_id, "remove attendee", {"op": "insert_attendance", "row": dict(row)})


def _item_row(conn, item_id: int):
    row = conn.execute(select(t.item).where(t.item.c.id == item_id)).mappings().first()
    if row is None:
        raise BadInput("that bullet is gone (someone else may have deleted it)")
    return row


def update_item(conn, item_id: int, expected_version: int | None = None, **values) -> None:
    """Change fields of a bullet; with EXPECTED_VERSION, refuse if someone changed it meanwhile."""
    row = _item_row(conn, item_id)
    _check_version(row, expected_version)
    old = {k: row[k] for k in values}
    conn.execute(
        update(t.item).where(t.item.c.id == item_id).values(
            **values, version=row["version"] + 1, updated_at=utcnow()
        )
    )
    log_change(conn, row["meeting_id"], "edit item", {"op": "update_item", "id": item_id, "values": old})


def _subtree(conn, item_id: int) -> list[dict]:
    rows, frontier = [], [item_id]
    while frontier:
        batch = conn.execute(select(t.item).where(t.item.c.id.in_(frontier))).mappings().all()
        rows.extend(dict(r) for r in batch)
        frontier = list(conn.execute(select(t.item.c.id).where(t.item.c.parent_id.in_(frontier))).scalars())
    return rows


def _jsonable(row: dict) -> dict:
    return {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in row.items()}


def _check_version(row, expected_version: int | None) -> None:
    if expected_version is not None and row["version"] != expected_version:
        raise BadInput("this bullet was changed by someone else meanwhile; look again and retry")


def delete_item(conn, item_id: int, expected_version: int | None = None) -> None:
    """Delete a bullet with its children and the follow-ups made from them: a mistaken bullet
    leaves no follow-up behind in any list or count.  Undo brings all of them back."""
    row = _item_row(conn, item_id)
    _check_version(row, expected_version)
    rows = _subtree(conn, item_id)
    followups = take_followups(conn, [r["id"] for r in rows])
    conn.execute(delete(t.item).where(t.item.c.id == item_id))
    _close_gap(conn, _siblings(row["meeting_id"], row["section_id"], row["parent_id"]), row["position"])
    log_change(conn, row["meeting_id"], "delete item", {
        "op": "restore_items", "rows": [_jsonable(r) for r in rows], "followups": followups,
    })


def move_item(conn, item_id: int, section_id: int | None, parent_id: int | None, position: int,
              expected_version: int | None = None) -> None:
    row = _item_row(conn, item_id)
    _check_version(row, expected_version)
    mid = row["meeting_id"]
    _close_gap(conn, _siblings(mid, row["section_id"], row["parent_id"]), row["position"])
    where = _siblings(mid, section_id, parent_id)
    count = conn.execute(select(func.count()).select_from(t.item).where(*where, t.item.c.id != item_id)).scalar()
    position = max(0, min(position, count))
    _open_gap(conn, where, position)
    conn.execute(update(t.item).where(t.item.c.id == item_id).values(
        section_id=section_id, parent_id=parent_id, position=position,
        version=row["version"] + 1, updated_at=utcnow()))
    # Children follow their parent into another section.
    if section_id != row["section_id"]:
        descendants = [r["id"] for r in _subtree(conn, item_id) if r["id"] != item_id]
        if descendants:
            conn.execute(update(t.item).where(t.item.c.id.in_(descendants)).values(section_id=section_id))
    log_change(conn, mid, "move item", {
        "op": "move_item", "id": item_id, "section_id": row["section_id"],
        "parent_id": row["parent_id"], "position": row["position"],
    })


def rename_section(conn, section_id: int, text: str) -> None:
    row = conn.execute(select(t.section).where(t.section.c.id == section_id)).mappings().first()
    if row is None:
        raise BadInput("that heading is gone")
    conn.execute(update(t.section).where(t.section.c.id == section_id).values(text=text))
    log_change(conn, row["meeting_id"], "rename heading",
               {"op": "rename_section", "id": section_id, "text": row["text"]})


# -- undo ----------------------------------------------------------------------------------------


def undo_last(conn, meeting_id: int) -> str | None:
    """Reverse the latest change the transaction's author made to the meeting and has not taken
    back yet (another note-taker's entries are theirs to undo); returns what it was, or None."""
    lock_meeting(conn, meeting_id)
    c = t.change.c
    row = conn.execute(
        select(t.change).where(c.meeting_id == meeting_id, c.undone.is_(False),
                               c.author == conn.get_execution_options().get("svsm_author"))
        .order_by(c.id.desc()).limit(1)
    ).mappings().first()
    if row is None:
        return None
    what = _described(conn, row["action"], row["undo"])  # before the reversal takes it away
    _REVERSE[row["undo"]["op"]](conn, row["undo"])
    conn.execute(update(t.change).where(c.id == row["id"]).values(undone=True))
    # The undo is a change too, so that the others see it (it is never undone itself).
    log_change(conn, meeting_id, f"undo {row['action']}", {"op": "none"}, undone=True)
    return what


def _described(conn, action: str, undo: dict) -> str:
    """'add item 'Roy will send the IGVM PR'': the change and the text it was about, shortened."""
    table = {"delete_item": t.item, "update_item": t.item, "move_item": t.item,
             "delete_section": t.section, "rename_section": t.section}.get(undo["op"])
    text = None
    if table is not None and "id" in undo:
        text = conn.execute(select(table.c.text).where(table.c.id == undo["id"])).scalar()
    elif undo["op"] == "restore_items" and undo.get("rows"):
        text = undo["rows"][0].get("text")
    elif undo["op"] == "delete_attendance" and undo.get("ids"):
        a = t.attendance.c
        names = (select(t.person.c.name).join(t.attendance, a.person_id == t.person.c.id)
                 .where(a.id.in_(undo["ids"])).order_by(a.position))
        text = ", ".join(conn.execute(names).scalars())
    if not text:
        return action
    text = " ".join(text.split())
    return f"{action} '{text if len(text) <= 40 else text[:39].rstrip() + '…'}'"


def _undo_delete_item(conn, undo):
    if conn.execute(select(t.item.c.id).where(t.item.c.parent_id == undo["id"]).limit(1)).first():
        raise BadInput("that bullet has bullets under it now; delete those first, or the bullet itself")
    # The follow-ups an entry made (an #action's, or those its text suggested) go with it.
    made = ([undo["followup"]] if undo.get("followup") else []) + undo.get("followups", [])
    if made:
        conn.execute(delete(t.followup).where(t.followup.c.id.in_(made)))
    row = conn.execute(select(t.item).where(t.item.c.id == undo["id"])).mappings().first()
    if row is None:
        return
    conn.execute(delete(t.item).where(t.item.c.id == row["id"]))
    _close_gap(conn, _siblings(row["meeting_id"], row["section_id"], row["parent_id"]), row["position"])


def _undo_delete_section(conn, undo):
    row = conn.execute(select(t.section).where(t.section.c.id == undo["id"])).mappings().first()
    if row is None:
        return
    if conn.execute(select(t.item.c.id).where(t.item.c.section_id == row["id"]).limit(1)).first():
        raise BadInput(f"the heading “{row['text']}” has bullets under it now; it stays")
    conn.execute(delete(t.section).where(t.section.c.id == row["id"]))
    c = t.section.c
    conn.execute(update(t.section).where(c.meeting_id == row["meeting_id"], c.position > row["position"])
                 .values(position=c.position - 1))


def _undo_delete_attendance(conn, undo):
    conn.execute(delete(t.attendance).where(t.attendance.c.id.in_(undo["ids"])))
    f = t.followup.c
    for fid, pid in undo.get("owners", []):  # owners found because these people came
        conn.execute(update(t.followup).where(f.id == fid, f.owner_id == pid).values(
            owner_id=None, sequence=f.sequence + 1, updated_at=utcnow()))


def _undo_insert_attendance(conn, undo):
    conn.execute(insert(t.attendance).values(**undo["row"]))


def _undo_update_item(conn, undo):
    conn.execute(update(t.item).where(t.item.c.id == undo["id"]).values(
        **undo["values"], version=t.item.c.version + 1, updated_at=utcnow()))


def _undo_restore_items(conn, undo):
    import datetime as dt

    rows = [dict(r) for r in undo["rows"]]
    for r in rows:
        for key in ("created_at", "updated_at"):
            r[key] = dt.datetime.fromisoformat(r[key])
    top = rows[0]
    _open_gap(conn, _siblings(top["meeting_id"], top["section_id"], top["parent_id"]), top["position"])
    conn.execute(insert(t.item), rows)  # parents come before their children in the snapshot
    f = t.followup.c
    kept = [x for x in undo["followups"] if isinstance(x, dict)]
    put_back_followups(conn, kept)
    # Deletions logged before follow-ups went with their bullet only dropped them: [id, item, status].
    for fid, iid, status in (x for x in undo["followups"] if not isinstance(x, dict)):
        conn.execute(update(t.followup).where(f.id == fid).values(
            item_id=iid, status=status, sequence=f.sequence + 1, updated_at=utcnow()))


def _undo_move_item(conn, undo):
    row = conn.execute(select(t.item).where(t.item.c.id == undo["id"])).mappings().first()
    if row is None:
        return
    mid = row["meeting_id"]
    _close_gap(conn, _siblings(mid, row["section_id"], row["parent_id"]), row["position"])
    _open_gap(conn, _siblings(mid, undo["section_id"], undo["parent_id"]), undo["position"])
    conn.execute(update(t.item).where(t.item.c.id == undo["id"]).values(
        section_id=undo["section_id"], parent_id=undo["parent_id"], position=undo["position"],
        version=row["version"] + 1))
    if undo["section_id"] != row["section_id"]:
        descendants = [r["id"] for r in _subtree(conn, undo["id"]) if r["id"] != undo["id"]]
        if descendants:
            conn.execute(update(t.item).where(t.item.c.id.in_(descendants)).values(
                section_id=undo["section_id"]))


def _undo_rename_section(conn, undo):
    conn.execute(update(t.section).where(t.section.c.id == undo["id"]).values(text=undo["text"]))


_REVERSE = {
    "delete_item": _undo_delete_item,
    "delete_section": _undo_delete_section,
    "delete_attendance": _undo_delete_attendance,
    "insert_attendance": _undo_insert_attendance,
    "update_item": _undo_update_item,
    "restore_items": _undo_restore_items,
    "move_item": _undo_move_item,
    "rename_section": _undo_rename_section,
}
