"""A read-only sqlite3 connection to a database at the current schema, in milliseconds.

The terminal app shows its first screen, and the command line its lists, through this while
SQLAlchemy (~300 ms to import) is not loaded (store/reads.py).  Anything but an SQLite file
already at the current schema gives None and the caller takes the ordinary path.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from urllib.parse import quote

from .migrate import HEAD
from .summary import MeetingSummary, list_meetings


def sqlite_path(url: str) -> Path | None:
    prefix = "sqlite:///"
    return Path(url[len(prefix):]) if url.startswith(prefix) and url != "sqlite:///:memory:" else None


def quick_connection(url: str) -> sqlite3.Connection | None:
    path = sqlite_path(url)
    if path is None or not path.is_file():
        return None
    try:
        conn = sqlite3.connect(f"file:{quote(str(path))}?mode=ro", uri=True, timeout=5)
    except sqlite3.Error:
        return None
    try:
        version = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        if version and version[0] == HEAD:
            conn.execute("BEGIN")  # one snapshot for everything the caller reads
            return conn
    except sqlite3.Error:
        pass
    conn.close()
    return None


def quick_meetings(url: str) -> list[MeetingSummary] | None:
    path = sqlite_path(url)
    if path is not None and not path.exists():
        return []
    conn = quick_connection(url)
    if conn is None:
        return None
    try:
        return list_meetings(conn)
    except sqlite3.Error:
        return None
    finally:
        conn.close()
