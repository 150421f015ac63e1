"""`svsm-meet publish`: the minutes committed into a governance repo as its maintainers do by hand.

Every test works on real git repositories made in tmp_path: a governance-like upstream (an index
with several months, minutes files, a `scripts/check-signed-off.sh` like the real repo's CI), a
bare repo standing for the note-taker's fork, and a clone of it, the checkout publish works in.
"""

from __future__ import annotations

import os
import stat
import subprocess
import textwrap
from pathlib import Path

import pytest
from conftest import CORPUS, FIXTURES, wait_for

GOVERNANCE = FIXTURES / "governance"
SIGNER = "Signed-off-by: Jane Doe <jane@example.org>"

INDEX = """\
# Meeting Minutes

## SVSM Development Call

### October 2024

* [October 30th, 2024](devel-call-2024-10-30.md)
* [October 16th, 2024](devel-call-2024-10-16.md)

### September 2024

* [September 25th, 2024](devel-call-2024-09-25.md)
* [September 11th, 2024](devel-call-2024-09-11.md)

### August 2024

* [August 28th, 2024](devel-call-2024-08-28.md)
"""

# What the real repo's CI checks of each commit of a pull request: a body, and a sign-off.
CHECK_SIGNED_OFF = """\
#!/bin/sh
# Usage: check-signed-off.sh RANGE -- every commit in RANGE has a body and a Signed-off-by trailer.
status=0
for c in $(git rev-list "$1"); do
    body=$(git log -1 --format=%b "$c" | grep -v '^Signed-off-by:' | grep -v '^[[:space:]]*$')
    if [ -z "$body" ]; then echo "commit $c: the message has no body"; status=1; fi
    if ! git log -1 --format=%b "$c" | grep -q '^Signed-off-by: [^<]* <[^>]*@[^>]*>$'; then
        echo "commit $c: no Signed-off-by"; status=1
    fi
done
exit $status
"""


def minutes(date_words: str, *bullets: str) -> str:
    lines = "\n".join(f"* {b}" for b in bullets or ("Joerg Roedel reported on the release.",))
    return (f"# Meeting Minutes: SVSM Development Call ({date_words})\n\n## Attendees:\n\n"
            f"Joerg Roedel, Stefano Garzarella\n\n## Topics:\n\n### Status:\n\n{lines}\n")


def git(repo: Path, *args: str, check: bool = True) -> str:
    proc = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True)
    if check and proc.returncode:
        raise AssertionError(f"git {' '.join(args)}: {proc.stderr}")
    return proc.stdout


@pytest.fixture(autouse=True)
def _git_identity(monkeypatch):
    """Commits made by the tests themselves are a fixed someone's; no user or system config."""
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    for who in ("AUTHOR", "COMMITTER"):
        monkeypatch.setenv(f"GIT_{who}_NAME", "Test Maker")
        monkeypatch.setenv(f"GIT_{who}_EMAIL", "maker@example.org")


@pytest.fixture
def origin(tmp_path) -> Path:
    """The fork on the server: a bare repo holding a governance-like history."""
    upstream = tmp_path / "upstream"
    (upstream / "Meetings").mkdir(parents=True)
    (upstream / "scripts").mkdir()
    git(upstream, "init", "-q", "-b", "main")
    (upstream / "Meetings" / "README.md").write_text(INDEX)
    for day in ("2024-08-28", "2024-09-11", "2024-09-25", "2024-10-16", "2024-10-30"):
        (upstream / "Meetings" / f"devel-call-{day}.md").write_text(f"# Minutes of {day}\n")
    check = upstream / "scripts" / "check-signed-off.sh"
    check.write_text(CHECK_SIGNED_OFF)
    check.chmod(check.stat().st_mode | stat.S_IXUSR)
    git(upstream, "add", ".")
    git(upstream, "commit", "-q", "-m",
        "Add the meetings of 2024\n\nSo far.\n\nSigned-off-by: Test Maker <maker@example.org>")
    bare = tmp_path / "fork.git"
    git(tmp_path, "clone", "-q", "--bare", str(upstream), str(bare))
    return bare


@pytest.fixture
def repo(tmp_path, origin) -> Path:
    """The note-taker's checkout: a clone of the fork, with their git identity."""
    checkout = tmp_path / "governance"
    git(tmp_path, "clone", "-q", str(origin), str(checkout))
    git(checkout, "config", "user.name", "Jane Doe")
    git(checkout, "config", "user.email", "jane@example.org")
    return checkout


@pytest.fixture
def meetings(cli, tmp_path):
    """Import minutes (date words -> file) into the test's database."""
    folder = tmp_path / "in"
    folder.mkdir()

    def add(*dates: str) -> None:
        files = []
        for words in dates:
            path = folder / f"{len(list(folder.iterdir()))}.md"
            path.write_text(minutes(words))
            files.append(path)
        result = cli("import", *files)
        assert result.code == 0, result.err

    return add


def state(repo: Path) -> dict:
    """All a failed publish must leave as it was."""
    return {
        "head": git(repo, "rev-parse", "HEAD"),
        "branch": git(repo, "symbolic-ref", "-q", "HEAD", check=False),
        "branches": git(repo, "branch", "--list"),
        "status": git(repo, "status", "--porcelain", "--untracked-files=all", "--ignored"),
        "files": sorted(str(p.relative_to(repo)) for p in repo.rglob("*") if ".git" not in p.parts),
        "index": (repo / "Meetings" / "README.md").read_bytes(),
    }


def added_lines(repo: Path, rev: str, path: str = "Meetings/README.md") -> list[str]:
    diff = git(repo, "diff", "--unified=0", f"{rev}~1", rev, "--", path)
    return [line[1:] for line in diff.splitlines() if line.startswith("+") and not line.startswith("+++")]


