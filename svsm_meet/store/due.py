"""A follow-up's due date in its columns: due_date, or due_at (UTC) with due_tz, or unknown
with due_reason and recheck_date."""

from __future__ import annotations

from datetime import UTC

from ..model import Due


def due_columns(due: Due | None) -> dict:
    due = due or Due()
    return {
        "due_date": due.date,
        "due_at": due.at.astimezone(UTC).replace(tzinfo=None) if due.at else None,
        "due_tz": getattr(due.at.tzinfo, "key", None) if due.at else None,
        "due_reason": due.unknown_reason,
        "recheck_date": due.recheck,
    }


def due_of(row) -> Due:
    at = None
    if row.due_at is not None:
        from zoneinfo import ZoneInfo

        at = row.due_at.replace(tzinfo=UTC)
        if row.due_tz:
            at = at.astimezone(ZoneInfo(row.due_tz))
    return Due(date=row.due_date, at=at, unknown_reason=row.due_reason, recheck=row.recheck_date)
