from __future__ import annotations

import asyncio
import datetime as dt
import sqlite3
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CORPUS = ROOT.parent / "shared" / "corpus"
NO_CORPUS = "../shared/corpus is not beside this checkout (CI puts it there)"


def corpus_files() -> list[Path]:
    """Every Markdown minutes file of the shared corpus (none when it is absent)."""
    if not CORPUS.is_dir():
        return []
    return sorted(p for p in CORPUS.rglob("*.md") if p.name != "README.md")


def corpus_params():
    files = corpus_files()
    if not files:
        return [pytest.param(None, marks=pytest.mark.skip(reason=NO_CORPUS), id="no-corpus")]
    return [pytest.param(p, id=f"{p.parent.name}/{p.name}") for p in files]


@pytest.fixture(autouse=True)
def _own_home(tmp_path_factory, monkeypatch):
    """No test reads or writes the real user's data dir or database."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.delenv("SVSM_MEET_DB", raising=False)


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture
def db(tmp_path) -> Path:
    return tmp_path / "svsm-meet.db"


@pytest.fixture
def cli(db, capsys):
    """Run the command line in this process against the test's own database."""
    from svsm_meet.cli.main import main

    def run(*args: str, database: Path | str | None = db) -> Result:
        argv = (["--db", str(database)] if database is not None else []) + [str(a) for a in args]
        try:
            code = main(argv)
        except SystemExit as e:
            code = e.code
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run


def run_process(*args: str, env=None, cwd=None, timeout=60) -> Result:
    """The command line as a separate process, as a user runs it."""
    proc = subprocess.run(
        [sys.executable, "-m", "svsm_meet", *map(str, args)],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        timeout=timeout,
    )
    return Result(proc.returncode, proc.stdout, proc.stderr)


def db_state(path: Path) -> dict[str, list]:
    """Every row of every table, to see that a failed command changed nothing."""
    if not path.exists():
        return {}
    conn = sqlite3.connect(path)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {t: sorted(map(repr, conn.execute(f'SELECT * FROM "{t}"'))) for t in tables}
    finally:
        conn.close()


@pytest.fixture
def engine(db):
    """The test's SQLite database at the current schema."""
    from svsm_meet.store.engine import make_engine, resolve_url
    from svsm_meet.store.migrate import ensure_schema

    engine = make_engine(resolve_url(str(db)))
    ensure_schema(engine)
    yield engine
    engine.dispose()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A real Radicale CalDAV server on 127.0.0.1, one per test module."""
    import radicale_server

    srv = radicale_server.start(tmp_path_factory.mktemp("radicale"))
    yield srv
    srv.stop()


def run_app(app, scenario, size=(120, 40)) -> None:
    """Run the app headless and play SCENARIO(pilot) in it, once the first screen is up."""
    async def go():
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            await scenario(pilot)

    asyncio.run(go())


async def wait_for(condition, tries: int = 200) -> None:
    """Until CONDITION() holds (a worker's result landing), at most TRIES twentieths of a second."""
    for _ in range(tries):
        if condition():
            return
        await asyncio.sleep(0.05)
    raise AssertionError("timed out")


TODAY = dt.date(2024, 5, 20)  # the app's today in its tests: a few days after the demo meeting


@pytest.fixture
def service(db, tmp_path):
    """The app's service on the test's database, minutes written under tmp_path/Meetings."""
    from svsm_meet.config import Config
    from svsm_meet.service import Service

    return Service(f"sqlite:///{db}", Config(minutes_dir=tmp_path / "Meetings"), today=lambda: TODAY)


def demo_app(service):
    """The app, open on the demo meeting (the SVSM call of May 15th, 2024)."""
    from svsm_meet.tui.app import SvsmMeetApp

    service.import_demo()
    return SvsmMeetApp(service, open_meeting=service.find("latest").id)


async def type_line(pilot, text: str) -> None:
    """TEXT into the entry line whole (as a paste would), a real Enter, and the app settled."""
    from svsm_meet.tui.widgets.entry_line import EntryLine

    pilot.app.screen.query_one(EntryLine).insert_text_at_cursor(text)
    await pilot.press("enter")
    await pilot.pause()
