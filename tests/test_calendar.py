"""ICS export and vdir sync, read back by icalendar, vobject, khal and todoman."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
from importlib.resources import files
from pathlib import Path

import icalendar
import pytest
import vobject

SEED = files("svsm_meet") / "data" / "demo-meeting.md"
BIN = Path(sys.executable).parent


@pytest.fixture
def followups(cli):
    """The seed with three follow-ups opened: a date, a zoned date-time, an unknown deadline; the
    call's cadence set (one meeting shows none)."""
    cli("import", SEED)
    assert cli("series", "edit", "SVSM Development Call", "--cadence", "weekly").code == 0
    found = json.loads(cli("followups", "--json", "--all").out)
    ids = {f["text"].split()[0]: f["id"] for f in found}
    cli("followups", "edit", str(ids["Stefano"]), "--status", "open", "--due", "2024-05-29")
    cli("followups", "edit", str(ids["Roy"]), "--status", "open", "--due", "2024-06-07 16:00 Europe/Berlin")
    cfp = next(f for f in found if "CFP" in f["text"])
    cli("followups", "edit", str(cfp["id"]), "--status", "open")
    return json.loads(cli("followups", "--json").out)


def export(cli, *args) -> bytes:
    result = cli("export", "ics", *args)
    assert result.code == 0, result.err
    return result.out.encode()


def test_ics_passes_icalendar_with_alarms_zones_and_no_floating_time(cli, followups):
    cal = icalendar.Calendar.from_ical(export(cli))
    todos = cal.walk("VTODO")
    assert {str(t["uid"]) for t in todos} == {f["uid"] for f in followups}
    for todo in todos:
        for prop in ("uid", "dtstamp", "summary", "description", "status", "sequence", "last-modified"):
            assert todo.get(prop) is not None, prop
        (alarm,) = todo.walk("VALARM")
        assert str(alarm["action"]) == "DISPLAY" and alarm.get("description") and alarm.get("trigger")
        trigger = alarm.decoded("trigger")
        if isinstance(trigger, dt.datetime):
            assert trigger.tzinfo is not None  # an absolute alarm is in UTC
    by_summary = {str(t["summary"]): t for t in todos}
    stefano = by_summary["Stefano will investigate further"]
    assert stefano.decoded("due") == dt.date(2024, 5, 29)
    roy = next(t for s, t in by_summary.items() if s.startswith("Roy"))
    assert roy.decoded("due") == dt.datetime(2024, 6, 7, 16, 0, tzinfo=roy.decoded("due").tzinfo)
    assert roy["due"].params["TZID"] == "Europe/Berlin"
    assert [tz["tzid"] for tz in cal.walk("VTIMEZONE")] == ["Europe/Berlin"]
    cfp = next(t for s, t in by_summary.items() if "CFP" in s)
    assert cfp.get("due") is None
    (alarm,) = cfp.walk("VALARM")
    assert alarm.decoded("trigger") == dt.datetime(2024, 5, 22, 9, 0, tzinfo=dt.timezone.utc)  # re-check
    assert "the deadline is not known" in str(cfp["description"])
    (event,) = cal.walk("VEVENT")
    assert str(event["uid"]) == "series-1@svsm-meet"
    assert event["rrule"].to_ical() == b"FREQ=WEEKLY;INTERVAL=1;BYDAY=WE"
    assert event.walk("VALARM")
    in_zone = False  # a VTIMEZONE's own DTSTARTs are local by definition (RFC 5545 3.6.5)
    for line in export(cli).decode().splitlines():
        in_zone = (in_zone or line == "BEGIN:VTIMEZONE") and line != "END:VTIMEZONE"
        if in_zone:
            continue
        if re.search(r":\d{8}T\d{6}", line):
            assert line.endswith("Z") or "TZID=" in line, f"floating time: {line}"


def test_ics_passes_vobject_too(cli, followups):
    cal = vobject.readOne(export(cli).decode())
    assert len(cal.vtodo_list) == len(followups) and len(cal.vevent_list) == 1
    assert all(todo.valarm for todo in cal.vtodo_list)


