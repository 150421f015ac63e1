"""The people directory: names, aliases and affiliations, and finding a person by any of them."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from sqlalchemy import insert, select, update

from . import schema as t


def name_key(name: str) -> str:
    """'Carlos López' and 'carlos lopez' are one key; 'Jörg' and 'Joerg' need an alias."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    # Cut at the key columns' width: NFKD and casefold can make a key longer than its name
    # ("ß" is "ss"), and two names alike in their first 200 characters are one person anyway.
    return re.sub(r"\s+", " ", plain).strip().casefold()[:200]


def _spelling(name: str) -> tuple[int, int]:
    """How carefully a name is written: capitalised words, then letters with their accents."""
    return sum(w[:1].isupper() for w in name.split()), sum(not c.isascii() for c in name)


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


class People:
    """Resolves names to people within one transaction, adding people it has not met."""

    def __init__(self, conn):
        self.conn = conn
        self.by_key: dict[str, int] = {}
        self.names: dict[int, str] = {}
        for pid, name, key in conn.execute(select(t.person.c.id, t.person.c.name, t.person.c.name_key)):
            self.by_key.setdefault(key, pid)
            self.names[pid] = name
        for pid, key in conn.execute(select(t.person_alias.c.person_id, t.person_alias.c.alias_key)):
            self.by_key.setdefault(key, pid)

    def find(self, name: str) -> int | None:
        return self.by_key.get(name_key(name))

    def resolve(self, name: str, affiliation: str | None = None) -> int:
        pid = self.find(name)
        if pid is None:
            pid = self.conn.execute(
                insert(t.person).values(
                    name=name, name_key=name_key(name), affiliation=affiliation, created_at=utcnow()
                )
            ).inserted_primary_key[0]
            self.by_key[name_key(name)] = pid
            self.names[pid] = name
        else:
            if affiliation:
                self.conn.execute(
                    update(t.person)
                    .where(t.person.c.id == pid, t.person.c.affiliation.is_(None))
                    .values(affiliation=affiliation)
                )
            if name_key(name) == name_key(self.names[pid]) and _spelling(name) > _spelling(self.names[pid]):
                self._rename(pid, name)
        return pid

    def _rename(self, pid: int, name: str) -> None:
        """'Vijay Dhanraj' once 'Vijay dhanraj' was seen first: the directory takes the more careful
        spelling, and the meetings that wrote the other keep it (their Markdown stays as it was)."""
        old = self.names[pid]
        a = t.attendance.c
        self.conn.execute(update(t.attendance).where(a.person_id == pid, a.written.is_(None))
                          .values(written=old))
        self.conn.execute(update(t.person).where(t.person.c.id == pid).values(name=name))
        self.names[pid] = name

    def add_alias(self, pid: int, alias: str) -> None:
        key = name_key(alias)
        if self.by_key.get(key) not in (None, pid):
            raise ValueError(f"{alias!r} already names someone else")
        if key not in self.by_key:
            self.conn.execute(insert(t.person_alias).values(person_id=pid, alias=alias, alias_key=key))
            self.by_key[key] = pid


def known_people(conn) -> dict:
    """Everyone in the directory as entry.Known (name and aliases), by person id."""
    from ..entry import Known

    aliases: dict[int, list[str]] = {}
    for pid, alias in conn.execute(select(t.person_alias.c.person_id, t.person_alias.c.alias)):
        aliases.setdefault(pid, []).append(alias)
    return {pid: Known(name, tuple(aliases.get(pid, ())))
            for pid, name in conn.execute(select(t.person.c.id, t.person.c.name))}


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
