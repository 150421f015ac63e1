"""Two-way sync with a real Radicale CalDAV server on 127.0.0.1."""

from __future__ import annotations

import datetime as dt
import json
import os
import socket
from pathlib import Path

import icalendar
import pytest
import radicale_server
from conftest import db_state

from svsm_meet.calendar.caldav import CalDAV
from svsm_meet.calendar.sync import Changed, sync

USER, PASSWORD = radicale_server.USER, radicale_server.PASSWORD


@pytest.fixture
def calendar_name(request):
    import hashlib

    return "cal-" + hashlib.sha1(request.node.nodeid.encode()).hexdigest()[:12]  # one per test


def add_followups(cli, count: int) -> None:
    cli("new", "--series", "SVSM Development Call", "--date", "2024-05-15")
    for n in range(count):
        assert cli("followups", "add", f"Follow-up number {n}", "--due", f"2024-06-{n % 28 + 1:02d}").code == 0


def phone(server, calendar_name):
    """Another client of the same calendar, as a phone would be."""
    from caldav import DAVClient

    client = DAVClient(url=server.url, username=USER, password=PASSWORD)
    (cal,) = [c for c in client.principal().calendars() if c.get_display_name() == calendar_name]
    return cal


def remote_todo(cal, summary_start: str):
    for obj in cal.todos(include_completed=True):
        todo = icalendar.Calendar.from_ical(obj.data).walk("VTODO")[0]
        if str(todo["summary"]).startswith(summary_start):
            return obj, todo
    raise AssertionError(f"no task {summary_start!r} on the server")


def put_back(obj, todo) -> None:
    cal = icalendar.Calendar()
    cal.add("prodid", "-//a phone//EN")
    cal.add("version", "2.0")
    todo["last-modified"] = icalendar.vDDDTypes(dt.datetime.now(dt.timezone.utc) + dt.timedelta(minutes=5))
    cal.add_component(todo)
    obj.data = cal.to_ical().decode()
    obj.save()


def test_twenty_created_once_then_a_resync_sends_no_put(server, engine, cli, calendar_name, monkeypatch):
    add_followups(cli, 20)
    first = CalDAV(server.url, USER, PASSWORD, calendar_name)
    report = sync(engine, first)
    assert report.created == 21  # the twenty follow-ups and the series' meetings
    assert first.counts["PUT"] == 21
    again = CalDAV(server.url, USER, PASSWORD, calendar_name)  # finds the calendar by its name
    report = sync(engine, again)
    assert again.counts["PUT"] == 0 and again.counts["GET"] == 0 and report.unchanged == 21
    monkeypatch.setenv("SVSM_MEET_CALDAV_PASSWORD", PASSWORD)
    result = cli("sync", "caldav", "--url", server.url, "--user", USER, "--calendar", calendar_name)
    assert result.code == 0 and "0 created, 0 updated" in result.out
    assert len(phone(server, calendar_name).todos()) == 20


def test_a_completion_and_a_new_date_on_the_server_come_back(server, engine, cli, calendar_name):
    add_followups(cli, 3)
    sync(engine, CalDAV(server.url, USER, PASSWORD, calendar_name))
    cal = phone(server, calendar_name)
    obj, todo = remote_todo(cal, "Follow-up number 1")
    todo["status"] = "COMPLETED"
    todo["completed"] = icalendar.vDDDTypes(dt.datetime.now(dt.timezone.utc))
    put_back(obj, todo)
    obj, todo = remote_todo(cal, "Follow-up number 2")
    del todo["due"]
    todo.add("due", dt.date(2024, 7, 1))
    put_back(obj, todo)
    report = sync(engine, CalDAV(server.url, USER, PASSWORD, calendar_name))
    assert report.pulled == 2
    found = {f["text"]: f for f in json.loads(cli("followups", "--json", "--all").out)}
    assert found["Follow-up number 1"]["status"] == "done"
    assert found["Follow-up number 2"]["due"] == "2024-07-01"
    quiet = CalDAV(server.url, USER, PASSWORD, calendar_name)
    sync(engine, quiet)
    assert quiet.counts["PUT"] == 0  # taking their change does not echo it back


def test_a_local_change_is_sent_with_if_match(server, engine, cli, calendar_name):
    add_followups(cli, 2)
    sync(engine, CalDAV(server.url, USER, PASSWORD, calendar_name))
    cli("followups", "done", "1")
    remote = CalDAV(server.url, USER, PASSWORD, calendar_name)
    report = sync(engine, remote)
    assert report.updated == 1 and remote.counts["PUT"] == 1
    _, todo = remote_todo(phone(server, calendar_name), "Follow-up number 0")
    assert str(todo["status"]) == "COMPLETED"


def test_changed_on_both_sides_the_newer_wins_and_is_reported(server, engine, cli, calendar_name):
    add_followups(cli, 1)
    sync(engine, CalDAV(server.url, USER, PASSWORD, calendar_name))
    cli("followups", "edit", "1", "--text", "Changed here first")
    obj, todo = remote_todo(phone(server, calendar_name), "Follow-up number 0")
    todo["summary"] = "Changed on the phone later"
    put_back(obj, todo)  # its LAST-MODIFIED is later than ours
    report = sync(engine, CalDAV(server.url, USER, PASSWORD, calendar_name))
    assert report.conflicts and "kept the calendar's" in report.conflicts[0]
    (f,) = json.loads(cli("followups", "--json").out)
    assert f["text"] == "Changed on the phone later"


