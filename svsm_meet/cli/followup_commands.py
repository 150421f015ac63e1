"""The follow-ups commands: list, add, edit, done.  An owner is named as anywhere else: through
the one name matcher (names.py), a new person where nobody matches, refused where several do."""

from __future__ import annotations

import json

from ..errors import BadInput
from ..store.engine import resolve_url, transaction


def _engine(args):
    from .commands import _engine  # one way to open (and upgrade) the database

    return _engine(args)


def cmd_followups(args) -> int:
    if args.followups_command:
        return FOLLOWUP_COMMANDS[args.followups_command](args)
    from ..store.followup_list import list_followups
    from ..store.reads import reading

    with reading(resolve_url(args.db)) as conn:
        followups = list_followups(conn, include_all=args.all)
    if args.json:
        print(json.dumps(followups, ensure_ascii=False, indent=2))
        return 0
    if not followups:
        print("no open follow-ups" if not args.all else "no follow-ups")
    for f in followups:
        due = f["due"] or (f"? (ask again {f['recheck']})" if f["recheck"] else "—")
        status = "" if f["status"] == "open" else f" [{f['status']}]"
        print(f"{f['id']:>4}  {f['owner'] or 'unassigned':<22}  {due:<25}  {f['text']}{status}")
    return 0


def _due_of(conn, text: str | None, meeting_id: int | None):
    """--due, counted from the meeting's date (today without one)."""
    from ..store.followup_edits import due_for

    return due_for(conn, text, meeting_id)


def _owner_of(conn, typed: str, meeting_id: int | None):
    """--owner: the person the name matcher finds, or a new one, said so on stdout."""
    from ..store.followup_edits import owner_for

    named = owner_for(conn, typed, meeting_id)
    if named.new:
        print(f"new person: {named.name}")
    return named.id


def cmd_followups_add(args) -> int:
    from ..store.followups import create_followup
    from ..store.meetings import has_meetings
    from ..store.summary import find_meeting

    text = args.text.strip()
    if not text:
        raise BadInput("followups add: say what is to be done")
    with transaction(_engine(args)) as conn:
        meeting = find_meeting(conn, args.meeting or "latest") if args.meeting or has_meetings(conn) \
            else None
        mid = meeting.id if meeting else None
        due = _due_of(conn, args.due, mid)
        owner = _owner_of(conn, args.owner, mid) if args.owner and args.owner.strip() else None
        fid = create_followup(conn, mid, None, text, None, due, owner_id=owner)
    print(f"added follow-up {fid}")
    return 0


def cmd_followups_edit(args) -> int:
    from ..store.followup_edits import edit_followup
    from ..store.followups import find_followup

    if args.text is not None and not args.text.strip():
        raise BadInput("--text: a follow-up needs text")
    with transaction(_engine(args)) as conn:
        find_followup(conn, args.ref)  # an unknown ID is said before anything else
        if not any(v is not None for v in (args.text, args.owner, args.due)) and not args.status:
            raise BadInput("followups edit: nothing to change; give --text, --owner, --due or --status")
        done = edit_followup(conn, args.ref, text=args.text, owner=args.owner, due=args.due,
                             status=args.status)
    if done.new_person:
        print(f"new person: {done.new_person}")
    print(f"changed follow-up {done.id}")
    return 0


def cmd_followups_done(args) -> int:
    from ..store.followups import find_followup, update_followup

    with transaction(_engine(args)) as conn:
        row = find_followup(conn, args.ref)
        if row["status"] == "done":
            raise BadInput(f"follow-up {row['id']} is done already")
        update_followup(conn, row["id"], status="done")
    print(f"follow-up {row['id']} done")
    return 0


FOLLOWUP_COMMANDS = {"add": cmd_followups_add, "edit": cmd_followups_edit, "done": cmd_followups_done}