def message(repo: Path, rev: str = "HEAD") -> str:
    return git(repo, "log", "-1", "--format=%B", rev)


def check_signed_off(repo: Path, rng: str = "origin/main..HEAD") -> subprocess.CompletedProcess:
    return subprocess.run(["sh", "scripts/check-signed-off.sh", rng], cwd=repo, capture_output=True, text=True)


def publication_state(db, date: str):
    from svsm_meet.store.engine import make_engine, resolve_url, transaction
    from svsm_meet.store.publications import publication_state as state_of
    from svsm_meet.store.summary import find_meeting

    with transaction(make_engine(resolve_url(str(db))), write=False) as conn:
        return state_of(conn, find_meeting(conn, date).id)


# -- the commit ----------------------------------------------------------------------------------------


def test_publish_writes_the_export_the_index_line_and_a_signed_off_commit(cli, meetings, repo, db):
    meetings("October 23rd, 2024")
    before = git(repo, "rev-parse", "HEAD").strip()
    result = cli("publish", "2024-10-23", "--repo", repo)
    assert result.code == 0, result.err
    assert "committed" in result.out

    exported = cli("export", "markdown", "2024-10-23").out
    assert (repo / "Meetings" / "devel-call-2024-10-23.md").read_text() == exported
    assert git(repo, "rev-parse", "HEAD~1").strip() == before
    assert sorted(git(repo, "show", "--name-only", "--format=", "HEAD").split()) == [
        "Meetings/README.md", "Meetings/devel-call-2024-10-23.md"]
    # The one line, between the newer and the older meeting of the month.
    assert added_lines(repo, "HEAD") == ["* [October 23rd, 2024](devel-call-2024-10-23.md)"]
    index = (repo / "Meetings" / "README.md").read_text()
    assert ("* [October 30th, 2024](devel-call-2024-10-30.md)\n"
            "* [October 23rd, 2024](devel-call-2024-10-23.md)\n* [October 16th, 2024]") in index

    subject, blank, body, *rest = message(repo).rstrip("\n").split("\n")
    assert subject == "Add meeting minutes for SVSM Development Call on October 23rd, 2024"
    assert blank == "" and body.strip()
    assert rest[-1] == SIGNER
    assert git(repo, "log", "-1", "--format=%(trailers:key=Signed-off-by,valueonly)").strip() == \
        "Jane Doe <jane@example.org>"
    assert check_signed_off(repo).returncode == 0
    assert git(repo, "status", "--porcelain") == ""
    assert publication_state(db, "2024-10-23").state == "published"


def test_the_ci_check_the_tests_use_does_refuse_a_commit_without_body_or_sign_off(repo):
    (repo / "x.md").write_text("x\n")
    git(repo, "add", "x.md")
    git(repo, "commit", "-q", "-m", "Add x")
    checked = check_signed_off(repo)
    assert checked.returncode == 1
    assert "no body" in checked.stdout and "no Signed-off-by" in checked.stdout


def test_a_new_month_gets_its_heading_above_the_previous_month(cli, meetings, repo):
    meetings("November 6th, 2024")
    assert cli("publish", "2024-11-06", "--repo", repo).code == 0
    assert added_lines(repo, "HEAD") == [
        "### November 2024", "", "* [November 6th, 2024](devel-call-2024-11-06.md)", ""]
    index = (repo / "Meetings" / "README.md").read_text()
    assert index.startswith("# Meeting Minutes\n\n## SVSM Development Call\n\n### November 2024\n\n"
                            "* [November 6th, 2024](devel-call-2024-11-06.md)\n\n### October 2024\n")


def test_an_older_month_goes_below_the_newer_ones(cli, meetings, repo):
    meetings("July 31st, 2024")
    assert cli("publish", "2024-07-31", "--repo", repo).code == 0
    assert (repo / "Meetings" / "README.md").read_text().endswith(
        "* [August 28th, 2024](devel-call-2024-08-28.md)\n\n### July 2024\n\n"
        "* [July 31st, 2024](devel-call-2024-07-31.md)\n")


def test_two_meetings_are_two_commits_oldest_first(cli, meetings, repo):
    meetings("November 13th, 2024", "November 6th, 2024")
    result = cli("publish", "2024-11-13", "2024-11-06", "--repo", repo)
    assert result.code == 0, result.err
    subjects = git(repo, "log", "--format=%s", "origin/main..HEAD").splitlines()
    assert subjects == ["Add meeting minutes for SVSM Development Call on November 13th, 2024",
                        "Add meeting minutes for SVSM Development Call on November 6th, 2024"]
    assert added_lines(repo, "HEAD") == ["* [November 13th, 2024](devel-call-2024-11-13.md)"]
    assert git(repo, "show", "--name-only", "--format=", "HEAD~1").split() == [
        "Meetings/README.md", "Meetings/devel-call-2024-11-06.md"]
    assert check_signed_off(repo).returncode == 0


def test_publishing_the_same_meeting_again_does_nothing_and_says_so(cli, meetings, repo):
    meetings("October 23rd, 2024")
    assert cli("publish", "2024-10-23", "--repo", repo).code == 0
    before = state(repo)
    again = cli("publish", "2024-10-23", "--repo", repo)
    assert again.code == 0
    assert "already published" in again.out and "nothing to do" in again.out
    assert state(repo) == before


