"""A ten-year archive of a weekly call, built from real-shaped minutes, for the benchmarks.

    .venv/bin/python bench/archive.py DB [--years 10]

Each week gets one of the real minutes of ../shared/corpus (or the bundled demo), re-dated, with
its bullets shuffled between meetings, so the archive has the shapes, lengths and names of real
minutes: 520 meetings and some 15,000 bullets for ten years.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"


def templates():
    from importlib.resources import files

    from svsm_meet.formats.markdown_in import parse_markdown

    paths = sorted((CORPUS / "svsm").glob("*.md")) if (CORPUS / "svsm").is_dir() else []
    texts = [p.read_text(encoding="utf-8") for p in paths]
    texts = texts or [(files("svsm_meet") / "data" / "demo-meeting.md").read_text(encoding="utf-8")]
    return [parse_markdown(text) for text in texts]


NEWEST = dt.date(2025, 12, 17)


def build(db: Path, years: int = 10, seed: int = 7) -> tuple[int, int]:
    """Write the archive into DB (a new file); returns (meetings, bullets)."""
    import copy

    from svsm_meet.formats.titles import house_title
    from svsm_meet.store.documents import save_documents
    from svsm_meet.store.engine import make_engine, resolve_url, transaction
    from svsm_meet.store.migrate import ensure_schema

    rng = random.Random(seed)
    base = templates()
    pool = [item for doc in base for s in doc.sections for item in s.items]
    # The newest meeting is the same whatever the size (the benchmarks wait for its row): an
    # archive of 107 years (5,564 meetings, ten times the ten-year one) starts in 1919.
    start = NEWEST - dt.timedelta(weeks=52 * years - 1)
    docs = []
    for week in range(52 * years):
        doc = copy.deepcopy(base[week % len(base)])
        doc.date = start + dt.timedelta(weeks=week)
        doc.series = "SVSM Development Call"
        for section in doc.sections:
            if section.kind == "title":
                section.text = house_title(doc.series, doc.date)
            elif section.items and rng.random() < 0.5:
                extra = copy.deepcopy(rng.sample(pool, k=min(len(pool), rng.randint(3, 12))))
                for item in extra:
                    item.blank_before = False
                section.items.extend(extra)
        docs.append(doc)
    engine = make_engine(resolve_url(str(db)))
    ensure_schema(engine)
    with transaction(engine) as conn:
        save_documents(conn, docs)
    engine.dispose()
    return len(docs), sum(1 for doc in docs for _ in doc.items())


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("db", type=Path)
    ap.add_argument("--years", type=int, default=10)
    opts = ap.parse_args()
    if opts.db.exists():
        sys.exit(f"{opts.db} exists; give a new file")
    meetings, bullets = build(opts.db, opts.years)
    print(f"{opts.db}: {meetings} meetings, {bullets} bullets")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    raise SystemExit(main())
