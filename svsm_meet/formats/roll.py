"""Who was there, read from attendance written in any of the shapes real minutes use.

The strict form (svsm_meet.formats.attendees) renders its names back itself.  Minutes of other
projects write attendance every which way: a bullet per person with an affiliation, an e-mail, a
handle ("Peter Marton @hekike", "Colin Ihrig (@cjihrig)", "Luke Emrose, Animal Logic", "Jane Doe /
ACME / @jdoe"), checkbox roll calls ("[x] Ben Dines"), labelled lines ("Additional Attendees: A,
B (Intel)", "Regrets: Peter C."), a table of names.  There the lines stay items, rendered as they
are, and this module only reads the people out of them.
"""

from __future__ import annotations

import re

from ..action_table import table_rows
from ..model import Attendee
from .attendees import ABSENT_GROUP as _ABSENT
from . import languages
from .attendees import (ABSENT_WORDS, ROLE_TITLE, ROLE_WORDS, comma_parts, initials_of,
                        is_attendees_heading, is_org, split_outside_parens)
from .labels import EMOJI_RE

# Words of a label that introduces people: "TSC members:", "Additional attendees:", "Regrets:".
_GROUP_WORDS = re.compile(
    r"\b(?:attendees?|attendance|attending|attended|participants?|participating|joined|present|"
    rf"roll\s*call|members?|guests?|{ABSENT_WORDS}|"
    r"chairs?|host|hosts|secretary|scribe|note[- ]?takers?|"
    r"observers?|committers?|maintainers?|invited|invitees|staff|moderators?|facilitators?|"
    rf"speakers?|presenters?|representatives?|delegates?|leads?|who|{languages.PRESENT_WORDS})\b",
    re.I,
)
_PARTICLES = {"de", "van", "von", "der", "den", "da", "di", "du", "la", "le", "del", "bin", "al", "y"}
_NOT_NAMES = {
    "tbd", "none", "n/a", "na", "name", "names", "your name", "nobody", "everyone", "all", "others",
    "and", "agenda", "note", "notes", "minutes", "others tbd", "todo", "yes", "no",
    "ai", "ap", "ar",  # a label's ("AI: Nomi to check"): action item, point, required
}
_HANDLE = r"@[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})"
_HANDLE_RE = re.compile(rf"^{_HANDLE}$")
_CHECK_RE = re.compile(r"^\[(?P<mark>[ xX])\]\s+")
_LINK_RE = re.compile(r"!?\[([^\]\[]*)\]\([^)]*\)")  # no "[" inside: "[Ann, " * 5000 stays linear
_ANGLE_RE = re.compile(r"<[^<>]*>")
_EMAIL_RE = re.compile(r"(?<!\S)[^\s@]+@[^\s@]+\.\w+")  # from a word's start: no re-splitting at each @
_EMPHASIS_RE = re.compile(r"\*\*|__|(?<!\w)[*_]|[*_](?!\w)|`")
# (full-width brackets too: "刘芷若（信通院）")
_TRAILING_NOTE_RE = re.compile(r"^(?P<name>.*?\S)\s*[(\[（](?P<note>[^()\[\]（）]*)[)\]）]\s*$", re.S)
# "Yevgeniy Brikman (@brikis98) representing Gruntwork, Inc.": the name, then a note, then more.
_INNER_NOTE_RE = re.compile(r"^(?P<name>[^()\[\]]*?\S)\s*\((?P<note>[^()]*)\)\s+\S.*$", re.S)
# "Max (he/his)", "Susana (she/her)": pronouns beside a name, neither an organisation nor a role.
_PRONOUNS_RE = re.compile(r"\s*\((?:he|she|they|ze|xe|him|her|them|his|hers|their|theirs|any|all)"
                          r"(?:\s*/\s*[a-z]+)+\)", re.I)
