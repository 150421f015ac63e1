"""What a calendar holds of ours as of the last sync (one row per target and UID); see
calendar/sync.py for how it is used."""

from __future__ import annotations

from sqlalchemy import delete, insert, select

from . import schema as t
from .people import utcnow


def synced_uids(conn, target: str) -> set[str]:
    return set(conn.execute(select(t.sync_state.c.uid).where(t.sync_state.c.target == target)).scalars())


def sync_states(conn, target: str) -> dict:
    """By UID, the row the last sync left: href, etag, local_hash."""
    return {r.uid: r for r in conn.execute(select(t.sync_state).where(t.sync_state.c.target == target))}


def forget_sync_state(conn, target: str, uid: str) -> None:
    s = t.sync_state.c
    conn.execute(delete(t.sync_state).where(s.target == target, s.uid == uid))


def save_sync_state(conn, target: str, uid: str, href: str, etag: str, local_hash: str) -> None:
    forget_sync_state(conn, target, uid)
    conn.execute(insert(t.sync_state).values(target=target, uid=uid, href=href, etag=etag,
                                             local_hash=local_hash, synced_at=utcnow()))
