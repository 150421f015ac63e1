"""The attendees block: 'Adam Dunlap, Joerg Roedel (Chair), Ramakrishna Gali (AMD)'.

Also grouped lines ('Council: Carol, Mark' / 'Missing attendees: Josh') and bullet lists of names.
"""

from __future__ import annotations

import re

from ..model import Attendee
from . import languages
from .labels import EMOJI_RE

# A heading of a few words that says who was there: "Attendees:", "Attendance", "Other Attendees".
_ATTENDEES_HEADING = re.compile(
    r"^(?:\w+ ){0,2}(?:attendees?|attendance|attending|participants|present|roll call|"
    r"people present|members(?: present)?|in attendance|people|roster|"
    # The round where everyone says hello is the roll call: "## Hello", "Check-in".
    rf"hellos?|check[- ]?ins?|who[’']?s here|{languages.PRESENT_WORDS})(?: list| area| section)?"
    r"(?: at \d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)?)?$"  # "Attendees at 4:30pm"
)
# Words in parentheses that say what someone did in the meeting rather than where they work.
ROLE_WORDS = {
    "chair", "meeting lead", "lead", "host", "moderator", "facilitator", "scribe", "notes",
    "note taker", "note-taker", "minutes", "presenter", "speaker", "guest", "organizer",
}
# What someone did in the meeting, or is, written before their name: "Exec. Director: Tracy Teal".
ROLE_TITLE = re.compile(
    r"\b(?:director|chair(?:person)?|president|secretary|treasurer|coordinator|manager|lead|"
    r"facilitator|scribe|host|moderator|note[- ]?taker|editor|liaison|organi[sz]er|presenter)\b", re.I)
# A group of people who were not there: "Regrets", "Absentees", "Attended recently in the past".
ABSENT_WORDS = (r"regrets|apologies|absent(?:ees?)?|absences?|missing|excused|not present|unable|in the past|"
                r"previously|former|emerit(?:us|i|a)|" + languages.ABSENT_WORDS)
ABSENT_GROUP = re.compile(rf"\b(?:{ABSENT_WORDS})\b", re.I)
_GROUP_RE = re.compile(r"^(?P<group>(?:\*\*|__)?[^,:()]{1,40}:(?:\*\*|__)?) (?P<names>\S.*)$")
_NOTE_RE = re.compile(r"^(?P<name>.*?\S) \((?P<note>[^()]+)\)$")
_MAX_NAME = 80
def split_outside_parens(separator: re.Pattern, text: str) -> list[str]:
    """TEXT split at each SEPARATOR not inside parentheses ("Zoe Hoyal (Cabinet Office,
    secretariat)" is one): one whose next bracket after it closes one is inside.  (A look-ahead
    for that in the pattern reads to the end of the line at every separator: quadratic.)"""
    closes = [False] * (len(text) + 1)  # whether the next bracket at or after each place is ")"
    for i in range(len(text) - 1, -1, -1):
        closes[i] = text[i] == ")" or (text[i] != "(" and closes[i + 1])
    parts, start = [], 0
    for m in separator.finditer(text):
        if not closes[m.end()]:
            parts.append(text[start:m.start()])
            start = m.end()
    parts.append(text[start:])
    return parts


_COMMA_RE = re.compile(r"[,;]\s+")
_COMMA_ONLY_RE = re.compile(", ")


def comma_parts(text: str) -> list[str]:
    """'Richard Wade, Felicia Retiz' -> each; 'Zoe Hoyal (Cabinet Office, secretariat)' is one."""
    return split_outside_parens(_COMMA_RE, text)


# Words that make a name an organisation's ("Linux Foundation", "Gruntwork, Inc.", "NVIDIA").
_ORG_WORDS = re.compile(
    r"\b(?:foundation|corporation|company|labs?|university|"
    r"institute|group|technologies|technology|systems|software|studios?|pictures|entertainment|"
    r"animation|networks|research|consulting|solutions|project|team|council|committee|"
    r"community|cloud|security|wg|sig|tsc|tac)\b\.?",
    re.I,
)
# A company's legal form, last after its name ("Gruntwork, Inc.", "Pionix GmbH"); first, "Ag" or
# "Co" is someone's name ("Ag Stephens").
_ORG_SUFFIX = re.compile(r"(?:^|\S[\s,]+)(?:inc|corp|llc|ltd|gmbh|plc)\b\.?\s*$|\S[\s,]+(?:co|ag)\b\.?\s*$", re.I)


_NOT_PLAIN = re.compile(r"[\[\]<>/@|*`]|^_|_$|\s[-–—]\s")  # "***Other Attendees***" is a label
# Companies often named in attendance, which no word of theirs gives away.
_KNOWN_ORGS = {
    "google", "microsoft", "red hat", "redhat", "ibm", "intel", "amd", "apple", "amazon", "aws",
    "meta", "facebook", "oracle", "suse", "canonical", "arm", "nvidia", "huawei", "alibaba",
    "tencent", "vmware", "broadcom", "cisco", "samsung", "qualcomm", "netflix", "github", "gitlab",
    "linaro", "rivos", "sifive", "hpe", "dell", "lenovo", "bytedance", "baidu", "ericsson", "nokia",
}


