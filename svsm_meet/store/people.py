"""The people directory: names, aliases and affiliations, and finding a person by any of them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import insert, select, update

from ..names import Matcher, Person, name_key
from . import schema as t
from .bulk import insert_many
from .ids import next_free_id


def _spelling(name: str) -> tuple[int, int]:
    """How carefully a name is written: capitalised words, then letters with their accents."""
    return sum(w[:1].isupper() for w in name.split()), sum(not c.isascii() for c in name)


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


class People:
    """Resolves names to people within one transaction (an import), adding people it has not met.
    A name spelled as someone's name or alias is theirs; else the matcher's unique answer
    ('Stefano' is Stefano Garzarella); else, ambiguous or unknown, a new person: an import asks
    nobody, and never links a name to the wrong one of two."""

    def __init__(self, conn):
        self.conn = conn
        self.by_key: dict[str, int] = {}
        self.names: dict[int, str] = {}
        for pid, name, key in conn.execute(select(t.person.c.id, t.person.c.name, t.person.c.name_key)):
            self.by_key.setdefault(key, pid)
            self.names[pid] = name
        for pid, key in conn.execute(select(t.person_alias.c.person_id, t.person_alias.c.alias_key)):
            self.by_key.setdefault(key, pid)
        self._matcher: Matcher | None = None
        # Whose affiliation this run has given already: once given, the UPDATE that fills only an
        # empty one would change nothing, and an import asks for it at every attendance.
        self._affiliated: set[int] = set()
        # New people and their aliases wait here for flush(), on SQLite numbered by us (ids.py):
        # an archive's hundred new names are then two statements, not a hundred.
        self._new_people: dict[int, dict] = {}
        self._new_aliases: list[dict] = []
        self._next_id: int | None = None

    def find(self, name: str) -> int | None:
        return self.by_key.get(name_key(name))

    def match(self, name: str) -> int | None:
        """The one person NAME means by the matcher (a first name, a handle …), or None."""
        if self._matcher is None:  # only once a name is not found as written: most imports never
            self.flush()  # the matcher reads the directory: with everyone added so far
            self._matcher = name_matcher(self.conn)
        found = self._matcher.match(name).person
        return found.id if found else None

    def resolve(self, name: str, affiliation: str | None = None, taken: set[int] = frozenset()) -> int:
        """The person NAME is (as written, or by the matcher), else a new one.  A person TAKEN
        already (named otherwise in the same meeting) is not given to a second name: "Dan" and
        "Williams" on one attendance are two people, not Dan Williams twice."""
        pid = self.find(name)  # the same name twice ("Host: Ann", "Present: Ann") is one person
        if pid is None:
            pid = self.match(name)
            pid = None if pid in taken else pid
        if pid is None:
            pid = self._add(name, affiliation)
            self.by_key[name_key(name)] = pid
            self.names[pid] = name
            if self._matcher is not None:
                self._matcher.add(Person(name, (), pid))
        elif pid in self._new_people:
            row = self._new_people[pid]
            row["affiliation"] = row["affiliation"] or affiliation
            if name != row["name"] and _spelling(name) > _spelling(row["name"]) \
                    and name_key(name) == row["name_key"]:
                row["name"] = self.names[pid] = name  # nobody's attendance names them yet
        else:
            if affiliation and pid not in self._affiliated:
                _fill_affiliation(self.conn, pid, affiliation)
                self._affiliated.add(pid)
            known = self.names[pid]  # the same text again (most attendances): nothing to compare
            if name != known and name_key(name) == name_key(known) and _spelling(name) > _spelling(known):
                self._rename(pid, name)
        return pid

    def _add(self, name: str, affiliation: str | None) -> int:
        row = {"name": name, "name_key": name_key(name), "affiliation": affiliation,
               "created_at": utcnow()}
        if self.conn.dialect.name != "sqlite":  # a sequence gives the id: ask it now
            return self.conn.execute(insert(t.person).values(**row)).inserted_primary_key[0]
        if self._next_id is None:
            self._next_id = next_free_id(self.conn, t.person)
        pid, self._next_id = self._next_id, self._next_id + 1
        self._new_people[pid] = {**row, "id": pid}
        return pid

    def flush(self) -> None:
        """Write the people and aliases resolve() has added: before anything refers to them."""
        if self._new_people:
            insert_many(self.conn, t.person, list(self._new_people.values()))
            self._new_people.clear()
        if self._new_aliases:
            insert_many(self.conn, t.person_alias, self._new_aliases)
            self._new_aliases.clear()

    def _rename(self, pid: int, name: str) -> None:
        """'Vijay Dhanraj' once 'Vijay dhanraj' was seen first: the directory takes the more careful
        spelling, and the meetings that wrote the other keep it (their Markdown stays as it was)."""
        old = self.names[pid]
        a = t.attendance.c
        self.conn.execute(update(t.attendance).where(a.person_id == pid, a.written.is_(None))
                          .values(written=old))
        self.conn.execute(update(t.person).where(t.person.c.id == pid).values(name=name))
        self.names[pid] = name

    def alias_handle(self, pid: int, handle: str) -> None:
        """'Liran Tal (@lirantal)': the handle is Liran's other name, unless it names someone else."""
        if self.find(handle) is None:
            self.add_alias(pid, handle, wait=True)

    def add_alias(self, pid: int, alias: str, wait: bool = False) -> None:
        """ALIAS is another name of PID's person; written at once, or with WAIT at flush()."""
        key = name_key(alias)
        if self.by_key.get(key) not in (None, pid):
            raise ValueError(f"{alias!r} already names someone else")
        if key not in self.by_key:
            self._new_aliases.append({"person_id": pid, "alias": alias, "alias_key": key})
            self.by_key[key] = pid
            if not wait:
                self.flush()