def test_a_changed_meeting_is_refused_and_update_commits_it(cli, meetings, repo, db):
    meetings("October 23rd, 2024")
    assert cli("publish", "2024-10-23", "--repo", repo).code == 0
    assert cli("note", "add", "2024-10-23", "Stefano Garzarella will review the series.").code == 0
    assert publication_state(db, "2024-10-23").state == "changed since"

    before = state(repo)
    refused = cli("publish", "2024-10-23", "--repo", repo)
    assert refused.code == 2
    assert "--update" in refused.err and len(refused.err.strip().splitlines()) == 1
    assert state(repo) == before

    result = cli("publish", "2024-10-23", "--repo", repo, "--update")
    assert result.code == 0, result.err
    assert message(repo).split("\n")[0] == "Update Meetings/devel-call-2024-10-23.md"
    published = repo / "Meetings" / "devel-call-2024-10-23.md"
    assert git(repo, "show", "--name-only", "--format=", "HEAD").split() == ["Meetings/devel-call-2024-10-23.md"]
    assert "Stefano Garzarella will review the series." in published.read_text()
    assert check_signed_off(repo).returncode == 0
    assert publication_state(db, "2024-10-23").state == "published"


def test_publication_state_is_never_before_a_publish(meetings, db):
    meetings("October 23rd, 2024")
    assert publication_state(db, "2024-10-23").state == "never"


def test_a_file_published_by_hand_is_recognised_and_recorded(cli, meetings, repo, db):
    meetings("October 23rd, 2024")
    cli("export", "markdown", "2024-10-23", "-o", repo / "Meetings" / "devel-call-2024-10-23.md")
    index = repo / "Meetings" / "README.md"
    index.write_text(index.read_text().replace(
        "* [October 16th", "* [October 23rd, 2024](devel-call-2024-10-23.md)\n* [October 16th"))
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "By hand\n\nBody.\n\n" + SIGNER)
    result = cli("publish", "2024-10-23", "--repo", repo)
    assert result.code == 0 and "already published" in result.out
    state_now = publication_state(db, "2024-10-23")
    assert state_now.state == "published" and state_now.commit == git(repo, "rev-parse", "HEAD").strip()


def test_a_meeting_named_twice_is_one_commit(cli, meetings, repo):
    meetings("November 6th, 2024")
    assert cli("publish", "2024-11-06", "latest", "--repo", repo).code == 0
    assert len(git(repo, "log", "--format=%s", "origin/main..HEAD").splitlines()) == 1


# -- refusals, and nothing half-done ------------------------------------------------------------


def test_a_dirty_tree_is_refused(cli, meetings, repo):
    meetings("October 23rd, 2024")
    (repo / "Meetings" / "devel-call-2024-10-16.md").write_text("edited\n")
    before = state(repo)
    result = cli("publish", "2024-10-23", "--repo", repo)
    assert result.code == 2 and "uncommitted changes" in result.err
    assert "(Meetings/devel-call-2024-10-16.md)" in result.err  # the path whole, first letter too
    assert "Traceback" not in result.err and len(result.err.strip().splitlines()) == 1
    assert state(repo) == before


def test_a_repo_in_the_middle_of_a_merge_is_refused(cli, meetings, repo):
    meetings("October 23rd, 2024")
    readme = repo / "Meetings" / "README.md"
    git(repo, "switch", "-q", "-c", "other")
    readme.write_text(readme.read_text() + "other\n")
    git(repo, "commit", "-q", "-am", "other")
    git(repo, "switch", "-q", "main")
    readme.write_text(readme.read_text() + "mine\n")
    git(repo, "commit", "-q", "-am", "mine")
    git(repo, "merge", "-q", "other", check=False)  # a conflict: the merge waits
    git(repo, "checkout", "--ours", "Meetings/README.md")
    git(repo, "add", "Meetings/README.md")  # resolved, but not committed yet: still a merge
    result = cli("publish", "2024-10-23", "--repo", repo)
    assert result.code == 2 and "middle of a merge" in result.err


def test_a_path_outside_the_repo_is_refused(cli, meetings, repo, tmp_path, monkeypatch):
    meetings("October 23rd, 2024")
    config = tmp_path / "config.toml"
    config.write_text('[publish]\npath = "../elsewhere/devel-call-{date}.md"\n')
    monkeypatch.setenv("SVSM_MEET_CONFIG", str(config))
    before = state(repo)
    result = cli("publish", "2024-10-23", "--repo", repo)
    assert result.code == 2 and "outside the repo" in result.err
    assert state(repo) == before and not (tmp_path / "elsewhere").exists()


def test_a_link_out_of_the_repo_is_refused(cli, meetings, repo, tmp_path):
    meetings("October 23rd, 2024")
    (tmp_path / "outside").mkdir()
    os.rename(repo / "Meetings", tmp_path / "outside" / "Meetings")
    (repo / "Meetings").symlink_to(tmp_path / "outside" / "Meetings")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Meetings elsewhere")
    result = cli("publish", "2024-10-23", "--repo", repo)
    assert result.code == 2 and "outside the repo" in result.err


@pytest.mark.parametrize("link, to", [
    ("Meetings/README.md", "../.git/config"),  # the index, into the repo's own git folder
    ("Meetings/devel-call-2024-10-23.md", "../.git/hooks/post-commit"),  # a file not there yet
    ("Meetings/devel-call-2024-10-23.md", "devel-call-2024-10-16.md"),  # another file of the repo
])
def test_a_symlink_committed_at_the_path_or_index_is_refused(cli, meetings, repo, link, to):
    """A link someone merged into the governance repo must not make publish write through it: into
    .git (the checkout broken), or into another file (the commit would hold the unchanged link)."""
    meetings("October 23rd, 2024")
    (repo / link).unlink(missing_ok=True)
    (repo / link).symlink_to(to)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "A link\n\nIn.\n\n" + SIGNER)
    config = (repo / ".git" / "config").read_bytes()
    before = state(repo)
    result = cli("publish", "2024-10-23", "--repo", repo, "--update")
    assert result.code == 2, result.err
    assert "symbolic link" in result.err and len(result.err.strip().splitlines()) == 1
    assert (repo / ".git" / "config").read_bytes() == config
    assert not (repo / ".git" / "hooks" / "post-commit").exists()
    assert state(repo) == before