def is_org(text: str, *, acronyms: bool = False) -> bool:
    """An organisation's name by its words; with ACRONYMS, one upper-case word of three letters
    or more too ("NVIDIA", "DWA") — where a person's two-letter nickname ("TC") cannot be meant."""
    if _ORG_WORDS.search(text) or _ORG_SUFFIX.search(text) or text.strip().casefold() in _KNOWN_ORGS:
        return True
    return acronyms and " " not in text.strip() and len(text.strip()) > 2 and text.strip().isupper()


def bare(text: str) -> str:
    """A heading's words: '**Attendees:**', '[Attendees](https://…):' -> 'attendees'; '👥 Participants'
    -> 'participants'."""
    text = text.strip()
    if not text.isascii():  # "👥 Participants": an emoji before the words
        text = EMOJI_RE.sub("", text).strip()
    if text.startswith("["):
        text = _LINKED_RE.sub(r"\1", text)
    text = _STRONG_RE.sub("", text)  # "**Participants** (please add your name)"
    text = text.strip().strip("*_").strip().rstrip(":").strip().strip("*_").strip()
    # "Attendees (by discord name)", "Present (alphabetical)": what follows says how, not who.
    if text.endswith(")"):
        text = _HOW_RE.sub(r"\1", text)
    return text.rstrip(":").strip().lower()


_LINKED_RE = re.compile(r"^\[([^\]]*)\]\([^)]*\)")
_STRONG_RE = re.compile(r"\*\*|__")
_HOW_RE = re.compile(r"^([^()]+?)\s*\([^()]*\)$")


def is_attendees_heading(text: str) -> bool:
    """'Attendees', 'Roll Call / Attendance', 'Attended this meeting'."""
    if len(text) > 80:
        return False  # a heading of a few words; and the splits below are not run on a page
    words = bare(text)
    if _ATTENDEES_HEADING.match(words):
        return True
    if "attend" in words and re.fullmatch(
            r"(?:who )?(?:attended|attending)(?: (?:this|the|today'?s) (?:meeting|call))?", words):
        return True  # "Attended this meeting", "Attending the meeting"
    if "/" not in words and "&" not in words and " and " not in words:
        return False
    parts = [part.strip() for part in re.split(r"/|&|\band\b", words)]
    return len(parts) == 2 and all(_ATTENDEES_HEADING.match(part) for part in parts)


def initials_of(name: str, note: str | None) -> bool:
    """'Peter W Stadler (PWS)', 'Addison Phillips (APP)': the note is the initials the minutes
    call that person by (its first and last letters the name's first and last initials)."""
    if not note or not _INITIALS_RE.fullmatch(note):
        return False  # most names have no note: the split below only for those that do
    words = [w for w in _NAME_SPLIT_RE.split(name) if w[:1].isalpha()]
    return len(words) > 1 and note[0] == words[0][0].upper() and note[-1] == words[-1][0].upper()


_INITIALS_RE = re.compile(r"[A-Z]{2,4}")
_NAME_SPLIT_RE = re.compile(r"[\s-]+")


def parse_name(text: str) -> Attendee | None:
    """One attendee as written, 'Joerg Roedel (Chair)'; None if it does not look like a name."""
    if not text or text != text.strip() or len(text) > _MAX_NAME or "\n" in text:
        return None
    if text[-1] in ".?!:," or len(text.split()) > 8:  # a sentence, not a name
        return None
    m = _NOTE_RE.match(text)
    name, note = (m["name"], m["note"]) if m else (text, None)
    if "," in name or "(" in name or ")" in name or is_org(name):  # "John Mertic, Linux Foundation" is one person
        return None
    # Written with more than a name — a checkbox, an e-mail, a handle, "/ ACME", "- Google": the
    # tolerant reader (formats/roll.py) takes those apart.
    if _NOT_PLAIN.search(name) or (note and note.lstrip().startswith("@")):
        return None
    attendee = Attendee(name=name)
    if initials_of(name, note):
        attendee.handle = note  # "MH to report back": read as an alias of the name at import
    if note:
        if note.strip().lower() in ROLE_WORDS:
            attendee.role = note
        else:
            attendee.affiliation = note
    return attendee


def parse_lines(lines: list[str], require_group_word: bool = False) -> list[Attendee] | None:
    """A paragraph of comma-separated names, a line each group; None if it is not one."""
    attendees: list[Attendee] = []
    for number, line in enumerate(lines):
        m = _GROUP_RE.match(line)
        group, names = (m["group"], m["names"]) if m else (None, line)
        if require_group_word and number == 0 and not (group and is_attendees_heading(group)):
            return None
        present = not (group and ABSENT_GROUP.search(group))
        for position, text in enumerate(split_outside_parens(_COMMA_ONLY_RE, names)):
            attendee = parse_name(text)
            if attendee is None:
                return None
            attendee.group, attendee.present = group, present
            attendee.new_line = number > 0 and position == 0
            attendees.append(attendee)
    return attendees or None


def paragraph_lines(attendees: list[Attendee]) -> list[str]:
    lines: list[str] = []
    for attendee in attendees:
        if not lines or attendee.new_line:
            lines.append(f"{attendee.group} " if attendee.group else "")
        else:
            lines[-1] += ", "
        lines[-1] += attendee.shown
    return lines


def list_lines(attendees: list[Attendee], bullet: str) -> list[str]:
    """A bullet per line: one name each, or a group of names ('- Observers: Niko, TC')."""
    return [f"{bullet} {line}" for line in paragraph_lines(attendees)]
