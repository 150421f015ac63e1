"""A git checkout, through the `git` command.

The `git` command rather than a library (GitPython, pygit2, dulwich): it is installed wherever a
governance checkout is, honours the user's own configuration (identity, hooks, credential helpers,
SSH keys) exactly as a commit made by hand would, and adds no dependency.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from ..errors import BadInput, SvsmMeetError

# Files git leaves while an operation waits for the user, and what to call each.
_IN_PROGRESS = {
    "MERGE_HEAD": "a merge",
    "rebase-merge": "a rebase",
    "rebase-apply": "a rebase or git am",
    "CHERRY_PICK_HEAD": "a cherry-pick",
    "REVERT_HEAD": "a revert",
    "BISECT_LOG": "a bisect",  # its commits would land on whatever it has checked out
}


class GitFailed(SvsmMeetError):
    """A git command that failed; its message is git's own first line."""


def first_line(text: str) -> str:
    """The first line of a command's output that says something."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[0] if lines else "no message"


class Repo:
    def __init__(self, root: Path, prompts: bool = True):
        self.root = root
        # Whether git may ask on the terminal (a credential, an ssh or gpg passphrase): yes on the
        # command line; never under the app, whose screen a prompt would write over and whose keys
        # it would take.
        self.prompts = prompts

    @classmethod
    def open(cls, path: str | Path, prompts: bool = True) -> "Repo":
        """The checkout PATH is in (its top level), or BadInput saying why it is none."""
        if shutil.which("git") is None:
            raise SvsmMeetError("publishing needs the git command, and it is not installed")
        try:
            where = Path(path).expanduser()
        except RuntimeError:  # ~someone who has no home here
            raise BadInput(f"--repo {path}: no such user's home folder") from None
        if not where.is_dir():
            raise BadInput(f"--repo {path}: no such folder")
        proc = subprocess.run(["git", "-C", str(where), "rev-parse", "--show-toplevel"],
                              capture_output=True, text=True)
        if proc.returncode != 0:
            raise BadInput(f"--repo {path}: not a git checkout")
        return cls(Path(proc.stdout.strip()).resolve(), prompts)

    def git(self, *args: str, input: str | None = None, check: bool = True) -> subprocess.CompletedProcess:
        # Never let git wait for an editor: every message is given.
        env = {**os.environ, "GIT_EDITOR": "true"}
        quiet = {}
        if not self.prompts:
            # No terminal to ask on: git's own prompts are off, and ssh and pinentry, which open
            # /dev/tty themselves, find none in a session of its own; they fail, and say why.
            env["GIT_TERMINAL_PROMPT"] = "0"
            quiet = {"start_new_session": True, **({} if input is not None else {"stdin": subprocess.DEVNULL})}
        proc = subprocess.run(["git", "-C", str(self.root), *args], capture_output=True, text=True,
                              input=input, env=env, **quiet)
        if check and proc.returncode != 0:
            raise GitFailed(f"git {args[0]} failed: {first_line(proc.stderr or proc.stdout)}")
        return proc

    def out(self, *args: str) -> str:
        return self.git(*args).stdout.strip()

    # -- what state it is in ----------------------------------------------------------------------

    def head(self) -> str | None:
        proc = self.git("rev-parse", "--verify", "-q", "HEAD", check=False)
        return proc.stdout.strip() or None

    def branch(self) -> str | None:
        """The checked-out branch; None on a detached HEAD."""
        proc = self.git("symbolic-ref", "-q", "--short", "HEAD", check=False)
        return proc.stdout.strip() or None

    def changed_files(self) -> list[str]:
        """Tracked files changed in the tree or the index.  Untracked files are no business of a
        publish (only the files it names are added); the one at its own path is checked apart."""
        # -z: each entry "XY PATH" whole (out() would strip the leading space of " M PATH"), and
        # the path as it is, not quoted; a rename's second field, its old path, is skipped.
        status = self.git("status", "--porcelain", "-z", "--untracked-files=no").stdout
        entries = iter(status.split("\0"))
        changed = []
        for entry in entries:
            if entry:
                changed.append(entry[3:])
                if entry[0] in "RC":
                    next(entries, None)
        return changed

    def in_progress(self) -> str | None:
        for name, what in _IN_PROGRESS.items():
            if Path(self.root, self.out("rev-parse", "--git-path", name)).exists():
                return what
        return None

    def config(self, key: str) -> str | None:
        proc = self.git("config", "--get", key, check=False)
        return proc.stdout.strip() or None

    def read_at(self, rev: str, path: str) -> str | None:
        """PATH's text at REV; None where it has no such file."""
        proc = self.git("show", f"{rev}:{path}", check=False)
        return proc.stdout if proc.returncode == 0 else None

    def last_commit_of(self, path: str, rev: str = "HEAD") -> str | None:
        """The newest commit of REV's history that changed PATH."""
        return self.out("log", "-1", "--format=%H", rev, "--", path) or None

    def branch_exists(self, name: str) -> bool:
        return self.git("show-ref", "--verify", "-q", f"refs/heads/{name}", check=False).returncode == 0

    def check_branch_name(self, name: str) -> None:
        if self.git("check-ref-format", "--branch", name, check=False).returncode != 0:
            raise BadInput(f"--branch {name}: not a valid branch name")

    # -- changing it --------------------------------------------------------------------------------

    def switch(self, name: str, create: bool = False) -> None:
        self.git("switch", "-q", *(["-c"] if create else []), name)

    def switch_back(self, where: str) -> None:
        """To branch WHERE, or to the commit WHERE on a HEAD that was detached."""
        self.git("switch", "-q", *([] if self.branch_exists(where) else ["--detach"]), where)

    def commit(self, paths: list[str], message: str) -> str:
        self.git("add", "--", *paths)
        # The message is ours to the letter (a '#' line in a body stays), hooks run as by hand.
        self.git("commit", "-q", "--cleanup=verbatim", "-F", "-", input=message)
        return self.out("rev-parse", "HEAD")

    def reset_to(self, commit: str) -> None:
        """Branch and index back to COMMIT; the working tree is left for the caller to restore."""
        self.git("reset", "-q", "--mixed", commit)

    def delete_branch(self, name: str) -> None:
        self.git("branch", "-q", "-D", name)

    # -- remotes ----------------------------------------------------------------------------------------

    def remotes(self) -> list[str]:
        return self.out("remote").split()

    def push_remote(self, branch: str) -> str | None:
        """Where BRANCH goes by the user's configuration, as `git push` would pick it."""
        for key in (f"branch.{branch}.pushRemote", "remote.pushDefault", f"branch.{branch}.remote"):
            value = self.config(key)
            if value:
                return value
        return "origin" if "origin" in self.remotes() else None

    def remote_url(self, remote: str) -> str:
        """The remote's URL, the fork's page on GitHub (a pushurl may differ: an SSH alias)."""
        return self.out("remote", "get-url", remote)

    def push(self, remote: str, branch: str) -> None:
        # A topic branch gets its upstream as `git push -u` gives it; a branch that has one keeps it.
        track = [] if self.config(f"branch.{branch}.remote") else ["--set-upstream"]
        self.git("push", "-q", *track, remote, f"refs/heads/{branch}:refs/heads/{branch}")
