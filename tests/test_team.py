"""Team mode: the same features on SQLite and on a shared PostgreSQL, several note-takers at once."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import subprocess
import sys
import time
from importlib.resources import files

import pytest
from conftest import corpus_files
from postgres_server import pg_bin

from svsm_meet.formats.markdown_in import normalize
from svsm_meet.session import MinutesSession
from svsm_meet.store.engine import make_engine, resolve_url, transaction
from svsm_meet.store.entries import create_meeting
from svsm_meet.store.migrate import HEAD, current_revision, ensure_schema

SEED = files("svsm_meet") / "data" / "demo-meeting.md"
NO_POSTGRES = "PostgreSQL is not installed here (make test installs it with apt-get)"


@pytest.fixture(scope="session")
def postgres():
    if pg_bin() is None:
        pytest.skip(NO_POSTGRES)
    import postgres_server

    server = postgres_server.start()
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'team.db'}"
    return request.getfixturevalue("postgres").new_database()


@pytest.fixture
def engine(url):
    engine = make_engine(resolve_url(url))
    ensure_schema(engine)
    yield engine
    engine.dispose()


def test_migrations_run_on_both_engines(url):
    from svsm_meet.store import migrate

    engine = make_engine(resolve_url(url))
    assert migrate.upgrade(engine) == HEAD
    migrate.downgrade(engine, "base")
    assert migrate.upgrade(engine) == HEAD
    with transaction(engine, write=False) as conn:
        assert current_revision(conn) == HEAD
    engine.dispose()


def test_names_whose_key_grows_fit_on_both(url, cli, tmp_path):
    """NFKD and casefold make "ß" "ss": a 150-letter name has a 300-letter key, and the key
    column holds 200."""
    assert cli("import", SEED, database=url).code == 0
    data = json.loads(cli("export", "json", "latest", database=url).out)
    data["meeting"]["date"] = "2024-05-22"
    data["attendees"][0]["name"] = "ß" * 150
    data["followups"] = []
    wide = tmp_path / "wide.json"
    wide.write_text(json.dumps(data), encoding="utf-8")
    result = cli("import", wide, database=url)
    assert result.code == 0, result.err
    names = [p["name"] for p in json.loads(cli("people", "--json", database=url).out)]
    assert "ß" * 150 in names


def test_the_sqlmodel_models_are_what_the_migrations_make_on_both_engines(url):
    """Alembic's autogenerate finds no difference between SQLModel.metadata and the migrated
    database — on PostgreSQL too, where column types are stricter (e.g. timestamps' zones)."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from sqlmodel import SQLModel

    import svsm_meet.store.schema  # noqa: F401 - the models
    from svsm_meet.store import migrate

    engine = make_engine(resolve_url(url))
    migrate.upgrade(engine)
    with engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"include_name": migrate.from_schema, "compare_type": True})
        assert compare_metadata(context, SQLModel.metadata) == []
    engine.dispose()


def test_the_seed_round_trips_and_search_works(url, cli):
    assert cli("import", SEED, database=url).code == 0
    assert cli("export", "markdown", "latest", database=url).out == normalize(SEED.read_text())
    hits = json.loads(cli("search", "restricted", "injection", "--json", database=url).out)
    assert hits and {"meeting", "date", "kind", "snippet"} <= set(hits[0])
    assert hits[0]["date"] == "2024-05-15" and "**" in hits[0]["snippet"]
    owned = json.loads(cli("search", "person:Stefano", "kind:followup", "--json", database=url).out)
    assert [h["snippet"].replace("**", "") for h in owned] == [
        "Stefano will investigate further — Stefano Garzarella"]


def test_the_corpus_round_trips(url, cli, tmp_path):
    paths = [p for p in corpus_files() if p.parent.name != "seed"] or [SEED]
    assert cli("import", *paths, database=url).code == 0
    out = tmp_path / "out"
    assert cli("export", "markdown", "--all", "-o", out, "--name-pattern", "{series}-{date}.md",
               database=url).code == 0
    for path in paths:
        from svsm_meet.formats.markdown_in import parse_markdown

        doc = parse_markdown(path.read_text(encoding="utf-8"), filename=path.name)
        name = "-".join(doc.series.lower().split()) + f"-{doc.date}.md"
        assert (out / name).read_text(encoding="utf-8") == normalize(path.read_text(encoding="utf-8"))


def test_followups_and_calendar_on_both(url, cli, tmp_path):
    cli("import", SEED, database=url)
    stefano = next(f for f in json.loads(cli("followups", "--json", "--all", database=url).out)
                   if f["text"].startswith("Stefano"))
    cli("followups", "edit", str(stefano["id"]), "--status", "open",
        "--due", "2024-06-07 16:00 Europe/Berlin", database=url)
    (f,) = json.loads(cli("followups", "--json", database=url).out)
    assert f["due"] == "2024-06-07T16:00:00+02:00"
    assert "Europe/Berlin" in cli("export", "ics", database=url).out
    assert "2 created" in cli("sync", "vdir", tmp_path / "vdir", database=url).out


