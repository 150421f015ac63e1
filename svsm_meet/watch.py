"""Seeing other note-takers' entries: LISTEN/NOTIFY on PostgreSQL, a cheap poll on SQLite.

A MeetingWatcher only says "look again"; whether the meeting really changed is the change log's
to tell (MinutesSession.changed_elsewhere), so a missed or extra wake-up costs nothing.
"""

from __future__ import annotations

import time

from .store.notify import change_listener


class MeetingWatcher:
    def __init__(self, engine, meeting_id: int):
        self.meeting_id = str(meeting_id)
        self.listener = change_listener(engine)

    def wait(self, timeout: float) -> bool:
        """Block up to TIMEOUT seconds; True when the meeting may have changed."""
        if self.listener is None:
            time.sleep(timeout)
            return True  # SQLite has no notifications: look at the change log each time
        return any(payload == self.meeting_id for payload in self.listener.payloads(timeout))

    def close(self) -> None:
        if self.listener is not None:
            self.listener.close()