# "Regrets: …", "Participants (alphabetical): …": a label, a remark on it perhaps, then the names.
# (a time in the label is no colon of its: "Attendees at 4:30pm: …")
_GROUP_LINE_RE = re.compile(r"^(?P<group>(?:[^:()]|(?<=\d):(?=\d)){1,40}(?:\s*\([^():]{1,40}\)[”\"]?)?):\s*(?P<rest>.*)$", re.S)


_MARKUP_RE = re.compile(r"[\[<@*_`]")


def clean(text: str) -> str:
    """TEXT without Markdown emphasis, links (their words kept), e-mails, <...> and emoji."""
    if not _MARKUP_RE.search(text) and text.count(":") < 2 and text.isascii():
        return " ".join(text.split())  # nothing to take out: most headings and names
    if text.count(":") > 1 or not text.isascii():
        text = EMOJI_RE.sub(" ", text)  # "Malvika :key:", "Roza 🐳"
    text = _LINK_RE.sub(r"\1", text)
    text = _ANGLE_RE.sub(" ", text)
    text = _EMAIL_RE.sub(" ", text)
    text = _EMPHASIS_RE.sub("", text)
    return " ".join(text.split())


def without_remark(label: str) -> str:
    """A label without the remark in parentheses after it, its colon kept:
    'Participants (please add your name)' -> 'Participants'."""
    # ... or in quotes: 'Attendees “Name (Affiliation)”:'
    # (from a word's end only: "\s*" tried at every space of a long run would be quadratic)
    return re.sub(r"(?<!\s)\s*(?:\([^()]*\)|“[^“”]*”|\"[^\"]*\")\s*(:?)$", r"\1", label)


def is_group_label(text: str) -> bool:
    """'TSC members:', '**Additional attendees:**': a label that people follow; without its colon
    only where it says who attended ('Attendees', '**Present**' on a line of its own)."""
    bare = clean(text).rstrip()
    if re.fullmatch(r"#{1,6}[^#\s][^\n]*", bare):  # "##Attendees ##": a heading missing its space
        bare = bare.strip("#").strip()
    if not bare.endswith(":"):
        words = without_remark(bare).split()
        return "\n" not in bare and len(words) <= 3 and is_attendees_heading(bare)
    return len(bare) <= 60 and bool(_GROUP_WORDS.search(bare))


def names_people(heading: str) -> bool:
    """'TSC members', 'Guests', 'Regrets': a heading (or label) over people."""
    return bool(_GROUP_WORDS.search(clean(heading)))


def opens_roll(text: str) -> bool:
    """A label that says who was there: 'TSC Attendees:', 'Present: …', 'Regrets: …' — not
    'Host: Zoom' or 'Presenters: …', which only count inside a roll call."""
    first = clean(text).split("\n")[0]
    if re.fullmatch(r"#{1,6}[^#\s].*", first):  # "##Attendees ##": a heading missing its space
        first = first.strip("#").strip()
    first = without_remark(first)
    m = _GROUP_LINE_RE.match(first + ("" if ":" in first else ":"))
    label = without_remark(m["group"]) if m else ""
    # "Who:" beside "Where:" and "When:" in a meeting's logistics
    return is_attendees_heading(label) or bool(_ABSENT.search(label)) or label.strip().lower() == "who"


def is_legend(text: str) -> bool:
    """'Name / Organisation', 'Name (Affiliation)': how a roll call's lines are written, not a
    group; each of its words one a column of attendees would be headed with (roll_table)."""
    parts = [part.strip() for part in re.split(r"[/,()|–—-]+", text) if part.strip()]
    return len(parts) > 1 and all(_NAME_COLUMN_RE.search(part) or _ORG_COLUMN_RE.search(part)
                                  or _ABOUT_COLUMN_RE.search(part) for part in parts)


def is_group_line(text: str) -> bool:
    """'Attendees: A, B', 'Regrets: Peter C.': a label of people, then names."""
    m = _GROUP_LINE_RE.match(clean(text))
    return bool(m and m["rest"].strip() and _GROUP_WORDS.search(m["group"]))


def is_absent_group(text: str | None) -> bool:
    return bool(text and _ABSENT.search(text))