def test_a_file_there_with_other_content_is_refused(cli, meetings, repo):
    meetings("October 16th, 2024")  # the repo has a file of that date, with other minutes
    before = state(repo)
    result = cli("publish", "2024-10-16", "--repo", repo)
    assert result.code == 2
    assert "Meetings/devel-call-2024-10-16.md exists with other content" in result.err
    assert state(repo) == before


def test_a_folder_where_the_file_goes_is_refused_and_nothing_is_undone(cli, meetings, repo):
    """Refused before anything is written, in words; not "undoing it failed too" over a checkout
    that nothing changed."""
    meetings("October 23rd, 2024")
    (repo / "Meetings" / "devel-call-2024-10-23.md").mkdir()
    (repo / "Meetings" / "devel-call-2024-10-23.md" / "notes.txt").write_text("mine\n")
    before = state(repo)
    result = cli("publish", "2024-10-23", "--repo", repo)
    assert result.code == 2, result.err
    assert "Meetings/devel-call-2024-10-23.md" in result.err and "not a file" in result.err
    assert "undoing" not in result.err and len(result.err.strip().splitlines()) == 1
    assert state(repo) == before


def test_control_characters_never_go_into_a_commit_message(cli, repo, tmp_path):
    """A series named by imported minutes (a pull request) with ESC ] 0 ; … BEL: `git log` would
    print it raw to the maintainer's terminal (issue 10); refused, nothing committed."""
    evil = tmp_path / "evil.md"
    evil.write_text(minutes("October 23rd, 2024").replace("SVSM Development Call",
                                                          "SVSM\x1b]0;PWNED\x07 Call"))
    assert cli("import", evil).code == 0
    before = state(repo)
    result = cli("publish", "2024-10-23", "--repo", repo)
    assert result.code == 2 and "control character" in result.err, result.err
    assert "\x1b" not in result.err and state(repo) == before
    ok = tmp_path / "ok.md"
    ok.write_text(minutes("November 6th, 2024"))
    assert cli("import", ok).code == 0
    result = cli("publish", "2024-11-06", "--repo", repo, "--message-body", "Taken\x1b[2J live.")
    assert result.code == 2 and "control character" in result.err, result.err
    assert state(repo) == before


def test_not_a_checkout_no_identity_and_no_repo_are_one_line_errors(cli, meetings, repo, tmp_path):
    meetings("October 23rd, 2024")
    assert cli("publish", "2024-10-23").err.count("\n") == 1
    assert cli("publish", "2024-10-23").code == 2
    plain = tmp_path / "plain"
    plain.mkdir()
    result = cli("publish", "2024-10-23", "--repo", plain)
    assert result.code == 2 and "not a git checkout" in result.err
    result = cli("publish", "2024-10-23", "--repo", "~no-such-user-here/governance")
    assert result.code == 2 and "home folder" in result.err
    git(repo, "config", "--unset", "user.email")
    result = cli("publish", "2024-10-23", "--repo", repo)
    assert result.code == 2 and "user.email" in result.err


def _hook(repo: Path, name: str, script: str) -> None:
    hook = repo / ".git" / "hooks" / name
    hook.write_text("#!/bin/sh\n" + script)
    hook.chmod(0o755)


def test_a_failing_commit_leaves_the_checkout_as_it_was(cli, meetings, repo, db):
    meetings("November 6th, 2024")
    _hook(repo, "pre-commit", "echo 'pre-commit: refused by the hook' >&2\nexit 1\n")
    before = state(repo)
    result = cli("publish", "2024-11-06", "--repo", repo, "--branch", "minutes-2024-11-06")
    assert result.code == 1
    assert "refused by the hook" in result.err and "Traceback" not in result.err
    assert state(repo) == before  # no file, index as it was, no commit, no branch
    assert publication_state(db, "2024-11-06").state == "never"


def test_a_failure_at_the_second_meeting_undoes_the_first_too(cli, meetings, repo, db):
    meetings("November 6th, 2024", "November 13th, 2024")
    _hook(repo, "commit-msg", "if grep -q 'November 13th' \"$1\"; then echo 'commit-msg: no' >&2; exit 1; fi\n")
    before = state(repo)
    result = cli("publish", "2024-11-06", "2024-11-13", "--repo", repo)
    assert result.code == 1 and "commit-msg: no" in result.err
    assert state(repo) == before
    assert publication_state(db, "2024-11-06").state == "never"


def test_an_existing_topic_branch_is_reused_and_reset_on_failure(cli, meetings, repo):
    meetings("November 6th, 2024", "November 13th, 2024")
    assert cli("publish", "2024-11-06", "--repo", repo, "--branch", "minutes").code == 0
    git(repo, "switch", "-q", "main")
    tip = git(repo, "rev-parse", "minutes").strip()
    _hook(repo, "pre-commit", "exit 1\n")
    before = state(repo)
    assert cli("publish", "2024-11-13", "--repo", repo, "--branch", "minutes").code == 1
    assert state(repo) == before and git(repo, "rev-parse", "minutes").strip() == tip
    (repo / ".git" / "hooks" / "pre-commit").unlink()
    assert cli("publish", "2024-11-13", "--repo", repo, "--branch", "minutes").code == 0
    assert git(repo, "log", "--format=%s", "main..minutes").splitlines() == [
        "Add meeting minutes for SVSM Development Call on November 13th, 2024",
        "Add meeting minutes for SVSM Development Call on November 6th, 2024"]
    assert git(repo, "branch", "--show-current").strip() == "minutes"
    assert "* [November 13th, 2024](devel-call-2024-11-13.md)\n* [November 6th, 2024]" in \
        (repo / "Meetings" / "README.md").read_text()


