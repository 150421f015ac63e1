"""The lists the command line reads most — meetings and follow-ups — answered on sqlite3 before
SQLAlchemy loads, and the same answer as through SQLAlchemy."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from zoneinfo import ZoneInfo

from svsm_meet.model import Due
from svsm_meet.store.engine import make_engine, resolve_url, transaction
from svsm_meet.store.entries import create_meeting
from svsm_meet.store.followup_list import list_followups
from svsm_meet.store.followups import create_followup
from svsm_meet.store.migrate import ensure_schema
from svsm_meet.store.quick import quick_connection
from svsm_meet.store.summary import list_meetings


def _archive(db):
    engine = make_engine(resolve_url(str(db)))
    ensure_schema(engine)
    with transaction(engine) as conn:
        first = create_meeting(conn, "SVSM Development Call", dt.date(2024, 5, 15))
        later = create_meeting(conn, "Rust Leadership Council", dt.date(2024, 5, 22))
        dues = [Due(date=dt.date(2024, 6, 1)),
                Due(at=dt.datetime(2024, 6, 3, 16, 30, tzinfo=ZoneInfo("Europe/Berlin"))),
                Due(unknown_reason="after the CFP", recheck=dt.date(2024, 5, 29)), None]
        for n, due in enumerate(dues):
            create_followup(conn, first if n % 2 else later, None, f"Task {n}", "Jörg Rödel" if n else None,
                            due, status=["open", "suggested", "open", "done"][n])
    return engine


def test_sqlite3_and_sqlalchemy_give_the_same_lists(db):
    engine = _archive(db)
    quick = quick_connection(resolve_url(str(db)))
    assert quick is not None
    try:
        with transaction(engine, write=False) as conn:
            for kw in ({}, {"include_all": True}, {"include_all": True, "owner_id": 1}):
                assert list_followups(quick, **kw) == list_followups(conn, **kw)
            assert list_meetings(quick) == list_meetings(conn)
            assert list_meetings(quick, "svsm development call") == list_meetings(conn, "SVSM Development Call")
    finally:
        quick.close()
    quick = quick_connection(resolve_url(str(db)))
    every = {f["text"]: f for f in list_followups(quick, include_all=True)}
    quick.close()
    assert every["Task 1"]["due"] == "2024-06-03T16:30:00+02:00"
    assert every["Task 2"]["due"] is None and every["Task 2"]["recheck"] == "2024-05-29"
    assert every["Task 0"]["owner"] is None and every["Task 3"]["owner"] == "Jörg Rödel"
    engine.dispose()


def test_the_lists_load_no_sqlalchemy(db):
    _archive(db).dispose()
    probe = ("import sys, json; from svsm_meet.cli.main import main; code = main(sys.argv[1:]);"
             "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in"
             " ('sqlalchemy', 'sqlmodel', 'pydantic', 'alembic'))), file=sys.stderr)")
    for args in (["followups", "--json", "--all"], ["meetings", "--json"], ["followups"]):
        out = subprocess.run([sys.executable, "-c", probe, "--db", str(db), *args],
                             capture_output=True, text=True, check=True)
        assert json.loads(out.stderr.strip().splitlines()[-1]) == [], args
        assert "Task" in out.stdout or "Rust Leadership Council" in out.stdout


def test_a_database_behind_the_schema_takes_the_ordinary_path_and_is_upgraded(db, cli):
    from svsm_meet.store import migrate

    engine = make_engine(resolve_url(str(db)))
    migrate.upgrade(engine, "0004")
    engine.dispose()
    assert quick_connection(resolve_url(str(db))) is None
    result = cli("followups", "--json")
    assert result.code == 0 and json.loads(result.out) == []
    assert quick_connection(resolve_url(str(db))) is not None  # upgraded to the head on the way
