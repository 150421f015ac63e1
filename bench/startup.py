"""Start-up in a real terminal: how long until the meetings screen shows, against a bare Textual app.

    .venv/bin/python bench/startup.py [--rounds N]

Builds the ten-year archive (bench/archive.py), then, alternating, runs in tmux
  - a bare Textual app: Header, a 500-row DataTable, Footer (bench/bare_app.py), and
  - svsm-meet on the archive,
timing from the start of the command until its first table row is on the screen
(capture-pane), and reading the app's resident memory once it is up and again when its
background loading is done.  Reports medians and the ratio (goal: at most 1.3x, at most 150 MB).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def rss_mb(pid: int, field: str = "VmRSS") -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


class Tmux:
    def __init__(self, tmp: Path, env: dict):
        self.base = ["tmux", "-S", str(tmp / "bench.sock")]
        self.env = env
        self.run("-f", "/dev/null", "new-session", "-d", "-x", "120", "-y", "40", "sleep 100000")

    def run(self, *args) -> str:
        return subprocess.run([*self.base, *args], capture_output=True, text=True, env=self.env,
                              check=True).stdout

    def time_until(self, command: str, text: str, timeout: float = 30) -> tuple[float, int, str]:
        """(seconds until TEXT shows, the pane's pid, the window) for COMMAND in a new window."""
        start = time.perf_counter()
        window = self.run("new-window", "-d", "-P", "-F", "#{window_id}", command).strip()
        while time.perf_counter() - start < timeout:
            if text in self.run("capture-pane", "-p", "-t", window):
                elapsed = time.perf_counter() - start
                pid = int(self.run("display-message", "-p", "-t", window, "#{pane_pid}").strip())
                return elapsed, pid, window
            time.sleep(0.002)
        raise SystemExit(f"{text!r} never showed for {command}")

    def close(self, window: str) -> None:
        self.run("kill-window", "-t", window)

    def stop(self) -> None:
        subprocess.run([*self.base, "kill-server"], env=self.env)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=7)
    ap.add_argument("--years", type=int, default=10, help="107 for ten times the ten-year archive")
    opts = ap.parse_args()
    sys.path.insert(0, str(ROOT))
    from archive import build

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        db = tmp / "archive.db"
        meetings, bullets = build(db, opts.years)
        env = dict(os.environ, HOME=str(tmp), XDG_DATA_HOME=str(tmp / "data"),
                   XDG_CONFIG_HOME=str(tmp / "config"), SVSM_MEET_DB=str(db), TERM="xterm-256color",
                   LANG="C.UTF-8")
        env.pop("TMUX", None)
        latest = "2025-12-17"  # the archive's newest meeting: the first row
        tmux = Tmux(tmp, env)
        bare_cmd = f"{sys.executable} {ROOT / 'bench' / 'bare_app.py'}"
        app_cmd = str(BIN / "svsm-meet")
        tmux.time_until(bare_cmd, "row-000")  # warm the page cache for both
        tmux.time_until(app_cmd, latest)
        bare, app, rss_up, rss_settled, peak = [], [], [], [], []
        try:
            for _ in range(opts.rounds):
                seconds, _, window = tmux.time_until(bare_cmd, "row-000")
                bare.append(seconds)
                tmux.close(window)
                seconds, pid, window = tmux.time_until(app_cmd, latest)
                app.append(seconds)
                rss_up.append(rss_mb(pid))
                time.sleep(1.5)  # SQLAlchemy loads behind the first screen
                rss_settled.append(rss_mb(pid))
                peak.append(rss_mb(pid, "VmHWM"))
                tmux.close(window)
        finally:
            tmux.stop()
    b, a = statistics.median(bare), statistics.median(app)
    print(f"archive: {meetings} meetings, {bullets} bullets; median of {opts.rounds} rounds in tmux")
    print(f"bare Textual app (Header, 500-row DataTable, Footer): {b * 1000:6.0f} ms")
    print(f"svsm-meet meetings screen on the archive:            {a * 1000:6.0f} ms   ratio {a / b:.2f}x")
    print(f"svsm-meet resident memory: {statistics.median(rss_up):.0f} MB when the screen shows, "
          f"{statistics.median(rss_settled):.0f} MB settled, peak {max(peak):.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
