"""Whole meetings in and out of the database: Document <-> rows, in bulk.

Writes go level by level with executemany (meetings, then sections, then bullets one depth at a
time), so importing a project's whole archive costs a handful of statements, not one per row.
"""

from __future__ import annotations

from itertools import islice

from sqlalchemy import delete, func, insert, select, tuple_

from ..errors import BadInput
from ..model import Attendee, Document, FollowUp, Item, Layout, Section
from . import schema as t
from .bulk import insert_many
from .due import due_columns, due_of
from .ids import next_free_id
from .people import People, utcnow
from .series import series_ids


def _returning_ids(conn, table, rows: list[dict]) -> list[int]:
    if not rows:
        return []
    if conn.dialect.name == "sqlite":
        return _numbered_inserts(conn, table, rows)
    stmt = insert(table).returning(table.c.id, sort_by_parameter_order=True)
    return list(conn.execute(stmt, rows).scalars())


def _numbered_inserts(conn, table, rows: list[dict]) -> list[int]:
    """SQLite: the rows numbered here, after every id the table has given, and inserted in one
    executemany.  RETURNING in parameter order has no sentinel on SQLite, so SQLAlchemy sends it
    a row at a time (a thousand statements for a thousand bullets); a writer holds the database's
    only write lock (BEGIN IMMEDIATE), so nobody else takes these ids meanwhile (ids.py)."""
    if all("id" in row for row in rows):
        insert_many(conn, table, rows)
        return [row["id"] for row in rows]
    first = next_free_id(conn, table)
    numbered = [{**row, "id": row.get("id") or first + n} for n, row in enumerate(rows)]
    insert_many(conn, table, numbered)
    return [row["id"] for row in numbered]


def _chunks(values, size=500):
    values = iter(values)
    while chunk := list(islice(values, size)):
        yield chunk


def existing_meetings(conn, keys: list[tuple[int, object]]) -> dict[tuple[int, object], int]:
    found = {}
    for chunk in _chunks(keys):
        rows = conn.execute(
            select(t.meeting.c.series_id, t.meeting.c.date, t.meeting.c.id).where(
                tuple_(t.meeting.c.series_id, t.meeting.c.date).in_(chunk)
            )
        )
        found.update({(sid, date): mid for sid, date, mid in rows})
    return found


def _first_new_id(conn) -> int | None:
    """On SQLite, the id after every meeting id given so far, taken before a replace deletes.

    SQLite gives the largest id again once its row is gone, and the meeting table has no
    AUTOINCREMENT (which would need it rebuilt by a migration): a replaced meeting's id would
    come back as another meeting's, under a draft or an app still open on the old one.  A replace
    puts the new ones above the largest id; a meeting deleted outright leaves its id as a mark
    (meeting_edits.keep_id_mark): no id is given twice.  PostgreSQL's sequences never give one twice."""
    if conn.dialect.name != "sqlite":
        return None
    from .meeting_edits import id_mark

    return max(conn.execute(select(func.max(t.meeting.c.id))).scalar() or 0, id_mark(conn)) + 1


