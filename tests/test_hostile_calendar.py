"""Hostile calendars: a malformed object (in a real vdir folder or on a real Radicale) is skipped
with a warning naming it and the rest is synced; a calendar that lost its objects drops nothing
without --accept-deletions; a sync cut short says what it saved; a server that sends one byte a
second is given up at the sync's deadline.  And random meetings and calendar objects, through
import and sync."""

from __future__ import annotations

import datetime as dt
import json
import socket
import tempfile
import threading
import time
from pathlib import Path

import pytest
import radicale_server
from conftest import db_state
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_roundtrip_property import documents  # the generated meetings of the Markdown round trip

from svsm_meet.calendar.caldav import CalDAV
from svsm_meet.calendar.sync import sync

USER, PASSWORD = radicale_server.USER, radicale_server.PASSWORD
SERIES = "SVSM Development Call"


def add_followups(cli, count: int, database=None, series=SERIES) -> None:
    kw = {"database": database} if database else {}
    assert cli("new", "--series", series, "--date", "2024-05-15", **kw).code == 0
    for n in range(count):
        due = f"2024-06-{n % 28 + 1:02d}"
        assert cli("followups", "add", f"Follow-up number {n}", "--due", due, **kw).code == 0


def open_followups(cli) -> list[dict]:
    return json.loads(cli("followups", "--json").out)


def file_of(folder: Path, text: str) -> Path:
    (found,) = [p for p in folder.iterdir() if text in p.read_text(errors="replace")]
    return found


def with_due(body: str, due_line: str) -> str:
    lines = [line for line in body.splitlines() if not line.startswith("DUE")]
    at = lines.index("END:VTODO")
    return "\r\n".join(lines[:at] + [due_line] + lines[at:]) + "\r\n"


# -- one malformed object ------------------------------------------------------------------------


def test_a_vdir_object_with_a_bad_date_is_skipped_named_and_the_rest_synced(cli, db, tmp_path):
    add_followups(cli, 2)
    folder = tmp_path / "vdir"
    assert cli("sync", "vdir", folder).code == 0
    bad = file_of(folder, "Follow-up number 0")
    bad.write_text(with_due(bad.read_text(), "DUE;VALUE=DATE:notadate"))
    assert cli("followups", "add", "Made after", "--due", "2024-07-01").code == 0
    for _ in range(2):  # and again: one bad object blocks no later sync
        result = cli("sync", "vdir", folder)
        assert result.code == 0, result.err
        assert bad.name in result.err and "skipped" in result.err
        assert "notadate" not in result.out + result.err
    assert file_of(folder, "Made after")
    dues = {f["text"]: f["due"] for f in open_followups(cli)}
    assert dues["Follow-up number 0"] == "2024-06-01"
    assert "notadate" in bad.read_text()  # theirs, left as it is


def test_a_symlink_to_another_file_is_left_alone_and_never_echoed(cli, db, tmp_path):
    add_followups(cli, 2)
    folder = tmp_path / "vdir"
    assert cli("sync", "vdir", folder).code == 0
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET first line\nroot:x:0:0\n")
    bad = file_of(folder, "Follow-up number 1")
    bad.unlink()
    bad.symlink_to(secret)
    for _ in range(2):
        result = cli("sync", "vdir", folder)
        assert result.code == 0, result.err
        assert "TOPSECRET" not in result.out + result.err and "root:x" not in result.out + result.err
        assert bad.name in result.err and "skipped" in result.err
    assert bad.is_symlink() and secret.read_text().startswith("TOPSECRET")
    assert len(open_followups(cli)) == 2  # not taken as deleted in the calendar


def _phone_put(server, calendar: str, summary: str, change) -> None:
    """A phone rewrites one task on the server (plain WebDAV, as a client would)."""
    from caldav import DAVClient

    client = DAVClient(url=server.url, username=USER, password=PASSWORD)
    (cal,) = [c for c in client.principal().calendars() if c.get_display_name() == calendar]
    (obj,) = [o for o in cal.todos(include_completed=True) if summary in o.data]
    obj.data = change(obj.data)
    obj.save()


def test_a_task_on_the_server_due_at_the_end_of_time_is_skipped_and_named(server, cli, db, monkeypatch):
    monkeypatch.setenv("SVSM_MEET_CALDAV_PASSWORD", PASSWORD)
    add_followups(cli, 3)
    caldav = ("sync", "caldav", "--url", server.url, "--user", USER, "--calendar", "far-due")
    assert cli(*caldav).code == 0
    _phone_put(server, "far-due", "Follow-up number 2",
               lambda data: with_due(data.replace("\n", "\r\n").replace("\r\r", "\r"),
                                     "DUE;VALUE=DATE:99991231"))
    result = cli(*caldav)
    assert result.code == 0, result.err
    assert "skipped" in result.err and "follow-up 3" in result.err
    dues = {f["text"]: f["due"] for f in open_followups(cli)}
    assert dues["Follow-up number 2"] == "2024-06-03"
    assert cli("export", "ics").code == 0


