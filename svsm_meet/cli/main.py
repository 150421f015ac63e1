"""The command line: parse, run one command in one transaction, report errors in one line."""

from __future__ import annotations

import argparse
import sys

PROG = "svsm-meet"


class _Parser(argparse.ArgumentParser):
    """Usage errors as one line on stderr and exit status 2."""

    def error(self, message: str):
        sys.stderr.write(f"{PROG}: {message} (see '{self.prog} --help')\n")
        raise SystemExit(2)


class _Unused:
    """A subcommand this run does not ask for: its arguments are not built (argparse takes ~6 ms
    for all of them, on every command)."""

    def __getattr__(self, name):
        return lambda *args, **kwargs: self


class _OnlyAsked:
    """The subparsers action, building only the command named on the command line."""

    def __init__(self, sub, wanted: str | None):
        self.sub, self.wanted, self.names = sub, wanted, []

    def add_parser(self, name, **kwargs):
        self.names.append(name)
        if self.wanted is None or name == self.wanted:
            return self.sub.add_parser(name, **kwargs)
        return _Unused()


def _command_word(argv: list[str] | None) -> str | None:
    """The subcommand ARGV names, or None (help, or none given): then every one is built."""
    args = list(sys.argv[1:] if argv is None else argv)
    while args:
        word = args.pop(0)
        if word == "--db":
            args = args[1:]
        elif not word.startswith("-"):
            return word
        elif word in ("-h", "--help"):
            return None
    return None


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser: with ONLY, of that subcommand alone (the others stay unbuilt)."""
    p = _Parser(prog=PROG, description="Minutes of recurring calls: live in the terminal, "
                "published as Markdown, follow-ups in everybody's calendar.",
                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--db", metavar="PATH_OR_URL",
                   help="SQLite file or SQLAlchemy URL (default: $SVSM_MEET_DB, else the user data dir)")
    p.add_argument("--debug", action="store_true", help="show tracebacks of failures")
    sub = _OnlyAsked(p.add_subparsers(dest="command", metavar="COMMAND"), only)

    s = sub.add_parser("open", help="the terminal app, straight on a meeting's minutes")
    s.add_argument("meeting", metavar="MEETING", help="an id, a date or 'latest'")
    s.add_argument("--series", metavar="S", help="the series, where two meet on one date")

    s = sub.add_parser("meetings", help="list meetings, most recent first")
    s.add_argument("--json", action="store_true", help="a JSON list of {id, date, title, series}")
    s.add_argument("--series", metavar="S", help="only this series")
    s.add_argument("--published", action="store_true",
                   help="mark each meeting published, changed (since) or neither (slower: it renders "
                        "each published meeting)")
    from .meeting_commands import add_actions as add_meeting_actions

    add_meeting_actions(s)

    s = sub.add_parser("new", help="create a meeting")
    s.add_argument("--series", required=True, metavar="NAME")
    s.add_argument("--date", required=True, metavar="DATE", help="2024-05-15, 'May 15', 'next wed'")
    s.add_argument("--time", metavar="HH:MM", help="start time")
    s.add_argument("--timezone", metavar="ZONE", help="IANA time zone, e.g. Europe/Berlin")

    s = sub.add_parser("import", help="import Markdown or JSON minutes (all or nothing)")
    s.add_argument("files", nargs="+", metavar="FILE")
    s.add_argument("--date", metavar="D", help="the date, where neither title nor file name has one")
    s.add_argument("--series", metavar="S", help="the series (default: from the title)")
    s.add_argument("--replace", action="store_true", help="overwrite meetings that exist already")

    s = sub.add_parser("export", help="minutes as Markdown or JSON; follow-ups and meetings as ICS")
    fmt = s.add_subparsers(dest="format", metavar="FORMAT", required=True)
    f = fmt.add_parser("ics", help="open follow-ups (VTODO) and the series' meetings (VEVENT)")
    f.add_argument("--series", metavar="S", help="only this series")
    f.add_argument("-o", "--output", metavar="FILE", help="a file (default: standard output)")
    for name in ("markdown", "json"):
        f = fmt.add_parser(name, help=f"one meeting (or --all) as {name.capitalize()}")
        f.add_argument("meeting", nargs="?", metavar="MEETING", help="an id, a date or 'latest'")
        f.add_argument("--series", metavar="S", help="the series, where two meet on one date")
        f.add_argument("-o", "--output", metavar="PATH", help="a file (a folder with --all)")
        f.add_argument("--all", action="store_true", help="every meeting, one file each, into -o DIR")
        f.add_argument("--name-pattern", metavar="P", default=None,
                       help="file names for --all (default: devel-call-{date}.md); "
                       "fields: {date} {series} {id}")

    s = sub.add_parser("note", help="add to a meeting's minutes")
    note = s.add_subparsers(dest="note_command", metavar="ACTION", required=True)
    a = note.add_parser("add", help="add a bullet at the end of the meeting")
    a.add_argument("meeting", metavar="MEETING")
    a.add_argument("text", metavar="TEXT")
    a.add_argument("--series", metavar="S")

    s = sub.add_parser("followups", help="follow-ups: list, add, edit, done")
    s.add_argument("--json", action="store_true",
                   help="a JSON list of {id, uid, text, owner, due, status, meeting, ...}")
    s.add_argument("--all", action="store_true", help="suggested, done and dropped ones too")
    fu = s.add_subparsers(dest="followups_command", metavar="ACTION")
    a = fu.add_parser("add", help="a new open follow-up")
    a.add_argument("text", metavar="TEXT")
    a.add_argument("--owner", metavar="N")
    a.add_argument("--due", metavar="D", help="2024-06-07, +2w, '2024-06-07 16:00 Europe/Berlin', "
                   "'unknown: why', 'next meeting'")
    a.add_argument("--meeting", metavar="M", help="the meeting it comes from (default: latest)")
    e = fu.add_parser("edit", help="change a follow-up")
    e.add_argument("ref", metavar="ID", help="its id or UID")
    e.add_argument("--text", metavar="T")
    e.add_argument("--owner", metavar="N", help="a name; '' for nobody")
    e.add_argument("--due", metavar="D", help="as for add; '' for none")
    e.add_argument("--status", metavar="S", choices=["suggested", "open", "done", "dropped"])
    d = fu.add_parser("done", help="mark a follow-up done")
    d.add_argument("ref", metavar="ID", help="its id or UID")

    s = sub.add_parser("people", help="the people directory: list, or give someone another name")
    s.add_argument("--json", action="store_true", help="a JSON list of {name, affiliation, aliases, meetings}")
    pe = s.add_subparsers(dest="people_command", metavar="ACTION")
    a = pe.add_parser("alias", help="ALIAS is another name of NAME (merging the two if both exist)")
    a.add_argument("name", metavar="NAME")
    a.add_argument("other", metavar="ALIAS")

    s = sub.add_parser("series", help="the recurring calls: cadence, time, zone and house style (list, edit)")
    se = s.add_subparsers(dest="series_command", metavar="ACTION")
    a = se.add_parser("list", help="each series: cadence in words and RRULE, set or inferred, time, next")
    a.add_argument("--json", action="store_true", help="a JSON list of {name, cadence, rrule, "
                   "cadence_source, time, timezone, next_meeting, ...}")
    e = se.add_parser("edit", help="set a series' cadence, start time, time zone or house style "
                      "('' clears one)")
    e.add_argument("name", metavar="NAME")
    e.add_argument("--cadence", metavar="C", help="weekly, biweekly, 'every 3 weeks', "
                   "'monthly on the 2nd wednesday', or an RRULE; 'unknown' to infer it again")
    e.add_argument("--time", metavar="HH:MM", help="start time")
    e.add_argument("--timezone", metavar="ZONE", help="IANA time zone, e.g. Europe/Berlin")
    from .style_options import add_arguments as add_style_arguments

    add_style_arguments(e)
    s.set_defaults(json=False)

    from .publish_commands import add_parser as add_publish_parser

    add_publish_parser(sub)

    s = sub.add_parser("search", help="search every meeting: words, \"phrases\", person:, kind:, "
                       "since:, until:, series:")
    s.add_argument("query", nargs="+", metavar="QUERY")
    s.add_argument("--json", action="store_true", help="a JSON list of {meeting, date, kind, snippet, ...}")
    s.add_argument("--limit", type=int, default=20, metavar="N")

    s = sub.add_parser("sync", help="follow-ups into calendars")
    sy = s.add_subparsers(dest="sync_command", metavar="TARGET", required=True)
    v = sy.add_parser("vdir", help="a folder of .ics files, one per item (khal, todoman, vdirsyncer)")
    v.add_argument("folder", metavar="DIR")
    v.add_argument("--series", metavar="S", help="only this series")
    v.add_argument("--accept-deletions", action="store_true",
                   help="drop here the follow-ups deleted in the calendar even where many are")
    c = sy.add_parser("caldav", help="a CalDAV calendar, both ways")
    c.add_argument("--url", required=True, metavar="URL")
    c.add_argument("--user", required=True, metavar="U")
    c.add_argument("--calendar", default="svsm-meet", metavar="NAME",
                   help="its display name (made if missing; default: svsm-meet)")
    c.add_argument("--series", metavar="S", help="only this series")
    c.add_argument("--accept-deletions", action="store_true",
                   help="drop here the follow-ups deleted in the calendar even where many are")
    c.add_argument("--deadline", type=float, default=None, metavar="SECONDS",
                   help="give up a sync that takes longer (default: 60)")

    s = sub.add_parser("db", help="database maintenance")
    db = s.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    db.add_parser("upgrade", help="bring the database schema up to date")

    sub.add_parser("demo", help="import the bundled demo meeting (if missing) and list meetings")
    p.epilog = "Without a COMMAND, svsm-meet opens the terminal app on the meetings screen."
    return p


def _built(parser: argparse.ArgumentParser) -> set[str]:
    actions = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return set(actions[0].choices) if actions else set()


def main(argv: list[str] | None = None) -> int:
    from .output import terminal_safe

    with terminal_safe():  # every line printed, usage errors included, escaped for the terminal
        return _run(argv)


def _run(argv: list[str] | None) -> int:
    word = _command_word(argv)
    parser = build_parser(only=word)
    if word is not None and word not in _built(parser):
        parser = build_parser()  # a misspelt command: argparse lists them all
    args, extra = parser.parse_known_args(argv)
    if extra and (args.command != "import" or any(word.startswith("-") for word in extra)):
        parser.parse_args(argv)  # argparse's own usage error for what it does not know
    if extra:
        args.files += extra  # "import a.md --date D b.md": files on both sides of an option
    from ..errors import SvsmMeetError

    try:
        from . import commands

        return commands.run(args)
    except SvsmMeetError as e:
        if args.debug:
            raise
        sys.stderr.write(f"{PROG}: {e}\n")
        return e.exit_code
    except KeyboardInterrupt as e:
        # A sync commits each object at once: it says what it had saved (calendar/sync.py).
        saved = getattr(e, "saved", None) or "nothing was saved by this command"
        sys.stderr.write(f"{PROG}: interrupted; {saved}\n")
        return 130
    except BrokenPipeError:
        return 1
    except Exception as e:  # noqa: BLE001 - the user gets one line; --debug shows the rest
        if args.debug:
            raise
        sys.stderr.write(f"{PROG}: {_describe(e)} (run with --debug for details)\n")
        return 1


def _describe(error: Exception) -> str:
    """One line for an unexpected failure, e.g. a database that is locked or unreachable."""
    orig = getattr(error, "orig", None)  # SQLAlchemy wraps the driver's error
    text = str(orig or error).strip().splitlines()
    return f"{type(orig or error).__name__}: {text[0] if text else 'failed'}"


if __name__ == "__main__":
    raise SystemExit(main())
