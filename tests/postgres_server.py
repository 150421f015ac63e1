"""A PostgreSQL cluster of the tests' own on 127.0.0.1, on a free port.

initdb refuses to run as root, so the cluster belongs to the postgres user (runuser); these
machines have only the C.UTF-8 locale.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass

from radicale_server import free_port


def pg_bin() -> str | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return os.path.dirname(found[-1]) if found else None


def _as_postgres() -> list[str]:
    if os.geteuid() != 0:
        return []
    return ["runuser", "-u", "postgres", "--"]


@dataclass
class Postgres:
    folder: str
    port: int
    bin: str
    counter: int = 0

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def new_database(self) -> str:
        self.counter += 1
        name = f"svsm_{os.getpid()}_{self.counter}"
        subprocess.run([*_as_postgres(), f"{self.bin}/createdb", "-h", "127.0.0.1", "-p", str(self.port),
                        "-U", "postgres", name], check=True, capture_output=True)
        return self.url(name)

    def stop(self) -> None:
        subprocess.run([*_as_postgres(), f"{self.bin}/pg_ctl", "-D", f"{self.folder}/data", "-m", "fast",
                        "-w", "stop"], capture_output=True)
        shutil.rmtree(self.folder, ignore_errors=True)


def start() -> Postgres:
    binaries = pg_bin()
    if binaries is None:
        raise FileNotFoundError("PostgreSQL is not installed (make test installs it)")
    # Outside pytest's private temp dirs: the postgres user must be able to reach it.
    folder = tempfile.mkdtemp(prefix="svsm-pg-", dir="/tmp")
    os.chmod(folder, 0o755)
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
    port = free_port()
    subprocess.run([*_as_postgres(), f"{binaries}/initdb", "-D", f"{folder}/data", "-U", "postgres",
                    "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8"], check=True, capture_output=True)
    subprocess.run(
        [*_as_postgres(), f"{binaries}/pg_ctl", "-D", f"{folder}/data", "-l", f"{folder}/log", "-w",
         "-o", f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off "
               "-c max_connections=50", "start"],
        check=True, capture_output=True,
    )
    server = Postgres(folder, port, binaries)
    end = time.monotonic() + 20
    while time.monotonic() < end:
        ready = subprocess.run([f"{binaries}/pg_isready", "-h", "127.0.0.1", "-p", str(port)],
                               capture_output=True)
        if ready.returncode == 0:
            return server
        time.sleep(0.1)
    server.stop()
    raise RuntimeError("PostgreSQL did not start")
