"""Hearing of other note-takers' changes: PostgreSQL's LISTEN on the channel log_change notifies
(store/editing.py).  SQLite has nothing like it; watch.py polls there instead."""

from __future__ import annotations

from .editing import CHANNEL


class ChangeListener:
    """A connection of its own (autocommit: a notice arrives only outside a transaction)."""

    def __init__(self, engine):
        import psycopg

        from .urls import libpq_dsn

        self.connection = psycopg.connect(libpq_dsn(engine), autocommit=True)
        self.connection.execute(f"LISTEN {CHANNEL}")

    def payloads(self, timeout: float):
        """The ids of meetings changed, as they are heard, for up to TIMEOUT seconds."""
        for notice in self.connection.notifies(timeout=timeout):
            yield notice.payload

    def close(self) -> None:
        self.connection.close()


def change_listener(engine) -> ChangeListener | None:
    """A listener on PostgreSQL; None where the database cannot notify."""
    return ChangeListener(engine) if engine.dialect.name == "postgresql" else None