def test_the_index_follows_every_edit(engine):
    from svsm_meet.store.search import search

    with transaction(engine) as conn:
        mid = create_meeting(conn, "SVSM Development Call", dt.date(2024, 5, 15))
    session = MinutesSession(engine, mid)
    session.submit("#topic Virtio")
    session.submit("The virtio-blk driver needs review")

    def found(words):
        with transaction(engine, write=False) as conn:
            return [h.snippet for h in search(conn, words)]

    (snippet,) = found("virtio blk review")
    assert "**review**" in snippet and "driver" in snippet
    item = session.doc.sections[-1].items[0]
    session.edit_text(item.id, "The vsock driver needs review")
    assert found("blk") == [] and found("vsock")
    session.delete(item.id)
    assert found("vsock") == []
    session.undo()
    assert found("vsock")


def _note_adder(url: str, tag: str, count: int) -> subprocess.Popen:
    code = (
        "import sys\n"
        "from svsm_meet.cli.main import main\n"
        f"for n in range({count}):\n"
        f"    assert main(['--db', {url!r}, 'note', 'add', 'latest', '{tag} note %d' % n]) == 0\n"
    )
    return subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)


def test_two_processes_times_a_hundred_note_adds_keep_all(url, engine):
    with transaction(engine) as conn:
        create_meeting(conn, "SVSM Development Call", dt.date(2024, 5, 15))
    adders = [_note_adder(url, tag, 100) for tag in ("first", "second")]
    for adder in adders:
        _, err = adder.communicate(timeout=300)
        assert adder.returncode == 0, err
    from svsm_meet.store.documents import load_documents
    from svsm_meet.store.summary import find_meeting

    with transaction(engine, write=False) as conn:
        (doc,) = load_documents(conn, [find_meeting(conn, "latest").id])
    texts = [i.text for i in doc.items()]
    assert len(texts) == 200
    assert sorted(texts) == sorted(f"{tag} note {n}" for tag in ("first", "second") for n in range(100))
    positions = [i.text for i in doc.sections[-1].items]
    assert len(positions) == len(set(positions))


def test_a_stale_edit_shows_a_conflict_on_both(engine):
    with transaction(engine) as conn:
        mid = create_meeting(conn, "SVSM Development Call", dt.date(2024, 5, 15))
    mine, theirs = MinutesSession(engine, mid), MinutesSession(engine, mid)
    mine.submit("#topic T")
    mine.submit("original")
    theirs.reload()
    item = theirs.doc.sections[-1].items[0]
    theirs.edit_text(item.id, "theirs")
    from svsm_meet.errors import BadInput

    with pytest.raises(BadInput, match="changed by someone else"):
        mine.edit_text(item.id, "mine")
    with pytest.raises(BadInput, match="changed by someone else"):
        mine.delete(item.id)
    mine.reload()
    assert mine.doc.sections[-1].items[0].text == "theirs"


def test_two_note_takers_see_each_other_within_a_second(url, engine):
    from svsm_meet.config import Config
    from svsm_meet.service import Service
    from svsm_meet.tui.app import SvsmMeetApp

    with transaction(engine) as conn:
        mid = create_meeting(conn, "SVSM Development Call", dt.date(2024, 5, 15))
    other = MinutesSession(engine, mid)
    other.submit("#topic Shared")
    app = SvsmMeetApp(Service(url, Config(), engine=engine), open_meeting=mid)

    async def scenario():
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause(0.3)
            view = app.screen.query_one("#view")
            before = view.option_count
            other.submit("typed by the other note-taker")
            start = time.monotonic()
            while view.option_count == before and time.monotonic() - start < 3:
                await asyncio.sleep(0.05)
            assert view.option_count == before + 1
            assert time.monotonic() - start < 1.0
            assert "typed by the other note-taker" in str(view.get_option_at_index(before).prompt)

    asyncio.run(scenario())


def test_json_round_trip_through_both(url, cli, tmp_path):
    cli("import", SEED, database=url)
    out = tmp_path / "seed.json"
    assert cli("export", "json", "latest", "-o", out, database=url).code == 0
    other = f"sqlite:///{tmp_path / 'other.db'}"
    assert cli("import", out, database=other).code == 0
    assert cli("export", "markdown", "latest", database=other).out == normalize(SEED.read_text())
    followups = json.loads(out.read_text())["followups"]
    assert len(followups) == len(json.loads(cli("followups", "--json", "--all", database=other).out))


@pytest.mark.parametrize(
    "query, date",
    [
        (["APIC", "driver"], "2024-05-15"),
        (["Linux", "Plumbers", "CFP"], "2024-05-15"),
        (["person:Stefano", "kind:followup", "investigate"], "2024-05-15"),
        (["recordings", "YouTube"], "2024-02-28"),
        (["kind:decision", "recording"], "2024-02-28"),
    ],
)
def test_search_finds_the_meeting_meant(url, cli, query, date):
    paths = [p for p in corpus_files() if p.parent.name == "svsm"]
    if not paths:
        pytest.skip("../shared/corpus is not beside this checkout (CI puts it there)")
    cli("import", *paths, database=url)
    hits = json.loads(cli("search", *query, "--json", "--limit", "3", database=url).out)
    assert date in [h["date"] for h in hits], hits