def test_conditional_requests(server, calendar_name):
    remote = CalDAV(server.url, USER, PASSWORD, calendar_name)
    body = (b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\nBEGIN:VTODO\r\nUID:x@svsm-meet\r\n"
            b"DTSTAMP:20240515T100000Z\r\nSUMMARY:x\r\nEND:VTODO\r\nEND:VCALENDAR\r\n")
    href, etag = remote.create("x@svsm-meet", body)
    with pytest.raises(Changed):  # If-None-Match: * on an object that exists
        remote.create("x@svsm-meet", body)
    new_etag = remote.update(href, body.replace(b"SUMMARY:x", b"SUMMARY:y"), etag)
    with pytest.raises(Changed):  # If-Match with a stale ETag
        remote.update(href, body, etag)
    assert remote.list() == {"x@svsm-meet": (href, new_etag)}


def test_the_password_is_in_no_file_we_write(server, cli, db, calendar_name, monkeypatch, tmp_path):
    add_followups(cli, 2)
    monkeypatch.setenv("SVSM_MEET_CALDAV_PASSWORD", PASSWORD)
    result = cli("sync", "caldav", "--url", server.url, "--user", USER, "--calendar", calendar_name)
    assert result.code == 0 and PASSWORD not in result.out + result.err
    home = Path(os.environ["HOME"])
    for folder in (home, db.parent):
        for path in folder.rglob("*"):
            if path.is_file() and "radicale" not in str(path):
                assert PASSWORD.encode() not in path.read_bytes(), path


@pytest.mark.parametrize("case", ["server down", "wrong password", "TLS failure", "no password"])
def test_failures_are_one_line_and_change_nothing(server, cli, db, calendar_name, monkeypatch, case):
    add_followups(cli, 2)
    before = db_state(db)
    url, password = server.url, PASSWORD
    # "Server down": a port held bound but never listening, so connecting is refused and no server
    # started meanwhile can take it (a port that was only free a moment ago once answered with 401).
    held = socket.socket()
    held.bind(("127.0.0.1", 0))
    if case == "server down":
        url = f"http://127.0.0.1:{held.getsockname()[1]}/"
    elif case == "wrong password":
        password = "not-the-password"
    elif case == "TLS failure":
        url = server.url.replace("http://", "https://")
    if case == "no password":
        monkeypatch.delenv("SVSM_MEET_CALDAV_PASSWORD", raising=False)
        monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    else:
        monkeypatch.setenv("SVSM_MEET_CALDAV_PASSWORD", password)
    try:
        result = cli("sync", "caldav", "--url", url, "--user", USER, "--calendar", calendar_name)
    finally:
        held.close()
    expected = {"server down": "cannot be reached", "wrong password": "refused the user name or password",
                "TLS failure": "TLS", "no password": "no CalDAV password"}[case]
    assert result.code in (1, 2) and result.err.count("\n") == 1, result.err
    assert expected in result.err and "Traceback" not in result.err
    assert password not in result.err
    assert db_state(db) == before
    if case != "no password":
        monkeypatch.setenv("SVSM_MEET_CALDAV_PASSWORD", PASSWORD)
        ok = cli("sync", "caldav", "--url", server.url, "--user", USER, "--calendar", calendar_name)
        assert ok.code == 0 and "3 created" in ok.out  # the next sync picks up


def test_sync_from_the_app_runs_in_a_worker(server, db, cli, calendar_name, monkeypatch, tmp_path):
    import asyncio

    from svsm_meet.config import Config
    from svsm_meet.service import Service
    from svsm_meet.tui.app import SvsmMeetApp

    add_followups(cli, 5)
    monkeypatch.setenv("SVSM_MEET_CALDAV_PASSWORD", PASSWORD)
    config = Config(caldav={"url": server.url, "user": USER, "calendar": calendar_name})
    app = SvsmMeetApp(Service(f"sqlite:///{db}", config))

    async def scenario():
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("f6")
            await pilot.pause()
            await pilot.press("s")
            await pilot.pause()
            for _ in range(100):
                await asyncio.sleep(0.1)
                if any("Calendar synced" == n.title for n in app._notifications):
                    break
            (note,) = [n for n in app._notifications if n.title == "Calendar synced"]
            assert note.message.startswith("6 created")
            assert not app.screen.query_one("#sync-progress").display

    asyncio.run(scenario())
    assert len(phone(server, calendar_name).todos()) == 5


def test_a_password_in_the_url_is_refused_unprinted(cli, monkeypatch):
    monkeypatch.setenv("SVSM_MEET_CALDAV_PASSWORD", "whatever")
    result = cli("sync", "caldav", "--url", "https://bob:s3cret@127.0.0.1:9/", "--user", "bob")
    assert result.code == 2 and "not in the URL" in result.err and "s3cret" not in result.err


def test_db_upgrade_does_not_print_a_database_password(cli):
    result = cli("db", "upgrade", database="postgresql+psycopg://me:hunter2@127.0.0.1:1/x")
    assert "hunter2" not in result.out + result.err


@pytest.mark.parametrize("error, says", [
    (ConnectionError("HTTPConnectionPool(host='127.0.0.1', port=34011): Max retries exceeded "
                     "([Errno 111] Connection refused)"), "cannot be reached"),
    (OSError("[SSL: WRONG_VERSION_NUMBER] wrong version number (_ssl.c:1000) port=40325"), "TLS"),
    (RuntimeError("Unauthorized: 401 Unauthorized"), "refused the user name or password"),
    (RuntimeError("HTTP 403 Forbidden"), "refused the user name or password"),
])
def test_a_status_is_told_from_digits_in_a_port(error, says):
    from svsm_meet.calendar.caldav import _failure

    assert says in str(_failure(error, "http://127.0.0.1:34011/"))  # a port of 34011 or 40325 is no 401 or 403
