"""A vdir: a folder with one .ics file per object, named by its UID (khal, todoman, vdirsyncer).

Files are written whole (write and rename) and only when their content changed, so an unchanged
object keeps its mtime; the ETag of a file is the hash of its content.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from urllib.parse import quote, unquote

from ..errors import BadInput
from ..files import write_atomically
from .sync import Changed

OURS = "@svsm-meet"


def file_name(uid: str) -> str:
    return quote(uid, safe="@-_.") + ".ics"


def uid_of(name: str) -> str | None:
    if not name.endswith(".ics"):
        return None
    uid = unquote(name[:-4])
    return uid if uid.endswith(OURS) else None


def _etag(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class Vdir:
    def __init__(self, folder: Path):
        if folder.exists() and not folder.is_dir():
            raise BadInput(f"{folder}: is a file; a vdir is a folder")
        folder.mkdir(parents=True, exist_ok=True)
        self.folder = folder.resolve()
        self.target = f"vdir {self.folder}"
        self.writes = 0
        self.unreadable: dict[str, str] = {}

    def list(self) -> dict[str, tuple[str, str]]:
        """Our files by UID.  One named like ours that is not a plain file (a symlink to who
        knows what, a FIFO) or cannot be read is left alone and named in `unreadable`."""
        found = {}
        self.unreadable = {}
        for entry in os.scandir(self.folder):
            uid = uid_of(entry.name)
            if not uid:
                continue
            why = None if entry.is_file(follow_symlinks=False) else "not a plain file (a link?)"
            if why is None:
                try:
                    found[uid] = (entry.name, _etag(Path(entry.path).read_bytes()))
                except OSError as e:
                    why = f"cannot be read ({e.strerror})"
            if why:
                self.unreadable[uid] = f"skipped {entry.path}: {why}; left as it is"
        return found

    def get(self, href: str) -> bytes:
        return (self.folder / href).read_bytes()

    def _write(self, href: str, body: bytes) -> str:
        write_atomically(self.folder / href, body.decode("utf-8"))
        self.writes += 1
        return _etag(body)

    def create(self, uid: str, body: bytes) -> tuple[str, str]:
        href = file_name(uid)
        if (self.folder / href).exists():
            raise Changed(href)
        return href, self._write(href, body)

    def update(self, href: str, body: bytes, etag: str) -> str:
        if _etag(self.get(href)) != etag:
            raise Changed(href)
        return self._write(href, body)

    def delete(self, href: str, etag: str) -> None:
        path = self.folder / href
        if path.exists() and _etag(path.read_bytes()) != etag:
            raise Changed(href)
        path.unlink(missing_ok=True)