def save_documents(conn, docs: list[Document], replace: bool = False) -> list[int]:
    """Insert DOCS as new meetings; with REPLACE, a meeting of the same series and date goes first."""
    now = utcnow()
    sids = series_ids(conn, [doc.series for doc in docs])
    keys = [(sids[doc.series], doc.date) for doc in docs]
    seen: dict[tuple, Document] = {}
    for doc, key in zip(docs, keys):
        if key in seen:
            raise BadInput(f"two of the files are the {doc.series} meeting of {doc.date}")
        seen[key] = doc
    existing = existing_meetings(conn, keys)
    if existing and not replace:
        (sid, date), mid = next(iter(existing.items()))
        name = next(doc.series for doc, key in zip(docs, keys) if key == (sid, date))
        raise BadInput(
            f"the {name} meeting of {date} exists already (id {mid}); use --replace to overwrite it"
        )
    kept = _keep_followups(conn, list(existing.values())) if existing else []
    first_id = _first_new_id(conn)
    if existing:
        conn.execute(delete(t.meeting).where(t.meeting.c.id.in_(list(existing.values()))))

    meeting_ids = _returning_ids(
        conn,
        t.meeting,
        [
            {
                **({"id": first_id + n} if first_id else {}),
                "series_id": sid,
                "date": doc.date,
                "start_time": doc.start_time,
                "timezone": doc.timezone,
                "layout": doc.layout.to_dict(),
                "created_at": now,
                "updated_at": now,
            }
            for n, (doc, (sid, _)) in enumerate(zip(docs, keys))
        ],
    )
    people = People(conn)
    for doc, mid in zip(docs, meeting_ids):
        doc.id = mid
    pids = _attendee_people(people, docs)
    people.flush()
    attendance_rows = []
    for doc in docs:
        mid = doc.id
        for position, a in enumerate(doc.attendees):
            attendance_rows.append(
                {
                    "meeting_id": mid,
                    "person_id": pids[id(a)],
                    "position": position,
                    "written": a.name,  # settled below, once every spelling has been seen
                    "grp": a.group,
                    "present": a.present,
                    "role": a.role,
                    "affiliation": a.affiliation,
                    "new_line": a.new_line,
                }
            )
    for row in attendance_rows:
        if people.names[row["person_id"]] == row["written"]:
            row["written"] = None
    if attendance_rows:
        insert_many(conn, t.attendance, attendance_rows)

    sections = [(doc, s) for doc in docs for s in doc.sections]
    section_ids = _returning_ids(
        conn,
        t.section,
        [
            {
                "meeting_id": doc.id,
                "position": position,
                "kind": s.kind,
                "level": s.level,
                "text": s.text,
                "blank_before": s.blank_before,
            }
            for doc in docs
            for position, s in enumerate(doc.sections)
        ],
    )
    for (_, s), sid in zip(sections, section_ids):
        s.id = sid

    # Bullets, one depth at a time: (meeting, section, parent, position, item).
    level = [(doc.id, None, None, i, it) for doc in docs for i, it in enumerate(doc.preamble)]
    level += [(doc.id, s.id, None, i, it) for doc, s in sections for i, it in enumerate(s.items)]
    while level:
        ids = _returning_ids(
            conn, t.item, [item_row(mid, sid, pid, pos, it, now) for mid, sid, pid, pos, it in level]
        )
        for (_, _, _, _, it), iid in zip(level, ids):
            it.id = iid
        level = [
            (mid, sid, it.id, i, child)
            for mid, sid, _, _, it in level
            for i, child in enumerate(it.children)
        ]

    followups = [(doc.id, f) for doc in docs for f in doc.followups]
    kept = _bring_in_uids(conn, [f.uid for _, f in followups], kept)
    ids = _returning_ids(conn, t.followup, [_followup_row(mid, f, people, now) for mid, f in followups])
    for (_, f), fid in zip(followups, ids):
        f.id = fid
    if kept:
        by_key = {key: doc for key, doc in zip(keys, docs)}
        old_keys = {mid: key for key, mid in existing.items()}
        _relink_followups(conn, kept, {mid: by_key[old_keys[mid]] for mid in old_keys})
    return meeting_ids


def _attendee_people(people: People, docs: list[Document]) -> dict[int, int]:
    """Each attendee's person, by id() of the Attendee.  Names of several words first, in every
    file: then "Stefano" in one meeting finds Stefano Garzarella listed in full in another,
    whichever file comes first.  What each meeting wrote stays its spelling (attendance.written)."""
    found: dict[int, int] = {}
    taken: dict[int, set[int]] = {id(doc): set() for doc in docs}  # who each meeting has already
    for full in (True, False):
        for doc in docs:
            for a in doc.attendees:
                if (len(a.name.split()) > 1) == full:
                    # "Chris Mutel (CM)": the initials written as the note are no affiliation of his
                    affiliation = a.affiliation if a.affiliation != a.handle else None
                    pid = people.resolve(a.name, affiliation, taken[id(doc)])
                    if a.handle:
                        people.alias_handle(pid, a.handle)
                    found[id(a)] = pid
                    taken[id(doc)].add(pid)
    return found


def _bring_in_uids(conn, uids: list[str], kept: list) -> list:
    """Follow-ups coming in with UIDs of their own (JSON): one the replaced meeting had gives way
    to the incoming version; one that lives anywhere else is a clash, refused."""
    if len(set(uids)) != len(uids):
        raise BadInput("the same follow-up UID comes twice in what is imported")
    if not uids:
        return kept
    f = t.followup.c
    found = dict(conn.execute(select(f.uid, f.id).where(f.uid.in_(uids))).all())
    kept_ids = {fid for fid, _, _ in kept}
    for uid, fid in found.items():
        if fid not in kept_ids:
            raise BadInput(f"follow-up {uid} is in the database already; import its meeting once")
    conn.execute(delete(t.followup).where(f.id.in_(list(found.values()))))
    return [k for k in kept if k[0] not in set(found.values())]


def _keep_followups(conn, meeting_ids: list[int]) -> list:
    """Before a meeting is replaced: its follow-ups that people acted on stay (with their UIDs);
    mere suggestions go, the new minutes suggest afresh."""
    f = t.followup.c
    conn.execute(delete(t.followup).where(f.meeting_id.in_(meeting_ids), f.status == "suggested"))
    return conn.execute(
        select(f.id, f.meeting_id, t.item.c.text)
        .outerjoin(t.item, t.item.c.id == f.item_id)
        .where(f.meeting_id.in_(meeting_ids))
    ).all()


