"""A meeting in a list: its id, date, series, title and open follow-ups (no SQLAlchemy here)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class MeetingSummary:
    id: int
    date: dt.date
    series: str
    title: str | None
    open_followups: int = 0

    def to_dict(self) -> dict:
        return {"id": self.id, "date": self.date.isoformat(), "title": self.title, "series": self.series,
                "open_followups": self.open_followups}


# The meetings list in plain SQL, so that the terminal app's first screen can run it with the
# standard library's sqlite3 before SQLAlchemy has loaded (store/quick.py); same query both ways.
LIST_SQL = """
SELECT m.id, m.date, s.name, sec.text,
       (SELECT count(*) FROM followup f WHERE f.meeting_id = m.id AND f.status = 'open')
FROM meeting m
JOIN series s ON s.id = m.series_id
LEFT JOIN section sec ON sec.meeting_id = m.id AND sec.kind = 'title'
ORDER BY m.date DESC, s.name
"""


def summaries(rows) -> list[MeetingSummary]:
    out = []
    for mid, date, series, title, open_count in rows:
        if isinstance(date, str):
            date = dt.date.fromisoformat(date)
        out.append(MeetingSummary(mid, date, series, title, open_count))
    return out
