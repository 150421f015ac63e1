"""A real Radicale CalDAV server on 127.0.0.1, on a free port, with htpasswd authentication."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

USER, PASSWORD = "maintainer", "s3cret-radicale-pw"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Radicale:
    url: str
    folder: Path
    process: subprocess.Popen
    port: int

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()


def start(folder: Path, port: int | None = None) -> Radicale:
    folder.mkdir(parents=True, exist_ok=True)
    users = folder / "users"
    users.write_text(f"{USER}:{PASSWORD}\n")
    port = port or free_port()
    log = (folder / "radicale.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "radicale", f"--server-hosts=127.0.0.1:{port}",
         f"--storage-filesystem-folder={folder / 'collections'}", "--auth-type=htpasswd",
         f"--auth-htpasswd-filename={users}", "--auth-htpasswd-encryption=plain",
         "--auth-delay=0", "--rights-type=owner_only", "--logging-level=warning"],
        stdout=log, stderr=subprocess.STDOUT,
    )
    end = time.monotonic() + 20
    while time.monotonic() < end:
        if process.poll() is not None:
            raise RuntimeError(f"radicale exited: {(folder / 'radicale.log').read_text()}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                break
        except OSError:
            time.sleep(0.05)
    return Radicale(f"http://127.0.0.1:{port}/", folder, process, port)
