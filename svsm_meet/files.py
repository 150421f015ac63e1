"""Files the minutes are written to: their names, and writing them whole or not at all."""

from __future__ import annotations

import errno
import os
import re
import shutil
import stat
import string
import tempfile
from pathlib import Path

from .errors import BadInput, SvsmMeetError

DEFAULT_NAME_PATTERN = "devel-call-{date}.md"  # as the SVSM governance repo names them


def _read_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# Read once, at import (before any worker thread): umask can only be read by setting it.
UMASK = _read_umask()


def cannot_write(what: str, error: OSError) -> SvsmMeetError:
    """One line for a file that could not be written: the user's to fix (exit 2) where the path
    itself is wrong, a failure (exit 1) where the disk is full or permission is lacking."""
    wrong_path = (errno.ENAMETOOLONG, errno.EISDIR, errno.ENOTDIR, errno.ENOENT, errno.ELOOP)
    kind = BadInput if error.errno in wrong_path else SvsmMeetError
    return kind(f"{what}: cannot write it ({error.strerror or error})")


def _destination(path: Path) -> tuple[Path, bool]:
    """Where writing PATH lands, and whether by renaming a temporary file onto it.

    A symlink is followed to its target, which is replaced (the link stays); a FIFO, device or
    /dev/stdout is written straight (a rename would replace it with a file: as root, /dev/null);
    only a regular file or a new path is replaced by rename."""
    link = str(path)
    for _ in range(40):  # a link into /proc (/dev/stdout, /dev/fd/N) names an open file, not a path
        if not os.path.islink(link):
            break
        target = os.readlink(link)
        if target.startswith("/proc/"):
            return path, False
        link = os.path.join(os.path.dirname(link), target)
    real = Path(os.path.realpath(path))  # a loop stays a link here, and os.stat says ELOOP
    if real.parts[1:2] == ("proc",):
        return path, False
    try:
        return real, stat.S_ISREG(os.stat(real).st_mode)
    except FileNotFoundError:
        return real, True


def _staged(folder: Path, name: str, text: str, mode: int) -> Path:
    """TEXT in a new temporary file in FOLDER, to be renamed into place."""
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{name[:64]}.", suffix=".tmp")
    try:
        os.chmod(tmp, mode)  # mkstemp makes it private; the file is an ordinary one
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
    except BaseException:
        os.unlink(tmp)
        raise
    return Path(tmp)


def _mode_for(path: Path) -> int:
    """An existing file keeps its permissions (a private one stays private)."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except FileNotFoundError:
        return 0o666 & ~UMASK


def write_atomically(path: Path, text: str) -> None:
    """Write PATH whole or not at all: a crash leaves the old file, never half a new one.
    Through a symlink its target is written; a FIFO or device is written straight."""
    path.parent.mkdir(parents=True, exist_ok=True)
    dest, by_rename = _destination(path)
    if not by_rename:
        with open(dest, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        return
    tmp = _staged(dest.parent, dest.name, text, _mode_for(dest))
    try:
        os.replace(tmp, dest)
    except BaseException:
        os.unlink(tmp)
        raise


def write_folder(folder: Path, files: dict[str, str]) -> None:
    """Write FILES (name: text) into FOLDER, all of them or none: each is written into a
    temporary folder first (a full disk or a name too long fails there), then renamed into
    place.  Files of FOLDER not named are left alone."""
    folder = Path(os.path.realpath(folder))  # through a symlink: the folder it names
    new = not folder.exists()
    if new:
        folder.parent.mkdir(parents=True, exist_ok=True)
    # Beside a new folder, which it then becomes; inside an existing one, so that every rename
    # stays on one file system.
    staging = Path(tempfile.mkdtemp(dir=folder.parent if new else folder,
                                    prefix=f".{folder.name[:64]}.", suffix=".tmp"))
    try:
        for name, text in files.items():
            with open(staging / name, "x", encoding="utf-8", newline="\n") as f:
                f.write(text)
            os.chmod(staging / name, _mode_for(folder / name))
        os.chmod(staging, 0o777 & ~UMASK)
        if new:
            os.rename(staging, folder)
            return
        plan = {name: _destination(folder / name) for name in files}
        for dest, _ in plan.values():
            if dest.is_dir():
                raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(dest))
        for name, (dest, by_rename) in plan.items():
            if by_rename and dest.parent == folder:
                os.replace(staging / name, dest)
        for name, (dest, by_rename) in plan.items():
            if not (by_rename and dest.parent == folder):  # a symlink out of the folder, a FIFO
                write_atomically(dest, files[name])
    finally:
        shutil.rmtree(staging, ignore_errors=True)


NAME_MAX = 255  # bytes in one file name, on Linux and macOS alike
_DATE_SPEC = re.compile(r"(?:%[YmdyjbBaA]|[-_. 0-9A-Za-z])+")  # {date:%Y-%m}: strftime, no "/"
_FIELDS = "use the fields {date} (or {date:%Y-%m}), {series} and {id}"


def series_slug(series: str) -> str:
    """'SVSM Development Call' -> 'svsm-development-call', as {series} fills a name."""
    return re.sub(r"[^a-z0-9]+", "-", series.lower()).strip("-") or "meeting"


def fill_pattern(pattern: str, doc, what: str = "name pattern") -> str:
    """PATTERN with DOC's fields filled in.  Only the three fields: a format string of Python's
    own would read attributes ({series.__class__}) and pad without limit ({id:>300000000}).  WHAT
    names the pattern in a refusal."""
    values = {"date": doc.date.isoformat(), "series": series_slug(doc.series), "id": str(doc.id)}
    parts = []
    try:
        fields = list(string.Formatter().parse(pattern))
    except ValueError as e:
        raise BadInput(f"{what} {pattern}: {e}; {_FIELDS}") from None
    for literal, field, spec, conversion in fields:
        parts.append(literal)
        if field is None:
            continue
        if field not in values or conversion or (spec and field != "date"):
            shown = field + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "")
            raise BadInput(f"{what} {pattern}: {{{shown}}} is not a field; {_FIELDS}")
        if spec and not _DATE_SPEC.fullmatch(spec):
            raise BadInput(f"{what} {pattern}: {{date:{spec}}}: only %Y %m %d %y %j %b %B "
                           "%a %A, letters, digits and - _ .")
        parts.append(doc.date.strftime(spec) if spec else values[field])
    return "".join(parts)


def minutes_file_name(pattern: str, doc) -> str:
    """The file name PATTERN gives DOC (fill_pattern), one name that fits in NAME_MAX bytes."""
    name = fill_pattern(pattern, doc)
    if not name or "/" in name or "\0" in name or name in (".", ".."):
        raise BadInput(f"name pattern {pattern}: gives the file name {name!r}")
    if len(name.encode("utf-8", "surrogateescape")) > NAME_MAX:
        raise BadInput(f"name pattern {pattern}: gives a file name longer than {NAME_MAX} bytes for "
                       f"meeting {doc.id} ({doc.series}, {doc.date})")
    return name
