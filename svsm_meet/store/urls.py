"""Database URLs as SQLAlchemy reads them: shown without the password, or handed to libpq."""

from __future__ import annotations


def shown_url(url: str) -> str:
    """URL as it may be printed: the password masked."""
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def libpq_dsn(engine) -> str:
    """The engine's PostgreSQL URL for psycopg itself (SQLAlchemy's driver name taken off)."""
    return engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
