"""Who a name means: the one matcher that `#here`, `#attendees`, `@Owner`, a name in an action's
text, `--owner`, suggestions and import all ask.

    "Stefano Garzarella", "stefano garzarella"   the full name, without regard to case
    "Carlos Lopez", "Jörg Rödel" = "Joerg Roedel" without regard to accents
    "Joerg" (an alias), "@ehuss" (a handle)      the other names someone goes by
    "Stefano", "Garzarella"                      a first or a last name, if only one person has it

A full name or an alias wins over a first or last name.  Where several people fit, those at this
meeting are preferred, then those of the series' roster; if that still leaves several, the name is
ambiguous and the caller refuses it, listing them.  Pure: the store hands in the candidates
(store/people.py `name_matcher`), nothing here reads the database.
"""

from __future__ import annotations

import copy
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable


@lru_cache(maxsize=8192)
def name_key(name: str) -> str:
    """'Carlos López' and 'carlos lopez' are one key; 'Jörg' and 'Joerg' only through keys()."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    # Cut at the key columns' width: NFKD and casefold can make a key longer than its name
    # ("ß" is "ss"), and two names alike in their first 200 characters are one person anyway.
    return re.sub(r"\s+", " ", plain).strip().casefold()[:200]


# The German and Nordic way of writing a letter without its accent: "Jörg" is "Joerg".
_SPELLED_OUT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue",
                              "ß": "ss", "æ": "ae", "Æ": "Ae", "ø": "oe", "Ø": "Oe"})


# Letters NFKD leaves whole, as they are written without their stroke: "Søren" is "Soren" too.
_STROKES = str.maketrans({"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ı": "i",
                          "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "þ": "th", "ð": "d"})


@lru_cache(maxsize=8192)  # an archive names the same people over and over
def keys(name: str) -> tuple[str, ...]:
    """The keys a name is known by: its accents dropped, and spelled out ('@' of a handle gone)."""
    bare = name.strip().lstrip("@")
    forms = (bare, bare.translate(_SPELLED_OUT), bare.translate(_STROKES))
    found = dict.fromkeys(k for k in map(name_key, forms) if k)
    return tuple(found)


# Words that begin a family name of several words ("van der Berg"): a three-word name's tail is
# a last name only after one of them ("Mary Ann Smith" is not "Ann Smith").
_PARTICLES = {"van", "von", "der", "den", "de", "da", "di", "du", "del", "della", "dos", "das",
              "le", "la", "ter", "ten", "bin", "al", "el", "mac", "st"}


@dataclass(frozen=True)
class Person:
    """Someone a name may mean: their name as the directory has it, and the others they go by."""

    name: str
    aliases: tuple[str, ...] = ()
    id: int | None = None


@dataclass(frozen=True)
class Match:
    typed: str
    person: Person | None = None
    candidates: tuple[Person, ...] = ()  # where several fit: the name is ambiguous
    how: str | None = None  # "name", "alias", "first name" or "last name"

    @property
    def ambiguous(self) -> bool:
        return self.person is None and len(self.candidates) > 1

    def refusal(self) -> str:
        """One line for the note-taker: who it could be, and what to do."""
        names = [p.name for p in self.candidates]
        listed = ", ".join(names[:-1]) + " or " + names[-1] if len(names) > 1 else "".join(names)
        return f"'{self.typed}' could be {listed}: type more of the name"


_WORD = re.compile(r"@?[^\W_]+(?:[-'’.][^\W_]+)*")
_LONGEST = 4  # words in the longest name looked for in a text


class Matcher:
    """The people a name may mean: the directory (with the series' roster) and the meeting's
    attendees, indexed by every key of every name they go by."""

    def __init__(self, people: Iterable[Person] = (), roster: Iterable[Person] = (),
                 attendees: Iterable[Person] = ()):
        self.people: list[Person] = []
        self._known: set[Person] = set()
        self._by_id: dict[int, Person] = {}
        self._full: dict[str, dict[Person, str]] = {}
        self._part: dict[str, dict[Person, str]] = {}
        self.attendees = list(dict.fromkeys(attendees))  # in the order the minutes list them
        self.roster = set(roster)
        self.here = set(self.attendees)
        for person in (*people, *self.roster, *self.here):
            self.add(person)

    def add(self, person: Person) -> None:
        if person in self._known:
            return
        self._known.add(person)
        self.people.append(person)
        if person.id is not None:
            self._by_id.setdefault(person.id, person)
        for how, name in [("name", person.name)] + [("alias", a) for a in person.aliases]:
            for key in keys(name):
                self._full.setdefault(key, {}).setdefault(person, how)
                words = key.split()
                if len(words) < 2:
                    continue
                parts = [(words[0], "first name"), (words[-1], "last name")]
                if len(words) > 2 and words[1] in _PARTICLES:  # "Anna van der Berg"
                    parts.append((" ".join(words[1:]), "last name"))
                for part, what in parts:
                    self._part.setdefault(part, {}).setdefault(person, what)

    def at_meeting(self, attendees: Iterable[Person], roster: Iterable[Person] = ()) -> Matcher:
        """The same directory, for another meeting: its attendees and roster settle ties."""
        other = copy.copy(self)  # the indexes are shared, not copied: one archive, many meetings
        other.attendees = list(dict.fromkeys(attendees))
        other.here = set(other.attendees)
        other.roster = set(roster)
        return other

    def tick(self, person_id: int) -> None:
        """Someone is at the meeting now: from here on they settle a first name they share."""
        person = self._by_id.get(person_id)
        if person is not None and person not in self.here:
            self.attendees.append(person)
            self.here.add(person)

    # -- a name, as typed ------------------------------------------------------------------------

    def match(self, typed: str) -> Match:
        """The person TYPED names; or the candidates, if several; or nobody."""
        wanted = keys(typed)
        for index in (self._full, self._part):
            found: dict[Person, str] = {}
            for key in wanted:
                for person, how in index.get(key, {}).items():
                    found.setdefault(person, how)
            if found:
                return self._pick(typed, found)
        return Match(typed)

    def _pick(self, typed: str, found: dict[Person, str]) -> Match:
        pool = list(found)
        for tier in (self.here, self.roster):  # the meeting's attendees first, then the roster
            if len(pool) == 1:
                break
            narrowed = [p for p in pool if p in tier]
            if narrowed:
                pool = narrowed
        if len(pool) == 1:
            return Match(typed, pool[0], how=found[pool[0]])
        pool.sort(key=lambda p: (p not in self.here, p not in self.roster, p.name.casefold()))
        return Match(typed, None, tuple(pool))

    # -- names in a text -------------------------------------------------------------------------

    def mentions(self, text: str) -> list[tuple[int, Match]]:
        """Every name TEXT mentions, by where it starts: full names and aliases (any case), first
        and last names (written with a capital or an '@': "will" is not Will; of people at the
        meeting or of the roster)."""
        words = [(m.start(), m.group()) for m in _WORD.finditer(text)]
        words = [(at, w[:-2] if w.endswith(("'s", "’s")) else w) for at, w in words]
        found: list[tuple[int, Match]] = []
        i = 0
        while i < len(words):
            for length in range(min(_LONGEST, len(words) - i), 0, -1):
                span = " ".join(w.lstrip("@") for _, w in words[i:i + length])
                match = self._in_text(span, words[i][1] if length == 1 else None)
                if match is not None:
                    found.append((words[i][0], match))
                    i += length
                    break
            else:
                i += 1
        return found

    def _in_text(self, span: str, word: str | None) -> Match | None:
        marked = word is None or word[:1].isupper() or word.startswith("@")
        full: dict[Person, str] = {}
        part: dict[Person, str] = {}
        for key in keys(span):
            for person, how in self._full.get(key, {}).items():
                # One word in lower case is a name only where the person writes it so (a handle).
                if marked or not any(n[:1].isupper() for n in (person.name, *person.aliases)
                                     if key in keys(n)):
                    full.setdefault(person, how)
            # A first or last name alone, in prose, is someone's only among those at the meeting
            # or of the roster (where there are such), and never an acronym: "Intel and AMD"
            # does not name Rama AMD.
            if marked and word is not None and not (len(word) > 1 and word.isupper()):
                context = self.here | self.roster
                for person, how in self._part.get(key, {}).items():
                    if not context or person in context:
                        part.setdefault(person, how)
        if full:
            return self._pick(span, full)
        if part:
            return self._pick(span, part)
        return None

    def find_in(self, text: str) -> Person | None:
        """The person TEXT names: the first full name or alias that is one person's, else the
        first first or last name that is."""
        mentioned = self.mentions(text)
        for strong in (True, False):
            for _, match in mentioned:
                if match.person and (match.how in ("name", "alias")) == strong:
                    return match.person
        return None

    def named_in(self, text: str) -> list[Person]:
        """Everyone TEXT names, once each, in the order named."""
        return list(dict.fromkeys(m.person for _, m in self.mentions(text) if m.person))
