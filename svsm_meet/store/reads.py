"""Reads answered before SQLAlchemy and the SQLModel tables load.

The meetings list and the follow-ups list are what people and scripts ask for most, and the app's
first screen shows one of them.  Importing SQLAlchemy and the models costs ~250 ms, most of a
command's time, so on an SQLite file already at the current schema these run on the standard
library's sqlite3 instead.  Their SQL is written once, as text both engines take, and `rows` runs
it on either kind of connection; anywhere else (PostgreSQL, a database to upgrade) `reading`
hands out an ordinary SQLAlchemy connection.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from contextlib import contextmanager


def rows(conn, sql: str, params: dict | None = None) -> list[tuple]:
    """SQL with :name parameters, on a sqlite3 or a SQLAlchemy connection."""
    if isinstance(conn, sqlite3.Connection):
        return conn.execute(sql, params or {}).fetchall()
    from sqlalchemy import text

    return [tuple(r) for r in conn.execute(text(sql), params or {})]


@contextmanager
def reading(url: str):
    """A connection to read from: sqlite3 where the quick path can serve, else SQLAlchemy's."""
    from .quick import quick_connection

    conn = quick_connection(url)
    if conn is not None:
        try:
            yield conn
        finally:
            conn.close()
        return
    from .engine import make_engine, transaction
    from .migrate import ensure_schema

    engine = make_engine(url)
    try:
        ensure_schema(engine)
        with transaction(engine, write=False) as conn:
            yield conn
    finally:
        engine.dispose()


# Untyped SQL gives SQLite's dates as text and PostgreSQL's as objects: both become objects.


def as_date(value) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value[:10])


def as_datetime(value) -> dt.datetime | None:
    if value is None or isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(value)
