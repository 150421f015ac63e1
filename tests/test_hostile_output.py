"""Hostile input meets the terminal and the file system (issue 10): control sequences in minutes
never reach a terminal raw, -o writes through symlinks and into FIFOs and devices without
replacing them, `export --all` is all or nothing, a database file that is not ours is never
touched, and every refusal is one line on stderr with exit status 2."""

from __future__ import annotations

import asyncio
import json
import os
import re
import resource
import signal
import sqlite3
import stat
import subprocess
import sys
import time

import pytest
from conftest import run_process
from terminal import SCRIPT, Terminal, needs_tmux, terminal_env

ESC = "\x1b"
TITLE = f"{ESC}]0;PWNED\x07"  # OSC 0: sets the terminal's (the tmux pane's) title
CLIPBOARD = f"{ESC}]52;c;aGVsbG8=\x07"  # OSC 52: writes the clipboard
CLEAR = f"{ESC}[2J"  # clears the screen
CSI8 = "\x9b2J"  # the same as a C1 control

HOSTILE = f"""# Meeting Minutes: SVSM {TITLE}Call (May 15th, 2024)

## Attendees:

Joerg Roedel, Eve {CLIPBOARD}Mallory

## Topics:

### Plans {CLEAR}:

* Stefano will investigate {CSI8} the {TITLE} bug\x7f.
* Agreed: ship {ESC}[31mred{ESC}[0m.
"""

# What a terminal would act on: C0 but newline and tab, DEL, C1.
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def one_error_line(result, code: int = 2) -> None:
    assert result.code == code, (result.code, result.out, result.err)
    assert result.err.count("\n") == 1 and "Traceback" not in result.err, result.err


@pytest.fixture
def hostile(cli, tmp_path):
    """A database holding minutes written to attack the maintainer's terminal."""
    path = tmp_path / "hostile.md"
    path.write_text(HOSTILE, encoding="utf-8")
    assert cli("import", path).code == 0
    assert cli("people", "alias", "Joerg Roedel", f"Jörg {TITLE}Rödel").code == 0
    return path


# -- terminal escapes: the command line ------------------------------------------------------------


def test_import_prints_no_control_character(cli, tmp_path):
    path = tmp_path / "hostile.md"
    path.write_text(HOSTILE, encoding="utf-8")
    result = cli("import", path)
    assert result.code == 0 and "imported meeting 1" in result.out, result.err
    assert not RAW_CONTROL.search(result.out + result.err), result.out


@pytest.mark.parametrize("command", [
    ("meetings",), ("followups", "--all"), ("people",), ("search", "bug"), ("search", "Plans"),
    ("series", "list"),
])
def test_lists_print_no_control_character(cli, hostile, command):
    result = cli(*command)
    assert result.code == 0, result.err
    assert not RAW_CONTROL.search(result.out + result.err), result.out


def test_escaped_characters_stay_visible_and_the_records_keep_them(cli, hostile, db):
    listed = cli("meetings").out
    assert "SVSM \\u001b]0;PWNED\\u0007Call" in listed  # shown, not hidden
    with sqlite3.connect(db) as conn:
        (name,) = conn.execute("SELECT name FROM series").fetchone()
    assert name == f"SVSM {TITLE}Call"
    # --json escapes as JSON does, every character kept
    (meeting,) = json.loads(cli("meetings", "--json").out)
    assert meeting["series"] == f"SVSM {TITLE}Call"
    followups = json.loads(cli("followups", "--all", "--json").out)
    assert any(CSI8 in f["text"] and TITLE in f["text"] for f in followups), followups


def test_error_lines_print_no_control_character(cli, hostile):
    result = cli("followups", "done", f"x{TITLE}")
    one_error_line(result)
    assert not RAW_CONTROL.search(result.err) and "\\u001b" in result.err
    result = cli("meetings", f"stray{CLEAR}argument")  # argparse's own message
    one_error_line(result)
    assert not RAW_CONTROL.search(result.err), result.err


