"""Which database, and engines that are set up right on every connection.

No engine exists at import time: make_engine(url) builds one, so every test and command can
point at its own database.
"""

from __future__ import annotations

import os
import stat
from contextlib import contextmanager
from pathlib import Path

from ..errors import BadInput, SvsmMeetError

ENV_VAR = "SVSM_MEET_DB"
SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 10_000


def default_db_path() -> Path:
    from platformdirs import user_data_path

    return user_data_path("svsm-meet", appauthor=False) / "svsm-meet.db"


# Paths this process found missing and so will create: an empty file there is ours, where an
# empty file found on disk is someone's (a placeholder, a file being written) and is left alone.
_CREATING: set[Path] = set()


def _check_sqlite_file(path: Path, given: str) -> None:
    """Refuse what is not an SQLite file of ours to be: a directory, a device or FIFO (SQLite
    would write a journal beside /dev/null), a file of another format, an empty file."""
    try:
        st = path.stat()
    except FileNotFoundError:
        if not path.parent.is_dir():
            raise BadInput(f"--db {given}: the folder {path.parent} does not exist") from None
        _CREATING.add(path.resolve())
        return
    except OSError as e:
        raise BadInput(f"--db {given}: cannot read it ({e.strerror})") from None
    if stat.S_ISDIR(st.st_mode):
        raise BadInput(f"--db {given}: is a directory, not a database file")
    if not stat.S_ISREG(st.st_mode):
        raise BadInput(f"--db {given}: not a regular file; refusing to touch it")
    try:
        with path.open("rb") as f:
            header = f.read(len(SQLITE_HEADER))
    except OSError as e:
        raise BadInput(f"--db {given}: cannot read it ({e.strerror})") from None
    if not header and path.resolve() not in _CREATING:
        raise BadInput(f"--db {given}: an empty file, not an SQLite database; refusing to touch it")
    if header and header != SQLITE_HEADER:
        raise BadInput(f"--db {given}: not an SQLite database; refusing to touch it")


def resolve_url(db: str | None) -> str:
    """A SQLAlchemy URL from --db, else $SVSM_MEET_DB, else the file in the user data dir."""
    if db is not None and not db.strip():
        # An empty variable in a script ("--db $DB") must not mean the user's real database.
        raise BadInput("--db: empty; give a database file or URL")
    given = db or os.environ.get(ENV_VAR) or ""
    if not given:
        path = default_db_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        _check_sqlite_file(path, str(path))
        return f"sqlite:///{path}"
    if "://" in given:
        if given.startswith("sqlite:///") and given != "sqlite:///:memory:":
            _check_sqlite_file(Path(given.removeprefix("sqlite:///")), given)
        return given
    path = Path(given).expanduser()
    _check_sqlite_file(path, given)
    return f"sqlite:///{path.resolve()}"


def _refuse_foreign(cursor) -> None:
    """Before any PRAGMA that writes (journal_mode = WAL rewrites the header): a database with
    tables must have ours.  Reading the schema changes nothing."""
    tables = {name for (name,) in cursor.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if tables - {"alembic_version"} and not {"alembic_version", "meeting", "series"} <= tables:
        raise SvsmMeetError("the database holds tables of another program; refusing to touch it")


def _setup_sqlite(engine) -> None:
    from sqlalchemy import event

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        # We issue BEGIN ourselves (below), so that DDL is transactional too and writers take
        # the lock up front instead of failing with "database is locked" on upgrade.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        _refuse_foreign(cursor)  # first: sqlite3's connect timeout covers a locked file meanwhile
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        if cursor.execute("PRAGMA journal_mode").fetchone()[0] != "memory":
            cursor.execute("PRAGMA journal_mode = WAL")
            # WAL with NORMAL loses nothing that was committed when the process is killed.
            cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        write = conn.get_execution_options().get("svsm_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def make_engine(url: str):
    from sqlalchemy import create_engine

    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        _setup_sqlite(engine)
    else:
        try:
            engine = create_engine(url, pool_pre_ping=True)
        except ModuleNotFoundError as e:
            raise SvsmMeetError(
                f"{url.split('://')[0]}: the database driver {e.name} is not installed; for "
                "PostgreSQL: pip install 'svsm-meet[postgresql]'"
            ) from None
    return engine


def default_author() -> str:
    """Who is writing, for the change log: $SVSM_MEET_AUTHOR, else user@host."""
    import getpass
    import socket

    if os.environ.get("SVSM_MEET_AUTHOR"):
        return os.environ["SVSM_MEET_AUTHOR"]
    try:
        return f"{getpass.getuser()}@{socket.gethostname()}"
    except Exception:  # noqa: BLE001 - no user name in this environment
        return f"uid{os.getuid()}@{socket.gethostname()}"


@contextmanager
def transaction(engine, write: bool = True, author: str | None = None):
    """One transaction: committed when the block ends, rolled back if it raises.  The changes
    it logs are AUTHOR's (by default, this user's)."""
    with engine.connect() as conn:
        if write:
            conn = conn.execution_options(svsm_write=True, svsm_author=author or default_author())
        with conn.begin():
            yield conn
