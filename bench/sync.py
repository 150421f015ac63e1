"""Syncing 200 follow-ups with a real Radicale server: the first sync, then a sync with no change.

    .venv/bin/python bench/sync.py [--followups N] [--rounds R]

Starts Radicale on 127.0.0.1 (as the tests do), makes N open follow-ups, and times the first sync
into a fresh calendar and a re-sync with nothing changed (goal: the re-sync at most 10% of the
first), counting the requests each sends.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--followups", type=int, default=200)
    ap.add_argument("--rounds", type=int, default=5)
    opts = ap.parse_args()
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "tests"))
    import radicale_server

    from svsm_meet.calendar.caldav import CalDAV
    from svsm_meet.calendar.sync import sync
    from svsm_meet.model import Due
    from svsm_meet.store.engine import make_engine, resolve_url, transaction
    from svsm_meet.store.entries import create_meeting
    from svsm_meet.store.followups import create_followup
    from svsm_meet.store.migrate import ensure_schema

    firsts, resyncs, counts = [], [], None
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        server = radicale_server.start(tmp / "radicale")
        try:
            for round_ in range(opts.rounds):
                engine = make_engine(resolve_url(str(tmp / f"r{round_}.db")))
                ensure_schema(engine)
                with transaction(engine) as conn:
                    mid = create_meeting(conn, "SVSM Development Call", dt.date(2024, 5, 15))
                    for n in range(opts.followups):
                        create_followup(conn, mid, None, f"Follow-up number {n}", None,
                                        Due(date=dt.date(2024, 6, 1) + dt.timedelta(days=n % 60)))
                calendar = f"bench-{round_}"
                remote = CalDAV(server.url, radicale_server.USER, radicale_server.PASSWORD, calendar)
                start = time.perf_counter()
                sync(engine, remote)
                firsts.append(time.perf_counter() - start)
                first_counts = dict(remote.counts)
                remote.counts.clear()
                start = time.perf_counter()
                report = sync(engine, remote)
                resyncs.append(time.perf_counter() - start)
                assert report.unchanged == opts.followups + 1, report.summary()
                counts = (first_counts, dict(remote.counts))
                engine.dispose()
        finally:
            server.stop()
    first, again = statistics.median(firsts), statistics.median(resyncs)
    print(f"{opts.followups} follow-ups (+1 series event) against Radicale on 127.0.0.1, "
          f"median of {opts.rounds} rounds")
    print(f"first sync:          {first * 1000:7.0f} ms   requests {counts[0]}")
    print(f"re-sync, no change:  {again * 1000:7.0f} ms   requests {counts[1]}   "
          f"{again / first:.1%} of the first")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
