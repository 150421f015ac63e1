"""The live-entry grammar of the minutes screen: one typed line becomes one Entry.

    plain text                      a bullet
    #attendees A, B, C              attendees          #here NAME       one attendee
    #section TITLE                  a level-2 heading  #topic TITLE     a level-3 heading
    #agreed TEXT                    a decision         #info / #idea    kinds of bullets
    #action TEXT [due:WHEN] [@Who]  a follow-up        #link URL [TEXT] a link
    #undo                           take back the last entry

MeetBot's commands, which maintainers type from habit, mean what they meant on IRC where that
fits (#accepted, #rejected, #help TEXT, #startmeeting TOPIC, #endmeeting) and otherwise say what
to type instead (#chair, #nick): see MEETBOT.

Nothing here touches the database: the minutes session applies an Entry to the records.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from .errors import BadInput
from .model import Due

COMMANDS = ("attendees", "here", "section", "topic", "agreed", "action", "info", "idea", "link", "undo")
NEEDS_TEXT = {"attendees", "here", "section", "topic", "agreed", "action", "info", "idea", "link",
              "accepted", "rejected", "meetingname"}
# MeetBot's commands as this grammar reads them: a command of ours, or an Entry of its own
# ("rejected": a decision against; "question": #help TEXT; "title"; "end"; "say": a hint only).
MEETBOT = ("startmeeting", "endmeeting", "accepted", "rejected", "help", "chair", "unchair", "nick",
           "meetingname", "meetingtopic", "lurk", "unlurk", "save", "commands", "restrictlogs")
_SAY_INSTEAD = {
    "chair": "#chair: there are no chairs here; whoever has the meeting open takes the minutes"
             " (type #here NAME to list someone as present)",
    "nick": "#nick: names are matched by their aliases; on the command line: "
            "svsm-meet people alias NAME ALIAS",
    "meetingtopic": "#meetingtopic: type #topic TITLE for a topic, or #startmeeting TITLE for the"
                    " meeting's title",
    "lurk": "#lurk: nothing to do; the minutes are only what is typed here",
    "save": "#save: nothing to do; every entry is saved as it is typed",
    "restrictlogs": "#restrictlogs: nothing to do; there is no log, only the minutes typed here",
}
_SAY_INSTEAD["unchair"] = _SAY_INSTEAD["chair"]
_SAY_INSTEAD["unlurk"] = _SAY_INSTEAD["lurk"]

_COMMAND_RE = re.compile(r"^#([A-Za-z]+)\b\s*(.*)$", re.S)
_DUE_RE = re.compile(r"(?:^|\s)due:\s*(?P<when>.+?)\s*$", re.I)
# "@Joerg", "@Joerg_Roedel", or "@Joerg Roedel" as the entry line completes it: at the end.
_OWNER_RE = re.compile(r"\s@(?P<who>[^\s@]+(?:\s+[^\s@]+){0,3})\s*$")
_URL_RE = re.compile(r"^(?:<)?(https?://\S+?)(?:>)?(?:\s+(.*))?$")


@dataclass
class Entry:
    command: str  # "note" for plain text, else one of COMMANDS, or what MeetBot's commands become
    text: str = ""
    names: list[str] = field(default_factory=list)
    due: Due | None = None
    owner: str | None = None  # as typed after @, not yet resolved to a person
    url: str | None = None


_UNKNOWN_DUE = re.compile(r"^(?:unknown|tbd|\?)(?:\s*[:(-]\s*(?P<why>.*?)\)?)?$", re.I)
_AT_ZONE = re.compile(r"^(?P<when>.*\d:\d\d(?::\d\d)?)\s+(?P<zone>[A-Za-z_]+(?:/[A-Za-z_+-]+)*)$")


def _date_time(value: str, zone: str | None) -> dt.datetime | None:
    """'2024-06-07T16:00+02:00', or '2024-06-07 16:00 Europe/Berlin': never a floating time."""
    from .dates import check_year

    at = _zoned(value, zone)
    return check_year(at, value) if at is not None else None


def _zoned(value: str, zone: str | None) -> dt.datetime | None:
    from zoneinfo import ZoneInfo

    from .dates import check_zone

    try:
        at = dt.datetime.fromisoformat(value)
        if at.tzinfo is not None:
            return at
    except ValueError:
        pass
    m = _AT_ZONE.match(value)
    if m:
        value, zone = m["when"], m["zone"]
    if not re.search(r"\d:\d\d", value):
        return None
    from dateutil import parser

    try:
        at = parser.parse(value)
    except (ValueError, OverflowError):
        return None
    if at.tzinfo is not None:
        return at
    if not zone:
        raise BadInput(f"'{value}' needs a time zone: add one, e.g. '{value} Europe/Berlin'")
    return at.replace(tzinfo=ZoneInfo(check_zone(zone)))


def parse_due(
    when: str, meeting_date: dt.date, next_meeting: dt.date | None, zone: str | None = None
) -> Due:
    """A due date, a date-time with its zone, or unknown (with why, asked again next meeting)."""
    from .dates import parse_date

    value = when.strip()
    if value.lower() in ("next meeting", "next call", "nextmeeting"):
        if next_meeting is None:
            raise BadInput("due:next meeting, but the series has no next meeting date yet")
        return Due(date=next_meeting)
    unknown = _UNKNOWN_DUE.match(value)
    if unknown:
        return Due(unknown_reason=unknown["why"] or "not known yet", recheck=next_meeting)
    at = _date_time(value, zone)
    if at is not None:
        return Due(at=at)
    try:
        return Due(date=parse_date(value, base=meeting_date))
    except BadInput:
        raise BadInput(
            f"due:{value} is not a date (try due:2024-05-29, due:+2w, due:'next wed', due:next meeting)"
        ) from None


def parse_entry(
    line: str, meeting_date: dt.date, next_meeting: dt.date | None = None, zone: str | None = None
) -> Entry:
    """Read one typed line.  A mistake raises BadInput with a message for the note-taker."""
    text = line.strip()
    if not text:
        raise BadInput("nothing to add: type a note, or #help for the commands")
    m = _COMMAND_RE.match(text)
    if not m or not text.startswith("#") or text.startswith("##"):
        return Entry("note", text)
    command, rest = m[1].lower(), m[2].strip()
    if command not in COMMANDS and command not in MEETBOT:
        raise BadInput(_unknown(command))
    if command in NEEDS_TEXT and not rest:
        raise BadInput(f"#{command} needs text after it")
    if command in MEETBOT:
        return _meetbot(command, rest)
    if command == "undo":
        return Entry("undo")
    if command == "attendees":
        names = [n.strip() for n in rest.split(",")]
        if not all(names):
            raise BadInput("#attendees takes names separated by commas: #attendees Ada Lovelace, Alan Turing")
        return Entry("attendees", rest, names=names)
    if command == "here":
        return Entry("here", rest, names=[rest])
    if command == "link":
        link = _URL_RE.match(rest)
        if not link:
            raise BadInput("#link takes a URL first: #link https://example.org/doc the design doc")
        return Entry("link", (link[2] or "").strip(), url=link[1])
    if command == "action":
        return _action(rest, meeting_date, next_meeting, zone)
    return Entry(command, rest)


def command_list() -> str:
    return ", ".join(f"#{c}" for c in COMMANDS)


def _unknown(command: str) -> str:
    """Never a bare refusal: the nearest command, else the list of them."""
    import difflib

    near = difflib.get_close_matches(command, COMMANDS + MEETBOT, n=1, cutoff=0.7)
    if near:
        return f"#{command} is not a command; did you mean #{near[0]}? (#help lists them, F1 explains)"
    return f"#{command} is not a command: {command_list()} (F1 explains them)"


def _meetbot(command: str, rest: str) -> Entry:
    if command in _SAY_INSTEAD:
        return Entry("say", _SAY_INSTEAD[command])
    if command == "accepted":
        return Entry("agreed", rest)
    if command == "rejected":
        return Entry("rejected", rest)
    if command == "help":  # MeetBot's "#help": someone is asked for help: an open question
        return Entry("question", rest) if rest else Entry("say", f"the commands: {command_list()}"
                                                                " (F1 explains them)")
    if command == "commands":
        return Entry("say", f"the commands: {command_list()} (F1 explains them)")
    if command in ("startmeeting", "meetingname"):
        return Entry("title", rest)
    return Entry("end")  # endmeeting


_CALENDAR_WORDS = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue",
    "wed", "thu", "fri", "sat", "sun", "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december", "today", "tomorrow", "asap",
    "eod", "eow", "next",
}


def _owner_at_end(rest: str) -> tuple[str | None, str]:
    """(@Owner as typed, the rest): the words after the last '@', if they all look like a name."""
    m = _OWNER_RE.search(" " + rest)
    if not m:
        return None, rest
    first, *more = m["who"].split()
    if not all(w[:1].isupper() for w in more):  # "@Joerg tomorrow": not an owner at the end
        return None, rest
    # A name has at most three words, and no weekday or month: "@Joerg Monday" is Joerg, and
    # "Monday" stays in the text.
    name = [first.replace("_", " ")]
    while more and len(name) < 3 and more[0].lower().rstrip(".,") not in _CALENDAR_WORDS:
        name.append(more.pop(0))
    text = (" " + rest)[: m.start()].strip()
    return " ".join(name), " ".join([text, *more]).strip()


def _action(rest: str, meeting_date: dt.date, next_meeting: dt.date | None, zone: str | None) -> Entry:
    owner, rest = _owner_at_end(rest)
    due = None
    m = _DUE_RE.search(rest)
    if m:
        due = parse_due(m["when"], meeting_date, next_meeting, zone)
        rest = (rest[: m.start()] + rest[m.end():]).strip()
    if owner is None:  # "… @Joerg due:friday"
        owner, rest = _owner_at_end(rest)
    if not rest:
        raise BadInput("#action needs to say what is to be done")
    return Entry("action", rest, due=due, owner=owner)
