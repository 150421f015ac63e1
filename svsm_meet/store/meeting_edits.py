"""Changing a meeting as a whole: deleting it (with its follow-ups), retitling, re-dating it or
moving it to another series.  The search index follows by its triggers, the lists and counts by
their queries; a meeting open elsewhere learns it is gone (store/editing.lock_meeting)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import delete, func, insert, select, update

from ..errors import BadInput
from ..formats.titles import house_title
from . import schema as t
from .people import utcnow
from .series import series_ids


def _meeting(conn, meeting_id: int):
    m, s = t.meeting.c, t.series.c
    row = conn.execute(select(m.id, m.date, m.series_id, s.name.label("series"))
                       .join(t.series, s.id == m.series_id).where(m.id == meeting_id)).first()
    if row is None:
        raise BadInput(f"no meeting {meeting_id}")
    return row


def _title(conn, meeting_id: int):
    c = t.section.c
    return conn.execute(select(c.id, c.text).where(c.meeting_id == meeting_id, c.kind == "title")
                        .order_by(c.position).limit(1)).first()


def _has_sequence(conn) -> bool:
    """Whether SQLite keeps a sqlite_sequence (it makes one with the first AUTOINCREMENT table:
    revision 0005 on; a database at an older revision has none)."""
    return conn.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'"
                                ).first() is not None


def keep_id_mark(conn, meeting_id: int) -> None:
    """On SQLite, remember that MEETING_ID was given: SQLite gives the largest rowid again once
    its row is gone, and the meeting table has no AUTOINCREMENT (a rebuild by migration).  The
    mark sits in sqlite_sequence under the table's name, where SQLite itself would keep it with
    AUTOINCREMENT (and ignores it without); documents._first_new_id reads it."""
    if conn.dialect.name != "sqlite" or not _has_sequence(conn):
        return  # PostgreSQL's sequences never give an id twice
    seq = "sqlite_sequence"
    known = conn.exec_driver_sql(f"SELECT seq FROM {seq} WHERE name = 'meeting'").scalar()
    if known is None:
        conn.exec_driver_sql(f"INSERT INTO {seq} (name, seq) VALUES ('meeting', ?)", (meeting_id,))
    elif known < meeting_id:
        conn.exec_driver_sql(f"UPDATE {seq} SET seq = ? WHERE name = 'meeting'", (meeting_id,))


def id_mark(conn) -> int:
    """The largest meeting id ever given on SQLite (0 where none was deleted)."""
    if conn.dialect.name != "sqlite" or not _has_sequence(conn):
        return 0
    return conn.exec_driver_sql(
        "SELECT seq FROM sqlite_sequence WHERE name = 'meeting'").scalar() or 0


def followup_count(conn, meeting_id: int) -> int:
    """How many follow-ups the meeting made (whatever their status): they go with it."""
    f = t.followup.c
    return conn.execute(select(func.count()).select_from(t.followup).where(
        f.meeting_id == meeting_id)).scalar()


def delete_meeting(conn, meeting_id: int) -> dict:
    """Delete the meeting, its minutes and the follow-ups it made; returns what went, in numbers
    (for the message): {"series", "date", "followups"}."""
    row = _meeting(conn, meeting_id)
    f = t.followup.c
    gone = conn.execute(delete(t.followup).where(f.meeting_id == meeting_id)).rowcount
    keep_id_mark(conn, meeting_id)
    conn.execute(delete(t.meeting).where(t.meeting.c.id == meeting_id))  # the rest cascades
    return {"series": row.series, "date": row.date, "followups": gone}


def edit_meeting(conn, meeting_id: int, *, title: str | None = None, date: dt.date | None = None,
                 series: str | None = None) -> None:
    """Retitle, re-date or move the meeting.  A title still in the house form ("Meeting Minutes:
    SERIES (DATE)") follows a new date or series; one written otherwise stays as written."""
    row = _meeting(conn, meeting_id)
    new_date = date or row.date
    sid = row.series_id
    new_series = row.series
    if series is not None:
        if not series.strip():
            raise BadInput("give the series a name")
        sid = series_ids(conn, [series.strip()])[series.strip()]
        new_series = conn.execute(select(t.series.c.name).where(t.series.c.id == sid)).scalar()
    m = t.meeting.c
    if (sid, new_date) != (row.series_id, row.date):
        clash = conn.execute(select(m.id).where(m.series_id == sid, m.date == new_date,
                                                m.id != meeting_id)).scalar()
        if clash is not None:
            raise BadInput(f"the {new_series} meeting of {new_date} exists already (id {clash})")
    heading = _title(conn, meeting_id)
    if title is None and heading is not None and heading.text == house_title(row.series, row.date):
        title = house_title(new_series, new_date)
    if title is not None:
        title = " ".join(title.split())
        if not title:
            raise BadInput("a meeting needs a title")
        if heading is not None:
            conn.execute(update(t.section).where(t.section.c.id == heading.id).values(text=title))
        else:  # minutes without a title line get one, on top
            c = t.section.c
            conn.execute(update(t.section).where(c.meeting_id == meeting_id).values(
                position=c.position + 1))
            conn.execute(insert(t.section).values(meeting_id=meeting_id, position=0, kind="title",
                                                  level=1, text=title, blank_before=False))
    conn.execute(update(t.meeting).where(m.id == meeting_id).values(
        series_id=sid, date=new_date, updated_at=utcnow()))
    if sid != row.series_id or new_date != row.date:
        _touch_followups(conn, meeting_id)


def _touch_followups(conn, meeting_id: int) -> None:
    """The meeting's follow-ups name it in the calendar (series, date): their SEQUENCE grows so
    that a calendar takes the new description."""
    f = t.followup.c
    conn.execute(update(t.followup).where(f.meeting_id == meeting_id).values(
        sequence=f.sequence + 1, updated_at=utcnow()))