# Words of a template line or a heading, never of a person's name ("Next Meeting Scheduled For").
_NOT_NAME_WORDS = {
    "meeting", "meetings", "scheduled", "agenda", "minutes", "notes", "date", "time", "call",
    "recording", "video", "link", "links", "zoom", "next", "previous", "topics", "summary",
    # ... or of the section after the roll call ("Action Items", "Open Questions").
    "action", "actions", "item", "items", "decision", "decisions", "discussion", "updates",
    "status", "steps", "questions", "announcements", "business", "roundtable", "todo", "todos",
    "quorum", "votes", "voting",
    # ... or of a topic's ("**Nova Integration**", "**Network Echo**" over what was said of it).
    "integration", "testing", "test", "tests", "result", "results", "design", "planning", "release",
    "releases", "review", "reviews", "update", "support", "performance", "security", "documentation",
    "docs", "roadmap", "proposal", "proposals", "issue", "issues", "project", "projects", "feature",
    "features", "api", "infrastructure", "build", "builds", "network", "networking", "service",
    "services", "migration", "report", "reports", "community", "website", "tooling", "governance",
    "budget", "funding",
}


def _looks_like_name(name: str) -> bool:
    if not name or len(name) > 60 or name.casefold() in _NOT_NAMES:
        return False
    if any(word.lower() in _NOT_NAME_WORDS for word in name.split()):
        return False
    if _HANDLE_RE.match(name):
        return True
    words = name.split()
    if not 1 <= len(words) <= 5 or any(ch.isdigit() for ch in name):
        return False
    if re.search(r"[!?;=|{}<>#]|\s[-–—]\s|https?:", name) or name.endswith((":", ",")):
        return False
    for index, word in enumerate(words):
        if word.lower() in _PARTICLES:
            continue
        if 0 < index < len(words) - 1 and len(word) > 2 and word[0] + word[-1] in ('“”', '""', "‘’", "''"):
            word = word[1:-1]  # a nickname between the names: Hsien-Hsin “Sean” Lee
        # "Ali", "O'Brien", "Jean-Luc", "A.", "McDonald", "Rödel": a capital first.
        if not (word[0].isupper() and re.fullmatch(r"[\w'’.-]+", word)):
            return False
    return True


looks_like_name = _looks_like_name


# A chat name, lower case ("geds-dm", "colinb", "tony B"): a person only in a roll call's own list.
_NICK_RE = re.compile(r"[A-Za-z][\w.'’-]{1,38}(?: [A-Za-z][\w.'’-]{0,38})?")


_ACRONYM_RE = re.compile(r"\b[A-Z]{3,}\b")
# A name in Chinese, Japanese or Korean script, two to four characters ("刘芷若", "김민수"): a
# person only as an entry of a roll call (a word that short is a word too elsewhere).
_CJK_NAME_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]{2,4}(?:·[\u3400-\u4dbf\u4e00-\u9fff]{1,4})?|[\uac00-\ud7a3]{2,4}")