def test_a_meeting_already_on_the_topic_branch_is_recorded_with_that_branch_commit(
        cli, meetings, repo, tmp_path):
    """Published on the topic branch from one database; from another, with main checked out, it
    is "already published" there, and recorded with the branch's commit, not HEAD's (none)."""
    meetings("November 6th, 2024")
    assert cli("publish", "2024-11-06", "--repo", repo, "--branch", "minutes").code == 0
    commit = git(repo, "rev-parse", "minutes").strip()
    git(repo, "switch", "-q", "main")
    other = tmp_path / "other.db"
    (tmp_path / "again.md").write_text(minutes("November 6th, 2024"))
    assert cli("import", tmp_path / "again.md", database=other).code == 0
    before = state(repo)
    result = cli("publish", "2024-11-06", "--repo", repo, "--branch", "minutes", database=other)
    assert result.code == 0, result.err
    assert "already published" in result.out and f"(commit {commit[:12]})" in result.out
    assert state(repo) == before
    found = publication_state(other, "2024-11-06")
    assert (found.state, found.commit) == ("published", commit)


@pytest.mark.parametrize("pattern", ["Meetings/{series.__class__}-{date}.md",
                                     "Meetings/{id:>300000000}.md", "Meetings/{date!r}.md"])
def test_a_path_setting_takes_the_three_fields_only(cli, meetings, repo, tmp_path, monkeypatch,
                                                     pattern):
    """As --name-pattern (issue 10): no attribute of a field, no padding without limit."""
    meetings("October 23rd, 2024")
    config = tmp_path / "config.toml"
    config.write_text(f'[publish]\npath = "{pattern}"\n')
    monkeypatch.setenv("SVSM_MEET_CONFIG", str(config))
    before = state(repo)
    result = cli("publish", "2024-10-23", "--repo", repo)
    assert result.code == 2 and "is not a field" in result.err, result.err
    assert len(result.err.strip().splitlines()) == 1 and state(repo) == before


def test_a_checkout_that_moved_between_preview_and_publish_is_refused(meetings, repo, db):
    """The app shows the commit first; if the checkout changes before the user says yes, the
    prepared commit is stale and is not made."""
    from svsm_meet.config import Config
    from svsm_meet.errors import BadInput
    from svsm_meet.service import Service

    meetings("November 6th, 2024")
    service = Service(f"sqlite:///{db}", Config(publish={"repo": str(repo)}))
    prepared = service.prepare_publish(service.find("2024-11-06").id)
    (repo / "other.md").write_text("x\n")
    git(repo, "add", "other.md")
    git(repo, "commit", "-q", "-m", "Other\n\nBody.\n\n" + SIGNER)
    before = state(repo)
    with pytest.raises(BadInput, match="changed since"):
        service.publish(prepared)
    assert state(repo) == before


def test_a_file_made_at_the_path_while_the_diff_was_shown_is_not_overwritten(meetings, repo, db):
    from svsm_meet.config import Config
    from svsm_meet.errors import BadInput
    from svsm_meet.service import Service

    meetings("November 6th, 2024")
    service = Service(f"sqlite:///{db}", Config(publish={"repo": str(repo)}))
    prepared = service.prepare_publish(service.find("2024-11-06").id)
    (repo / "Meetings" / "devel-call-2024-11-06.md").write_text("Someone's own draft.\n")
    before = state(repo)
    with pytest.raises(BadInput, match="changed since"):
        service.publish(prepared)
    assert state(repo) == before
    assert (repo / "Meetings" / "devel-call-2024-11-06.md").read_text() == "Someone's own draft.\n"


# -- dry run, push, pull request ------------------------------------------------------------------


def test_dry_run_shows_the_diff_and_message_and_changes_nothing(cli, meetings, repo, db):
    meetings("November 6th, 2024")
    before = state(repo)
    result = cli("publish", "2024-11-06", "--repo", repo, "--branch", "minutes", "--dry-run")
    assert result.code == 0, result.err
    assert "Add meeting minutes for SVSM Development Call on November 6th, 2024" in result.out
    assert SIGNER in result.out
    assert "+* [November 6th, 2024](devel-call-2024-11-06.md)" in result.out
    assert "+++ b/Meetings/devel-call-2024-11-06.md" in result.out
    assert "+# Meeting Minutes: SVSM Development Call (November 6th, 2024)" in result.out
    assert state(repo) == before
    assert publication_state(db, "2024-11-06").state == "never"


def test_dry_run_says_what_the_run_will_push(cli, meetings, repo):
    """A meeting published already, a new topic branch: the run makes no branch and pushes
    nothing, so the dry run must not say it would push."""
    meetings("November 6th, 2024")
    assert cli("publish", "2024-11-06", "--repo", repo).code == 0
    dry = cli("publish", "2024-11-06", "--repo", repo, "--branch", "new", "--push", "--dry-run")
    real = cli("publish", "2024-11-06", "--repo", repo, "--branch", "new", "--push")
    assert dry.code == real.code == 0, dry.err + real.err
    assert "nothing to push" in real.out
    assert "would push" not in dry.out and "nothing to push" in dry.out


def test_push_to_the_fork_and_the_pull_request_url(cli, meetings, repo, origin):
    meetings("November 6th, 2024")
    # The fork is on GitHub as far as anyone can see; pushes go to the local bare repo.
    git(repo, "remote", "set-url", "origin", "git@github.com:jane/governance.git")
    git(repo, "remote", "set-url", "--push", "origin", str(origin))
    result = cli("publish", "2024-11-06", "--repo", repo, "--branch", "minutes-2024-11-06", "--push")
    assert result.code == 0, result.err
    assert git(origin, "rev-parse", "minutes-2024-11-06") == git(repo, "rev-parse", "HEAD")
    assert "https://github.com/jane/governance/pull/new/minutes-2024-11-06" in result.out
    assert git(repo, "config", "branch.minutes-2024-11-06.remote").strip() == "origin"


