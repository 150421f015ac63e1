"""`svsm-meet publish`: meetings' minutes committed into the governance repo, one signed-off
commit per meeting with its index line, optionally pushed for a pull request."""

from __future__ import annotations

from ..store.engine import transaction


def add_parser(sub) -> None:
    s = sub.add_parser(
        "publish", help="commit meetings' minutes into the governance repo, its index too, "
        "one signed-off commit each; --push for a pull request",
        description="MEETING... come first: --push takes an optional REMOTE after it.")
    s.add_argument("meetings", nargs="+", metavar="MEETING", help="ids, dates or 'latest'")
    s.add_argument("--series", metavar="S", help="the series, where two meet on one date")
    s.add_argument("--repo", metavar="PATH", help="the governance checkout (default: [publish] repo "
                   "in the config)")
    s.add_argument("--branch", metavar="NAME", help="commit on this topic branch (made where missing)")
    s.add_argument("--push", nargs="?", const="", default=None, metavar="REMOTE",
                   help="push the branch (default remote: the branch's, else origin) and print "
                   "where to open the pull request")
    s.add_argument("--pr", action="store_true", help="open the pull request with gh (implies --push)")
    s.add_argument("--message-body", metavar="TEXT", help="the commit message's body")
    s.add_argument("--update", action="store_true",
                   help="replace a published file whose content differs ('Update PATH' commit)")
    s.add_argument("--dry-run", action="store_true", help="show the diff and the messages; change nothing")


def _engine(args):
    from .commands import _engine  # one way to open (and upgrade) the database

    return _engine(args)


def _meeting_ids(engine, args) -> list[int]:
    from ..store.summary import find_meeting

    with transaction(engine, write=False) as conn:
        return [find_meeting(conn, s, args.series).id for s in args.meetings]


def cmd_publish(args) -> int:
    from ..config import load_config
    from ..publish.run import Request, describe, perform, prepare

    config = load_config()
    engine = _engine(args)
    request = Request(args.repo, _meeting_ids(engine, args), args.branch, args.push, args.pr,
                      args.message_body, args.update)
    prepared = prepare(engine, config.publish, request)
    if args.dry_run:
        print(describe(prepared), end="")
        print("dry run: nothing was changed")
        return 0
    outcome = perform(engine, prepared)
    repo = prepared.publication.repo
    for change in prepared.changes:
        if not change.files:
            commit = (prepared.publication.published_in(change.path) or "")[:12]
            print(f"already published: {change.path} is the meeting of {change.meeting.date} as "
                  f"exported (commit {commit}); nothing to do")
    for change, commit in outcome.done:
        print(f"committed {commit[:12]} {change.subject}")
    if outcome.done:
        print(f"on {prepared.publication.branch or 'the detached HEAD'} in {repo.root}")
    if prepared.push and not outcome.pushed:
        print("nothing to push")
    if outcome.pushed:
        remote, branch, url = outcome.pushed
        print(f"pushed {branch} to {remote} ({url})")
        if args.pr:
            print(f"opened the pull request: {outcome.pull_request}")
        elif outcome.pull_request:
            print(f"open the pull request: {outcome.pull_request}")
        else:
            print("open the pull request on the remote's site (it is not on GitHub, so no URL is known)")
    return 0
