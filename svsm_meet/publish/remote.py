"""Where a pull request is opened: the URL GitHub itself prints after a push of a new branch,
derived from the remote's URL; and `gh pr create` where the GitHub CLI is installed."""

from __future__ import annotations

import re
import shutil
import subprocess
from urllib.parse import quote

from ..errors import BadInput, SvsmMeetError
from .repo import first_line

# https://github.com/OWNER/REPO(.git), git@github.com:OWNER/REPO.git, ssh://git@github.com/OWNER/REPO
_GITHUB = re.compile(
    r"^(?:https?://(?:[^@/]+@)?|ssh://(?:[^@/]+@)?|git://|[^@/:]+@)github\.com[:/]"
    r"(?P<owner>[^/]+)/(?P<repo>[^/]+?)(?:\.git)?/?$"
)


def github_repo(url: str) -> tuple[str, str] | None:
    """(owner, repo) of a GitHub remote URL; None for any other host."""
    found = _GITHUB.match(url.strip())
    return (found["owner"], found["repo"]) if found else None


def pull_request_url(remote_url: str, branch: str) -> str | None:
    """The page that opens a pull request from BRANCH; GitHub offers to target the fork's parent."""
    found = github_repo(remote_url)
    if not found:
        return None
    owner, repo = found
    return f"https://github.com/{owner}/{repo}/pull/new/{quote(branch, safe='/')}"


def check_gh() -> str:
    gh = shutil.which("gh")
    if gh is None:
        raise BadInput("--pr needs the GitHub CLI (gh); without it, --push prints the URL to open")
    return gh


def create_pull_request(root, branch: str, title: str, body: str) -> str:
    """`gh pr create` for BRANCH; its output (the pull request's URL)."""
    proc = subprocess.run([check_gh(), "pr", "create", "--head", branch, "--title", title,
                           "--body", body], cwd=root, capture_output=True, text=True)
    if proc.returncode != 0:
        raise SvsmMeetError(f"gh pr create failed: {first_line(proc.stderr or proc.stdout)}")
    return proc.stdout.strip()