def test_uids_stay_and_an_edit_bumps_sequence(cli, followups):
    first = icalendar.Calendar.from_ical(export(cli))
    second = icalendar.Calendar.from_ical(export(cli))
    uids = lambda c: sorted(str(t["uid"]) for t in c.walk("VTODO"))  # noqa: E731
    assert uids(first) == uids(second)
    stefano = next(f for f in followups if f["text"].startswith("Stefano"))
    before = next(t for t in first.walk("VTODO") if str(t["uid"]) == stefano["uid"])
    cli("followups", "edit", str(stefano["id"]), "--due", "2024-06-05")
    after = next(t for t in icalendar.Calendar.from_ical(export(cli)).walk("VTODO")
                 if str(t["uid"]) == stefano["uid"])
    assert int(after["sequence"]) == int(before["sequence"]) + 1
    assert after.decoded("due") == dt.date(2024, 6, 5)


def test_export_ics_to_a_file_and_by_series(cli, followups, tmp_path):
    out = tmp_path / "svsm.ics"
    assert cli("export", "ics", "--series", "svsm development call", "-o", out).code == 0
    assert len(icalendar.Calendar.from_ical(out.read_bytes()).walk("VTODO")) == len(followups)
    result = cli("export", "ics", "--series", "No Such Call")
    assert result.code == 2 and "no such series" in result.err


def khal_config(tmp_path: Path, folder: Path) -> Path:
    config = tmp_path / "khal.conf"
    config.write_text(
        f"[calendars]\n[[svsm]]\npath = {folder}\ntype = calendar\n\n[locale]\n"
        "timeformat = %H:%M\ndateformat = %Y-%m-%d\nlongdateformat = %Y-%m-%d\n"
        "datetimeformat = %Y-%m-%d %H:%M\nlongdatetimeformat = %Y-%m-%d %H:%M\n"
        "default_timezone = UTC\nlocal_timezone = UTC\n"
    )
    return config


def test_khal_imports_the_export(cli, followups, tmp_path):
    ics_file = tmp_path / "svsm.ics"
    cli("export", "ics", "-o", ics_file)
    calendar_dir = tmp_path / "khal-calendar"
    calendar_dir.mkdir()
    config = khal_config(tmp_path, calendar_dir)
    env = dict(os.environ, XDG_DATA_HOME=str(tmp_path / "khal-data"))
    subprocess.run([BIN / "khal", "-c", config, "import", "--batch", "-a", "svsm", ics_file],
                   check=True, env=env, capture_output=True)
    listed = subprocess.run([BIN / "khal", "-c", config, "list", "2024-05-20", "2024-06-10"],
                            check=True, env=env, capture_output=True, text=True).stdout
    assert listed.count("SVSM Development Call") == 3  # the next meetings, weekly on Wednesday


