"""What each command does.  Every command is one transaction: all of it happens, or none."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from ..errors import BadInput, SvsmMeetError
from ..files import (DEFAULT_NAME_PATTERN, cannot_write, minutes_file_name, write_atomically,
                     write_folder)
from ..store.engine import make_engine, resolve_url, transaction
from ..store.migrate import ensure_schema
from ..words import due_words, plural
from .output import unescaped, write_document
from .series_commands import cmd_series
from .followup_commands import cmd_followups
from .publish_commands import cmd_publish


def _engine(args, upgrade: bool = True):
    engine = make_engine(resolve_url(args.db))
    if upgrade:
        ensure_schema(engine)
    return engine


def _output(args, text: str) -> None:
    if args.output and args.output != "-":
        path = Path(args.output)
        if path.is_dir():
            raise BadInput(f"-o {args.output}: is a directory; give a file name")
        try:
            write_atomically(path, text)
        except OSError as e:
            raise cannot_write(f"-o {args.output}", e) from None
    else:
        write_document(text)


# -- commands --------------------------------------------------------------------------------------


def cmd_meetings(args) -> int:
    if getattr(args, "meetings_command", None):
        from .meeting_commands import MEETING_COMMANDS

        return MEETING_COMMANDS[args.meetings_command](args)
    from ..store.reads import reading
    from ..store.summary import list_meetings

    with reading(resolve_url(args.db)) as conn:
        meetings = list_meetings(conn, args.series)
    states: dict[int, str] | None = None
    if getattr(args, "published", False) and meetings:
        from ..store.publications import publication_states

        with transaction(_engine(args), write=False) as conn:
            states = publication_states(conn)
    if args.json:
        listed = [m.to_dict() for m in meetings]
        if states is not None:
            for entry, m in zip(listed, meetings):
                entry["publication"] = states.get(m.id, "never")
        print(json.dumps(listed, ensure_ascii=False, indent=2))
        return 0
    if not meetings:
        print("no meetings yet: 'svsm-meet import FILE' or 'svsm-meet new --series NAME --date DATE'")
    width = max((len(str(m.id)) for m in meetings), default=2)
    marks = {"published": "published", "changed since": "changed"}
    for m in meetings:
        mark = "" if states is None else f"{marks.get(states.get(m.id), ''):<9}  "
        print(f"{m.id:>{width}}  {m.date}  {mark}{m.series:<24}  {m.title or ''}".rstrip())
    return 0


def cmd_new(args) -> int:
    from ..dates import check_zone, parse_date, parse_time
    from ..store.entries import create_meeting

    date = parse_date(args.date)
    start = parse_time(args.time) if args.time else None
    if args.timezone:
        check_zone(args.timezone)
    series = args.series.strip()
    if not series:
        raise BadInput("--series: give the series a name")
    engine = _engine(args)
    with transaction(engine) as conn:
        mid = create_meeting(conn, series, date, start, args.timezone)
    print(f"created meeting {mid}: {series}, {date}")
    from ..service import Service

    service = Service(resolve_url(args.db), engine=engine)
    roster = service.roster(mid)
    if roster:
        print("roster (from the series' recent meetings): " + ", ".join(roster))
    for f in service.carried_followups(mid):
        print(f"carried over: {f['text']} — {f['owner'] or 'unassigned'}, {due_words(f['due'])}")
    return 0


def cmd_import(args) -> int:
    from ..dates import parse_date
    from ..sources import read_minutes
    from ..store.documents import save_documents
    from ..store.followups import add_suggestions_for

    date = parse_date(args.date) if args.date else None
    # Read and parse everything before touching the database: a bad file leaves it unchanged.
    read = [(f, *read_minutes(Path(f), date=date, series=args.series)) for f in args.files]
    if args.replace:
        # Two files of one meeting: as if imported one after the other, the later one wins.
        last = {(d.series.casefold(), d.date): f for f, d, _ in read}
        for f, d, _ in read:
            if last[(d.series.casefold(), d.date)] != f:
                print(f"{f}: the same meeting as {last[(d.series.casefold(), d.date)]}, which replaces it")
        read = [(f, d, kind) for f, d, kind in read if last[(d.series.casefold(), d.date)] == f]
    docs = [d for _, d, _ in read]
    markdown = [d for _, d, kind in read if kind == "markdown"]
    from ..store.search_index import bulk_indexing

    with transaction(_engine(args)) as conn:
        with bulk_indexing(conn, lambda: [d.id for d in docs]):
            ids = save_documents(conn, docs, replace=args.replace)
            suggested = add_suggestions_for(conn, markdown)  # JSON brings its own follow-ups
    for doc, mid in zip(docs, ids):
        print(f"imported meeting {mid}: {doc.series}, {doc.date}")
    if suggested:
        print(f"{plural(suggested, 'follow-up')} suggested; see 'svsm-meet followups --all'")
    return 0


def cmd_export_ics(args) -> int:
    import datetime as dt

    from ..calendar import ics
    from ..calendar.checks import Skipped, rendered
    from ..calendar.items import followups, series_events

    skipped = Skipped()  # bad records older code let in: named, and the rest goes on
    with transaction(_engine(args), write=False) as conn:
        stamp = dt.datetime.now(dt.timezone.utc)
        todos = rendered(followups(conn, args.series, skipped=skipped),
                         lambda f: ics.todo_component(f, stamp), skipped)
        events = rendered(series_events(conn, args.series, skipped=skipped),
                          lambda e: ics.event_component(e, stamp), skipped)
    components = [c for _, c in todos + events]
    for line in skipped:
        sys.stderr.write(f"svsm-meet: warning: {line}\n")
    if args.series and not components and not skipped:
        raise BadInput(f"--series {args.series}: no such series, or nothing in it to export")
    body = ics.calendar(components)
    if args.output and args.output != "-":
        _output(args, body.decode("utf-8"))
    else:
        write_document(body)
    return 0


def cmd_export(args) -> int:
    if args.output is not None and not args.output:  # an empty variable in a script
        raise BadInput("-o: empty; give a file (a folder with --all), or - for standard output")
    if args.format == "ics":
        return cmd_export_ics(args)
    from ..store.documents import load_documents
    from ..store.summary import find_meeting
    from ..store.summary import list_meetings

    if args.format == "markdown":
        from ..formats.markdown_out import render
    else:
        from ..formats.json_format import dumps as render
    if args.all == bool(args.meeting):
        raise BadInput("export: give one MEETING, or --all with -o DIR")
    if args.name_pattern and not args.all:
        raise BadInput("--name-pattern goes with --all")
    with transaction(_engine(args), write=False) as conn:
        if not args.all:
            summary = find_meeting(conn, args.meeting, args.series)
            (doc,) = load_documents(conn, [summary.id])
            _output(args, render(doc))
            return 0
        if not args.output or args.output == "-":
            raise BadInput("export --all: give the folder to write to with -o DIR")
        meetings = list_meetings(conn, args.series)
        docs = load_documents(conn, [m.id for m in reversed(meetings)])
    out = Path(args.output)
    if out.exists() and not out.is_dir():
        raise BadInput(f"-o {args.output}: is a file; --all writes a folder of files")
    default = DEFAULT_NAME_PATTERN.replace(".md", ".json" if args.format == "json" else ".md")
    pattern = args.name_pattern or default
    names = [minutes_file_name(pattern, doc) for doc in docs]
    clashes = {n for n in names if names.count(n) > 1}
    if clashes:
        raise BadInput(
            f"--name-pattern {pattern}: several meetings would be written to {sorted(clashes)[0]};"
            " add {series} or {id} to the pattern"
        )
    try:
        write_folder(out, {name: render(doc) for name, doc in zip(names, docs)})
    except OSError as e:
        raise cannot_write(f"-o {args.output}", e) from None
    print(f"wrote {plural(len(docs), 'meeting')} to {out}")
    return 0


def cmd_note(args) -> int:
    from ..formats.labels import kind_of_text, split_label
    from ..model import Item
    from ..store.entries import append_item
    from ..store.summary import find_meeting

    text = args.text.strip()
    if not text:
        raise BadInput("note add: the note is empty")
    if "\n" in text:
        raise BadInput("note add: one line per note")
    label, kind, rest = split_label(text)
    item = Item(text=rest, kind=kind or kind_of_text(rest), label=label)
    with transaction(_engine(args)) as conn:
        summary = find_meeting(conn, args.meeting, args.series)
        iid = append_item(conn, summary.id, item)
    print(f"added item {iid} to meeting {summary.id}")
    return 0


def cmd_people(args) -> int:
    from ..store.people import alias, people_with_counts

    if args.people_command == "alias":
        if not args.other.strip():
            raise BadInput("people alias: give the other name")
        with transaction(_engine(args)) as conn:
            print(alias(conn, args.name.strip(), args.other.strip()))
        return 0
    with transaction(_engine(args), write=False) as conn:
        counted = people_with_counts(conn)
    keys = ("name", "affiliation", "aliases", "meetings")
    people = sorted(({k: p[k] for k in keys} for p in counted), key=lambda p: p["name"].casefold())
    if args.json:
        print(json.dumps(people, ensure_ascii=False, indent=2))
        return 0
    for p in people:
        extra = f" (also {', '.join(p['aliases'])})" if p["aliases"] else ""
        org = f", {p['affiliation']}" if p["affiliation"] else ""
        print(f"{p['meetings']:>4}  {p['name']}{org}{extra}")
    return 0


def cmd_search(args) -> int:
    from ..store.search import search

    if args.limit < 1:
        raise BadInput("--limit: at least 1")
    with transaction(_engine(args), write=False) as conn:
        hits = search(conn, args.query, args.limit)
    if args.json:
        print(json.dumps([h.to_dict() for h in hits], ensure_ascii=False, indent=2))
        return 0
    if not hits:
        print("no hits")
    for h in hits:
        print(f"{h.date or '—':10}  {h.kind:<9} {h.series or ''}: {h.snippet}  [meeting {h.meeting}]")
    return 0


class _Progress:
    """A progress bar on stderr, for a terminal only."""

    def __init__(self, what: str):
        self.what = what
        self.shown = sys.stderr.isatty()
        self.stream = unescaped(sys.stderr)  # our own text, carriage returns and all

    def __call__(self, done: int, total: int) -> None:
        if not self.shown or not total:
            return
        width = 30
        full = width * done // total
        self.stream.write(f"\r{self.what} [{'#' * full}{'.' * (width - full)}] {done}/{total}")
        if done == total:
            self.stream.write("\n")
        self.stream.flush()


def _report(report) -> None:
    print(report.summary())
    for line in report.notes:
        print(f"  {line}")
    for line in report.conflicts:
        print(f"  conflict: {line}")
    for line in report.skipped:  # records or calendar objects left out, each named
        sys.stderr.write(f"svsm-meet: warning: {line}\n")


def cmd_sync(args) -> int:
    from ..calendar.sync import sync

    engine = _engine(args)
    if args.sync_command == "vdir":
        from ..calendar.vdir import Vdir

        remote = Vdir(Path(args.folder).expanduser())
    else:
        from ..calendar.caldav import DEADLINE, CalDAV, password_for

        deadline = DEADLINE if args.deadline is None else args.deadline
        if not 0 < deadline <= 86400:
            raise BadInput("--deadline: a number of seconds, more than 0 and at most a day")
        remote = CalDAV(args.url, args.user, password_for(args.url, args.user), args.calendar,
                        deadline=deadline)
    _report(sync(engine, remote, args.series, progress=_Progress("syncing"),
                 accept_deletions=args.accept_deletions))
    return 0


def cmd_db(args) -> int:
    from ..store.migrate import upgrade
    from ..store.urls import shown_url

    revision = upgrade(_engine(args, upgrade=False))
    shown = shown_url(resolve_url(args.db))
    print(f"database at schema revision {revision}: {shown}")
    return 0


def cmd_demo(args) -> int:
    """Put the bundled demo meeting in the database (once) and list the meetings.  It says which
    database, and how to take the demo out again: it may well be the user's real one."""
    from ..service import Service
    from ..store.urls import shown_url

    url = resolve_url(args.db)
    where = url.removeprefix("sqlite:///") if url.startswith("sqlite:///") else shown_url(url)
    mid, created = Service(url, engine=_engine(args)).import_demo()
    print(f"{'imported' if created else 'already there:'} the demo meeting (SVSM Development Call, "
          f"2024-05-15) in {where}; 'svsm-meet meetings delete {mid}' takes it out (--db PATH "
          "puts it in another database)")
    args.json, args.series = False, None
    return cmd_meetings(args)