def test_push_to_a_remote_not_on_github_says_there_is_no_url(cli, meetings, repo, origin):
    meetings("November 6th, 2024")
    result = cli("publish", "2024-11-06", "--repo", repo, "--branch", "m", "--push", "origin")
    assert result.code == 0, result.err
    assert git(origin, "rev-parse", "m") == git(repo, "rev-parse", "HEAD")
    assert "not on GitHub" in result.out


def test_a_failed_push_undoes_the_commits(cli, meetings, repo, tmp_path, db):
    meetings("November 6th, 2024")
    git(repo, "remote", "add", "gone", str(tmp_path / "no-such-repo.git"))
    before = state(repo)
    result = cli("publish", "2024-11-06", "--repo", repo, "--branch", "m", "--push", "gone")
    assert result.code == 1 and "git push failed" in result.err
    assert state(repo) == before
    assert publication_state(db, "2024-11-06").state == "never"


def test_push_to_an_unknown_remote_is_refused_before_anything(cli, meetings, repo):
    meetings("November 6th, 2024")
    before = state(repo)
    result = cli("publish", "2024-11-06", "--repo", repo, "--push", "nowhere")
    assert result.code == 2 and "no such remote" in result.err
    assert state(repo) == before


def test_pr_opens_the_pull_request_with_gh(cli, meetings, repo, tmp_path, monkeypatch):
    meetings("November 6th, 2024")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    calls = tmp_path / "gh-calls"
    gh = bin_dir / "gh"
    gh.write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" > {calls}\n'
                  'echo https://github.com/coconut-svsm/governance/pull/999\n')
    gh.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    result = cli("publish", "2024-11-06", "--repo", repo, "--branch", "m", "--pr")
    assert result.code == 0, result.err
    assert "https://github.com/coconut-svsm/governance/pull/999" in result.out
    args = calls.read_text().splitlines()
    assert args[:4] == ["pr", "create", "--head", "m"]
    assert "Add meeting minutes for SVSM Development Call on November 6th, 2024" in args


def test_pr_without_gh_is_refused_before_anything(cli, meetings, repo, monkeypatch):
    meetings("November 6th, 2024")
    monkeypatch.setenv("PATH", str(Path(subprocess.run(["sh", "-c", "command -v git"], capture_output=True,
                                                        text=True).stdout.strip()).parent))
    before = state(repo)
    result = cli("publish", "2024-11-06", "--repo", repo, "--branch", "m", "--pr")
    assert result.code == 2 and "gh" in result.err
    assert state(repo) == before


@pytest.mark.parametrize("url", [
    "https://github.com/jane/governance.git", "https://github.com/jane/governance",
    "git@github.com:jane/governance.git", "ssh://git@github.com/jane/governance.git",
])
def test_pull_request_url_from_github_remotes(url):
    from svsm_meet.publish.remote import pull_request_url

    assert pull_request_url(url, "minutes-2024-11-06") == \
        "https://github.com/jane/governance/pull/new/minutes-2024-11-06"


def test_no_pull_request_url_for_other_hosts():
    from svsm_meet.publish.remote import pull_request_url

    assert pull_request_url("https://gitlab.com/jane/governance.git", "m") is None
    assert pull_request_url("/srv/git/governance.git", "m") is None


# -- configuration ---------------------------------------------------------------------------------------


def test_config_gives_the_repo_a_series_path_and_the_body(cli, meetings, repo, tmp_path, monkeypatch):
    meetings("November 6th, 2024")
    config = tmp_path / "config.toml"
    config.write_text(textwrap.dedent(f"""\
        [publish]
        repo = "{repo}"
        body = "Taken by Jane in the call."

        [publish.series."SVSM Development Call"]
        path = "Meetings/svsm/{{date}}.md"
        """))
    monkeypatch.setenv("SVSM_MEET_CONFIG", str(config))
    assert cli("publish", "2024-11-06").code == 0
    assert (repo / "Meetings" / "svsm" / "2024-11-06.md").exists()
    assert "* [November 6th, 2024](svsm/2024-11-06.md)" in added_lines(repo, "HEAD")
    assert message(repo).split("\n")[2] == "Taken by Jane in the call."
    assert cli("publish", "2024-11-06", "--message-body", " ").code == 2


# -- the index's own shapes ------------------------------------------------------------------------------


def test_index_flat_and_oldest_first_keeps_its_order():
    import datetime as dt

    from svsm_meet.publish.index import add_entry

    flat = "## SVSM Development Call\n\n- [2024-09-04](a-2024-09-04.md)\n- [2024-09-25](a-2024-09-25.md)\n"
    assert add_entry(flat, "SVSM Development Call", dt.date(2024, 9, 11), "a-2024-09-11.md") == (
        "## SVSM Development Call\n\n- [2024-09-04](a-2024-09-04.md)\n- [2024-09-11](a-2024-09-11.md)\n"
        "- [2024-09-25](a-2024-09-25.md)\n")


def test_index_without_the_series_gets_a_section_and_an_absent_index_is_made():
    import datetime as dt

    from svsm_meet.publish.index import add_entry

    other = "# Meeting Minutes\n\n## TSC\n\n* [x](tsc.md)\n"
    assert add_entry(other, "SVSM Development Call", dt.date(2024, 11, 6), "d.md") == (
        other + "\n## SVSM Development Call\n\n### November 2024\n\n* [November 6th, 2024](d.md)\n")
    made = add_entry("", "SVSM Development Call", dt.date(2024, 11, 6), "d.md")
    assert made.startswith("# Meeting Minutes\n")