@needs_tmux
def test_a_real_terminal_keeps_its_title_and_screen(cli, hostile, db, tmp_path):
    term = Terminal(tmp_path, terminal_env(tmp_path / "home", db))
    try:
        script = f"echo BEFORE; {SCRIPT} meetings; {SCRIPT} followups --all; " \
                 f"{SCRIPT} search bug; {SCRIPT} export markdown latest"
        term.start("sh", "-c", script)
        screen = term.wait_for("EXITED-0")
        assert "BEFORE" in screen  # no ESC [2J cleared it
        assert "PWNED" not in term.tmux("display-message", "-p", "#{pane_title}")
    finally:
        term.close()


# -- terminal escapes: the app ------------------------------------------------------------------


def _drawn(app) -> str:
    """Every character the app's screen holds, as it would be written to the terminal."""
    update = app.screen._compositor.render_full_update()
    return "".join(strip.text for line in update.strips for strip in line)


def test_the_app_draws_no_control_character(hostile, db, tmp_path):
    from svsm_meet.config import Config
    from svsm_meet.service import Service
    from svsm_meet.tui.app import SvsmMeetApp
    from svsm_meet.tui.screens.search import SearchScreen
    from textual.widgets import Input

    app = SvsmMeetApp(Service(f"sqlite:///{db}", Config(minutes_dir=tmp_path / "Meetings")))

    async def scenario():
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            await pilot.pause()
            drawn = _drawn(app)
            assert "PWNED" in drawn and not RAW_CONTROL.search(drawn), drawn  # the meetings
            app.open_meeting(1)
            await pilot.pause()
            drawn = _drawn(app)
            assert "investigate" in drawn and not RAW_CONTROL.search(drawn), drawn
            app.notify(f"synced: {TITLE} changed", title=f"from {CLIPBOARD}")
            for _ in range(40):  # the toast comes on the next refreshes
                await pilot.pause(0.05)
                if "synced" in (drawn := _drawn(app)):
                    break
            assert "synced" in drawn and not RAW_CONTROL.search(drawn), drawn
            app.action_followups()
            await pilot.pause()
            drawn = _drawn(app)
            assert "investigate" in drawn and not RAW_CONTROL.search(drawn), drawn
            app.action_search()
            await pilot.pause()
            assert isinstance(app.screen, SearchScreen)
            app.screen.query_one("#query", Input).value = "bug"
            for _ in range(100):  # the search runs in a worker
                await pilot.pause(0.05)
                if "investigate" in _drawn(app):
                    break
            drawn = _drawn(app)
            assert "investigate" in drawn and not RAW_CONTROL.search(drawn), drawn

    asyncio.run(scenario())


@needs_tmux
def test_the_app_in_a_real_terminal_keeps_its_title(cli, hostile, db, tmp_path):
    term = Terminal(tmp_path, terminal_env(tmp_path / "home", db))
    try:
        term.start(str(SCRIPT), "open", "latest")
        term.wait_for("investigate")
        assert "PWNED" not in term.tmux("display-message", "-p", "#{pane_title}")
        term.keys("f6")
        term.wait_for("Follow-ups")
        assert "PWNED" not in term.tmux("display-message", "-p", "#{pane_title}")
    finally:
        term.close()


# -- -o: symlinks, FIFOs, devices, standard output ------------------------------------------------


def test_output_through_a_symlink_writes_its_target(cli, hostile, tmp_path):
    target = tmp_path / "kept" / "minutes.md"
    target.parent.mkdir()
    target.write_text("old\n")
    link = tmp_path / "link.md"
    link.symlink_to(target)
    assert cli("export", "markdown", "latest", "-o", link).code == 0
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert "investigate" in target.read_text()


