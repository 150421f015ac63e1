"""search index: FTS5 on SQLite, tsvector + GIN on PostgreSQL, kept current by triggers

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26

Every bullet, heading, follow-up and attendee is one document of the index.  Its id is the row's
id times 8 plus the table's number (item 1, section 2, follow-up 3, attendance 4), so a trigger
finds it by key; triggers keep it current in the writing transaction, whatever code path writes.
"""

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

from svsm_meet.migrations.search_triggers import SOURCES as _SOURCES
from svsm_meet.migrations.search_triggers import WATCHED as _WATCHED
from svsm_meet.migrations.search_triggers import sqlite_triggers, sqlite_values


def _sqlite_upgrade() -> None:
    op.execute(
        "CREATE VIRTUAL TABLE search_fts USING fts5(body, kind UNINDEXED, meeting_id UNINDEXED, "
        "tokenize = 'porter unicode61 remove_diacritics 2')"
    )
    for table, *_ in _SOURCES:
        for statement in sqlite_triggers(table):
            op.execute(statement)
        op.execute(f"INSERT INTO search_fts(rowid, body, kind, meeting_id) "
                   f"SELECT {sqlite_values(table, table)} FROM {table}")


def _postgresql_upgrade() -> None:
    op.execute(
        "CREATE TABLE search_doc (id bigint PRIMARY KEY, kind varchar(16) NOT NULL, "
        "meeting_id integer, body text NOT NULL, "
        "tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', body)) STORED)"
    )
    op.execute("CREATE INDEX ix_search_doc_tsv ON search_doc USING gin (tsv)")
    op.execute("CREATE INDEX ix_search_doc_meeting ON search_doc (meeting_id)")
    for table, number, kind, body, meeting in _SOURCES:
        values = f"NEW.id * 8 + {number}, {kind.format(r='NEW')}, {meeting.format(r='NEW')}, " \
                 f"{body.format(r='NEW')}"
        op.execute(f"""
            CREATE FUNCTION search_{table}() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP = 'DELETE' THEN
                    DELETE FROM search_doc WHERE id = OLD.id * 8 + {number};
                    RETURN OLD;
                END IF;
                INSERT INTO search_doc (id, kind, meeting_id, body) VALUES ({values})
                ON CONFLICT (id) DO UPDATE SET kind = EXCLUDED.kind,
                    meeting_id = EXCLUDED.meeting_id, body = EXCLUDED.body;
                RETURN NEW;
            END $$""")
        op.execute(
            f"CREATE TRIGGER search_{table} AFTER INSERT OR DELETE OR UPDATE OF "
            f"{_WATCHED[table]}, meeting_id ON {table} FOR EACH ROW EXECUTE FUNCTION search_{table}()"
        )
        op.execute(
            f"INSERT INTO search_doc (id, kind, meeting_id, body) SELECT "
            f"{values.replace('NEW', table)} FROM {table}"
        )


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        _sqlite_upgrade()
    elif dialect == "postgresql":
        _postgresql_upgrade()
    else:
        raise NotImplementedError(f"full-text search on {dialect}")


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    for table, *_ in _SOURCES:
        if dialect == "sqlite":
            for event in ("insert", "delete", "update"):
                op.execute(f"DROP TRIGGER IF EXISTS search_{table}_{event}")
        else:
            op.execute(f"DROP TRIGGER IF EXISTS search_{table} ON {table}")
            op.execute(f"DROP FUNCTION IF EXISTS search_{table}()")
    op.execute("DROP TABLE IF EXISTS search_fts" if dialect == "sqlite" else "DROP TABLE IF EXISTS search_doc")
