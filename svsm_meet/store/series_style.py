"""A series' house style as the store knows it: the parts people set on the series row, the rest
learned from its imported minutes (formats/house_style.py does the learning)."""

from __future__ import annotations

from sqlalchemy import select, update

from ..formats.house_style import RECENT, HouseStyle, learn, resolve, usable
from . import schema as t
from .documents import load_documents
from .editing import typed_live
from .series import series_meetings

# Minutes looked at, newest first: enough for RECENT of them to show each part of the style
# (a meeting without decisions says nothing of labels).
_LOOKED_AT = 3 * RECENT


def chosen_style(conn, series_id: int) -> dict:
    """The parts of the style people set on the series."""
    return usable(conn.execute(select(t.series.c.style).where(t.series.c.id == series_id)).scalar())


def imported_minutes(conn, series_id: int, limit: int = _LOOKED_AT) -> list:
    """The series' latest meetings whose minutes came in by import, newest first: those typed
    live follow the style already and would only echo it back."""
    ids = [mid for mid, _ in reversed(series_meetings(conn, series_id))]
    live = typed_live(conn, ids[: 4 * limit])
    return load_documents(conn, [mid for mid in ids[: 4 * limit] if mid not in live][:limit])


def learned_style(conn, series_id: int) -> dict:
    return learn(imported_minutes(conn, series_id))


def series_style(conn, series_id: int | None) -> tuple[HouseStyle, dict[str, str]]:
    """The style the series' new meetings and live entries follow, and where each part comes
    from ("set", "learned", "default")."""
    if series_id is None:
        return resolve(None, None)
    return resolve(chosen_style(conn, series_id), learned_style(conn, series_id))


def set_style(conn, series_id: int, changes: dict) -> bool:
    """Set parts of the style (a value of None: learn that part again); True if anything changed.
    The values are the caller's to check.  The calendar does not see the style: SEQUENCE stays."""
    chosen = chosen_style(conn, series_id)
    wanted = {**chosen, **changes}
    wanted = {k: v for k, v in wanted.items() if v is not None}
    if wanted == chosen:
        return False
    conn.execute(update(t.series).where(t.series.c.id == series_id).values(style=wanted or None))
    return True