def _fill_affiliation(conn, pid: int, affiliation: str | None) -> None:
    if affiliation:
        conn.execute(update(t.person).where(t.person.c.id == pid, t.person.c.affiliation.is_(None))
                     .values(affiliation=affiliation))


def known_people(conn) -> dict[int, Person]:
    """Everyone in the directory (name and aliases), by person id."""
    aliases: dict[int, list[str]] = {}
    for pid, alias in conn.execute(select(t.person_alias.c.person_id, t.person_alias.c.alias)):
        aliases.setdefault(pid, []).append(alias)
    return {pid: Person(name, tuple(aliases.get(pid, ())), pid)
            for pid, name in conn.execute(select(t.person.c.id, t.person.c.name))}


def name_matcher(conn, meeting_id: int | None = None) -> Matcher:
    """The one name matcher (names.py), fed with the directory, and for a meeting with its
    series' roster and its attendees (who settle a first name two people share)."""
    from .attendance import present_people, roster_ids

    everyone = known_people(conn)
    roster = roster_ids(conn, meeting_id) if meeting_id is not None else []
    here = present_people(conn, meeting_id) if meeting_id is not None else []
    return Matcher(everyone.values(), [everyone[p] for p in roster if p in everyone],
                   [everyone[p] for p in here if p in everyone])


@dataclass(frozen=True)
class Named:
    """Whom a typed name turned out to be."""

    id: int
    name: str  # as the directory has it
    new: bool  # nobody matched: a person was added for the name
    how: str | None = None  # how it matched ("name", "alias", "first name", …)


def person_for(conn, typed: str, matcher: Matcher, affiliation: str | None = None) -> Named:
    """The person a note-taker's TYPED name means (#here, @Owner, --owner): the matcher's one
    match, or a new person where nothing matches.  Ambiguous: BadInput listing who it could be."""
    from ..errors import Ambiguous, BadInput

    typed = " ".join(typed.split())
    if not typed.lstrip("@"):
        raise BadInput("give a name")
    found = matcher.match(typed)
    if found.ambiguous:
        raise Ambiguous(found.refusal(), typed, [p.name for p in found.candidates])
    if found.person is not None:
        pid, name = found.person.id, found.person.name
        _fill_affiliation(conn, pid, affiliation)  # "#here Ramakrishna Gali (AMD)"
        if found.how == "name" and name_key(typed) == name_key(name) and _spelling(typed) > _spelling(name):
            People(conn)._rename(pid, typed)  # "Vijay Dhanraj" typed where "vijay dhanraj" was known
            name = typed
        return Named(pid, name, False, found.how)
    typed = typed.lstrip("@")
    pid = conn.execute(insert(t.person).values(name=typed, name_key=name_key(typed),
                                               affiliation=affiliation, created_at=utcnow())
                       ).inserted_primary_key[0]
    matcher.add(Person(typed, (), pid))
    return Named(pid, typed, True)


def alias(conn, name: str, other: str) -> str:
    """OTHER is another name of NAME's person ('Jörg Rödel' is 'Joerg Roedel').  Where OTHER is
    somebody already, the two are merged: their meetings and follow-ups become NAME's, and each
    meeting keeps the spelling it wrote.  Returns what was done, in words."""
    from ..errors import BadInput

    people = People(conn)
    keep = people.find(name)
    if keep is None:
        raise BadInput(f"nobody is called '{name}'; see 'svsm-meet people'")
    gone = people.find(other)
    if gone == keep:
        return f"'{other}' is {people.names[keep]} already"
    if gone is not None:
        a, f, al = t.attendance.c, t.followup.c, t.person_alias.c
        conn.execute(update(t.attendance).where(a.person_id == gone, a.written.is_(None))
                     .values(written=people.names[gone]))
        conn.execute(update(t.attendance).where(a.person_id == gone).values(person_id=keep))
        conn.execute(update(t.followup).where(f.owner_id == gone).values(owner_id=keep))
        conn.execute(update(t.person_alias).where(al.person_id == gone).values(person_id=keep))
        conn.execute(t.person.delete().where(t.person.c.id == gone))
        people = People(conn)
    key = name_key(other)
    if key != name_key(people.names[keep]) and people.by_key.get(key) != keep:
        people.add_alias(keep, other)
    elif people.by_key.get(key) == keep and gone is None:
        return f"'{other}' is {people.names[keep]} already"
    return (f"merged '{other}' into {people.names[keep]}" if gone is not None
            else f"'{other}' is another name of {people.names[keep]}")


def people_names(conn) -> list[str]:
    """Every name and alias in the directory, for completion."""
    names = list(conn.execute(select(t.person.c.name)).scalars())
    names += list(conn.execute(select(t.person_alias.c.alias)).scalars())
    return sorted(set(names), key=str.casefold)


def person_name(conn, person_id: int) -> str | None:
    return conn.execute(select(t.person.c.name).where(t.person.c.id == person_id)).scalar()


def people_with_counts(conn) -> list[dict]:
    """Everyone, with aliases, meetings attended (present only, not on a "Regrets:" line) and
    follow-ups owned and done: what `svsm-meet people` and the People screen both show."""
    from .attendance import meetings_attended
    from .followups import owned_counts

    known = known_people(conn)
    attended = meetings_attended(conn)
    owned = owned_counts(conn)
    affiliation = dict(conn.execute(select(t.person.c.id, t.person.c.affiliation)).all())
    return [{"id": pid, "name": k.name, "affiliation": affiliation.get(pid),
             "aliases": list(k.aliases), "meetings": attended.get(pid, 0),
             "followups": owned.get(pid, (0, 0))[0], "done": owned.get(pid, (0, 0))[1]}
            for pid, k in known.items()]
