"""Publishing into a checkout all or nothing: the refusals first, then the branch, the files and
one commit per meeting; on any failure the branch, the index and every file written go back to
how they were (a branch made for it is deleted), so the checkout is as the user left it."""

from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path
from typing import Callable

from ..errors import BadInput, SvsmMeetError
from ..files import write_atomically
from .message import sign_off
from .plan import Change, Meeting, Settings, plan
from .repo import Repo


def check_ready(repo: Repo) -> None:
    """Refuse a checkout a commit cannot be made in cleanly."""
    if repo.head() is None:
        raise BadInput(f"--repo {repo.root}: has no commit yet; clone the governance repo first")
    busy = repo.in_progress()
    if busy:
        raise BadInput(f"--repo {repo.root}: in the middle of {busy}; finish or abort it first")
    changed = repo.changed_files()
    if changed:
        more = f" and {len(changed) - 1} more" if len(changed) > 1 else ""
        raise BadInput(f"--repo {repo.root}: uncommitted changes ({changed[0]}{more}); "
                       "commit or stash them first")


def signer_of(repo: Repo) -> str:
    name, email = repo.config("user.name"), repo.config("user.email")
    if not (name and email):
        raise BadInput("git config user.name and user.email are needed for the Signed-off-by trailer")
    return sign_off(name, email)


class Publication:
    """One run of publish in REPO, onto BRANCH (by default the branch checked out)."""

    def __init__(self, repo: Repo, branch: str | None = None):
        self.repo = repo
        self.start_branch = repo.branch()
        self.start_head = repo.head()
        if not branch and self.start_branch is None:
            # Commits on a detached HEAD belong to no branch: a pull request could not take them.
            raise BadInput(f"--repo {repo.root}: HEAD is detached; give --branch NAME to publish "
                           "onto a branch")
        if branch:
            repo.check_branch_name(branch)
        self.branch = branch or self.start_branch
        self.switching = bool(branch) and branch != self.start_branch
        self.creating = self.switching and not repo.branch_exists(branch)
        self.switched = False
        self.branch_start: str | None = None
        self.snapshots: dict[str, bytes | None] = {}
        self.made_folders: list[Path] = []

    # -- planning (reads only) -------------------------------------------------------------------

    def _on_disk(self, path: str) -> str | None:
        file = self.repo.root / path
        if file.is_file():
            return file.read_bytes().decode("utf-8")
        if os.path.lexists(file):  # a folder, a FIFO: not ours to replace
            raise BadInput(f"{path} in {self.repo.root} is not a file; move it away first")
        return None

    def _ref(self) -> str:
        """Where the commits go, as it is now: the topic branch where it exists, else HEAD."""
        return self.branch if self.switching and not self.creating else "HEAD"

    def _committed(self, path: str) -> str | None:
        return self.repo.read_at(self._ref(), path)

    def published_in(self, path: str) -> str | None:
        """The commit of the branch published on that last changed PATH (a meeting found
        published already: on the topic branch, which need not be the one checked out)."""
        return self.repo.last_commit_of(path, self._ref())

    def read(self, path: str) -> str | None:
        if not self.switching or self.creating:
            return self._on_disk(path)
        # Another branch: its own file, else an untracked one here (a switch leaves it in place).
        theirs = self.repo.read_at(self.branch, path)
        if theirs is not None or self.repo.read_at("HEAD", path) is not None:
            return theirs
        return self._on_disk(path)

    def plan(self, meetings: list[Meeting], settings: Callable[[Meeting], Settings], signer: str,
             update: bool) -> list[Change]:
        try:
            return plan(meetings, settings, self.repo.root, self.read, self._committed, signer, update)
        except UnicodeDecodeError as e:
            raise BadInput(f"a file in {self.repo.root} is not UTF-8 text: {e.reason}") from None

    # -- doing it ------------------------------------------------------------------------------------

    @contextmanager
    def all_or_nothing(self):
        try:
            yield self
        except BaseException as failure:
            try:
                self.rollback()
            except Exception as e:  # noqa: BLE001 - both are told: what failed, and the undoing
                raise SvsmMeetError(f"{failure}; undoing it failed too ({e}): see 'git status' in "
                                    f"{self.repo.root}") from failure
            raise

    def enter_branch(self) -> None:
        if self.switching:
            self.repo.switch(self.branch, create=self.creating)
            self.switched = True
        self.branch_start = self.repo.head()

    def commit(self, change: Change) -> str:
        """Write CHANGE's files and commit them; the commit's id."""
        if self.branch_start is None:
            self.enter_branch()
        for path in change.files:
            if path not in self.snapshots:
                file = self.repo.root / path
                self.snapshots[path] = file.read_bytes() if file.is_file() else None
                missing = [d for d in file.parents if d.is_relative_to(self.repo.root) and not d.exists()]
                self.made_folders += missing  # deepest first, the order to remove them in
        for path, (_, new) in change.files.items():
            write_atomically(self.repo.root / path, new)
        return self.repo.commit(list(change.files), change.message)

    def rollback(self) -> None:
        if self.branch_start is not None:
            self.repo.reset_to(self.branch_start)
        for path, old in self.snapshots.items():
            file = self.repo.root / path
            if old is None:
                if not file.is_dir():  # only what this run made: a file, never a folder
                    file.unlink(missing_ok=True)
            else:
                file.write_bytes(old)
        for folder in self.made_folders:
            if folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()
        if self.switched:
            self.repo.switch_back(self.start_branch or self.start_head)
            if self.creating:
                self.repo.delete_branch(self.branch)

    # -- pushing -----------------------------------------------------------------------------------------

    def push_target(self, remote: str | None) -> tuple[str, str]:
        """(remote, branch) a push goes to, checked before anything is committed."""
        if not self.branch:
            raise BadInput("--push: HEAD is detached; give the branch to publish on with --branch")
        remote = remote or self.repo.push_remote(self.branch)
        if not remote:
            raise BadInput("--push: this checkout has no remote to push to; name one: --push REMOTE")
        if remote not in self.repo.remotes():
            raise BadInput(f"--push {remote}: no such remote (git remote -v lists them)")
        return remote, self.branch

