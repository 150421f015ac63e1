"""What publishing one meeting changes in the checkout: its file, the index line, the commit
message.  Worked out in memory, meeting after meeting, so that a dry run shows exactly the commits
a real run makes and a refusal comes before anything is written."""

from __future__ import annotations

import datetime as dt
import difflib
import posixpath
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ..errors import BadInput
from ..files import NAME_MAX, fill_pattern
from . import index as index_file
from .message import add_subject, default_body, message, update_subject

DEFAULT_PATH = "Meetings/devel-call-{date}.md"  # as the SVSM governance repo names them
DEFAULT_INDEX = "Meetings/README.md"


@dataclass(frozen=True)
class Meeting:
    """One meeting to publish: what the store knows of it, and its Markdown export."""

    id: int
    series: str
    date: dt.date
    markdown: str
    live: bool = True  # typed during the call, not imported from a file


@dataclass(frozen=True)
class Settings:
    path: str = DEFAULT_PATH
    index: str = DEFAULT_INDEX
    body: str | None = None  # None: a sentence saying how the meeting's minutes were taken


def series_settings(publish: dict, series: str, body: str | None = None) -> Settings:
    """The config's [publish] values, those of [publish.series."SERIES"] first; BODY (given on the
    command line) above both."""
    own = next((v for k, v in publish.get("series", {}).items() if k.casefold() == series.casefold()), {})

    def pick(key: str, default: str) -> str:
        return own.get(key) or publish.get(key) or default

    return Settings(pick("path", DEFAULT_PATH), pick("index", DEFAULT_INDEX),
                    body if body is not None else own.get("body") or publish.get("body"))


def repo_path(root: Path, pattern: str, meeting: Meeting, what: str) -> str:
    """PATTERN filled in for MEETING, as a path inside the checkout at ROOT; BadInput where it
    would be anywhere else (absolute, `..`, in .git) or lead through a symbolic link."""
    filled = fill_pattern(pattern, meeting, what)  # the fields of --name-pattern, no others
    path = posixpath.normpath(filled.replace("\\", "/"))
    outside = BadInput(f"{what} {pattern}: {filled} is outside the repo {root}")
    if posixpath.isabs(filled) or path == ".." or path.startswith("../") or path == ".":
        raise outside
    if "\0" in path or any(len(part.encode("utf-8", "surrogateescape")) > NAME_MAX
                           for part in path.split("/")):
        raise BadInput(f"{what} {pattern}: gives a file name longer than {NAME_MAX} bytes or "
                       f"holding a NUL, for the meeting of {meeting.date}")
    if not (root / path).resolve().is_relative_to(root.resolve()):
        raise outside
    parts = path.split("/")
    if parts[0].casefold() == ".git":  # .GIT is .git where case is ignored (macOS)
        raise outside
    # A link in the repo (merged by anyone) is written through, not replaced, and git commits the
    # link, not what it leads to: the commit would miss the file, or the write land in .git
    # (../.git/config).  With no link on the way, the path is the file it names.
    for n in range(1, len(parts) + 1):
        if (root / "/".join(parts[:n])).is_symlink():
            raise BadInput(f"{what} {pattern}: {'/'.join(parts[:n])} in {root} is a symbolic "
                           "link; publish writes files, not through links")
    return path


@dataclass
class Change:
    """One meeting's commit: the files it writes (old text, or None where new, and new text)."""

    meeting: Meeting
    path: str
    index_path: str
    kind: str  # "add", "update", "index" (only its line was missing) or "none" (published already)
    subject: str
    message: str
    files: dict[str, tuple[str | None, str]]

    def diff(self) -> str:
        out = []
        for path, (old, new) in self.files.items():
            out += difflib.unified_diff(
                (old or "").splitlines(keepends=True), new.splitlines(keepends=True),
                "/dev/null" if old is None else f"a/{path}", f"b/{path}")
        return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n"
                       for line in out)


Reader = Callable[[str], "str | None"]


def plan(meetings: list[Meeting], settings: Callable[[Meeting], Settings], root: Path,
         read: Reader, committed: Reader, signer: str, update: bool) -> list[Change]:
    """The commits, oldest meeting first, each planned on top of the one before.  READ gives a
    file's text in the checkout (None where there is none), COMMITTED its text at HEAD."""
    overlay: dict[str, str] = {}
    seen: dict[str, Meeting] = {}

    def current(path: str) -> str | None:
        return overlay[path] if path in overlay else read(path)

    changes = []
    for meeting in sorted(meetings, key=lambda m: (m.date, m.id)):
        own = settings(meeting)
        path = repo_path(root, own.path, meeting, "the path")
        index_path = repo_path(root, own.index, meeting, "the index")
        if path == index_path:
            raise BadInput(f"the path {own.path} is the index itself; set another path")
        if path in seen:
            raise BadInput(f"{path}: two meetings ({seen[path].date}, {meeting.date}) would be written "
                           "there; add {series} or {id} to the path")
        seen[path] = meeting
        change = _plan_one(meeting, own, path, index_path, current(path), current(index_path),
                           committed(path) is not None and path not in overlay, signer, update)
        for p, (_, new) in change.files.items():
            overlay[p] = new
        changes.append(change)
    return changes


def _plan_one(meeting: Meeting, own: Settings, path: str, index_path: str, old: str | None,
              index_old: str | None, tracked: bool, signer: str, update: bool) -> Change:
    target = posixpath.relpath(path, posixpath.dirname(index_path) or ".")
    index_new = index_file.add_entry(index_old or "", meeting.series, meeting.date, target)
    files: dict[str, tuple[str | None, str]] = {}
    if old != meeting.markdown:
        if old is not None and not update:
            raise BadInput(f"{path} exists with other content than the meeting of {meeting.date}; "
                           "--update replaces it")
        files[path] = (old, meeting.markdown)
    if index_new != (index_old or ""):
        files[index_path] = (index_old, index_new)
    if tracked and old != meeting.markdown:
        kind, subject = "update", update_subject(path)
    elif not tracked:
        kind, subject = "add", add_subject(meeting.series, meeting.date)
        files.setdefault(path, (None, meeting.markdown))  # there but untracked: it joins the commit
    elif files:
        kind, subject = "index", update_subject(index_path)
    else:
        kind, subject = "none", ""
    text = message(subject, own.body or default_body(meeting.live), signer) if files else ""
    return Change(meeting, path, index_path, kind, subject, text, files)
