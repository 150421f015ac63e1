"""Creating meetings and adding to them, one entry at a time."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from ..errors import BadInput
from ..formats.titles import house_title
from ..model import Document, Item, Layout, Section
from . import schema as t
from .documents import existing_meetings, save_documents
from .series import series_ids
from .series_style import series_style


def create_meeting(
    conn,
    series: str,
    date: dt.date,
    start_time: dt.time | None = None,
    timezone: str | None = None,
) -> int:
    """A new meeting in the house style: its title and an attendees heading, its bullets with
    the series' marker and indent (store/series_style.py).  Without a time or zone of its own it
    takes its series' (where people set them)."""
    sid = series_ids(conn, [series])[series]
    row = conn.execute(select(t.series.c.name, t.series.c.start_time, t.series.c.timezone)
                       .where(t.series.c.id == sid)).one()
    series = row.name  # as first named
    start_time = start_time or row.start_time
    timezone = timezone or row.timezone
    found = existing_meetings(conn, [(sid, date)])
    if found:
        raise BadInput(f"the {series} meeting of {date} exists already (id {found[(sid, date)]})")
    style, _ = series_style(conn, sid)
    doc = Document(
        series=series,
        date=date,
        start_time=start_time,
        timezone=timezone,
        layout=Layout(bullet=style.bullet, indent=style.indent),
        sections=[
            Section("title", 1, house_title(series, date), blank_before=False),
            Section("attendees", 2, "Attendees:"),
        ],
    )
    return save_documents(conn, [doc])[0]


def append_item(conn, meeting_id: int, item: Item) -> int:
    """Add ITEM as the last top-level bullet of the meeting's last section.

    A meeting that has only its title and attendees so far gets a "Notes:" section for it.
    """
    from .editing import add_section, insert_item, lock_meeting

    lock_meeting(conn, meeting_id)
    last_section = conn.execute(
        select(t.section.c.id, t.section.c.kind, t.section.c.position)
        .where(t.section.c.meeting_id == meeting_id)
        .order_by(t.section.c.position.desc())
        .limit(1)
    ).first()
    section_id = last_section.id if last_section else None
    if last_section and last_section.kind in ("title", "attendees"):
        section_id = add_section(conn, meeting_id, "topic", 2, "Notes:")
    return insert_item(conn, meeting_id, section_id, None, item)
