"""A publish from start to end, for the command line and the app alike: `prepare` checks and plans
(changing nothing: a dry run stops there), `perform` commits, records, pushes and opens the pull
request."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from ..errors import BadInput, SvsmMeetError
from ..store.engine import transaction
from .plan import Change, Meeting, series_settings
from .publisher import Publication, check_ready, signer_of
from .repo import Repo


@dataclass
class Request:
    repo: str | None  # the checkout; None: [publish] repo of the config
    meetings: list[int]  # meeting ids
    branch: str | None = None
    push: str | None = None  # None: no push; "": the branch's remote; else that remote
    pr: bool = False
    body: str | None = None
    update: bool = False
    prompts: bool = True  # git may ask on the terminal: not under the app


@dataclass
class Prepared:
    request: Request
    publication: Publication
    changes: list[Change]
    push: tuple[str, str] | None  # (remote, branch)

    @property
    def todo(self) -> list[Change]:
        return [c for c in self.changes if c.files]

    @property
    def pushing(self) -> bool:
        """Whether the run pushes: a branch made for the run exists only with a commit on it."""
        return bool(self.push) and bool(self.todo or not self.publication.creating)


@dataclass
class Outcome:
    done: list[tuple[Change, str]] = field(default_factory=list)  # each change and its commit
    pushed: tuple[str, str, str] | None = None  # remote, branch, the remote's URL
    pull_request: str | None = None  # its URL: opened with gh, or the page that opens it


def load_meetings(engine, ids: list[int]) -> list[Meeting]:
    from ..formats.markdown_out import render
    from ..store.documents import load_documents
    from ..store.editing import typed_live

    with transaction(engine, write=False) as conn:
        docs = load_documents(conn, list(dict.fromkeys(ids)))
        live = typed_live(conn, [d.id for d in docs])
    # The very text `export markdown` writes: one renderer.
    return [Meeting(d.id, d.series, d.date, render(d), d.id in live) for d in docs]


def prepare(engine, settings: dict, request: Request) -> Prepared:
    """Every refusal, before anything changes; SETTINGS is the config's [publish]."""
    from .remote import check_gh

    where = request.repo or settings.get("repo")
    if not where:
        raise BadInput("publish: give the governance checkout with --repo PATH "
                       "(or set repo under [publish] in the config)")
    if request.body is not None and not request.body.strip():
        raise BadInput("--message-body: the body must not be empty (the repo's CI refuses that)")
    repo = Repo.open(where, request.prompts)
    check_ready(repo)
    signer = signer_of(repo)
    publication = Publication(repo, request.branch)
    wants_push = request.push is not None or request.pr
    push = publication.push_target(request.push or None) if wants_push else None
    if request.pr:
        check_gh()
    changes = publication.plan(load_meetings(engine, request.meetings),
                               lambda m: series_settings(settings, m.series, request.body), signer,
                               request.update)
    _refuse_another_meetings_file(engine, str(repo.root), changes)
    return Prepared(request, publication, changes, push)


def _refuse_another_meetings_file(engine, root: str, changes: list[Change]) -> None:
    """--update replaces a file; never one that holds another series' meeting of that date."""
    from ..store.publications import published_there_instead

    with transaction(engine, write=False) as conn:
        for change in changes:
            if change.path in change.files and change.files[change.path][0] is not None:
                other = published_there_instead(conn, change.meeting.id, root, change.path)
                if other:
                    raise BadInput(f"{change.path} holds the minutes of {other}; set a path per "
                                   f"series under [publish.series.\"{change.meeting.series}\"]")


