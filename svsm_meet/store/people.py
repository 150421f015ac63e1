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
    return re.sub(r"\s+", " ", plain).strip().casefold()


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
        elif affiliation:
            self.conn.execute(
                update(t.person)
                .where(t.person.c.id == pid, t.person.c.affiliation.is_(None))
                .values(affiliation=affiliation)
            )
        return pid

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
