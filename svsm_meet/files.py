"""Files the minutes are written to: their names, and writing them whole or not at all."""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

from .errors import BadInput

DEFAULT_NAME_PATTERN = "devel-call-{date}.md"  # as the SVSM governance repo names them


def _read_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# Read once, at import (before any worker thread): umask can only be read by setting it.
UMASK = _read_umask()


def write_atomically(path: Path, text: str) -> None:
    """Write PATH whole or not at all: a crash leaves the old file, never half a new one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.chmod(tmp, 0o666 & ~UMASK)  # mkstemp makes it private; the file is an ordinary one
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def minutes_file_name(pattern: str, doc) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", doc.series.lower()).strip("-") or "meeting"
    try:
        name = pattern.format(date=doc.date.isoformat(), series=slug, id=doc.id)
    except (KeyError, IndexError, ValueError) as e:
        raise BadInput(f"name pattern {pattern}: {e}; use the fields {{date}} {{series}} {{id}}") from None
    if not name or "/" in name or name in (".", ".."):
        raise BadInput(f"name pattern {pattern}: gives the file name {name!r}")
    return name