def test_undo_is_ones_own_and_the_others_see_it(engine):
    from svsm_meet.formats.markdown_out import render

    with transaction(engine) as conn:
        mid = create_meeting(conn, "SVSM Development Call", dt.date(2024, 5, 15))
    a = MinutesSession(engine, mid, author="ann@laptop")
    b = MinutesSession(engine, mid, author="bob@desktop")
    a.submit("#topic Shared")
    b.submit("bob's first bullet")
    a.submit("ann's bullet")
    assert a.submit("#undo") == "undone: add item 'ann's bullet'"  # ann's bullet, not bob's
    assert b.changed_elsewhere()  # bob sees the undo
    # Bob, on the meeting as he saw it before the undo, goes one level deeper and types: his
    # bullet goes under his own (the one that is still there), and nothing gets an old id.
    b.indent(1)
    b.submit("bob's nested bullet")
    a.reload()
    assert render(a.doc).endswith("### Shared\n\n* bob's first bullet\n  * bob's nested bullet\n")
    from svsm_meet.errors import BadInput

    with pytest.raises(BadInput, match="has bullets under it now"):
        a.submit("#undo")  # ann's heading: bob's bullets are under it, so it stays
    assert b.submit("#undo") == "undone: add item 'bob's nested bullet'"
    assert b.submit("#undo") == "undone: add item 'bob's first bullet'"
    assert b.submit("#undo") == "nothing to undo"  # the heading is ann's to take back
    assert a.submit("#undo") == "undone: add section 'Shared'"


def test_bulk_import_indexes_like_the_triggers_do(url, cli, tmp_path):
    """An import (which indexes in bulk on SQLite) and entries typed one by one (indexed by the
    triggers) give the same index; a replaced meeting leaves nothing behind in it."""
    from sqlalchemy import text

    cli("import", SEED, database=url)
    edited = tmp_path / "svsm-devel-call-2024-05-15.md"
    edited.write_text(SEED.read_text().replace("IGVM measure tool", "IGVM zorblax tool"))
    stefano = next(f for f in json.loads(cli("followups", "--json", "--all", database=url).out)
                   if f["text"].startswith("Stefano"))
    cli("followups", "edit", str(stefano["id"]), "--status", "open", database=url)
    assert cli("import", edited, "--replace", database=url).code == 0
    assert json.loads(cli("search", "zorblax", "--json", database=url).out)
    assert json.loads(cli("search", '"measure tool"', "--json", database=url).out) == []
    engine = make_engine(resolve_url(url))
    table = "search_fts" if url.startswith("sqlite") else "search_doc"
    key = "rowid" if url.startswith("sqlite") else "id"
    with transaction(engine, write=False) as conn:
        indexed = set(conn.execute(text(f"SELECT {key} FROM {table}")).scalars())
        rows = set()
        for number, name in ((1, "item"), (2, "section"), (3, "followup"), (4, "attendance")):
            rows |= {i * 8 + number for i in conn.execute(text(f"SELECT id FROM {name}")).scalars()}
    engine.dispose()
    assert indexed == rows  # every row indexed once, nothing stale


def test_search_operators_mean_the_same_on_both(url, cli):
    cli("import", SEED, database=url)

    def refs(*query):
        return {h["ref"] for h in json.loads(cli("search", *query, "--json", database=url).out)}

    (leak,) = {r for r in refs("memory", "leak") if r.startswith("item:")}  # Roy's memory leak
    assert refs("memory", "NOT", "leak") and leak not in refs("memory", "NOT", "leak")
    assert leak in refs("zzznothing", "OR", "leak")
    assert leak in refs('"different way"') and leak not in refs('"way different"')
    assert leak in refs("NOT", "leak")  # a NOT with nothing before it is a word like any other
    investigates = refs("investig*", "Stefano")
    assert any(r.startswith("item:") for r in investigates) and leak not in investigates


def test_a_watcher_wakes_for_its_meeting(url, engine):
    """On PostgreSQL by NOTIFY, for its own meeting only; on SQLite at every look (a poll)."""
    from svsm_meet.watch import MeetingWatcher

    with transaction(engine) as conn:
        mine = create_meeting(conn, "Team Call", dt.date(2024, 5, 22))
        other = create_meeting(conn, "Team Call", dt.date(2024, 5, 29))
    watcher = MeetingWatcher(engine, mine)
    try:
        MinutesSession(engine, other).submit("another meeting's note")
        if url.startswith("postgresql"):
            assert not watcher.wait(0.5)
        MinutesSession(engine, mine).submit("a note")
        assert watcher.wait(5 if url.startswith("postgresql") else 0.01)
    finally:
        watcher.close()