def person(text: str, *, group: str | None = None, one_per_entry: bool = True,
           nicks: bool = False) -> Attendee | None:
    """The person one entry names ('[x] Luke Emrose, Animal Logic'), or None.  With NICKS (a bullet
    of its own under an attendance heading), a chat name in lower case is one too."""
    present = not is_absent_group(group)
    check = _CHECK_RE.match(text)
    if check:
        present = present and check["mark"] != " "
        text = text[check.end():]
    text = clean(text)
    text = _PRONOUNS_RE.sub("", text) if "/" in text else text  # "(she/her)"
    if text.endswith(")."):  # "Bruce Chernia (Intel)." ends a sentence of names
        text = text[:-1]
    first = _ROLE_FIRST_RE.match(text)  # "(Chair) Marco Möller [Pionix]"
    if first and (first["role"].lower() in ROLE_WORDS or ROLE_TITLE.search(first["role"])):
        text = text[first.end():]
    else:
        first = None
    note = None
    m = _TRAILING_NOTE_RE.match(text) or _INNER_NOTE_RE.match(text)
    if m:
        text, note = m["name"], m["note"].strip()
    extra = _TRAILING_NOTE_RE.match(text) if m else None  # "James Cummings (JC) (Chair)": two notes
    if extra:
        text = extra["name"]
    handle = role = None
    labelled = ": " in text
    at = _AT_ORG_RE.match(text) if "@" in text else None
    if at:  # "Toby Chen@WeBank(Tianjian)": the organisation after an "@", a GitHub name in brackets
        bracketed, text, note = note, at["name"], at["org"]
        if bracketed and (bracketed.lower() in ROLE_WORDS or ROLE_TITLE.search(bracketed)):
            role = bracketed  # "Ann Lee@Google (Chair)": her role
        elif bracketed and _GITHUB_NAME_RE.fullmatch(bracketed) and bracketed.lower() not in _HOW_THERE:
            handle = bracketed  # ("(on leave)", "(remote)": neither)
    # "Mark Davis \- Google (MED)": a dash escaped (a Markdown exporter's) is a dash
    # "Josephine /APHRC", "Moctar/ IRESSEF": a slash with a space on one side ("Varun/Ashish" is two)
    # "Thiago Ribeiro | Nethermind": a bar between them, as a table's cells would be
    parts = [p.strip() for p in re.split(r"\s+/\s*|/\s+|\s+\\?[-–—]\s+|:\s+|\s+\+\s+|\s+\|\s+", text) if p.strip()]
    if len(parts) == 1:
        text = parts[0]  # "Ousmane /": the organisation left blank
    elif len(parts) > 1:
        # "Intel - Dan Middleton", "Accenture - Giuseppe Giordano", "Exec. Director: Tracy Teal":
        # the organisation or the role first ("Malvika / OSPO Now": an acronym is no one's name).
        said = text.partition(": ")[2] if ": " in text else ""
        if len(said.split()) > 5:
            return None  # "AI: Suzi to contact John about getting code": a label and a sentence
        org_first = is_org(parts[0]) or ROLE_TITLE.search(parts[0]) \
            or len(parts[0].split()) == 1 and len(parts[1].split()) > 1 and not _ACRONYM_RE.search(parts[1])
        if org_first and _looks_like_name(parts[1]) and not is_org(parts[1]):
            parts[0], parts[1] = parts[1], parts[0]
        text, rest = parts[0], parts[1:]
        for part in rest:
            if _HANDLE_RE.match(part):
                handle = handle or part
            elif note is None:
                note = part
    if one_per_entry and ", " in text:
        text, _, after = text.partition(", ")
        note = note or after
        inner = _TRAILING_NOTE_RE.match(text)  # "Martin Odersky (@odersky), EPFL"
        if inner and _HANDLE_RE.match(inner["note"].strip()):
            text, handle = inner["name"], handle or inner["note"].strip()
    handled = re.match(rf"^(?P<name>.*?\S)\s+(?P<handle>{_HANDLE})$", text)
    if handled:
        text, handle = handled["name"], handled["handle"]
    if note and _HANDLE_RE.match(note):
        handle, note = note, None
    # "Anne ->", "Susana +", "Herbert Damker - (Deutsche Telekom AG) …" with its note taken out
    name = re.sub(r"\s+(?:[-–—]*>|→|\+|[-–—])$", "", text.strip()).strip(",.;")
    if _GROUP_WORDS.fullmatch(name) or is_org(name):  # "Regrets: None", "Team: @org/wg"
        return None
    if name.endswith(" ."):
        name = name[:-2]
    nick = nicks and bool(_NICK_RE.fullmatch(name)) and name.casefold() not in _NOT_NAMES \
        and not any(word.lower() in _NOT_NAME_WORDS for word in name.split())
    if not (_looks_like_name(name) or nick or _CJK_NAME_RE.fullmatch(name)) or "/" in name:
        if handle and not name:
            name = handle
        else:
            return None
    attendee = Attendee(name=name, group=group, present=present, handle=handle if handle != name else None)
    if note and labelled and _WHEN_LABEL_RE.search(name) and _CLOCK_RE.fullmatch(note):
        return None  # "Beginn der Sitzung: 19:35 Uhr": a label of when, not who ("Ann Lee: 10:00" is Ann)
    if note and (len(note.split()) > 5 or re.search(r"[!?]", note)):
        note = None  # "Max, outside as well if the weather allows it": an icebreaker's answer
    if note:
        if note.lower() in ROLE_WORDS or ROLE_TITLE.search(note):
            attendee.role = note
        elif not note.startswith("@"):
            attendee.affiliation = note[:200]
    if first and not attendee.role:
        attendee.role = first["role"]
    attendee.role = attendee.role or role
    for written in (note, extra["note"].strip() if extra else None):
        if not attendee.handle and initials_of(name, written):
            attendee.handle = written  # "Peter W Stadler (PWS)": "PWS to report back" is his
    return attendee