def cmd_tui(args) -> int:
    """The terminal app: the meetings screen, or with `open MEETING` that meeting's minutes."""
    from ..config import load_config
    from ..service import Service

    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise BadInput("the terminal app needs a terminal; for scripts see 'svsm-meet --help'")
    service = Service(resolve_url(args.db), load_config())
    meeting = None
    if args.command == "open":
        from ..store.summary import find_meeting

        with transaction(service.engine, write=False) as conn:
            meeting = find_meeting(conn, args.meeting, args.series).id
    from ..tui.app import SvsmMeetApp

    app = SvsmMeetApp(service, meeting, debug=args.debug)
    app.run()
    if app.failure:
        raise SvsmMeetError(app.failure)
    return app.return_code or 0


COMMANDS = {
    "meetings": cmd_meetings,
    "new": cmd_new,
    "import": cmd_import,
    "export": cmd_export,
    "note": cmd_note,
    "followups": cmd_followups,
    "sync": cmd_sync,
    "search": cmd_search,
    "people": cmd_people,
    "series": cmd_series,
    "publish": cmd_publish,
    "db": cmd_db,
    "demo": cmd_demo,
    "open": cmd_tui,
    None: cmd_tui,
}


def run(args) -> int:
    return COMMANDS[args.command](args)
