"""Import all of ../shared/corpus in one command, export it all in one command, and compare with
markdown-it-py parsing the same files alone, in the same run.

    .venv/bin/python bench/import_export.py [--rounds N]

Reports ms per meeting for each, and the ratio to markdown-it-py (goal: at most 5x).  The command
bodies run in this process (on a database already at the current schema), so that the figures are
about the work, not Python's start-up; the same commands as separate processes are reported too.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"


def _timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=9)
    opts = ap.parse_args()
    files = sorted(p for p in CORPUS.rglob("*.md") if p.name != "README.md")
    if not files:
        sys.exit(f"no corpus at {CORPUS}")
    sys.path.insert(0, str(ROOT))
    from markdown_it import MarkdownIt

    from svsm_meet.cli.main import main as cli
    from svsm_meet.store.engine import make_engine, resolve_url
    from svsm_meet.store.migrate import ensure_schema

    texts = [p.read_text(encoding="utf-8") for p in files]
    md = MarkdownIt("commonmark")  # the reference: markdown-it-py parsing, nothing else

    def parse_only():
        for text in texts:
            md.parse(text)

    parse_only()  # warm up both sides
    args = [str(p) for p in files]
    parse_times, import_times, export_times = [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        for round_ in range(opts.rounds):
            db = Path(tmp) / f"r{round_}.db"
            engine = make_engine(resolve_url(str(db)))
            ensure_schema(engine)
            engine.dispose()
            out = Path(tmp) / f"out{round_}"
            with contextlib.redirect_stdout(io.StringIO()):
                parse_times.append(_timed(parse_only))
                import_times.append(
                    _timed(lambda: cli(["--db", str(db), "import", "--replace", *args]) == 0 or sys.exit(1))
                )
                export_times.append(
                    _timed(lambda: cli(["--db", str(db), "export", "markdown", "--all", "-o", str(out)]) == 0
                           or sys.exit(1))
                )
            meetings = len(list(out.iterdir()))
        # The same commands as a user runs them: a fresh process each, a fresh database.
        db = Path(tmp) / "process.db"
        exe = [sys.executable, "-m", "svsm_meet", "--db", str(db)]
        proc_import = _timed(lambda: subprocess.run([*exe, "import", "--replace", *args], check=True,
                                                    capture_output=True))
        proc_export = _timed(lambda: subprocess.run([*exe, "export", "markdown", "--all", "-o",
                                                     str(Path(tmp) / "pout")], check=True,
                                                    capture_output=True))
        proc_noop = _timed(lambda: subprocess.run([*exe, "meetings", "--json"], check=True,
                                                  capture_output=True))

    n = len(files)
    parse = statistics.median(parse_times)
    imp = statistics.median(import_times)
    exp = statistics.median(export_times)
    print(f"corpus: {n} files, {meetings} meetings (the seed is a draft of one of them), "
          f"{sum(t.count(chr(10)) for t in texts)} lines; median of {opts.rounds} rounds")
    print(f"markdown-it-py parse alone : {parse * 1000 / n:7.3f} ms per file")
    print(f"import (one command)       : {imp * 1000 / n:7.3f} ms per file    "
          f"ratio {imp / parse:5.2f}x")
    print(f"export --all (one command) : {exp * 1000 / meetings:7.3f} ms per meeting "
          f"ratio {exp / parse:5.2f}x")
    print(f"as processes, fresh database: import {proc_import * 1000:.0f} ms, "
          f"export --all {proc_export * 1000:.0f} ms, meetings --json {proc_noop * 1000:.0f} ms "
          "(Python and library start-up included)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