def test_an_index_with_crlf_lines_gets_its_line_in_its_section_with_crlf():
    """Not a second section of the same name appended at the end (a heading read with its CR)."""
    import datetime as dt

    from svsm_meet.publish.index import add_entry

    lf = ("# Meeting Minutes\n\n## SVSM Development Call\n\n### November 2024\n\n"
          "* [November 27th, 2024](devel-call-2024-11-27.md)\n")
    crlf = lf.replace("\n", "\r\n")
    args = ("SVSM Development Call", dt.date(2024, 11, 28), "devel-call-2024-11-28.md")
    assert add_entry(crlf, *args) == add_entry(lf, *args).replace("\n", "\r\n")
    assert add_entry(crlf, *args).count("## SVSM Development Call") == 1


# -- the real repo's own history ----------------------------------------------------------------------


def _real_checkout(tmp_path: Path, index_before: Path) -> Path:
    """A checkout whose Meetings/README.md is the real index just before a minutes commit."""
    real = tmp_path / "real"
    (real / "Meetings").mkdir(parents=True)
    git(real, "init", "-q", "-b", "main")
    (real / "Meetings" / "README.md").write_bytes(index_before.read_bytes())
    git(real, "add", ".")
    git(real, "commit", "-q", "-m", "The index as it was\n\nBefore.\n\n" + SIGNER)
    git(real, "config", "user.name", "Jane Doe")
    git(real, "config", "user.email", "jane@example.org")
    return real


@pytest.mark.skipif(not (CORPUS / "svsm" / "devel-call-2024-10-02.md").exists(),
                    reason="../shared/corpus is not beside this checkout (CI puts it there)")
def test_the_real_commit_of_october_2nd_2024_is_reproduced(cli, tmp_path):
    """coconut-svsm/governance a002087: the minutes of October 2nd, 2024 and their line at the top
    of the flat index of 2024 (tests/fixtures/governance/SOURCES.md)."""
    source = CORPUS / "svsm" / "devel-call-2024-10-02.md"
    real = _real_checkout(tmp_path, GOVERNANCE / "README-e8931d3.md")
    assert cli("import", source).code == 0
    result = cli("publish", "2024-10-02", "--repo", real)
    assert result.code == 0, result.err
    assert (real / "Meetings" / "devel-call-2024-10-02.md").read_bytes() == source.read_bytes()
    assert (real / "Meetings" / "README.md").read_bytes() == (GOVERNANCE / "README-a002087.md").read_bytes()
    assert added_lines(real, "HEAD") == ["* [October 2nd, 2024](devel-call-2024-10-02.md)"]
    assert message(real).split("\n")[0] == "Add meeting minutes for SVSM Development Call on October 2nd, 2024"


def test_the_real_commit_of_may_7th_2025_is_reproduced(cli, tmp_path):
    """coconut-svsm/governance b52d55a: the minutes of May 7th, 2025 under a new `### May 2025`
    heading above April's (tests/fixtures/governance/SOURCES.md)."""
    source = GOVERNANCE / "devel-call-2025-05-07.md"
    real = _real_checkout(tmp_path, GOVERNANCE / "README-0fe5291.md")
    assert cli("import", source).code == 0
    result = cli("publish", "2025-05-07", "--repo", real)
    assert result.code == 0, result.err
    assert (real / "Meetings" / "devel-call-2025-05-07.md").read_bytes() == source.read_bytes()
    assert (real / "Meetings" / "README.md").read_bytes() == (GOVERNANCE / "README-b52d55a.md").read_bytes()
    assert added_lines(real, "HEAD") == ["### May 2025", "", "* [May 7th, 2025](devel-call-2025-05-07.md)", ""]
    assert message(real).split("\n")[0] == "Add meeting minutes for SVSM Development Call on May 7th, 2025"


# -- in the app -------------------------------------------------------------------------------------------


def test_f2_in_the_app_shows_the_commit_and_publishes_on_confirmation(db, repo, tmp_path):
    """With [publish] repo set, F2 offers the file or the repo, showing the commit first."""
    import asyncio

    from svsm_meet.config import Config
    from svsm_meet.service import Service
    from svsm_meet.tui.app import SvsmMeetApp

    service = Service(f"sqlite:///{db}", Config(minutes_dir=tmp_path / "minutes", publish={"repo": str(repo)}))
    service.import_demo()  # the SVSM call of May 15th, 2024
    app = SvsmMeetApp(service, open_meeting=service.find("latest").id)
    before = git(repo, "rev-parse", "HEAD").strip()

    async def go():
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            await pilot.press("f2")
            await wait_for(lambda: type(app.screen).__name__ == "PublishScreen")
            shown = str(app.screen.preview)
            assert "Add meeting minutes for SVSM Development Call on May 15th, 2024" in shown
            assert "+* [May 15th, 2024](devel-call-2024-05-15.md)" in shown
            assert git(repo, "rev-parse", "HEAD").strip() == before  # shown, not done
            await pilot.press("p")
            await wait_for(lambda: publication_state(db, "2024-05-15").state == "published")
            await pilot.pause()

    asyncio.run(go())
    assert message(repo).split("\n")[0] == "Add meeting minutes for SVSM Development Call on May 15th, 2024"
    exported = service.markdown(service.find("latest").id)
    assert (repo / "Meetings" / "devel-call-2024-05-15.md").read_text() == exported
    assert check_signed_off(repo).returncode == 0
    assert not (tmp_path / "minutes").exists()


def test_a_wrong_publish_setting_in_the_config_is_one_line(cli, tmp_path, monkeypatch):
    config = tmp_path / "config.toml"
    config.write_text('[publish]\nrepository = "~/src/governance"\n')
    monkeypatch.setenv("SVSM_MEET_CONFIG", str(config))
    result = cli("publish", "latest")
    assert result.code == 2 and "[publish] repository" in result.err
    assert len(result.err.strip().splitlines()) == 1


