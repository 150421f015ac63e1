"""The decisions log: every bullet of kind "decision", with its meeting and topic."""

from __future__ import annotations

from sqlalchemy import select

from . import schema as t


def decision_log(conn, limit: int = 1000) -> list[dict]:
    """Newest first: id, label, text, meeting, date, series, topic."""
    i, m, s, sec = t.item.c, t.meeting.c, t.series.c, t.section.c
    rows = conn.execute(
        select(i.id, i.label, i.text, m.id.label("meeting"), m.date, s.name.label("series"),
               sec.text.label("topic"))
        .join(t.meeting, m.id == i.meeting_id).join(t.series, s.id == m.series_id)
        .outerjoin(t.section, sec.id == i.section_id)
        .where(i.kind == "decision").order_by(m.date.desc(), i.id).limit(limit)
    ).mappings().all()
    return [dict(r) for r in rows]
