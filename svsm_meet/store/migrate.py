"""Keep a database at the schema this version of svsm-meet expects, with Alembic.

Alembic costs ~150 ms to import, so a database that is already current is recognised by a plain
query and Alembic is loaded only when there is something to upgrade.
"""

from __future__ import annotations

from contextlib import contextmanager
import os

from ..errors import SvsmMeetError

# The newest revision in the top-level migrations/versions (shipped as svsm_meet.migrations); tests/test_migrations.py checks it against Alembic.
HEAD = "0009"


def from_schema(name, type_, parent_names) -> bool:
    """What Alembic compares with store/schema.py: all but the search index, which revision 0004
    makes by hand (an FTS5 table and its shadow tables on SQLite, search_doc on PostgreSQL)."""
    return not (type_ == "table" and name and name.startswith("search_"))


def migrations_folder() -> str:
    """Where the Alembic revisions are: the top-level migrations/ of a checkout (an editable
    install maps it there), or svsm_meet/migrations/ inside an installed wheel."""
    import svsm_meet.migrations as package

    if package.__file__ is None:  # a folder left by an older checkout shadows the real package
        stale = ", ".join(package.__path__)
        raise SvsmMeetError(f"{stale}: a leftover folder without the migrations; remove it")
    return os.path.dirname(package.__file__)


def _config(connection):
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", migrations_folder())
    config.attributes["connection"] = connection
    return config


def current_revision(connection) -> str | None:
    from sqlalchemy import inspect, text

    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def _has_foreign_tables(connection) -> bool:
    from sqlalchemy import inspect

    return bool(set(inspect(connection).get_table_names()) - {"alembic_version"})


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {rev.revision for rev in ScriptDirectory.from_config(_config(None)).walk_revisions()}


@contextmanager
def _migrating(engine):
    """One write transaction for a migration.  On SQLite, foreign keys are off around it (they
    only switch outside a transaction): rebuilding a table drops the old one, which would
    otherwise cascade to the rows that refer to it.  They are checked before the commit."""
    with engine.connect() as conn:
        raw = conn.connection.driver_connection if conn.dialect.name == "sqlite" else None
        if raw is not None:
            raw.execute("PRAGMA foreign_keys = OFF")
        try:
            conn = conn.execution_options(svsm_write=True)
            with conn.begin():
                yield conn
                if raw is not None and conn.exec_driver_sql("PRAGMA foreign_key_check").first():
                    raise SvsmMeetError("the migration broke a reference between records; nothing changed")
        finally:
            if raw is not None:
                raw.execute("PRAGMA foreign_keys = ON")


def upgrade(engine, revision: str = "head") -> str:
    """Upgrade (in one transaction) and return the revision the database is at."""
    from alembic import command

    with _migrating(engine) as connection:
        current = current_revision(connection)
        if current is None and _has_foreign_tables(connection):
            raise SvsmMeetError("the database holds tables of another program; refusing to touch it")
        if current is not None and current not in known_revisions():
            raise SvsmMeetError(
                f"the database is at schema revision {current}, newer than this svsm-meet knows;"
                " upgrade svsm-meet"
            )
        command.upgrade(_config(connection), revision)
        return current_revision(connection)


def downgrade(engine, revision: str) -> str:
    from alembic import command

    with _migrating(engine) as connection:
        command.downgrade(_config(connection), revision)
        return current_revision(connection)


def ensure_schema(engine) -> None:
    """Bring the database to HEAD if it is not there yet (cheap when it is)."""
    from .engine import transaction

    with transaction(engine, write=False) as connection:
        if current_revision(connection) == HEAD:
            return
    upgrade(engine)