# A line of the minutes' own times after the roll call ("**Beginn der Sitzung:** 19:35 Uhr", "Start
# time: 10:00 UTC"): its label names a beginning or an end, its value is a time.
_CLOCK_RE = re.compile(r"(?:\d{1,2}[:.]\d{2}|\d{1,2}\s*(?:am|pm)|\d{4}-\d{2}-\d{2})"
                       r"(?:\s*(?:uhr|h|am|pm|utc|gmt|cet|cest|pst|pdt|est|edt|ist|jst|bst))?", re.I)
_WHEN_LABEL_RE = re.compile(r"\b(?:beginn|ende|anfang|schluss|start|end|begin|beginning|started|ended|time|zeit|"
                            r"uhrzeit|début|fin|heure|inicio|fim|hora|inizio|einde|aanvang)\b", re.I)
_ROLE_FIRST_RE = re.compile(r"^\((?P<role>[^()]{1,40})\)\s+(?=\S)")
# How someone was there, in brackets after them: no GitHub name.
_HOW_THERE = {"remote", "online", "virtual", "onsite", "offline", "late", "guest", "absent", "excused", "observer",
              "visitor", "new", "dial-in", "phone", "video"}
_GITHUB_NAME_RE = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})")
# "Toby Chen@WeBank", "Clarkieliu@Tencent": a name and, run into it after "@", the organisation
# (a capital, no dot: "ann@example.org" is an address).
_AT_ORG_RE = re.compile(r"^(?P<name>[^\s@][^@]*?[^\s@])@(?P<org>[A-Z][\w&-]*(?: [A-Z][\w&-]*){0,3})$")


def people_in_line(text: str, group: str | None = None) -> list[Attendee]:
    """'Attendees: *Nick* A., *Jeff* L., JT Nelson (Blender)': the people labelled lines name,
    separated by commas (or "and"), a part that is an organisation going with the name before.
    A line with a label of its own starts a group ('Missing attendees: Josh')."""
    found: list[Attendee] = []
    lines = []
    written: list[str] = []
    for line in text.split("\n"):
        if written and line[:1].isspace():  # "… Peter\n W Stadler (PWS)": a name wrapped, indented
            written[-1] += " " + line.strip()
        else:
            written.append(line)
    for line in written:
        m = _GROUP_LINE_RE.match(clean(line))
        if m and _GROUP_WORDS.search(m["group"]):
            group, line = m["group"] + ":", m["rest"]
        lines.append((group, line))
    named = [(g, line.strip()) for g, line in lines if line.strip()]
    # "Alice Smith, Acme" on each of several lines of one group: a person and their organisation
    # a line, not two people (a list wrapped over lines ends its lines with a comma).
    pairs = len(named) >= 2 and len({g for g, _ in named}) == 1 and all(
        not line.endswith(",") and len(re.split(r",\s+", line)) == 2 for _, line in named)
    for group, line in lines:
        if pairs and line.strip():
            attendee = person(line.strip(), group=group)
            found.extend([attendee] if attendee else [])
        else:
            found.extend(_people_in_parts(line, group, found))
    return found