# -- mass drops ----------------------------------------------------------------------------------


def test_an_emptied_calendar_drops_nothing_without_accept_deletions(cli, db, tmp_path):
    add_followups(cli, 8)
    folder = tmp_path / "vdir"
    assert cli("sync", "vdir", folder).code == 0
    file_of(folder, "Follow-up number 7").unlink()  # one deleted by a person: dropped, as ever
    result = cli("sync", "vdir", folder)
    assert result.code == 0 and "dropped here" in result.out
    for path in folder.iterdir():
        path.unlink()
    before = db_state(db)
    result = cli("sync", "vdir", folder)
    assert result.code == 1 and len(result.err.splitlines()) == 1, result
    assert "7" in result.err and "--accept-deletions" in result.err
    assert db_state(db) == before and not list(folder.iterdir())
    result = cli("sync", "vdir", folder, "--accept-deletions")
    assert result.code == 0 and "followups edit" in result.out
    assert open_followups(cli) == []
    assert cli("followups", "edit", "1", "--status", "open").code == 0  # one brings it back


def test_every_follow_up_gone_is_refused_however_few(cli, db, tmp_path):
    add_followups(cli, 2)
    folder = tmp_path / "vdir"
    assert cli("sync", "vdir", folder).code == 0
    for path in folder.iterdir():
        if "VTODO" in path.read_text():
            path.unlink()
    assert cli("sync", "vdir", folder).code == 1
    assert len(open_followups(cli)) == 2


# -- a sync cut short says what it saved ----------------------------------------------------------


def test_ctrl_c_mid_sync_says_how_many_were_saved(cli, db, tmp_path, monkeypatch):
    from svsm_meet.calendar.vdir import Vdir

    add_followups(cli, 6)
    folder = tmp_path / "vdir"
    real, calls = Vdir.create, []

    def create(self, uid, body):
        calls.append(uid)
        if len(calls) == 4:
            raise KeyboardInterrupt
        return real(self, uid, body)

    monkeypatch.setattr(Vdir, "create", create)
    result = cli("sync", "vdir", folder)
    assert result.code == 130
    assert "3 created" in result.err and "nothing was saved" not in result.err, result.err
    monkeypatch.setattr(Vdir, "create", real)
    assert "4 created" in cli("sync", "vdir", folder).out  # the next one picks up from there


def test_a_server_gone_mid_sync_says_how_many_were_saved(engine, cli, tmp_path):
    from svsm_meet.errors import SvsmMeetError

    add_followups(cli, 8)
    own = radicale_server.start(tmp_path / "radicale")
    try:
        remote = CalDAV(own.url, USER, PASSWORD, "going")

        def progress(done, total):
            if done == 3:
                own.stop()

        with pytest.raises(SvsmMeetError) as stopped:
            sync(engine, remote, progress=progress)
    finally:
        own.stop()
    message = str(stopped.value)
    # What the dying server answered last varies (refused connection, or a 401 while it shuts
    # down): the message says so, and in every case counts what was saved before.
    assert "saved before it stopped: 3 created" in message
    assert "nothing was changed" not in message


# -- an overall deadline ---------------------------------------------------------------------------


