"""Bulk writes without the search index's per-row triggers (SQLite).

Importing an archive writes thousands of rows; each row's trigger costs about as much as the row
itself.  For a bulk import the triggers are dropped, the rows written, the index filled with one
INSERT … SELECT per table and the triggers made again — all inside the import's transaction, so a
failure or a killed process leaves triggers and index as they were.
"""

from __future__ import annotations

from contextlib import contextmanager

from ..migrations.search_triggers import SOURCES, sqlite_triggers, sqlite_values


@contextmanager
def bulk_indexing(conn, meeting_ids):
    """Inside the block, rows of new meetings are written unindexed; MEETING_IDS (a callable, as
    they are known only once written) says whose rows to index at the end."""
    if conn.dialect.name != "sqlite":
        yield  # PostgreSQL's triggers are cheap enough, and its DDL takes heavier locks
        return
    for table, *_ in SOURCES:
        for event in ("insert", "update", "delete"):
            conn.exec_driver_sql(f"DROP TRIGGER search_{table}_{event}")
    yield
    ids = ",".join(str(int(i)) for i in meeting_ids()) or "NULL"
    # The written meetings are indexed afresh; what replaced meetings had (perhaps under the
    # same meeting id) goes, and so does anything kept from them, to come back as it is now.
    conn.exec_driver_sql(f"DELETE FROM search_fts WHERE meeting_id IN ({ids}) OR (meeting_id IS "
                         "NOT NULL AND meeting_id NOT IN (SELECT id FROM meeting))")
    for table, *_ in SOURCES:
        if ids != "NULL":
            conn.exec_driver_sql(
                f"INSERT INTO search_fts(rowid, body, kind, meeting_id) SELECT "
                f"{sqlite_values(table, table)} FROM {table} WHERE {table}.meeting_id IN ({ids})"
            )
        for statement in sqlite_triggers(table):
            conn.exec_driver_sql(statement)
