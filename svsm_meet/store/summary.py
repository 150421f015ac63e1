"""A meeting in a list: its id, date, series, title and open follow-ups (no SQLAlchemy here)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..errors import BadInput
from .reads import as_date, rows


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


# Plain SQL, so that it runs on sqlite3 before SQLAlchemy has loaded (store/reads.py).
LIST_SQL = """
SELECT m.id, m.date, s.name, sec.text,
       (SELECT count(*) FROM followup f WHERE f.meeting_id = m.id AND f.status = 'open')
FROM meeting m
JOIN series s ON s.id = m.series_id
LEFT JOIN section sec ON sec.meeting_id = m.id AND sec.kind = 'title'
ORDER BY m.date DESC, s.name
"""


def list_meetings(conn, series: str | None = None) -> list[MeetingSummary]:
    """Most recent first; with SERIES, that series' only (its name in any case)."""
    found = [MeetingSummary(mid, as_date(date), name, title, open_count)
             for mid, date, name, title, open_count in rows(conn, LIST_SQL)]
    if series:
        found = [m for m in found if m.series.casefold() == series.casefold()]
    return found


def find_meeting(conn, selector: str, series: str | None = None) -> MeetingSummary:
    """The one meeting SELECTOR (an id, a date YYYY-MM-DD or 'latest') names, or BadInput saying
    why there is none.  Picked from the list itself: the same rows, the same series matching."""
    found = list_meetings(conn, series)
    selector = selector.strip()
    if selector.isdigit():
        found = [m for m in found if m.id == int(selector)]
    elif selector == "latest":
        found = [max(found, key=lambda m: (m.date, m.id))] if found else []
    else:
        try:
            date = dt.date.fromisoformat(selector)
        except ValueError:
            raise BadInput(
                f"'{selector}' is not a meeting: give an id, a date YYYY-MM-DD or 'latest'"
            ) from None
        found = [m for m in found if m.date == date]
    where = f" in series '{series}'" if series else ""
    if not found:
        raise BadInput(f"no meeting matches '{selector}'{where}")
    if len(found) > 1:
        names = ", ".join(sorted(m.series for m in found))
        raise BadInput(f"'{selector}' matches meetings of several series ({names}); add --series")
    return found[0]