class SlowServer:
    """Answers every connection one byte a second, forever: never silent long enough for a
    per-request timeout."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen()
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}/"
        self.stopping = threading.Event()
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self):
        while not self.stopping.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._drip, args=(conn,), daemon=True).start()

    def _drip(self, conn):
        with conn:
            conn.recv(65536)
            reply = b"HTTP/1.1 200 OK\r\nX-Slow: " + b"a" * 10_000
            for byte in reply:
                if self.stopping.wait(1):
                    return
                try:
                    conn.send(bytes([byte]))
                except OSError:
                    return

    def stop(self):
        self.stopping.set()
        self.sock.close()


def test_a_server_dripping_one_byte_a_second_is_given_up_at_the_deadline(cli, db, monkeypatch):
    add_followups(cli, 1)
    monkeypatch.setenv("SVSM_MEET_CALDAV_PASSWORD", "pw")
    slow = SlowServer()
    try:
        start = time.monotonic()
        result = cli("sync", "caldav", "--url", slow.url, "--user", "me", "--deadline", "2")
        took = time.monotonic() - start
    finally:
        slow.stop()
    assert result.code == 1 and "deadline" in result.err, result
    assert "nothing was changed" in result.err and len(result.err.splitlines()) == 1
    assert took < 10


def test_the_deadline_is_configurable(tmp_path, monkeypatch):
    from svsm_meet.config import load_config
    from svsm_meet.errors import BadInput

    path = tmp_path / "config.toml"
    path.write_text('[caldav]\nurl = "https://dav.example.org/"\nuser = "me"\ndeadline = 15\n')
    assert load_config(path).caldav["deadline"] == "15"
    path.write_text('[caldav]\nurl = "https://dav.example.org/"\nuser = "me"\ndeadline = "soon"\n')
    with pytest.raises(BadInput):
        load_config(path)


# -- random meetings and calendar objects -----------------------------------------------------------


_DUE_LINES = st.one_of(
    st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)).map(lambda d: f"DUE;VALUE=DATE:{d:%Y%m%d}"),
    st.datetimes(dt.datetime(1, 1, 2), dt.datetime(9999, 12, 30)).map(lambda d: f"DUE:{d:%Y%m%dT%H%M%SZ}"),
    st.text(st.characters(min_codepoint=32, max_codepoint=0x2FF), max_size=20).map(lambda t: f"DUE:{t}"),
    st.just("DUE;TZID=Mars/Olympus:20240601T100000"),
)
_BODIES = st.one_of(
    st.tuples(_DUE_LINES, st.sampled_from(["NEEDS-ACTION", "COMPLETED", "CANCELLED", "bogus"]),
              st.text(st.characters(min_codepoint=32, max_codepoint=0x2FF), max_size=30)).map(
        lambda t: (f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//EN\r\nBEGIN:VTODO\r\n"
                   f"UID:x\r\nSUMMARY:{t[2]}\r\nSTATUS:{t[1]}\r\n{t[0]}\r\n"
                   "END:VTODO\r\nEND:VCALENDAR\r\n").encode()),
    st.binary(max_size=200),
)


_JSON_ZONES = st.sampled_from([None, "Europe/Berlin", "America/New_York", "UTC", "Asia/Kolkata"])


@st.composite
def json_meetings(draw):
    from svsm_meet.model import Due, FollowUp

    doc = draw(documents())
    doc.timezone = draw(_JSON_ZONES)
    doc.start_time = dt.time(16) if doc.timezone else None
    for n in range(draw(st.integers(0, 3))):
        day = draw(st.dates(dt.date(1900, 1, 1), dt.date(2199, 12, 31)))
        uid = f"{draw(st.uuids())}@svsm-meet"
        doc.followups.append(FollowUp(text=f"Task {n}", uid=uid, status="open", due=Due(date=day)))
    return doc


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(doc=json_meetings(), bodies=st.lists(_BODIES, min_size=1, max_size=3))
def test_random_meetings_and_calendar_objects_through_import_and_sync(cli, doc, bodies):
    """A random JSON meeting comes back from import as it went in and syncs; random objects put
    in place of its tasks (dates of any year, no date at all, bytes) never stop a sync or an
    export, and no date out of range comes in."""
    from svsm_meet.formats import json_format
    from svsm_meet.formats.markdown_out import render

    with tempfile.TemporaryDirectory() as where:
        db, path, folder = Path(where) / "db.sqlite", Path(where) / "meeting.json", Path(where) / "vdir"
        path.write_text(json_format.dumps(doc))
        assert cli("import", path, database=db).code == 0
        exported = cli("export", "json", "latest", database=db)
        assert exported.code == 0
        again = json_format.loads(exported.out)
        assert render(again) == render(doc)
        assert [f.due for f in again.followups] == [f.due for f in doc.followups]
        add_followups(cli, 2, database=db, series="Other Call")  # tasks whatever the JSON holds
        result = cli("sync", "vdir", folder, database=db)
        assert result.code == 0 and "skipped" not in result.err, result.err
        ours = sorted(p for p in folder.iterdir() if "VTODO" in p.read_text())
        for target, body in zip(ours, bodies):
            target.write_bytes(body)
        for _ in range(2):
            result = cli("sync", "vdir", folder, database=db)
            assert result.code == 0, result.err
        assert cli("export", "ics", database=db).code == 0
        for f in json.loads(cli("followups", "--json", "--all", database=db).out):
            assert f["due"] is None or "1900" <= f["due"][:4] <= "2200"