def _relink_followups(conn, kept, new_docs: dict) -> None:
    from sqlalchemy import update

    for fid, old_mid, item_text in kept:
        doc = new_docs[old_mid]
        item = next((i for i in doc.items() if item_text is not None and i.text == item_text), None)
        conn.execute(update(t.followup).where(t.followup.c.id == fid).values(
            meeting_id=doc.id, item_id=item.id if item else None))


def item_row(mid, sid, pid, position, it: Item, now) -> dict:
    return {
        "meeting_id": mid,
        "section_id": sid,
        "parent_id": pid,
        "position": position,
        "kind": it.kind,
        "label": it.label,
        "text": it.text,
        "marker": it.marker,
        "indent": it.indent,
        "blank_before": it.blank_before,
        "version": it.version,
        "created_at": now,
        "updated_at": now,
    }


def _followup_row(mid, f: FollowUp, people: People, now) -> dict:
    owner_id = (people.find(f.owner) or people.match(f.owner)) if f.owner else None
    return {
        "uid": f.uid,
        "meeting_id": mid,
        "item_id": f.item.id if f.item else None,
        "text": f.text,
        "owner_id": owner_id,
        "owner_text": f.owner if owner_id is None else None,
        **due_columns(f.due),
        "status": f.status,
        "sequence": f.sequence,
        "created_at": f.created_at or now,
        "updated_at": f.updated_at or now,
        "closed_at": f.closed_at,
    }


def load_documents(conn, meeting_ids: list[int]) -> list[Document]:
    """The meetings with these ids, whole, in the order asked."""
    docs: dict[int, Document] = {}
    for chunk in _chunks(meeting_ids):
        _load_chunk(conn, chunk, docs)
    return [docs[mid] for mid in meeting_ids if mid in docs]


def _load_chunk(conn, ids: list[int], docs: dict[int, Document]) -> None:
    m, s = t.meeting, t.series
    for row in conn.execute(
        select(m, s.c.name.label("series_name")).join(s, s.c.id == m.c.series_id).where(m.c.id.in_(ids))
    ):
        docs[row.id] = Document(
            series=row.series_name,
            date=row.date,
            start_time=row.start_time,
            timezone=row.timezone,
            layout=Layout.from_dict(row.layout),
            id=row.id,
        )
    a, p = t.attendance, t.person
    for row in conn.execute(
        select(a, p.c.name.label("person_name"))
        .join(p, p.c.id == a.c.person_id)
        .where(a.c.meeting_id.in_(ids))
        .order_by(a.c.meeting_id, a.c.position)
    ):
        docs[row.meeting_id].attendees.append(
            Attendee(
                name=row.written or row.person_name,
                role=row.role,
                affiliation=row.affiliation,
                group=row.grp,
                present=row.present,
                new_line=row.new_line,
            )
        )
    sections: dict[int, Section] = {}
    for row in conn.execute(
        select(t.section).where(t.section.c.meeting_id.in_(ids)).order_by(
            t.section.c.meeting_id, t.section.c.position
        )
    ):
        section = Section(row.kind, row.level, row.text, row.blank_before, id=row.id)
        sections[row.id] = section
        docs[row.meeting_id].sections.append(section)
    items: dict[int, Item] = {}
    rows = conn.execute(
        select(t.item).where(t.item.c.meeting_id.in_(ids)).order_by(t.item.c.position, t.item.c.id)
    ).all()
    for row in rows:
        items[row.id] = Item(
            text=row.text,
            kind=row.kind,
            label=row.label,
            marker=row.marker,
            indent=row.indent,
            blank_before=row.blank_before,
            id=row.id,
            version=row.version,
        )
    for row in rows:
        it = items[row.id]
        if row.parent_id is not None:
            items[row.parent_id].children.append(it)
        elif row.section_id is not None:
            sections[row.section_id].items.append(it)
        else:
            docs[row.meeting_id].preamble.append(it)
    for row in conn.execute(_followups_where(t.followup.c.meeting_id.in_(ids))):
        docs[row.meeting_id].followups.append(_followup_of(row, items))


def _followups_where(*where):
    f, p = t.followup, t.person
    return (select(f, p.c.name.label("owner_name")).outerjoin(p, p.c.id == f.c.owner_id)
            .where(*where).order_by(f.c.id))


def _followup_of(row, items: dict[int, Item]) -> FollowUp:
    return FollowUp(
        text=row.text,
        uid=row.uid,
        status=row.status,
        owner=row.owner_name or row.owner_text,
        due=due_of(row),
        item=items.get(row.item_id),
        sequence=row.sequence,
        created_at=row.created_at,
        updated_at=row.updated_at,
        closed_at=row.closed_at,
        id=row.id,
    )


def followups_of_item(conn, item: Item) -> list[FollowUp]:
    """The follow-ups made from one bullet, as load_documents has them: a new live entry's, put into
    the meeting already in memory instead of reading the whole meeting back."""
    return [_followup_of(row, {item.id: item})
            for row in conn.execute(_followups_where(t.followup.c.item_id == item.id))]

