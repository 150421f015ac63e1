"""The rows a calendar is made from: follow-ups with their meeting and series, the bullets they
came from (calendar/items.py turns them into VTODO data; series events come from store/series.py)."""

from __future__ import annotations

from sqlalchemy import and_, select

from . import schema as t
from .series import series_id_for


def followup_rows(conn, series: str | None = None, statuses=("open",), ids=None) -> list:
    """Follow-ups with owner_name, meeting_date, series_id, meeting_tz, series_name, series_tz
    and title (the meeting's), by id."""
    f, p, m, sr, sec = t.followup.c, t.person.c, t.meeting.c, t.series.c, t.section.c
    query = (
        select(t.followup, p.name.label("owner_name"), m.date.label("meeting_date"),
               m.series_id, m.timezone.label("meeting_tz"), sr.name.label("series_name"),
               sr.timezone.label("series_tz"), sec.text.label("title"))
        .outerjoin(t.person, p.id == f.owner_id)
        .outerjoin(t.meeting, m.id == f.meeting_id)
        .outerjoin(t.series, sr.id == m.series_id)
        .outerjoin(t.section, and_(sec.meeting_id == m.id, sec.kind == "title"))
        .where(f.status.in_(statuses))
        .order_by(f.id)
    )
    if series:
        query = query.where(m.series_id == series_id_for(conn, series))
    if ids is not None:
        query = query.where(f.id.in_(ids))
    return conn.execute(query).all()


def topic_and_bullet(conn, item_ids: list[int]) -> dict[int, tuple[str | None, str]]:
    """By item id, its section's heading and the bullet as written (label and text)."""
    if not item_ids:
        return {}
    i, s = t.item.c, t.section.c
    rows = conn.execute(
        select(i.id, i.label, i.text, s.text).outerjoin(t.section, s.id == i.section_id)
        .where(i.id.in_(item_ids))
    )
    return {iid: (topic, (label or "") + text) for iid, label, text, topic in rows}