def test_vdir_one_file_per_item_unchanged_untouched_removed_deleted(cli, followups, tmp_path):
    folder = tmp_path / "vdir"
    assert cli("sync", "vdir", folder).code == 0
    names = sorted(p.name for p in folder.iterdir())
    assert names == sorted([f"{f['uid']}.ics" for f in followups] + ["series-1@svsm-meet.ics"])
    for path in folder.iterdir():
        (component,) = [c for c in icalendar.Calendar.from_ical(path.read_bytes()).subcomponents
                        if c.name in ("VTODO", "VEVENT")]
        assert path.name == f"{component['uid']}.ics"
    stamps = {p.name: p.stat().st_mtime_ns for p in folder.iterdir()}
    other = folder / "not-ours.ics"
    other.write_text("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
    result = cli("sync", "vdir", folder)
    assert "0 created, 0 updated" in result.out
    assert {p.name: p.stat().st_mtime_ns for p in folder.iterdir() if p != other} == stamps
    stefano = next(f for f in followups if f["text"].startswith("Stefano"))
    cli("followups", "edit", str(stefano["id"]), "--due", "2024-06-05")
    cli("sync", "vdir", folder)
    changed = [n for n in stamps if (folder / n).stat().st_mtime_ns != stamps[n]]
    assert changed == [f"{stefano['uid']}.ics"]
    assert other.exists()  # a file that is not ours is left alone


def test_vdir_removed_followup_file_is_deleted(cli, followups, tmp_path, db):
    from sqlalchemy import delete

    from svsm_meet.store import schema as t
    from svsm_meet.store.engine import make_engine, resolve_url, transaction

    folder = tmp_path / "vdir"
    cli("sync", "vdir", folder)
    gone = followups[0]
    engine = make_engine(resolve_url(str(db)))
    with transaction(engine) as conn:
        conn.execute(delete(t.followup).where(t.followup.c.id == gone["id"]))
    engine.dispose()
    assert "1 deleted" in cli("sync", "vdir", folder).out
    assert not (folder / f"{gone['uid']}.ics").exists()


def todoman(tmp_path: Path, lists: Path, *args: str) -> str:
    config = tmp_path / "todoman.py"
    config.write_text(f'path = "{lists}/*"\ndate_format = "%Y-%m-%d"\ntime_format = "%H:%M"\n'
                      f'default_list = "svsm"\ncache_path = "{tmp_path / "todoman.sqlite"}"\n')
    return subprocess.run([BIN / "todo", "--config", config, "--porcelain", *args], check=True,
                          capture_output=True, text=True).stdout


def test_todoman_reads_the_vdir_and_a_tick_there_comes_back(cli, followups, tmp_path):
    lists = tmp_path / "lists"
    cli("sync", "vdir", lists / "svsm")
    tasks = json.loads(todoman(tmp_path, lists, "list"))
    assert sorted(t["summary"] for t in tasks) == sorted(f["text"] for f in followups)
    stefano = next(t for t in tasks if t["summary"].startswith("Stefano"))
    todoman(tmp_path, lists, "done", str(stefano["id"]))
    result = cli("sync", "vdir", lists / "svsm")
    assert "1 taken from the calendar" in result.out
    done = next(f for f in json.loads(cli("followups", "--json", "--all").out)
                if f["text"].startswith("Stefano"))
    assert done["status"] == "done"
    assert "0 updated" in cli("sync", "vdir", lists / "svsm").out  # nothing to send back


def test_sync_vdir_into_a_file_is_refused(cli, followups, tmp_path):
    path = tmp_path / "afile"
    path.write_text("x")
    result = cli("sync", "vdir", path)
    assert result.code == 2 and "is a file" in result.err



def test_a_sync_of_one_series_leaves_the_others_alone(cli, followups, tmp_path):
    cli("new", "--series", "Other Call", "--date", "2024-05-16")
    cli("followups", "add", "Something for the other call", "--meeting", "2024-05-16", "--due", "+1w")
    folder = tmp_path / "vdir"
    cli("sync", "vdir", folder)
    everything = sorted(p.name for p in folder.iterdir())
    result = cli("sync", "vdir", folder, "--series", "SVSM Development Call")
    assert "0 deleted" in result.out
    assert sorted(p.name for p in folder.iterdir()) == everything


def test_recheck_dates_follow_each_meeting(cli):
    cli("new", "--series", "Weekly", "--date", "2024-01-03")
    cli("new", "--series", "Weekly", "--date", "2024-01-10")
    cli("new", "--series", "Weekly", "--date", "2024-05-08")
    cli("followups", "add", "later one", "--meeting", "2024-05-08")
    cli("followups", "add", "early one", "--meeting", "2024-01-03")
    cal = icalendar.Calendar.from_ical(export(cli))
    alarms = {str(t["summary"]): t.walk("VALARM")[0].decoded("trigger").date() for t in cal.walk("VTODO")}
    assert alarms == {"early one": dt.date(2024, 1, 10), "later one": dt.date(2024, 5, 15)}
