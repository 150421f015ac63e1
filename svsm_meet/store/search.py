"""Full-text search over every meeting: bullets, topics, follow-ups, attendees.

    restricted injection person:Stefano kind:decision since:2024-06-01 series:"SVSM Development Call"

FTS5 (bm25, snippet) on SQLite; the built-in text search (ts_rank, ts_headline) on PostgreSQL.
The index itself is kept by triggers (migration 0004), so it is current in every transaction.
"""

from __future__ import annotations

import datetime as dt
import re
import shlex
from dataclasses import asdict, dataclass

from sqlalchemy import text as sql

from ..errors import BadInput
from ..model import KINDS

SEARCH_KINDS = (*KINDS, "topic", "followup", "attendee")
_TABLES = {1: "item", 2: "section", 3: "followup", 4: "attendee"}
_FILTER_RE = re.compile(r"^(person|kind|since|until|series):(.*)$", re.I)
MARK = "**"  # matched words in snippets, as Markdown bold


@dataclass
class Query:
    terms: list[str]
    person: str | None = None
    kind: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    series: str | None = None


@dataclass
class Hit:
    meeting: int | None
    date: str | None
    series: str | None
    title: str | None
    kind: str
    snippet: str
    ref: str  # "item:12", "section:3", "followup:7", "attendee:40"
    score: float

    def to_dict(self) -> dict:
        return asdict(self)


def _words(text: str | list[str]) -> list[str]:
    if isinstance(text, list):  # already split, as the shell does; '"a phrase"' is a phrase
        return [w[1:-1] if len(w) > 1 and w[0] == w[-1] == '"' else w for w in text]
    try:
        return shlex.split(text)
    except ValueError:  # an unbalanced quote: take the words as they are
        return text.split()


def parse_query(text: str | list[str]) -> Query:
    from ..dates import parse_date

    words = _words(text)
    query = Query(terms=[])
    for word in words:
        m = _FILTER_RE.match(word)
        if not m or not m[2]:
            query.terms.append(word)
            continue
        name, value = m[1].lower(), m[2]
        if name == "kind":
            if value.lower() not in SEARCH_KINDS:
                raise BadInput(f"kind:{value}: not a kind; try one of {', '.join(SEARCH_KINDS)}")
            query.kind = value.lower()
        elif name in ("since", "until"):
            setattr(query, name, parse_date(value))
        else:
            setattr(query, name, value)
    if all(term in _OPERATORS for term in query.terms):
        query.terms = []
    if not (query.terms or query.person or query.kind or query.series or query.since or query.until):
        raise BadInput("search for something: words, \"a phrase\", person:, kind:, since:, series:")
    return query


def _person_names(conn, person: str) -> list[str]:
    """The names a person goes by, for person: (the name as given if nobody is known by it)."""
    from .people import name_matcher

    known = name_matcher(conn).match(person).person
    if known is None:
        return [person]
    return list(dict.fromkeys([known.name, *known.aliases, known.name.split()[0]]))


_OPERATORS = ("OR", "AND", "NOT")


def _fts_match(terms: list[str]) -> str:
    """Words and phrases, all of them; OR, AND and NOT between two terms act as such."""
    out: list[str] = []
    for term in terms:
        if term in _OPERATORS:
            if out and out[-1] not in _OPERATORS:
                out.append(term)
            continue
        out.append(_fts_phrase(term))
    while out and out[-1] in _OPERATORS:
        out.pop()
    return " ".join(out)


def _fts_phrase(term: str) -> str:
    prefix = term.endswith("*")
    term = term.rstrip("*")
    return '"' + term.replace('"', '""') + '"' + ("*" if prefix else "")


def _filters(conn, query: Query, params: dict) -> list[str]:
    where = []
    if query.kind:
        where.append("d.kind = :kind")
        params["kind"] = query.kind
    if query.since:
        where.append("m.date >= :since")
        params["since"] = query.since
    if query.until:
        where.append("m.date <= :until")
        params["until"] = query.until
    if query.series:
        from .series import series_id_for

        where.append("m.series_id = :series")
        params["series"] = series_id_for(conn, query.series) or -1
    return where


_JOINS = """
LEFT JOIN meeting m ON m.id = d.meeting_id
LEFT JOIN series s ON s.id = m.series_id
LEFT JOIN section title ON title.meeting_id = m.id AND title.kind = 'title'
"""


