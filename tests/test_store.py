"""The store: connection settings, people, transactions."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from svsm_meet.formats.markdown_in import parse_markdown
from svsm_meet.model import Attendee, Document, Item, Section
from svsm_meet.store import schema as t
from svsm_meet.store.documents import load_documents, save_documents
from svsm_meet.store.engine import transaction
from svsm_meet.store.people import People, name_key


def test_every_connection_has_wal_foreign_keys_and_busy_timeout(engine):
    for _ in range(2):
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 10_000
        engine.dispose()  # the next round opens a new connection


def test_writes_take_the_lock_up_front(engine, db):
    import sqlite3

    with transaction(engine) as conn:
        conn.execute(select(1))
        other = sqlite3.connect(db, timeout=0)
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
        other.close()


def test_a_failed_transaction_leaves_nothing(engine):
    doc = Document("SVSM Development Call", dt.date(2024, 5, 15),
                   attendees=[Attendee("Joerg Roedel")],
                   sections=[Section("topic", 2, "Topics:", items=[Item("one", children=[Item("two")])])])
    with pytest.raises(RuntimeError):
        with transaction(engine) as conn:
            save_documents(conn, [doc])
            raise RuntimeError("power cut")
    with transaction(engine, write=False) as conn:
        for table in (t.meeting, t.series, t.person, t.attendance, t.section, t.item):
            assert conn.execute(select(func.count()).select_from(table)).scalar() == 0


def test_people_match_case_and_accents(engine):
    with transaction(engine) as conn:
        people = People(conn)
        vijay = people.resolve("Vijay Dhanraj")
        assert people.resolve("Vijay dhanraj") == vijay
        carlos = people.resolve("Carlos López")
        assert people.resolve("carlos lopez") == carlos
        joerg = people.resolve("Joerg Roedel")
        assert people.resolve("Jörg Rödel") == joerg  # "ö" spelled out is "oe"
        assert people.resolve("Joerg Mueller") != joerg
        people.add_alias(joerg, "Jörg")
        assert People(conn).find("joerg") is None  # as written: only the matcher spells it out
        assert People(conn).match("joerg") == joerg
    assert name_key("  Cláudio   Carvalho ") == "claudio carvalho"


def test_people_new_in_one_import_are_written_together_and_found_by_each_other(engine):
    """New people wait for one executemany: a later, better spelling still names the directory's
    entry, a handle still becomes an alias, and a first name still finds them."""
    a = parse_markdown("# Call (2024-05-15)\n\n## Attendees:\n\n* Vijay dhanraj\n* Stefano Garzarella (@sgarzare)\n")
    b = parse_markdown("# Call (2024-05-22)\n\n## Attendees:\n\nVijay Dhanraj, Stefano\n")
    with transaction(engine) as conn:
        ids = save_documents(conn, [a, b])
        people = conn.execute(select(t.person.c.id, t.person.c.name).order_by(t.person.c.id)).all()
        aliases = conn.execute(select(t.person_alias.c.alias)).scalars().all()
        loaded = load_documents(conn, ids)
        c = t.attendance.c
        attendance = [conn.execute(select(c.person_id).where(c.meeting_id == mid).order_by(c.position)).all()
                      for mid in ids]
    assert sorted(name for _, name in people) == ["Stefano Garzarella", "Vijay Dhanraj"]
    assert aliases == ["@sgarzare"]
    assert [x.shown for x in loaded[0].attendees] == ["Vijay dhanraj", "Stefano Garzarella"]  # as written
    a_, b_ = ([pid for pid, in rows] for rows in attendance)
    assert a_ == b_ and len(set(a_)) == 2  # "Stefano" is Stefano Garzarella, not a third person


def test_initials_written_beside_a_name_are_an_alias_not_an_affiliation(engine):
    doc = parse_markdown("# Call (2024-05-15)\n\n## Attendees:\n\n* Chris Mutel (CM)\n* Ann Lee (AMD)\n")
    with transaction(engine) as conn:
        ids = save_documents(conn, [doc])
        people = conn.execute(select(t.person.c.name, t.person.c.affiliation).order_by(t.person.c.id)).all()
        aliases = conn.execute(select(t.person_alias.c.alias)).scalars().all()
        loaded = load_documents(conn, ids)
    assert people == [("Chris Mutel", None), ("Ann Lee", "AMD")] and aliases == ["CM"]
    assert [a.shown for a in loaded[0].attendees] == ["Chris Mutel (CM)", "Ann Lee (AMD)"]  # as written


def test_an_attendee_keeps_the_spelling_of_each_meeting(engine):
    a = parse_markdown("# Call (2024-05-15)\n\n## Attendees:\n\nVijay Dhanraj, Ramakrishna Gali (AMD)\n")
    b = parse_markdown("# Call (2024-05-22)\n\n## Attendees:\n\nvijay dhanraj, Ramakrishna Gali\n")
    with transaction(engine) as conn:
        ids = save_documents(conn, [a, b])
        people = conn.execute(select(t.person.c.name, t.person.c.affiliation).order_by(t.person.c.id)).all()
        loaded = load_documents(conn, ids)
    assert people == [("Vijay Dhanraj", None), ("Ramakrishna Gali", "AMD")]
    assert [x.shown for x in loaded[1].attendees] == ["vijay dhanraj", "Ramakrishna Gali"]
    assert loaded == [a, b]


def test_foreign_keys_are_enforced(engine):
    from sqlalchemy.exc import IntegrityError

    with pytest.raises(IntegrityError):
        with transaction(engine) as conn:
            conn.execute(text("INSERT INTO section (meeting_id, position, kind, level, text, blank_before)"
                              " VALUES (999, 0, 'topic', 2, 'x', 1)"))


def test_core_modules_import_neither_textual_nor_create_an_engine(tmp_path):
    """The core stays headless, and importing it touches no database."""
    code = textwrap.dedent(
        """
        import importlib, pkgutil, sys
        import svsm_meet
        for m in pkgutil.walk_packages(svsm_meet.__path__, "svsm_meet."):
            if m.name.startswith(("svsm_meet.tui", "svsm_meet.migrations", "svsm_meet.__main__")):
                continue
            importlib.import_module(m.name)
        assert "textual" not in sys.modules, "core imported textual"
        import gc, sqlalchemy.engine
        assert not [o for o in gc.get_objects() if isinstance(o, sqlalchemy.engine.Engine)]
        """
    )
    env = dict(os.environ, XDG_DATA_HOME=str(tmp_path / "data"))
    subprocess.run([sys.executable, "-c", code], check=True, env=env)
    assert not (tmp_path / "data").exists()


# What only the store may do: run statements, build them, or reach a database driver itself.
# SQL text too, which store.reads.rows would run from anywhere.
_SQL = re.compile(r"\b(?:execute|executemany|exec_driver_sql)\(|"
                  r"^\s*(?:from|import)\s+(?:sqlalchemy|sqlmodel|psycopg|sqlite3)\b|"
                  r"[\"']\s*(?:SELECT\s|INSERT\s+INTO\s|UPDATE\s+\w+\s+SET\s|DELETE\s+FROM\s|PRAGMA\s)",
                  re.M)


def test_only_the_store_speaks_sql():
    """Every SQL statement lives under store/ (and the migrations), so that one question has one
    answer: the command line and the app call the same store functions.  (The top-level
    migrations/ folder is outside the package, so outside this look too.)"""
    import svsm_meet

    package = Path(svsm_meet.__file__).parent
    found = []
    for path in sorted(package.rglob("*.py")):
        where = path.relative_to(package)
        if where.parts[0] in ("store", "migrations"):
            continue
        source = path.read_text(encoding="utf-8")
        for match in _SQL.finditer(source):
            line = source.count("\n", 0, match.start()) + 1
            found.append(f"svsm_meet/{where.as_posix()}:{line}: {match.group().strip()}")
    assert not found, "SQL outside svsm_meet/store/:\n" + "\n".join(found)


def test_drafts_belong_to_their_database(tmp_path):
    from svsm_meet.drafts import Drafts

    Drafts("sqlite:///a.db", tmp_path).save(3, "half a line")
    assert Drafts("sqlite:///a.db", tmp_path).load(3) == "half a line"
    assert Drafts("postgresql+psycopg://team/db", tmp_path).load(3) == ""


def test_the_directory_keeps_the_more_careful_spelling(engine):
    from svsm_meet.formats.markdown_in import normalize
    from svsm_meet.formats.markdown_out import render

    early = "# Call (2024-02-14)\n\n## Attendees:\n\nVijay dhanraj, carlos lopez\n"
    later = "# Call (2024-05-15)\n\n## Attendees:\n\nVijay Dhanraj, Carlos López\n"
    with transaction(engine) as conn:
        ids = save_documents(conn, [parse_markdown(early), parse_markdown(later)])
        names = sorted(conn.execute(select(t.person.c.name)).scalars())
        docs = load_documents(conn, ids)
    assert names == ["Carlos López", "Vijay Dhanraj"]
    assert [render(d) for d in docs] == [normalize(early), normalize(later)]


def test_rows_written_in_bulk_are_what_sqlalchemy_itself_writes():
    import datetime as dt

    from sqlalchemy import JSON, Boolean, Column, Date, DateTime, Integer, MetaData, Table, Text, Time, create_engine, insert

    from svsm_meet.store.bulk import insert_many

    meta = MetaData()
    columns = lambda: [Column("id", Integer, primary_key=True), Column("j", JSON), Column("d", DateTime),  # noqa: E731
                       Column("dd", Date), Column("tt", Time), Column("b", Boolean), Column("s", Text)]
    ours, theirs = Table("ours", meta, *columns()), Table("theirs", meta, *columns())
    engine = create_engine("sqlite://")
    meta.create_all(engine)
    rows = [{"id": 1, "j": None, "d": dt.datetime(2024, 5, 6, 7, 8, 9, 123), "dd": dt.date(2024, 5, 6),
             "tt": dt.time(9, 30), "b": True, "s": None},
            {"id": 2, "j": {"a": [1]}, "d": None, "dd": None, "tt": None, "b": False, "s": "x'y"}]
    with engine.begin() as conn:
        insert_many(conn, ours, rows)
        conn.execute(insert(theirs), rows)
        assert conn.exec_driver_sql("SELECT * FROM ours").all() == conn.exec_driver_sql("SELECT * FROM theirs").all()
