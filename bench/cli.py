"""The command line's reads against khal and todoman reading the same follow-ups.

    .venv/bin/python bench/cli.py [--followups N] [--rounds R]

Makes N open follow-ups in a fresh database, syncs them into a vdir, points khal and todoman at
that vdir, then runs each command as a whole process, in turn, R rounds: `svsm-meet followups`,
`svsm-meet meetings --json`, `khal list`, `todo list`. Prints each one's median wall time and the
ratios (goal: svsm-meet at most 1.0x khal).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def build(tmp: Path, followups: int) -> dict[str, list[str]]:
    sys.path.insert(0, str(ROOT))
    from svsm_meet.model import Due
    from svsm_meet.store.engine import make_engine, resolve_url, transaction
    from svsm_meet.store.entries import create_meeting
    from svsm_meet.store.followups import create_followup
    from svsm_meet.store.migrate import ensure_schema

    db = tmp / "svsm.db"
    engine = make_engine(resolve_url(str(db)))
    ensure_schema(engine)
    with transaction(engine) as conn:
        mid = create_meeting(conn, "SVSM Development Call", dt.date(2026, 11, 25))
        for n in range(followups):
            create_followup(conn, mid, None, f"Follow-up number {n}", None,
                            Due(date=dt.date(2026, 12, 1) + dt.timedelta(days=n % 60)))
    engine.dispose()
    vdir = tmp / "calendars" / "svsm"
    vdir.mkdir(parents=True)
    subprocess.run([BIN / "svsm-meet", "--db", db, "sync", "vdir", vdir], check=True, capture_output=True)
    khal = tmp / "khal.conf"
    khal.write_text(
        f"[calendars]\n[[svsm]]\npath = {vdir}\ntype = calendar\n\n[locale]\n"
        "timeformat = %H:%M\ndateformat = %Y-%m-%d\nlongdateformat = %Y-%m-%d\n"
        "datetimeformat = %Y-%m-%d %H:%M\nlongdatetimeformat = %Y-%m-%d %H:%M\n"
        "default_timezone = UTC\nlocal_timezone = UTC\n")
    todo = tmp / "todoman.py"
    todo.write_text(f'path = "{vdir.parent}/*"\ndate_format = "%Y-%m-%d"\ntime_format = "%H:%M"\n'
                    f'default_list = "svsm"\ncache_path = "{tmp / "todoman.sqlite"}"\n')
    svsm = [str(BIN / "svsm-meet"), "--db", str(db)]
    return {
        "svsm-meet followups": svsm + ["followups"],
        "svsm-meet meetings --json": svsm + ["meetings", "--json"],
        "khal list": [str(BIN / "khal"), "-c", str(khal), "list", "2026-11-25", "2027-03-01"],
        "todo list": [str(BIN / "todo"), "--config", str(todo), "list"],
    }


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--followups", type=int, default=200)
    ap.add_argument("--rounds", type=int, default=21)
    opts = ap.parse_args()
    times: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        commands = build(tmp, opts.followups)
        env = dict(os.environ, XDG_DATA_HOME=str(tmp / "data"), XDG_CACHE_HOME=str(tmp / "cache"))
        for name, cmd in commands.items():  # warm up: caches (khal's, todoman's, the OS's)
            subprocess.run(cmd, check=True, capture_output=True, env=env)
        for _ in range(opts.rounds):
            for name, cmd in commands.items():
                start = time.perf_counter()
                subprocess.run(cmd, check=True, capture_output=True, env=env)
                times.setdefault(name, []).append(time.perf_counter() - start)
    med = {name: statistics.median(t) for name, t in times.items()}
    print(f"{opts.followups} open follow-ups, median wall time of {opts.rounds} rounds, each a whole process")
    for name, t in med.items():
        print(f"  {name:<28} {t * 1000:6.0f} ms")
    for ours in ("svsm-meet followups", "svsm-meet meetings --json"):
        print(f"  {ours:<28} {med[ours] / med['khal list']:.2f}x khal list, "
              f"{med[ours] / med['todo list']:.2f}x todo list")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
