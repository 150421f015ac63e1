"""`svsm-meet meetings delete ID` and `meetings edit ID --title/--date/--series`: the same service
functions the meetings screen calls."""

from __future__ import annotations

from ..errors import BadInput
from ..store.engine import resolve_url


def add_actions(s) -> None:
    """The actions under `meetings` (without one, `meetings` lists them)."""
    ma = s.add_subparsers(dest="meetings_command", metavar="ACTION")
    d = ma.add_parser("delete", help="delete a meeting, its minutes and its follow-ups")
    d.add_argument("meeting", metavar="MEETING", help="an id, a date or 'latest'")
    e = ma.add_parser("edit", help="retitle, re-date or move a meeting to another series")
    e.add_argument("meeting", metavar="MEETING", help="an id, a date or 'latest'")
    e.add_argument("--title", metavar="T", help="the title line")
    e.add_argument("--date", metavar="D", help="2024-05-22, or +1w from the meeting's date")
    e.add_argument("--series", dest="to_series", metavar="S", help="the series it belongs to")


def _service(args):
    from ..service import Service
    from .commands import _engine  # one way to open (and upgrade) the database

    return Service(resolve_url(args.db), engine=_engine(args))


def _meeting(service, args):
    # `meetings --series S edit …`: the parent's --series picks among meetings of one date.
    from ..store.engine import transaction
    from ..store.summary import find_meeting

    with transaction(service.engine, write=False) as conn:
        return find_meeting(conn, args.meeting, getattr(args, "series", None))


def cmd_meetings_delete(args) -> int:
    service = _service(args)
    meeting = _meeting(service, args)
    gone = service.delete_meeting(meeting.id)
    n = gone["followups"]
    print(f"deleted meeting {meeting.id}: {gone['series']}, {gone['date']}"
          + (f", with {n} follow-up{'s' if n != 1 else ''}" if n else ""))
    return 0


def cmd_meetings_edit(args) -> int:
    if args.title is None and args.date is None and args.to_series is None:
        raise BadInput("meetings edit: nothing to change; give --title, --date or --series")
    service = _service(args)
    meeting = _meeting(service, args)
    service.edit_meeting(meeting.id, title=args.title, date=args.date, series=args.to_series)
    print(f"changed meeting {meeting.id}")
    return 0


MEETING_COMMANDS = {"delete": cmd_meetings_delete, "edit": cmd_meetings_edit}
