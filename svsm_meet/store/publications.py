"""What was published where: a row per commit `svsm-meet publish` made (or found) for a meeting,
and whether the meeting's export is still what that commit holds."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from sqlalchemy import insert, select

from . import schema as t
from .people import utcnow

PUBLISHED, CHANGED, NEVER = "published", "changed since", "never"


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class PublicationState:
    state: str  # PUBLISHED, CHANGED or NEVER
    repo: str | None = None
    path: str | None = None
    commit: str | None = None
    published_at: dt.datetime | None = None


def _series_and_date(conn, meeting_id: int):
    m = t.meeting.c
    return conn.execute(select(m.series_id, m.date).where(m.id == meeting_id)).one()


def record_publication(conn, meeting_id: int, repo: str, path: str, commit: str, text: str) -> None:
    """MEETING's minutes, TEXT, are at PATH in REPO as of COMMIT."""
    series_id, date = _series_and_date(conn, meeting_id)
    conn.execute(insert(t.publication).values(
        series_id=series_id, date=date, repo=repo, path=path, commit_id=commit,
        content_hash=content_hash(text), published_at=utcnow()))


def published_there_instead(conn, meeting_id: int, repo: str, path: str) -> str | None:
    """Another meeting last published at PATH in REPO ("SERIES of DATE"), where MEETING's own
    file would replace it: two series whose path patterns meet on one date."""
    series_id, date = _series_and_date(conn, meeting_id)
    p, s = t.publication.c, t.series.c
    row = conn.execute(select(p.series_id, p.date, s.name).join(t.series, s.id == p.series_id)
                       .where(p.repo == repo, p.path == path)
                       .order_by(p.published_at.desc(), p.id.desc()).limit(1)).first()
    if row is None or (row.series_id, row.date) == (series_id, date):
        return None
    return f"{row.name} of {row.date}"


def last_publication(conn, meeting_id: int):
    """The newest row for MEETING (None where it was never published)."""
    series_id, date = _series_and_date(conn, meeting_id)
    p = t.publication.c
    return conn.execute(select(t.publication).where(p.series_id == series_id, p.date == date)
                        .order_by(p.published_at.desc(), p.id.desc()).limit(1)).first()


def publication_state(conn, meeting_id: int, markdown: str | None = None) -> PublicationState:
    """Published (its export is the file as last committed), changed since, or never.  MARKDOWN
    is the export where the caller has it already; else it is rendered here."""
    row = last_publication(conn, meeting_id)
    if row is None:
        return PublicationState(NEVER)
    if markdown is None:
        from ..formats.markdown_out import render
        from .documents import load_documents

        (doc,) = load_documents(conn, [meeting_id])
        markdown = render(doc)
    state = PUBLISHED if content_hash(markdown) == row.content_hash else CHANGED
    return PublicationState(state, row.repo, row.path, row.commit_id, row.published_at)


def publication_states(conn) -> dict[int, str]:
    """{meeting id: PUBLISHED or CHANGED} for every meeting with a publication row (one query for
    the rows; each such meeting's export is rendered to compare); meetings never published are
    left out."""
    from ..formats.markdown_out import render
    from .documents import load_documents

    m, p = t.meeting.c, t.publication.c
    newest: dict[int, str] = {}
    for meeting_id, digest in conn.execute(
            select(m.id, p.content_hash)
            .join(t.publication, (p.series_id == m.series_id) & (p.date == m.date))
            .order_by(p.published_at, p.id)):
        newest[meeting_id] = digest  # the last row of a meeting is its newest publication
    return {doc.id: PUBLISHED if content_hash(render(doc)) == newest[doc.id] else CHANGED
            for doc in load_documents(conn, list(newest))}
