"""Series: the recurring calls meetings belong to."""

from __future__ import annotations

from sqlalchemy import func, insert, select

from . import schema as t
from .people import utcnow


def series_ids(conn, names: list[str]) -> dict[str, int]:
    """Ids for these series names (matched without regard to case), adding the new ones."""
    wanted = {name.casefold(): name for name in names}
    found = {
        key: sid
        for sid, key in conn.execute(
            select(t.series.c.id, func.lower(t.series.c.name)).where(
                func.lower(t.series.c.name).in_(list(wanted))
            )
        )
    }
    for key, name in wanted.items():
        if key not in found:
            found[key] = conn.execute(
                insert(t.series).values(name=name, created_at=utcnow())
            ).inserted_primary_key[0]
    return {name: found[name.casefold()] for name in names}


def series_names(conn) -> list[str]:
    return list(conn.execute(select(t.series.c.name).order_by(t.series.c.name)).scalars())
