"""The follow-ups list: what `svsm-meet followups`, the follow-ups screen, a person's page and the
carried-over list all read.  Plain SQL (store/reads.py), so the command line answers without
loading SQLAlchemy."""

from __future__ import annotations

from types import SimpleNamespace

from .due import due_of
from .reads import as_date, as_datetime, rows

_SQL = """
SELECT f.id, f.uid, f.text, f.owner_text, f.due_date, f.due_at, f.due_tz, f.due_reason,
       f.recheck_date, f.status, f.meeting_id, f.sequence, p.name, m.date, s.name
FROM followup f
LEFT JOIN person p ON p.id = f.owner_id
LEFT JOIN meeting m ON m.id = f.meeting_id
LEFT JOIN series s ON s.id = m.series_id
{where}
ORDER BY f.due_date IS NULL, f.due_date, f.id
"""


def list_followups(conn, include_all: bool = False, owner_id: int | None = None) -> list[dict]:
    """Open follow-ups (with ALL: suggested, done and dropped too; with OWNER_ID, that person's
    only), soonest due first."""
    where, params = [], {}
    if not include_all:
        where.append("f.status = 'open'")
    if owner_id is not None:
        where.append("f.owner_id = :owner")
        params["owner"] = owner_id
    sql = _SQL.format(where=("WHERE " + " AND ".join(where)) if where else "")
    out = []
    for (fid, uid, text, owner_text, due_date, due_at, due_tz, due_reason, recheck, status,
         meeting_id, sequence, owner_name, meeting_date, series) in rows(conn, sql, params):
        due = due_of(SimpleNamespace(due_date=as_date(due_date), due_at=as_datetime(due_at),
                                     due_tz=due_tz, due_reason=due_reason, recheck_date=as_date(recheck)))
        when = due.date or due.at
        meeting_date = as_date(meeting_date)
        out.append({
            "id": fid,
            "uid": uid,
            "text": text,
            "owner": owner_name or owner_text,
            "due": when.isoformat() if when else None,
            "due_unknown": due_reason,
            "recheck": due.recheck.isoformat() if due.recheck else None,
            "status": status,
            "meeting": meeting_id,
            "meeting_date": meeting_date.isoformat() if meeting_date else None,
            "series": series,
            "sequence": sequence,
        })
    return out