def names_listed(text: str) -> list[Attendee]:
    """'Li Zi (Clement), Gopi Krishnan, Andrew': a roll call's bullet that is a list of names, most
    of them full ones and none a handle; [] for any other ('John Smith, Initech, Ghana' is John, of
    Initech, in Ghana)."""
    if text.count(", ") < 2:
        return []
    listed = people_in_line(text)
    if len(listed) != len(comma_parts(text)) or 2 * sum(" " in a.name for a in listed) < len(listed) \
            or any(a.handle or a.name.startswith("@") for a in listed):
        return []
    return listed


_PART_SEPARATOR_RE = re.compile(r"(?:,\s+(?:and\s+)?|;\s+|\s+and\s+|[、，；]\s*)")  # (and "刘芷若、王伟")


def _people_in_parts(text: str, group: str | None, before: list[Attendee]) -> list[Attendee]:
    found: list[Attendee] = []
    for part in split_outside_parens(_PART_SEPARATOR_RE, text):  # "A, B, and C"
        part = part.strip().rstrip(",")
        if not part:
            continue
        last = found[-1] if found else (before[-1] if before else None)
        # "A, Zhenyu Zhang (University of Chicago)": the org in parentheses is the person's
        if last is not None and is_org(re.sub(r"\s*\([^()]*\)$", "", clean(part)), acronyms=True):
            last.affiliation = last.affiliation or clean(part)[:200]
            continue
        if re.fullmatch(r"[A-Z]{2,4}", clean(part)):
            continue  # "**Scribe:** ECH": someone's initials, whose name the roll gives

        attendee = person(part, group=group, one_per_entry=False) or name_then_org(part, group)
        if attendee is not None:
            found.append(attendee)
    return found


def name_then_org(part: str, group: str | None) -> Attendee | None:
    """'Karen Eilbeck U of Utah': a name of two words, then where they work written without
    brackets (told by a word in lower case, or an organisation's words)."""
    check = _CHECK_RE.match(part)  # "[x] Ann Lee …": the box goes with the name
    box = check.group(0) if check else ""
    words = clean(part[len(box):]).split()
    rest = " ".join(words[2:])
    if len(words) < 3 or not (is_org(rest) or any(w.islower() for w in words[2:])):
        return None
    attendee = person(box + " ".join(words[:2]), group=group)
    if attendee is not None:
        attendee.affiliation = rest[:200]
    return attendee


_PRESENT_COLUMN_RE = re.compile(r"\b(?:present|attend\w*|here|in attendance)\b", re.I)
_NOT_THERE_CELL_RE = re.compile(r"^(?:|no|n|-|–|—|✗|✘|❌|absent|regrets|apologies|false|0)$", re.I)
_NAME_COLUMN_RE = re.compile(r"\b(?:names?|attendees?|person|people|who|participants?|members?|representatives?|delegates?)\b", re.I)
_ORG_COLUMN_RE = re.compile(r"\b(?:org\w*|company|affiliation|employer|representing)\b", re.I)


def roll_table(text: str) -> list[Attendee]:
    """A table anywhere whose first column is headed by a word of attendance and whose other
    columns say more of each person ('|Attendees|', '| Present | Org |'): its people, where every
    row names one; none for any other table ('| Attendance | Count |', '| Participants | Answer |')."""
    rows = table_rows(text)
    header = [clean(cell) for cell in rows[0]] if rows else [""]
    if not is_attendees_heading(header[0]) or not all(
            _ORG_COLUMN_RE.search(cell) or _PRESENT_COLUMN_RE.search(cell) or _ABOUT_COLUMN_RE.search(cell)
            for cell in header[1:]):
        return []
    found = people_in_table(text)
    return found if len(found) == len(rows) - 2 else []


# What else a table of attendance says of each person: "| Name | Role | E-mail | GitHub |".
_ABOUT_COLUMN_RE = re.compile(r"\b(?:role|title|e-?mail|github|handle|username|nick|pronouns|location|time ?zone|notes?|"
                              r"comments?|remarks?|institution|university|country|city|team|department|group)\b", re.I)