def _sqlite(conn, query: Query, limit: int):
    params: dict = {"limit": limit}
    match = _fts_match(query.terms)
    if query.person:
        names = " OR ".join(_fts_phrase(n) for n in _person_names(conn, query.person))
        match = f"({match}) AND ({names})" if match else f"({names})"
    where = _filters(conn, query, params)
    if match:
        params["match"] = match
        snippet = f"snippet(search_fts, 0, '{MARK}', '{MARK}', '…', 16)"
        if not (query.since or query.until or query.series):
            # Rank and cut in the index alone, then join only the hits that are kept.
            inner = "search_fts MATCH :match" + (" AND kind = :kind" if query.kind else "")
            statement = f"""
                SELECT d.doc, d.kind, m.id AS meeting, m.date, s.name AS series,
                       title.text AS title, d.snippet, d.rank
                FROM (SELECT rowid AS doc, kind, meeting_id, {snippet} AS snippet,
                             bm25(search_fts) AS rank
                      FROM search_fts WHERE {inner} ORDER BY rank LIMIT :limit) d {_JOINS}
                ORDER BY d.rank"""
            # Straight to the driver: this is the hot path, and SQLAlchemy's text() adds ~0.1 ms.
            rows = conn.exec_driver_sql(statement, params).all()
            return [(r.doc, r.kind, r.meeting, r.date, r.series, r.title, r.snippet, -r.rank)
                    for r in rows]
        where.insert(0, "search_fts MATCH :match")
        rank, order = "bm25(search_fts)", "rank"
    else:
        rank, snippet, order = "0.0", "substr(d.body, 1, 160)", "m.date DESC, d.rowid"
    return _joined(conn, "search_fts", "rowid", snippet, rank, where, order, params, -1)


def _joined(conn, table, key, snippet, rank, where, order, params, sign):
    """The hits with their meeting, series and title; SIGN makes a higher score better."""
    statement = f"""
        SELECT d.{key} AS doc, d.kind, m.id AS meeting, m.date, s.name AS series, title.text AS title,
               {snippet} AS snippet, {rank} AS rank
        FROM {table} d {_JOINS}
        {'WHERE ' + ' AND '.join(where) if where else ''}
        ORDER BY {order} LIMIT :limit"""
    rows = conn.execute(sql(statement), params).all()
    return [(r.doc, r.kind, r.meeting, r.date, r.series, r.title, r.snippet, sign * r.rank)
            for r in rows]


_PREFIX_RE = re.compile(r"^[\w-]+\*$")


def _pg_tsquery(terms: list[str], params: dict) -> str:
    """The words as a tsquery, read as FTS5 reads them: all of them, "phrases", word* for a
    prefix, and OR / NOT between two terms (websearch_to_tsquery would drop NOT as a stop word)."""
    out, op, negate = "", "&&", False
    for term in terms:
        if term in _OPERATORS:
            if out:
                op, negate = ("||", False) if term == "OR" else ("&&", term == "NOT")
            continue
        name = f"t{len(params)}"
        if _PREFIX_RE.match(term):
            params[name] = term[:-1] + ":*"
            piece = f"to_tsquery('english', :{name})"
        else:
            params[name] = term.rstrip("*")
            piece = f"phraseto_tsquery('english', :{name})"
        if negate:
            piece = f"!!{piece}"
        out = f"({out} {op} {piece})" if out else piece
        op, negate = "&&", False
    return out


def _postgresql(conn, query: Query, limit: int):
    params: dict = {"limit": limit}
    parts = []
    terms = _pg_tsquery(query.terms, params)
    if terms:
        parts.append(terms)
    if query.person:
        names = _person_names(conn, query.person)
        ors = []
        for n, name in enumerate(names):
            params[f"p{n}"] = name
            ors.append(f"phraseto_tsquery('english', :p{n})")
        parts.append("(" + " || ".join(ors) + ")")
    where = _filters(conn, query, params)
    if parts:
        tsquery = " && ".join(parts)
        where.insert(0, f"d.tsv @@ ({tsquery})")
        rank = f"ts_rank(d.tsv, {tsquery})"
        snippet = (f"ts_headline('english', d.body, {tsquery}, "
                   f"'StartSel={MARK},StopSel={MARK},MaxWords=24,MinWords=10,ShortWord=2')")
        order = "rank DESC"
    else:
        rank, snippet, order = "0.0", "substr(d.body, 1, 160)", "m.date DESC, d.id"
    return _joined(conn, "search_doc", "id", snippet, rank, where, order, params, 1)


def search(conn, text: str | list[str], limit: int = 20) -> list[Hit]:
    """The hits for TEXT, best first (most recent first where there are only filters)."""
    from sqlalchemy.exc import OperationalError

    query = parse_query(text)
    run = _postgresql if conn.dialect.name == "postgresql" else _sqlite
    try:
        rows = run(conn, query, limit)
    except OperationalError as e:
        if "fts5" in str(e).lower():
            raise BadInput(f"cannot search for {text!r}: {str(e.orig).splitlines()[0]}") from None
        raise
    hits = []
    for doc, kind, meeting, date, series, title, snippet, score in rows:
        table = _TABLES.get(doc % 8, "item")
        if isinstance(date, str):
            date = dt.date.fromisoformat(date)
        hits.append(Hit(meeting=meeting, date=date.isoformat() if date else None, series=series,
                        title=title, kind=kind, snippet=" ".join(snippet.split()),
                        ref=f"{table}:{doc // 8}", score=round(float(score), 4)))
    return hits
