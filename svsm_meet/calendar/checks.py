"""Whether a stored record can go into a calendar: its dates within the years every part can
carry, its zones IANA names.  Older code let in records that are not (a meeting on 9999-12-31, a
zone 'Mars/Olympus'); such a record is skipped, with a line naming it, so that the export or sync
of all the others goes on."""

from __future__ import annotations

from ..dates import FIRST_YEAR, LAST_YEAR, check_zone, in_range
from ..errors import BadInput

# What rendering a bad record can raise: out-of-range arithmetic, a zone zoneinfo cannot load
# (ZoneInfoNotFoundError is a KeyError), a value of the wrong kind.
RENDER_ERRORS = (BadInput, ValueError, OverflowError, KeyError, TypeError, OSError)


def _dates(**values) -> None:
    for what, value in values.items():
        if value is not None and not in_range(value):
            raise BadInput(f"its {what.replace('_', ' ')} {value:%Y-%m-%d} is outside the years "
                           f"{FIRST_YEAR}–{LAST_YEAR}")


def _zones(*names) -> None:
    for name in names:
        if name:
            check_zone(name)


def check_followup_row(row) -> None:
    """BadInput saying what is wrong with a follow-up's row (calendar_rows.followup_rows)."""
    _zones(row.meeting_tz or row.series_tz, row.due_tz)
    _dates(meeting_date=row.meeting_date, due_date=row.due_date, due_time=row.due_at,
           recheck_date=row.recheck_date)


def check_event(event) -> None:
    """BadInput saying what is wrong with a series' event (items.EventData)."""
    _zones(event.timezone)
    _dates(first_date=event.start)


class Skipped(list):
    """The lines naming the records left out, and their UIDs: a sync must not take a record it
    left out for one deleted here, and delete it over there."""

    def __init__(self) -> None:
        super().__init__()
        self.uids: set[str] = set()

    def add(self, uid: str, what: str, error: Exception) -> None:
        self.uids.add(uid)
        self.append(skipped_line(what, error))


def followup_name(row) -> str:
    return f"follow-up {row.id} ({row.uid})"


def skipped_line(what: str, error: Exception) -> str:
    why = str(error) if isinstance(error, BadInput) else type(error).__name__
    return f"skipped {what}: {why}"


def rendered(records, render, skipped: Skipped) -> list[tuple]:
    """(record, RENDER(record)) for each record that renders; each other one goes to SKIPPED."""
    out = []
    for record in records:
        try:
            out.append((record, render(record)))
        except RENDER_ERRORS as e:
            skipped.add(record.uid, record_name(record), e)
    return out


def record_name(record) -> str:
    """A TodoData or EventData, as skipped_line names it."""
    if hasattr(record, "status"):
        return followup_name(record)
    return f"the series {record.series!r}"
