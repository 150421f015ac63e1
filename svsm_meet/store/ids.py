"""Ids numbered here rather than by the database, so rows go in with one executemany (SQLite)."""

from __future__ import annotations

from sqlalchemy import func, select, text


def next_free_id(conn, table) -> int:
    """The first id past every id TABLE has given.  AUTOINCREMENT never gives an id again, not even
    one whose row is gone: start past it too.  (A database made before a table had it has no
    sqlite_sequence.)  Only for a writer holding SQLite's write lock (BEGIN IMMEDIATE): nobody else
    takes these ids meanwhile."""
    used = conn.execute(select(func.max(table.c.id))).scalar() or 0
    if conn.execute(text("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'")).first():
        used = max(used, conn.execute(text("SELECT seq FROM sqlite_sequence WHERE name = :n"),
                                      {"n": table.name}).scalar() or 0)
    return used + 1
