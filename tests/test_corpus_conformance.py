"""Conformance: every real minutes file of ../shared/corpus comes back from the database as it was
written (after normalizing line endings, BOM, trailing whitespace and runs of blank lines), both
straight from Markdown and by way of JSON."""

from __future__ import annotations

import json

import pytest
from conftest import NO_CORPUS, corpus_files, corpus_params

from svsm_meet.formats.markdown_in import normalize, parse_markdown


@pytest.mark.parametrize("path", corpus_params())
def test_file_is_understood_not_just_kept(path):
    """Structure is recognised, not merely carried through as raw text."""
    doc = parse_markdown(path.read_text(encoding="utf-8"), filename=path.name)
    assert doc.title and doc.attendees
    structured = [i for i in doc.items() if i.kind != "raw"]
    assert len(structured) >= 0.9 * len(list(doc.items()))


def _batches(files):
    """The files split so that no batch holds one meeting twice (the seed is a first draft of
    svsm/devel-call-2024-05-15.md): each batch goes into a database of its own."""
    batches: list[list] = []
    seen: dict[tuple, int] = {}
    for path in files:
        doc = parse_markdown(path.read_text(encoding="utf-8"), filename=path.name)
        key = (doc.series, doc.date)
        number = seen[key] = seen.get(key, -1) + 1
        while len(batches) <= number:
            batches.append([])
        batches[number].append(path)
    return batches


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    """Each batch imported with one command, then exported with one command each way:
    {file: (its Markdown export, its JSON export, its Markdown export after JSON import)}."""
    files = corpus_files()
    if not files:
        pytest.skip(NO_CORPUS)
    from svsm_meet.cli.main import main

    exports = {}
    for number, batch in enumerate(_batches(files)):
        base = tmp_path_factory.mktemp(f"batch{number}")
        db, db2 = base / "a.db", base / "b.db"
        md_dir, json_dir, md2_dir = base / "md", base / "json", base / "md2"
        assert main(["--db", str(db), "import", *map(str, batch)]) == 0
        assert main(["--db", str(db), "export", "markdown", "--all", "-o", str(md_dir),
                     "--name-pattern", "{series}-{date}.md"]) == 0
        assert main(["--db", str(db), "export", "json", "--all", "-o", str(json_dir),
                     "--name-pattern", "{series}-{date}.json"]) == 0
        assert main(["--db", str(db2), "import", *map(str, sorted(json_dir.iterdir()))]) == 0
        assert main(["--db", str(db2), "export", "markdown", "--all", "-o", str(md2_dir),
                     "--name-pattern", "{series}-{date}.md"]) == 0
        assert len(list(md_dir.iterdir())) == len(batch)
        for path in batch:
            doc = parse_markdown(path.read_text(encoding="utf-8"), filename=path.name)
            name = f"{'-'.join(doc.series.lower().split())}-{doc.date}"
            exports[path] = (md_dir / f"{name}.md", json_dir / f"{name}.json", md2_dir / f"{name}.md")
    return exports


@pytest.mark.parametrize("path", corpus_params())
def test_markdown_round_trip_through_the_database(archive, path):
    assert archive[path][0].read_text(encoding="utf-8") == normalize(
        path.read_text(encoding="utf-8")
    )


@pytest.mark.parametrize("path", corpus_params())
def test_round_trip_by_way_of_json(archive, path):
    assert archive[path][2].read_text(encoding="utf-8") == normalize(
        path.read_text(encoding="utf-8")
    )


def test_json_holds_structure_not_markdown_source(archive):
    for _, path, _ in archive.values():
        data = json.loads(path.read_text(encoding="utf-8"))
        assert data["format"] == "svsm-meet/meeting" and data["version"] == 1
        text = path.read_text(encoding="utf-8")
        assert "## Attendees:" not in text  # no field carries rendered Markdown
        assert data["sections"][0]["kind"] == "title"
