"""`svsm-meet series`: list the series with their cadence, time and zone; set them."""

from __future__ import annotations

import datetime as dt
import json

from ..cadence import SET_IT, next_from, parse
from ..errors import BadInput
from ..store.engine import make_engine, resolve_url, transaction
from ..store.migrate import ensure_schema
from ..words import plural
from . import style_options

_CLEAR = ("", "unknown", "none")  # --cadence '' (or unknown): back to inferring it


def _engine(args):
    engine = make_engine(resolve_url(args.db))
    ensure_schema(engine)
    return engine


def _source(is_set: bool, value) -> str | None:
    return None if value is None else ("set" if is_set else "last meeting")


def as_dict(info, today: dt.date, style) -> dict:
    """A series for `series list --json` (and the text list); STYLE: its house style and where
    each part comes from (store/series_style.py)."""
    nxt = next_from(info.cadence, info.dates, today)
    return {
        "name": info.name,
        "cadence": info.cadence.words if info.cadence.rule else None,
        "rrule": info.cadence.rule,
        "cadence_source": info.cadence.source,
        "time": info.start_time.strftime("%H:%M") if info.start_time else None,
        "time_source": _source(info.time_set, info.start_time),
        "timezone": info.timezone,
        "timezone_source": _source(info.zone_set, info.timezone),
        "meetings": len(info.dates),
        "last_meeting": info.dates[-1].isoformat() if info.dates else None,
        "next_meeting": nxt.date.isoformat() if nxt else None,
        "next_meeting_by": nxt.by if nxt else None,
        **style_options.as_dict(*style),
    }


def _lines(s: dict) -> list[str]:
    if s["rrule"]:
        how = "set" if s["cadence_source"] == "set" else f"inferred from {plural(s['meetings'], 'meeting')}"
        cadence = f"{s['cadence']} ({how}) — RRULE:{s['rrule']}"
    else:
        cadence = SET_IT
    when = " ".join(filter(None, [s["time"], s["timezone"]])) or "no time set"
    if s["time_source"] == "last meeting" or s["timezone_source"] == "last meeting":
        when += " (from the last meeting)"
    count = plural(s['meetings'], 'meeting')
    last = f", last {s['last_meeting']}" if s["last_meeting"] else ""
    nxt = s["next_meeting"] + (" (planned)" if s["next_meeting_by"] == "planned" else "") \
        if s["next_meeting"] else "not known"
    return [f"{s['name']}: {cadence}", f"    {when}; {count}{last}; next {nxt}",
            "    " + style_options.line(s)]


def cmd_series_list(args) -> int:
    from ..store.series import all_series
    from ..store.series_style import series_style

    with transaction(_engine(args), write=False) as conn:
        listed = [as_dict(info, dt.date.today(), series_style(conn, info.id)) for info in all_series(conn)]
    if args.json:
        print(json.dumps(listed, ensure_ascii=False, indent=2))
        return 0
    if not listed:
        print("no series yet: 'svsm-meet new --series NAME --date DATE' makes one")
    for s in listed:
        print("\n".join(_lines(s)))
    return 0


def _settings(args, anchor: dt.date | None) -> dict:
    """What to set, each value checked: BadInput (one line) for the first that is wrong."""
    from ..dates import check_zone, parse_time

    settings = {}
    if args.cadence is not None:
        text = args.cadence.strip()
        settings["cadence"] = None if text.lower() in _CLEAR else parse(text, anchor)
    if args.time is not None:
        settings["start_time"] = parse_time(args.time) if args.time.strip() else None
    if args.timezone is not None:
        settings["timezone"] = check_zone(args.timezone) if args.timezone.strip() else None
    return settings


def cmd_series_edit(args) -> int:
    from ..store.series import all_series, edit_series, find_series, meeting_dates
    from ..store.series_style import learned_style, series_style, set_style

    if not (args.cadence is not None or args.time is not None or args.timezone is not None
            or style_options.asked(args)):
        raise BadInput("series edit: say what to change: --cadence, --time, --timezone, or the "
                       "style (--topic-colon, --labels, --bullet, --indent, ...)")
    with transaction(_engine(args)) as conn:
        sid = find_series(conn, args.name)
        dates = meeting_dates(conn, sid)
        settings = _settings(args, dates[-1] if dates else None)
        style = {}
        if style_options.asked(args):
            style = style_options.changes(args, series_style(conn, sid)[0], learned_style(conn, sid))
        changed = edit_series(conn, sid, **settings)
        changed = set_style(conn, sid, style) or changed
        (info,) = [i for i in all_series(conn) if i.id == sid]
        shown = as_dict(info, dt.date.today(), series_style(conn, sid))
    print(("changed " if changed else "unchanged: ") + "\n".join(_lines(shown)))
    return 0


def cmd_series(args) -> int:
    if args.series_command == "edit":
        return cmd_series_edit(args)
    return cmd_series_list(args)
