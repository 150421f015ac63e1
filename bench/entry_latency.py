"""How soon a typed entry is on disk, on the ten-year archive.

    .venv/bin/python bench/entry_latency.py [--entries N]

Opens the archive's newest meeting in a live-minutes session and commits N entries (notes at
several depths, decisions, actions with owners and due dates, topics), timing
  - commit: from Enter to the transaction committed (WAL; survives the app being killed), and
  - on screen: commit plus reloading the meeting for the view.
Reports median and 95th percentile (goal: the commit's median within 5 ms).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

LINES = [
    "Joerg Roedel shared a development plan document for the SVSM project.",
    "<tab>",
    "Tracking work assigned to individuals (decided to add to the document)",
    "#agreed Memory isolation does not require separate KVM memory slots",
    "<shift-tab>",
    "#action Stefano will investigate the restricted injection angle due:+2w",
    "#info The LPC CFP is not out yet",
    "#topic Another topic",
]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--entries", type=int, default=400)
    opts = ap.parse_args()
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "bench"))
    from archive import build

    from svsm_meet.session import MinutesSession
    from svsm_meet.store.engine import make_engine, resolve_url, transaction
    from svsm_meet.store.summary import find_meeting

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "archive.db"
        meetings, bullets = build(db)
        engine = make_engine(resolve_url(str(db)))
        with transaction(engine, write=False) as conn:
            mid = find_meeting(conn, "latest").id
        session = MinutesSession(engine, mid)
        session.submit("#attendees Stefano Garzarella, Joerg Roedel")
        commit, shown = [], []
        n = 0
        while len(commit) < opts.entries:
            line = LINES[n % len(LINES)]
            n += 1
            if line == "<tab>":
                session.indent(1)
                continue
            if line == "<shift-tab>":
                session.indent(-1)
                continue
            start = time.perf_counter()
            session.commit(line)
            committed = time.perf_counter()
            session.reload()
            done = time.perf_counter()
            commit.append(committed - start)
            shown.append(done - start)
        engine.dispose()

    def ms(values, q):
        return statistics.quantiles(values, n=100)[q - 1] * 1000 if q != 50 else statistics.median(values) * 1000

    print(f"archive: {meetings} meetings, {bullets} bullets; {len(commit)} entries into the newest meeting")
    print(f"on disk (committed):     median {ms(commit, 50):5.2f} ms   p95 {ms(commit, 95):5.2f} ms")
    print(f"on screen (+ reload):    median {ms(shown, 50):5.2f} ms   p95 {ms(shown, 95):5.2f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