def test_output_into_a_fifo_writes_into_it(cli, hostile, tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # so that the writer's open does not block
    try:
        assert cli("export", "markdown", "latest", "-o", fifo).code == 0
        assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
        received = b""
        while chunk := _read(reader):
            received += chunk
        assert b"investigate" in received
    finally:
        os.close(reader)


def _read(fd: int) -> bytes:
    try:
        return os.read(fd, 65536)
    except BlockingIOError:
        return b""


def test_output_onto_a_device_leaves_the_device(cli, hostile, tmp_path):
    null = tmp_path / "null"  # the null device, made here: the real /dev/null is not ours to risk
    try:
        os.mknod(null, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("making a device node needs root")
    assert cli("export", "ics", "-o", null).code == 0
    assert stat.S_ISCHR(os.lstat(null).st_mode)


def test_output_dash_is_standard_output(cli, hostile, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = cli("export", "markdown", "latest", "-o", "-")
    assert result.code == 0 and "investigate" in result.out
    assert CLEAR in result.out and TITLE in result.out  # into a pipe: byte for byte
    assert not (tmp_path / "-").exists()


def test_output_through_a_link_to_standard_output(hostile, db, tmp_path):
    link = tmp_path / "stdout"
    link.symlink_to("/proc/self/fd/1")  # what /dev/stdout is
    result = run_process("--db", db, "export", "json", "latest", "-o", link)
    assert result.code == 0 and json.loads(result.out)["meeting"]["series"] == f"SVSM {TITLE}Call"
    assert link.is_symlink()


def test_output_keeps_a_private_file_private(cli, hostile, tmp_path):
    private = tmp_path / "minutes.md"
    private.write_text("old\n")
    private.chmod(0o600)
    assert cli("export", "markdown", "latest", "-o", private).code == 0
    assert stat.S_IMODE(private.stat().st_mode) == 0o600 and "investigate" in private.read_text()


def test_output_refusals_are_one_line(cli, hostile, tmp_path):
    result = cli("export", "markdown", "latest", "-o", "")  # "-o $OUT" with OUT unset
    one_error_line(result)
    loop = tmp_path / "loop.md"
    loop.symlink_to(loop)
    result = cli("export", "markdown", "latest", "-o", loop)
    one_error_line(result)
    assert loop.is_symlink()


def test_a_terminal_that_is_not_utf8_gets_escapes_not_a_crash(hostile, db):
    env = dict(os.environ, PYTHONIOENCODING="ascii")
    result = run_process("--db", db, "people", env=env)  # "Jörg"
    assert result.code == 0 and "J\\xf6rg" in result.out, result


# -- export --all: all or nothing ---------------------------------------------------------------


def _meetings(cli, tmp_path, series: list[str], bullets: int = 1, day: int = 1) -> None:
    for n, name in enumerate(series, day):
        path = tmp_path / f"m{n}.md"
        items = "".join(f"* point {k} of a long discussion about the APIC driver\n"
                        for k in range(bullets))
        path.write_text(f"# {name} (May {n}, 2024)\n\n## Notes\n\n{items}", encoding="utf-8")
        assert cli("import", path).code == 0


def test_all_with_a_name_too_long_writes_nothing(cli, tmp_path):
    _meetings(cli, tmp_path, ["Kernel Meeting", "Kernel Meeting", "K" * 300])
    out = tmp_path / "out"
    result = cli("export", "markdown", "--all", "-o", out, "--name-pattern", "{series}-{date}.md")
    one_error_line(result)
    assert not out.exists() and not list(tmp_path.glob(".out*"))


def _full_disk(limit: int):
    def preexec():  # a file may grow to LIMIT bytes: past it, a write fails as on a full disk
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return preexec


def test_all_on_a_full_disk_writes_nothing(cli, tmp_path, db):
    _meetings(cli, tmp_path, ["Kernel Meeting", "Kernel Meeting"])
    _meetings(cli, tmp_path, ["Big Meeting"], bullets=2000, day=20)  # written last, too big
    out = tmp_path / "out"
    out.mkdir()
    (out / "README.md").write_text("the folder's own file\n")
    proc = subprocess.run(
        [sys.executable, "-m", "svsm_meet", "--db", str(db), "export", "markdown", "--all", "-o",
         str(out), "--name-pattern", "{series}-{date}.md"],
        capture_output=True, text=True, timeout=60, preexec_fn=_full_disk(64 * 1024))
    assert proc.returncode == 1 and proc.stderr.count("\n") == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    assert sorted(p.name for p in out.iterdir()) == ["README.md"]
    assert (out / "README.md").read_text() == "the folder's own file\n"


def test_all_into_a_folder_replaces_through_symlinks_and_keeps_other_files(cli, tmp_path):
    _meetings(cli, tmp_path, ["Kernel Meeting", "Kernel Meeting"])
    out = tmp_path / "out"
    out.mkdir()
    (out / "README.md").write_text("index\n")
    elsewhere = tmp_path / "elsewhere.md"
    elsewhere.write_text("old\n")
    (out / "kernel-meeting-2024-05-01.md").symlink_to(elsewhere)
    result = cli("export", "markdown", "--all", "-o", out, "--name-pattern", "{series}-{date}.md")
    assert result.code == 0, result.err
    assert (out / "kernel-meeting-2024-05-01.md").is_symlink() and "point 0" in elsewhere.read_text()
    assert "point 0" in (out / "kernel-meeting-2024-05-02.md").read_text()
    assert sorted(p.name for p in out.iterdir()) == [
        "README.md", "kernel-meeting-2024-05-01.md", "kernel-meeting-2024-05-02.md"]


# -- --name-pattern: three fields and a length limit ---------------------------------------------


@pytest.mark.parametrize("pattern", [
    "{id:>100000}.md", "{series.__class__}.md", "{date!r}.md", "{date.year}.md",
    "{series:>300}.md", "x" * 300 + "{id}.md",
])
def test_name_pattern_takes_only_the_three_fields(cli, hostile, tmp_path, pattern):
    out = tmp_path / "out"
    started = time.monotonic()
    result = cli("export", "markdown", "--all", "-o", out, "--name-pattern", pattern)
    one_error_line(result)
    assert "name pattern" in result.err and time.monotonic() - started < 10
    assert not out.exists()


def test_name_pattern_may_format_the_date(cli, hostile, tmp_path):
    out = tmp_path / "out"
    result = cli("export", "markdown", "--all", "-o", out, "--name-pattern", "{date:%Y-%m}-{id}.md")
    assert result.code == 0, result.err
    assert [p.name for p in out.iterdir()] == ["2024-05-1.md"]


# -- the database file: ours, or left alone -------------------------------------------------------


def test_another_programs_sqlite_file_is_not_even_switched_to_wal(cli, tmp_path):
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE bookmarks (url TEXT)")
    before = other.read_bytes()
    result = cli("meetings", database=other)
    one_error_line(result, code=1)
    assert "another program" in result.err
    assert other.read_bytes() == before  # the journal mode is in the header
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.db"]


def test_a_device_is_no_database(cli, tmp_path):
    null = tmp_path / "null"
    try:
        os.mknod(null, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("making a device node needs root")
    result = cli("meetings", database=null)
    one_error_line(result)
    assert "not a regular file" in result.err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["null"]  # no null-journal, no -wal


def test_an_empty_file_is_not_made_a_database(cli, tmp_path):
    empty = tmp_path / "placeholder.db"
    empty.touch()
    result = cli("import", run_fixture(tmp_path), database=empty)
    one_error_line(result)
    assert "empty" in result.err and empty.stat().st_size == 0
    new = tmp_path / "new.db"  # a file svsm-meet makes itself starts empty too
    assert cli("import", run_fixture(tmp_path), database=new).code == 0
    assert cli("meetings", database=new).code == 0 and new.read_bytes().startswith(b"SQLite format 3")


def run_fixture(tmp_path):
    path = tmp_path / "plain.md"
    path.write_text("# Kernel Meeting (May 1, 2024)\n\n* a point\n", encoding="utf-8")
    return path


def test_db_empty_is_an_error_not_the_default_database(cli, tmp_path):
    result = cli("import", run_fixture(tmp_path), database="")
    one_error_line(result)
    assert "--db" in result.err
    data_home = os.environ["XDG_DATA_HOME"]
    assert not os.path.exists(os.path.join(data_home, "svsm-meet", "svsm-meet.db"))
