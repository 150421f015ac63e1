"""The half-typed entry line of each meeting, kept on disk with every keystroke.

If the terminal is killed mid-sentence, the line is back in the entry line the next time the
meeting is opened.  Drafts are the note-taker's own, so they live in the user's data dir, not in
the (possibly shared) database.
"""

from __future__ import annotations

import os
from pathlib import Path

from .files import write_atomically


def drafts_dir() -> Path:
    from platformdirs import user_data_path

    return user_data_path("svsm-meet", appauthor=False) / "drafts"


class Drafts:
    """The drafts of one database's meetings (meeting 3 of another database is another meeting),
    each kept under a key no other meeting has (Service.draft_key: its id and when it was made),
    so that the draft of a replaced meeting never shows in another."""

    def __init__(self, database: str, folder: Path | None = None):
        import hashlib

        self.folder = (folder or drafts_dir()) / hashlib.sha256(database.encode()).hexdigest()[:16]

    def _path(self, key: int | str) -> Path:
        return self.folder / f"meeting-{key}.txt"

    def load(self, key: int | str) -> str:
        try:
            return self._path(key).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return ""

    def save(self, key: int | str, text: str) -> None:
        if text:
            write_atomically(self._path(key), text)
        else:
            self.clear(key)

    def clear(self, key: int | str) -> None:
        try:
            os.unlink(self._path(key))
        except FileNotFoundError:
            pass
