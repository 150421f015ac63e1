"""Alembic: the schema is built by migrations shipped in the package, and upgraded on start."""

from __future__ import annotations

import sqlite3
from importlib.resources import files

import pytest
from conftest import ROOT
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from svsm_meet.store import migrate
from svsm_meet.store.engine import make_engine, resolve_url
from sqlmodel import SQLModel

import svsm_meet.store.schema  # noqa: F401 - declares the models


def test_head_constant_is_alembics_head():
    script = ScriptDirectory.from_config(migrate._config(None))
    assert script.get_current_head() == migrate.HEAD


def test_migrated_schema_is_the_tables_the_code_uses(db):
    engine = make_engine(resolve_url(str(db)))
    migrate.ensure_schema(engine)
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_name": migrate.from_schema, "compare_type": True})
        diff = compare_metadata(context, SQLModel.metadata)
    assert diff == []


def test_downgrade_to_base_and_up_again(db):
    engine = make_engine(resolve_url(str(db)))
    assert migrate.upgrade(engine) == migrate.HEAD
    migrate.downgrade(engine, "base")
    with sqlite3.connect(db) as conn:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert names - {"sqlite_sequence"} <= {"alembic_version"}  # SQLite's own AUTOINCREMENT table
    assert migrate.upgrade(engine) == migrate.HEAD


def test_a_newer_database_is_refused(db):
    engine = make_engine(resolve_url(str(db)))
    migrate.ensure_schema(engine)
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(migrate.SvsmMeetError, match="newer"):
        migrate.ensure_schema(engine)


def test_migrations_ship_inside_the_package():
    """The top-level migrations/ folder is the package svsm_meet.migrations (tests/test_packaging.py
    checks the built wheel)."""
    versions = files("svsm_meet.migrations") / "versions"
    assert any(p.name.startswith(migrate.HEAD) for p in versions.iterdir())
    assert (ROOT / "migrations" / "versions").is_dir() and not (ROOT / "svsm_meet" / "migrations").exists()


def test_upgrade_keeps_the_data_of_every_older_revision(db):
    """From each older revision: a database with minutes and a follow-up in it, upgraded, gives
    them back (the table rebuilds of 0005 must cascade to nothing)."""
    from svsm_meet.formats.markdown_in import normalize, parse_markdown
    from svsm_meet.model import FollowUp
    from svsm_meet.formats.markdown_out import render
    from svsm_meet.store.documents import load_documents, save_documents
    from svsm_meet.store.engine import transaction

    minutes = (ROOT / "tests" / "fixtures" / "minutes" / "svsm-ordinal-2025-03-05.md").read_text()
    script = ScriptDirectory.from_config(migrate._config(None))
    older = [rev.revision for rev in script.walk_revisions() if rev.revision != migrate.HEAD]
    assert older, "there is an older revision to upgrade from"
    for revision in older:
        path = db.parent / f"at-{revision}.db"
        engine = make_engine(resolve_url(str(path)))
        migrate.upgrade(engine, revision)
        doc = parse_markdown(minutes)
        bullet = doc.sections[-1].items[1]
        doc.followups = [FollowUp("Stefano will investigate further", uid=f"u-{revision}@svsm-meet",
                                  owner="Stefano Garzarella", item=bullet)]
        with transaction(engine) as conn:  # the tables the first revision made hold the minutes
            (mid,) = save_documents(conn, [doc])
        migrate.ensure_schema(engine)
        with transaction(engine, write=False) as conn:
            assert migrate.current_revision(conn) == migrate.HEAD
            (loaded,) = load_documents(conn, [mid])
        assert render(loaded) == normalize(minutes)
        (f,) = loaded.followups
        assert (f.uid, f.owner, f.item.text) == (f"u-{revision}@svsm-meet", "Stefano Garzarella", bullet.text)
        engine.dispose()
