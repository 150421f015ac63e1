"""The meetings list straight from an SQLite file with the standard library, in milliseconds.

The terminal app shows its first screen from this while SQLAlchemy (~300 ms to import) loads
behind it.  It only reads, and only a database already at the current schema; anything else
returns None and the caller takes the ordinary path.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from .summary import LIST_SQL, MeetingSummary, summaries
from .migrate import HEAD


def sqlite_path(url: str) -> Path | None:
    prefix = "sqlite:///"
    return Path(url[len(prefix):]) if url.startswith(prefix) and url != "sqlite:///:memory:" else None


def quick_meetings(url: str) -> list[MeetingSummary] | None:
    path = sqlite_path(url)
    if path is None:
        return None
    if not path.exists():
        return []
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
    except sqlite3.Error:
        return None
    try:
        version = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        if not version or version[0] != HEAD:
            return None
        return summaries(conn.execute(LIST_SQL))
    except sqlite3.Error:
        return None
    finally:
        conn.close()