def describe(prepared: Prepared) -> str:
    """What a publish would do: each commit's message and diff (a dry run's output, and what the
    app shows before asking)."""
    publication, todo, out = prepared.publication, prepared.todo, []
    where = publication.branch or f"the detached HEAD {publication.start_head[:12]}"
    made = " (made from the current HEAD)" if publication.creating else ""
    if todo:
        out.append(f"would make {len(todo)} commit{'s' if len(todo) != 1 else ''} on {where}{made} "
                   f"in {publication.repo.root}\n")
    for n, change in enumerate(todo, 1):
        out.append(f"\n--- commit {n} of {len(todo)} ---\n{change.message}\n{change.diff()}")
    for change in prepared.changes:
        if not change.files:
            out.append(f"already published: {change.path} is the meeting of {change.meeting.date} "
                       "as exported\n")
    if prepared.pushing:
        out.append(f"\nwould push {prepared.push[1]} to {prepared.push[0]}\n")
    elif prepared.push:
        out.append("\nnothing to push\n")
    return "".join(out)


def perform(engine, prepared: Prepared, progress: Callable[[str], None] = lambda _: None) -> Outcome:
    """Commit, record and push: all of it, or the checkout and the database as they were.  The
    pull request comes after, for a push cannot be taken back."""
    from ..store.publications import PUBLISHED, publication_state, record_publication

    publication, outcome = prepared.publication, Outcome()
    repo, root = publication.repo, str(publication.repo.root)
    # The app asks before it publishes: the checkout may have moved on meanwhile.
    check_ready(repo)
    if (repo.head(), repo.branch()) != (publication.start_head, publication.start_branch) or \
            _files_moved(prepared):
        raise BadInput(f"{root} changed since the commit was prepared; prepare it again")
    with publication.all_or_nothing():
        for change in prepared.todo:
            progress(f"committing {change.path}")
            outcome.done.append((change, publication.commit(change)))
        with transaction(engine) as conn:
            for change, commit in outcome.done:
                record_publication(conn, change.meeting.id, root, change.path, commit,
                                   change.meeting.markdown)
            for change in prepared.changes:
                # Published before (by hand, or from another database): remember where it is.
                if not change.files and publication_state(
                        conn, change.meeting.id, change.meeting.markdown).state != PUBLISHED:
                    record_publication(conn, change.meeting.id, root, change.path,
                                       publication.published_in(change.path),
                                       change.meeting.markdown)
            # Inside the transaction: a push that fails leaves nothing recorded and nothing committed.
            if prepared.pushing:
                progress(f"pushing {prepared.push[1]} to {prepared.push[0]}")
                repo.push(*prepared.push)
                outcome.pushed = (*prepared.push, repo.remote_url(prepared.push[0]))
    if outcome.pushed:
        outcome.pull_request = _pull_request(prepared, outcome)
    return outcome


def _files_moved(prepared: Prepared) -> bool:
    """Whether a file the commits write is no longer what the plan found (an untracked file
    made at the path while the app showed the diff): it would be overwritten unseen."""
    first: dict[str, str | None] = {}
    for change in prepared.todo:
        for path, (old, _) in change.files.items():
            first.setdefault(path, old)
    return any(prepared.publication.read(path) != old for path, old in first.items())


def _pull_request(prepared: Prepared, outcome: Outcome) -> str | None:
    from .remote import create_pull_request, pull_request_url

    _, branch, url = outcome.pushed
    if not prepared.request.pr:
        return pull_request_url(url, branch)
    changes = [c for c, _ in outcome.done]
    title = pr_title(changes) or f"Meeting minutes on {branch}"
    body = "\n".join(f"* {c.subject}" for c in changes) or title
    try:
        return create_pull_request(prepared.publication.repo.root, branch, title, body)
    except SvsmMeetError as e:
        # The commits stay: they are pushed, and a push is not taken back.
        raise SvsmMeetError(f"{e} ({branch} is pushed to {outcome.pushed[0]}; "
                            "open the pull request by hand)") from None


def pr_title(changes: list[Change]) -> str:
    if len(changes) <= 1:
        return changes[0].subject if changes else ""
    from ..formats.titles import long_date

    series = {c.meeting.series for c in changes}
    if len(series) == 1 and all(c.kind == "add" for c in changes):
        dates = [long_date(c.meeting.date) for c in changes]
        return f"Add meeting minutes for {series.pop()} on {', '.join(dates[:-1])} and {dates[-1]}"
    return "; ".join(c.subject for c in changes)
