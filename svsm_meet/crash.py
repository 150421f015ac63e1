"""Where the details of an unexpected failure go, so that the user sees one line, not a traceback."""

from __future__ import annotations

import datetime as dt
from pathlib import Path


def crash_log(details: str) -> Path:
    from platformdirs import user_log_path

    path = user_log_path("svsm-meet", appauthor=False) / "crash.log"
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as f:
        f.write(f"--- {dt.datetime.now().isoformat(timespec='seconds')}\n{details}\n")
    return path
