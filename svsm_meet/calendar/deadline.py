"""An overall deadline for a calendar sync.  Per-request timeouts bound each wait for a byte, so
a server that sends one byte a second is never timed out by them; each request runs in a thread
of its own, waited for only until the sync's deadline."""

from __future__ import annotations

import threading
import time

from ..errors import SvsmMeetError


class Deadline:
    def __init__(self, seconds: float, what: str):
        self.seconds = seconds
        self.what = what
        self.until = time.monotonic() + seconds

    def run(self, fn, *args):
        """FN(*ARGS), or SvsmMeetError once the deadline has passed.  The thread is a daemon:
        left blocked on a dead server, it does not hold the program open at exit."""
        outcome: dict = {}

        def call() -> None:
            try:
                outcome["value"] = fn(*args)
            except BaseException as e:  # noqa: BLE001 - handed to the waiting caller
                outcome["error"] = e

        worker = threading.Thread(target=call, name="svsm-meet-request", daemon=True)
        worker.start()
        worker.join(max(0.0, self.until - time.monotonic()))
        if worker.is_alive():
            raise SvsmMeetError(f"{self.what} did not answer within the sync's deadline of "
                                f"{self.seconds:g} s (--deadline, or deadline in [caldav])")
        if "error" in outcome:
            raise outcome["error"]
        return outcome["value"]
