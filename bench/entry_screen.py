"""Entry to screen in the app: a typed line and Enter until the new bullet is in the minutes view.

    .venv/bin/python bench/entry_screen.py [--entries N]

Runs the real app headless (Textual's test driver), on a meeting of 50 bullets and on one of
1,000, types N entries into each and times, for each, from the Enter key until the minutes view
shows one more bullet (the commit, the reload and the view's update; not the terminal's own
drawing).  Reports median and 95th percentile (goal: median <= 30 ms, p95 <= 60 ms).
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def meeting(bullets: int) -> str:
    lines = ["# Meeting Minutes: SVSM Development Call (May 15th, 2024)", "", "## Topics:", ""]
    for n in range(bullets):
        lines.append(f"{'  ' if n % 5 else ''}* Joerg Roedel reported on item {n} of the review, with a"
                     f" note long enough to wrap on a narrow terminal like real minutes do.")
    return "\n".join(lines) + "\n"


async def measure(bullets: int, entries: int) -> list[float]:
    from svsm_meet.config import Config
    from svsm_meet.service import Service
    from svsm_meet.tui.app import SvsmMeetApp
    from svsm_meet.tui.screens.minutes import ItemsView
    from textual import events

    with tempfile.TemporaryDirectory() as tmp:
        minutes = Path(tmp) / "m.md"
        minutes.write_text(meeting(bullets), encoding="utf-8")
        service = Service(f"sqlite:///{tmp}/bench.db", Config(minutes_dir=Path(tmp) / "out"),
                          today=lambda: dt.date(2024, 5, 20))
        from svsm_meet.cli.main import main as cli

        cli(["--db", f"{tmp}/bench.db", "import", str(minutes)])
        app = SvsmMeetApp(service, open_meeting=service.find("latest").id)
        times = []
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause(0.5)
            view = pilot.app.screen.query_one(ItemsView)
            for n in range(entries):
                before = view.option_count
                await pilot.press(*f"entry {n} from the benchmark")
                await pilot.pause()
                started = time.perf_counter()
                pilot.app.post_message(events.Key("enter", "\r"))  # as the terminal's driver does
                while view.option_count == before:
                    await asyncio.sleep(0.001)
                times.append(time.perf_counter() - started)
                await pilot.pause()
        return times


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--entries", type=int, default=60)
    ap.add_argument("-v", "--verbose", action="store_true", help="every time, in order")
    opts = ap.parse_args()
    sys.path.insert(0, str(ROOT))
    for bullets in (50, 1000):
        times = asyncio.run(measure(bullets, opts.entries))[5:]  # after the first few (warm-up)
        ms = sorted(t * 1000 for t in times)
        p95 = ms[int(len(ms) * 0.95) - 1]
        print(f"meeting of {bullets:>4} bullets: entry to screen median {statistics.median(ms):6.1f} ms"
              f"   p95 {p95:6.1f} ms   ({len(ms)} entries)")
        if opts.verbose:
            print("   ", " ".join(f"{t:.0f}" for t in (x * 1000 for x in times)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
