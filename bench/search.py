"""Search on the ten-year archive: svsm-meet's search against raw FTS5 SQL, and the command line.

    .venv/bin/python bench/search.py [--queries 50] [--rounds 15]

1. 50 queries (words and phrases drawn from the archive's own text), each through
   svsm_meet.store.search.search (SQLAlchemy, joins for meeting, series and title) and as the
   raw FTS5 SQL a hand-written tool would send (sqlite3: MATCH, bm25, snippet, LIMIT): p50 and p95
   of each, and the ratio (goal: at most 2x).
2. `svsm-meet search QUERY --json` against `svsm-meet meetings --json` as processes on the same
   database, alternating: what search adds over the command line's own start (goal: 60 ms).
"""

from __future__ import annotations

import argparse
import os
import random
import re
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def queries(db: Path, count: int, seed: int = 11) -> list[str]:
    """Words people search for: the archive's longer words, single and in pairs, and phrases."""
    conn = sqlite3.connect(db)
    texts = [t for (t,) in conn.execute("SELECT text FROM item WHERE kind != 'raw' LIMIT 3000")]
    conn.close()
    words = sorted({w.lower() for t in texts for w in re.findall(r"[A-Za-z][A-Za-z-]{4,}", t)})
    rng = random.Random(seed)
    out = []
    while len(out) < count:
        kind = len(out) % 3
        if kind == 0:
            out.append(rng.choice(words))
        elif kind == 1:  # two words of one bullet, in any order
            pair = re.findall(r"[A-Za-z][A-Za-z-]{4,}", rng.choice(texts))
            out.append(" ".join(rng.sample(pair, 2)) if len(pair) > 1 else rng.choice(words))
        else:
            text = rng.choice(texts).split()
            start = rng.randrange(max(1, len(text) - 2))
            out.append('"' + " ".join(re.sub(r"[^\w-]", "", w) for w in text[start:start + 2]) + '"')
    return out


def percentile(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100)[q - 1] if len(values) > 1 else values[0]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--queries", type=int, default=50)
    ap.add_argument("--rounds", type=int, default=15)
    opts = ap.parse_args()
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "bench"))
    from archive import build

    from svsm_meet.store.engine import make_engine, resolve_url, transaction
    from svsm_meet.store.search import MARK, _fts_match, parse_query, search

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "archive.db"
        meetings, bullets = build(db)
        qs = queries(db, opts.queries)
        engine = make_engine(resolve_url(str(db)))
        raw = sqlite3.connect(db)
        raw_sql = (f"SELECT rowid, kind, meeting_id, snippet(search_fts, 0, '{MARK}', '{MARK}', '…', 16), "
                   "bm25(search_fts) AS rank FROM search_fts WHERE search_fts MATCH ? "
                   "ORDER BY rank LIMIT 20")
        ours, theirs, found = [], [], 0
        for _ in range(3):  # warm both
            for q in qs:
                with transaction(engine, write=False) as conn:
                    search(conn, q)
                raw.execute(raw_sql, (_fts_match(parse_query(q).terms),)).fetchall()
        for q in qs:
            match = _fts_match(parse_query(q).terms)
            for _ in range(5):
                start = time.perf_counter()
                with transaction(engine, write=False) as conn:
                    hits = search(conn, q)
                ours.append(time.perf_counter() - start)
                start = time.perf_counter()
                raw.execute(raw_sql, (match,)).fetchall()
                theirs.append(time.perf_counter() - start)
            found += bool(hits)
        engine.dispose()
        raw.close()

        env = dict(os.environ, SVSM_MEET_DB=str(db), HOME=tmp, XDG_DATA_HOME=f"{tmp}/data")
        cli = str(BIN / "svsm-meet")
        run = lambda *args: subprocess.run([cli, *args], env=env, check=True, capture_output=True)  # noqa
        run("meetings", "--json")
        plain, searched = [], []
        for n in range(opts.rounds):
            start = time.perf_counter()
            run("meetings", "--json")
            plain.append(time.perf_counter() - start)
            start = time.perf_counter()
            run("search", *qs[n % len(qs)].split(), "--json")
            searched.append(time.perf_counter() - start)

    ms = 1000
    print(f"archive: {meetings} meetings, {bullets} bullets; {len(qs)} queries, {found} with hits")
    print(f"svsm-meet search:  p50 {statistics.median(ours) * ms:6.2f} ms   p95 {percentile(ours, 95) * ms:6.2f} ms")
    print(f"raw FTS5 SQL:      p50 {statistics.median(theirs) * ms:6.2f} ms   p95 {percentile(theirs, 95) * ms:6.2f} ms")
    print(f"ratio: p50 {statistics.median(ours) / statistics.median(theirs):.2f}x, "
          f"p95 {percentile(ours, 95) / percentile(theirs, 95):.2f}x")
    p, s = statistics.median(plain), statistics.median(searched)
    print(f"command line (median of {opts.rounds}): meetings --json {p * ms:.0f} ms, "
          f"search --json {s * ms:.0f} ms: search adds {(s - p) * ms:.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
