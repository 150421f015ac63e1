"""End to end: the installed svsm-meet in tmux, typed into as a note-taker types."""

from __future__ import annotations

import json
import subprocess
import time
from importlib.resources import files

import pytest
from retype import INDENT, OUTDENT, keystrokes
from terminal import SCRIPT, Terminal, needs_tmux, terminal_env

from svsm_meet.formats.markdown_in import normalize

SEED = (files("svsm_meet") / "data" / "demo-meeting.md").read_text(encoding="utf-8")


@pytest.fixture
def term(tmp_path):
    t = Terminal(tmp_path, terminal_env(tmp_path / "home", tmp_path / "svsm.db"))
    yield t
    t.close()


def cli(term, *args) -> subprocess.CompletedProcess:
    return subprocess.run([str(SCRIPT), *args], capture_output=True, text=True, env=term.env, check=True)


def wait_until(predicate, timeout=20):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return
        time.sleep(0.1)
    raise AssertionError("timed out")


@needs_tmux
def test_retyping_the_seed_in_a_real_terminal(term):
    """The SVSM minutes of May 15th, 2024, typed with the entry grammar only, come back exactly."""
    title, steps = keystrokes(SEED)
    term.start(str(SCRIPT))
    term.wait_for("Start a series")
    term.keys("n")
    term.wait_for("New meeting")
    term.type("SVSM Development Call")
    term.keys("Tab")
    time.sleep(0.5)  # a focus move is done by the app after the key: a person pauses here too
    term.type("2024-05-15")
    term.keys("Enter")
    term.wait_for("Next bullet")
    for step in steps:
        if step == INDENT:
            term.keys("Tab")
        elif step == OUTDENT:
            term.keys("BTab")
        else:
            term.type(step)
            term.keys("Enter")
    term.wait_for("They will work on getting a CFP out soon.")
    term.keys("C-q")
    term.wait_for("EXITED-0")
    assert cli(term, "export", "markdown", "latest").stdout == normalize(SEED)


@needs_tmux
def test_an_action_in_a_real_terminal_reaches_followups(term):
    cli(term, "new", "--series", "SVSM Development Call", "--date", "2024-05-15")
    term.start(str(SCRIPT), "open", "latest")
    term.wait_for("Next bullet")
    for line in ("#attendees Joerg Roedel, Stefano Garzarella, Roy Hopkins",
                 "#section Measurement discrepancies",
                 "#action Stefano will investigate the restricted injection angle due:2024-05-29"):
        term.type(line)
        term.keys("Enter")
    term.wait_for("follow-up for Stefano Garzarella")
    term.keys("C-q")
    term.wait_for("EXITED-0")
    (f,) = json.loads(cli(term, "followups", "--json").stdout)
    assert f["owner"] == "Stefano Garzarella" and f["due"] == "2024-05-29" and f["status"] == "open"
    assert {"id", "uid", "text", "owner", "due", "status", "meeting"} <= set(f)


@needs_tmux
def test_sigkill_loses_nothing_that_was_entered(term):
    cli(term, "new", "--series", "SVSM Development Call", "--date", "2024-05-15")
    term.start(str(SCRIPT), "open", "latest")
    term.wait_for("Next bullet")
    lines = ["#section Topics:", "#topic Killed mid-meeting"] + [f"bullet number {n}" for n in range(25)]
    for line in lines:
        term.type(line)
        term.keys("Enter")
    term.type("a line still being typ")
    term.wait_for("a line still being typ")
    term.wait_for("bullet number 24")
    pid = term.app_pid()
    subprocess.run(["kill", "-KILL", str(pid)], check=True)
    term.wait_for("EXITED-137")
    md = cli(term, "export", "markdown", "latest").stdout
    assert md.endswith("### Killed mid-meeting\n\n" + "".join(f"* bullet number {n}\n" for n in range(25)))
    # The half-typed line is back when the meeting is opened again.
    term.close()
    term.start(str(SCRIPT), "open", "latest")
    term.wait_for("a line still being typ")


@needs_tmux
def test_fast_typing_keeps_the_order_of_keys(term):
    """Enter, Backspace and → act where they were pressed, however fast the keys come."""
    cli(term, "new", "--series", "SVSM Development Call", "--date", "2024-05-15")
    term.start(str(SCRIPT), "open", "latest")
    term.wait_for("Next bullet")
    term.type("#attendees Stefano Garzarella")
    term.keys("Enter")
    term.type("#topic Fast")
    term.keys("Enter")
    term.type("abcd")
    term.keys("BSpace", "BSpace")
    term.type("X")
    term.keys("Enter")
    term.type("@Stef")
    term.wait_for("@Stefano Garzarella")  # the suggestion, as the note-taker sees it
    term.keys("Right", "Enter")  # accept it, then commit
    term.type("last")
    term.keys("Enter")
    term.wait_for("* last")
    assert cli(term, "export", "markdown", "latest").stdout.endswith(
        "### Fast\n\n* abX\n* @Stefano Garzarella\n* last\n")


@needs_tmux
def test_quit_takes_every_key_already_typed(term):
    """Typed lines, a pasted block and Ctrl+Q, sent in one go (faster than the app takes them):
    every line is in the minutes, and the half-typed last one is the draft when it reopens."""
    cli(term, "new", "--series", "SVSM Development Call", "--date", "2024-05-15")
    term.start(str(SCRIPT), "open", "latest")
    term.wait_for("Next bullet")
    typed = ["#topic Burst"] + [f"typed line {n} with some words" for n in range(15)]
    pasted = [f"pasted line {n} with some words" for n in range(15)]
    keys = [k for line in typed for k in (line, "Enter")]
    term.tmux("set-buffer", "--", "\n".join(pasted) + "\nstill being typ")
    # One tmux command: the keys, the paste (bracketed, as a terminal pastes) and Ctrl+Q arrive
    # together, Ctrl+Q while the lines before it are still queued in the app.
    term.tmux("send-keys", *keys, ";", "paste-buffer", "-p", ";", "send-keys", "C-q")
    term.wait_for("EXITED-0")
    md = cli(term, "export", "markdown", "latest").stdout
    assert md.endswith("### Burst\n\n" + "".join(f"* {line}\n" for line in typed[1:] + pasted))
    term.close()
    term.start(str(SCRIPT), "open", "latest")
    screen = term.wait_for("still being typ")
    (line,) = [row for row in screen.splitlines() if "still being typ" in row]
    assert "pasted" not in line  # the draft is that half line alone
