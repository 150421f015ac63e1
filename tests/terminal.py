"""The real app in a real terminal: tmux, send-keys and capture-pane, as a user meets it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

TMUX = shutil.which("tmux")
needs_tmux = pytest.mark.skipif(TMUX is None, reason="tmux is not installed (make test installs it)")
SCRIPT = Path(sys.executable).parent / "svsm-meet"


class Terminal:
    """One tmux server of its own (its own socket), one window running one command."""

    def __init__(self, tmp: Path, env: dict[str, str], size=(120, 40)):
        self.tmp = tmp
        self.starts = 0
        self.socket = str(tmp / "tmux-0.sock")
        self.env = env
        self.size = size

    def tmux(self, *args: str, check=True) -> str:
        out = subprocess.run([TMUX, "-S", self.socket, *args], capture_output=True, text=True,
                             check=check, env=self.env)
        return out.stdout

    def start(self, *command: str) -> None:
        self.starts += 1  # a server of its own each time: no race with one that is shutting down
        self.socket = str(self.tmp / f"tmux-{self.starts}.sock")
        cols, rows = self.size
        shell = " ".join(f"'{c}'" for c in command)
        self.tmux("-f", "/dev/null", "new-session", "-d", "-x", str(cols), "-y", str(rows),
                  f"{shell}; echo EXITED-$?; sleep 600")

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p")

    def wait_for(self, text: str, timeout: float = 20) -> str:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.05)
        raise AssertionError(f"{text!r} did not show within {timeout}s; the screen:\n{self.screen()}")

    def type(self, text: str) -> None:
        self.tmux("send-keys", "-l", text)

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", *keys)

    def app_pid(self) -> int:
        """The app's process: the child of the pane's shell."""
        shell = int(self.tmux("display-message", "-p", "#{pane_pid}").strip())
        children = subprocess.run(["pgrep", "-P", str(shell)], capture_output=True, text=True).stdout
        return int(children.split()[0])

    def close(self) -> None:
        self.tmux("kill-server", check=False)


def terminal_env(home: Path, db: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        HOME=str(home), XDG_DATA_HOME=str(home / "data"), XDG_CONFIG_HOME=str(home / "config"),
        SVSM_MEET_DB=str(db), LANG="C.UTF-8", LC_ALL="C.UTF-8", TERM="xterm-256color",
    )
    env.pop("TMUX", None)
    return env