def test_the_meetings_screen_marks_a_published_meeting_and_one_changed_since(cli, db, repo, tmp_path):
    """The list first, then a worker works out which meetings are published (their export is the
    file as committed) or changed since; never published ones show nothing."""
    import asyncio

    from svsm_meet.config import Config
    from svsm_meet.service import Service
    from svsm_meet.tui.app import SvsmMeetApp
    from svsm_meet.tui.screens.meetings import MeetingsScreen

    assert cli("demo").code == 0  # the SVSM call of May 15th, 2024
    assert cli("new", "--series", "SVSM Development Call", "--date", "2024-05-29").code == 0
    result = cli("publish", "2024-05-15", "--repo", repo)
    assert result.code == 0, result.err
    service = Service(f"sqlite:///{db}", Config(publish={"repo": str(repo)}))
    published = service.find("2024-05-15").id
    never = service.find("2024-05-29").id
    app = SvsmMeetApp(service)

    def marker(meeting_id: int) -> str:
        return str(app.screen.query_one("#meetings").get_cell(str(meeting_id), "published"))

    async def go():
        async with app.run_test(size=(120, 30)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, MeetingsScreen)
            await wait_for(lambda: marker(published) == "published")
            assert marker(never) == ""
            assert cli("note", "add", "2024-05-15", "One more bullet.").code == 0
            app.action_meetings()
            await wait_for(lambda: marker(published) == "changed")
            assert marker(never) == ""

    asyncio.run(go())


def test_meetings_on_the_command_line_shows_the_marker_only_when_asked(cli, repo):
    assert cli("demo").code == 0
    assert cli("new", "--series", "SVSM Development Call", "--date", "2024-05-29").code == 0
    assert cli("publish", "2024-05-15", "--repo", repo).code == 0
    plain = cli("meetings").out
    assert "published" not in plain and "changed" not in plain
    lines = cli("meetings", "--published").out.splitlines()
    assert "2024-05-15  published  SVSM Development Call" in next(l for l in lines if "2024-05-15" in l)
    assert "published" not in next(l for l in lines if "2024-05-29" in l)
    assert cli("note", "add", "2024-05-15", "One more bullet.").code == 0
    import json
    listed = {m["date"]: m["publication"] for m in json.loads(cli("meetings", "--published", "--json").out)}
    assert listed["2024-05-15"] == "changed since" and listed["2024-05-29"] == "never"
    assert "publication" not in cli("meetings", "--json").out


def test_a_bisect_and_a_detached_head_are_refused(cli, meetings, repo):
    meetings("October 23rd, 2024")
    before = state(repo)
    git(repo, "bisect", "start")
    result = cli("publish", "2024-10-23", "--repo", repo)
    assert result.code == 2 and "middle of a bisect" in result.err
    git(repo, "bisect", "reset")
    git(repo, "switch", "-q", "--detach")
    result = cli("publish", "2024-10-23", "--repo", repo)
    assert result.code == 2 and "HEAD is detached; give --branch" in result.err
    git(repo, "switch", "-q", "main")
    assert state(repo) == before
    assert cli("publish", "2024-10-23", "--repo", repo).code == 0  # on a branch, it goes


def test_the_body_says_whether_the_minutes_were_typed_live_or_imported(cli, meetings, repo):
    from svsm_meet.publish.message import IMPORTED_BODY, LIVE_BODY

    meetings("October 23rd, 2024")
    assert cli("new", "--date", "2024-11-06", "--series", "SVSM Development Call").code == 0
    assert cli("note", "add", "2024-11-06", "#topic Status").code == 0
    assert cli("note", "add", "2024-11-06", "Joerg Roedel reported on the release.").code == 0
    result = cli("publish", "2024-10-23", "2024-11-06", "--repo", repo)
    assert result.code == 0, result.err
    assert message(repo, "HEAD~1").split("\n")[2] == IMPORTED_BODY
    assert message(repo, "HEAD").split("\n")[2] == LIVE_BODY
    assert check_signed_off(repo).returncode == 0


def test_under_the_app_git_never_prompts_on_the_terminal(repo, tmp_path):
    """A remote that asks for a password: the command line lets git ask; the app's git is told
    there is no terminal, and fails at once with git's own reason, instead of writing a prompt
    over the screen and waiting for keys the app takes."""
    import http.server
    import threading

    from svsm_meet.errors import SvsmMeetError
    from svsm_meet.publish.repo import Repo

    class AsksForPassword(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(401)
            self.send_header("WWW-Authenticate", 'Basic realm="fork"')
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), AsksForPassword)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        git(repo, "remote", "add", "fork", f"http://127.0.0.1:{server.server_port}/fork.git")
        with pytest.raises(SvsmMeetError, match="terminal prompts disabled"):
            Repo.open(repo, prompts=False).push("fork", "main")
    finally:
        server.shutdown()


def test_update_never_replaces_another_series_meeting_of_the_same_date(cli, meetings, repo):
    meetings("November 6th, 2024")
    assert cli("new", "--date", "2024-11-06", "--series", "Another Call").code == 0
    assert cli("note", "add", "--series", "Another Call", "2024-11-06", "A word.").code == 0
    assert cli("publish", "2024-11-06", "--series", "SVSM Development Call", "--repo", repo).code == 0
    before = state(repo)
    refused = cli("publish", "2024-11-06", "--series", "Another Call", "--repo", repo)
    assert refused.code == 2 and "--update" in refused.err
    refused = cli("publish", "2024-11-06", "--series", "Another Call", "--repo", repo, "--update")
    assert refused.code == 2, refused.out
    assert "holds the minutes of SVSM Development Call of 2024-11-06" in refused.err
    assert '[publish.series."Another Call"]' in refused.err
    assert state(repo) == before