def people_in_table(text: str) -> list[Attendee]:
    """A Markdown table of attendees: a name in the first column of each row; where a column
    says who was there ('| Name | Org | Present |'), an empty or 'no' cell is someone absent.
    Under a header of attendance ('|Attendees|'), a chat name in lower case is someone too."""
    rows = table_rows(text)
    header = [clean(cell) for cell in rows[0]] if rows else []
    def column(pattern, default):
        return next((n for n, cell in enumerate(header) if pattern.search(cell)), default)

    name = column(_NAME_COLUMN_RE, 0)  # "| Organisation | Representative |": the name second
    org = column(_ORG_COLUMN_RE, 1 if name == 0 else None)
    there = next((n for n, cell in enumerate(header) if n != name and _PRESENT_COLUMN_RE.search(cell)), None)
    nicks = name < len(header) and is_attendees_heading(header[name])
    found = []
    for cells in rows[2:]:  # after the header and its rule
        attendee = person(cells[name].strip(), nicks=nicks) if name < len(cells) else None
        if attendee is None:
            continue
        if there is not None:
            mark = cells[there].strip().strip("*_`").strip() if there < len(cells) else ""
            attendee.present = not _NOT_THERE_CELL_RE.match(mark)  # not clean(): it drops "✓"
        if org is not None and org < len(cells) and cells[org].strip() and not attendee.affiliation:
            written = clean(cells[org].strip())
            attendee.affiliation = written[:200] if written and not _HANDLE_RE.match(written) else None
        found.append(attendee)
    return found


_FENCE_RE = re.compile(r"^\s*(?:```|~~~)")
_COLUMNS_RE = re.compile(r"\s{2,}|\t")
_NICK_CELL_RE = re.compile(r"@?(?=[\w.-]*[a-z0-9])[\w.-]{2,39}")
_CHAT_LINE_RE = re.compile(r"[<\[]|\d{1,2}:\d{2}")


def people_in_columns(text: str) -> list[Attendee]:
    """A code block of the attendance, a person a line, in columns ('wumpus    Wladimir J. van der
    Laan', a chat name then the name) or not: the name in the last column, the chat name its handle."""
    found = []
    for line in text.splitlines():
        if _FENCE_RE.match(line) or not line.strip():
            continue
        cells = _COLUMNS_RE.split(line.strip())
        chat = _CHAT_LINE_RE.match(line.strip())  # "<ann> hi", "[10:02] bob: …": a log, not a roll
        attendee = person(cells[-1], nicks=True) if len(cells) <= 3 and not chat else None
        if attendee is None:
            return []  # a line that names nobody: no attendance, some code
        if len(cells) > 1 and cells[0].casefold() != attendee.name.casefold() and _NICK_CELL_RE.fullmatch(cells[0]) \
                and cells[0].lower() not in ROLE_WORDS:  # "Chair    Ann Lee", "PST   Ann Lee": no chat names
            attendee.handle = cells[0]  # "should send wumpus his proposals": his
        found.append(attendee)
    return found


class Roll:
    """The names a roll call gives, to ask whether it names someone: in full, or by a first or last
    name ('Rob' is Rob Allen).  Built once for a meeting, asked as often as need be."""

    def __init__(self, attendees) -> None:
        self.full: set[str] = set()
        self.single: set[str] = set()
        for attendee in attendees:
            words = attendee.name.casefold().split()
            if words:
                self.full.add(" ".join(words))
                self.single.update((words[0], words[-1]))

    def names(self, name: str) -> bool:
        wanted = name.casefold().split()
        return " ".join(wanted) in self.full or len(wanted) == 1 and wanted[0] in self.single


def heads_someones_tasks(text: str, roll: Roll | None) -> bool:
    """'### Rob' under 'Action items': a name over that person's tasks, on the roll call where
    the minutes have one (ROLL None: they have none)."""
    name = clean(text).rstrip(":").strip()
    return len(name.split()) <= 3 and looks_like_name(name) and (roll is None or roll.names(name))
