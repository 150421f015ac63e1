"""What the terminal app asks of the records, in one place (no Textual here).

The engine is made on first use, so the first screen can come up from store/quick.py while
SQLAlchemy loads in a background thread (warm_up).
"""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

from .config import Config
from .store.quick import quick_meetings
from .store.summary import MeetingSummary


class Service:
    def __init__(self, url: str, config: Config | None = None, today=None, engine=None):
        self.url = url
        self.config = config or Config()
        self.today = today or dt.date.today  # a callable, so that tests can fix the day
        self._engine = engine  # one already at the current schema, if the caller has it
        self._lock = threading.Lock()

    @property
    def engine(self):
        with self._lock:
            if self._engine is None:
                from .store.engine import make_engine
                from .store.migrate import ensure_schema

                engine = make_engine(self.url)
                ensure_schema(engine)
                self._engine = engine
            return self._engine

    def warm_up(self) -> None:
        """Load SQLAlchemy and the schema check ahead of need (run in a thread)."""
        self.engine  # noqa: B018 - the property does the work

    def _read(self):
        from .store.engine import transaction

        return transaction(self.engine, write=False)

    def _write(self):
        from .store.engine import transaction

        return transaction(self.engine)

    # -- meetings ----------------------------------------------------------------------------

    def meetings(self) -> list[MeetingSummary]:
        if self._engine is None:
            quick = quick_meetings(self.url)
            if quick is not None:
                return quick
        from .store.meetings import list_meetings

        with self._read() as conn:
            return list_meetings(conn)

    def find(self, selector: str) -> MeetingSummary:
        from .store.meetings import find_meeting

        with self._read() as conn:
            return find_meeting(conn, selector)

    def series_names(self) -> list[str]:
        """Series, the one met most recently first."""
        seen: list[str] = []
        for m in self.meetings():
            if m.series not in seen:
                seen.append(m.series)
        return seen

    def new_meeting_defaults(self, series: str | None) -> tuple[str, dt.date]:
        """The series (default: the last used) and its next date by its cadence, else today."""
        from sqlalchemy import select

        from .store import schema as t
        from .store.series import meeting_dates, next_date, series_id_for

        names = self.series_names()
        series = series or (names[0] if names else "")
        today = self.today()
        with self._read() as conn:
            sid = series_id_for(conn, series) if series else None
            if sid is None:
                return series, today
            dates = meeting_dates(conn, sid)
            cadence = conn.execute(select(t.series.c.cadence).where(t.series.c.id == sid)).scalar()
        date = next_date(dates, dates[-1], cadence)
        while date < today:  # a series that paused: its next date from today on
            date = next_date(dates, date, cadence)
        return series, date

    def create_meeting(self, series: str, date: dt.date, start: dt.time | None = None,
                       timezone: str | None = None) -> int:
        from .store.entries import create_meeting

        with self._write() as conn:
            return create_meeting(conn, series, date, start, timezone)

    def import_demo(self) -> tuple[int, bool]:
        """The bundled demo meeting (the SVSM call of May 15th, 2024): (its id, whether it is new)."""
        from importlib.resources import files

        from .formats.markdown_in import parse_markdown
        from .store.documents import existing_meetings, save_documents
        from .store.series import series_ids

        text = (files("svsm_meet") / "data" / "demo-meeting.md").read_text(encoding="utf-8")
        doc = parse_markdown(text)
        from .store.followups import add_suggestions_for

        with self._write() as conn:
            key = (series_ids(conn, [doc.series])[doc.series], doc.date)
            found = existing_meetings(conn, [key])
            if found:
                return found[key], False
            (mid,) = save_documents(conn, [doc])
            add_suggestions_for(conn, [doc])
            return mid, True

    # -- one meeting ---------------------------------------------------------------------------

    def open_session(self, meeting_id: int):
        from .session import MinutesSession

        return MinutesSession(self.engine, meeting_id)

    def roster(self, meeting_id: int, recent: int = 8) -> list[str]:
        """People of the series' last RECENT meetings, most regular first."""
        from sqlalchemy import func, select

        from .store import schema as t

        m, a, p = t.meeting.c, t.attendance.c, t.person.c
        with self._read() as conn:
            series_id = conn.execute(select(m.series_id).where(m.id == meeting_id)).scalar()
            ids = select(m.id).where(m.series_id == series_id).order_by(m.date.desc()).limit(recent)
            rows = conn.execute(
                select(p.name, func.count())
                .join(t.attendance, a.person_id == p.id)
                .where(a.meeting_id.in_(ids.scalar_subquery()), a.present.is_(True))
                .group_by(p.id, p.name)
                .order_by(func.count().desc(), p.name)
            )
            return [name for name, _ in rows]

    def carried_followups(self, meeting_id: int) -> list[dict]:
        """Open follow-ups of the series' earlier meetings: shown until they are closed."""
        from sqlalchemy import select

        from .store import schema as t
        from .store.followups import list_followups

        m = t.meeting.c
        with self._read() as conn:
            series_id, date = conn.execute(select(m.series_id, m.date).where(m.id == meeting_id)).one()
            earlier = set(conn.execute(
                select(m.id).where(m.series_id == series_id, m.date < date)).scalars())
            return [f for f in list_followups(conn) if f["meeting"] in earlier]

    def people_names(self) -> list[str]:
        from sqlalchemy import select

        from .store import schema as t

        with self._read() as conn:
            names = list(conn.execute(select(t.person.c.name)).scalars())
            names += list(conn.execute(select(t.person_alias.c.alias)).scalars())
        return sorted(set(names), key=str.casefold)

    def markdown(self, meeting_id: int) -> str:
        from .formats.markdown_out import render
        from .store.documents import load_documents

        with self._read() as conn:
            (doc,) = load_documents(conn, [meeting_id])
        return render(doc)

    def write_minutes(self, meeting_id: int) -> Path:
        """Write the meeting's Markdown into the configured minutes folder; returns the file."""
        from .files import minutes_file_name, write_atomically
        from .formats.markdown_out import render
        from .store.documents import load_documents

        with self._read() as conn:
            (doc,) = load_documents(conn, [meeting_id])
        path = Path(self.config.minutes_dir) / minutes_file_name(self.config.name_pattern, doc)
        write_atomically(path, render(doc))
        return path

    # -- follow-ups ------------------------------------------------------------------------------

    def followups(self, include_closed: bool = False) -> list[dict]:
        """Suggested and open ones (with INCLUDE_CLOSED, all), overdue first, then by due date."""
        from .store.followups import list_followups

        with self._read() as conn:
            found = [f for f in list_followups(conn, include_all=True)
                     if include_closed or f["status"] in ("suggested", "open")]
        today = self.today().isoformat()

        def order(f):
            due = (f["due"] or "")[:10]
            return (f["status"] not in ("open", "suggested"), not (due and due < today), due or "9999", f["id"])

        return sorted(found, key=order)

    def set_followup_status(self, followup_id: int, status: str) -> None:
        from .store.followups import update_followup

        with self._write() as conn:
            update_followup(conn, followup_id, status=status)

    def sync_calendar(self, progress=None):
        """Sync with the CalDAV calendar of the config file; returns the sync's report."""
        from .calendar.caldav import CalDAV, password_for
        from .calendar.sync import sync
        from .errors import BadInput

        settings = self.config.caldav
        if not settings:
            raise BadInput("no calendar to sync with: add a [caldav] section (url, user) to "
                           f"{self.config.path or 'the config file'}")
        url, user = settings["url"], settings["user"]
        remote = CalDAV(url, user, password_for(url, user), settings.get("calendar", "svsm-meet"))
        return sync(self.engine, remote, progress=progress)

    # -- looking back --------------------------------------------------------------------------

    def search(self, text: str, limit: int = 50):
        from .store.search import search

        with self._read() as conn:
            return search(conn, text, limit)

    def hit_target(self, ref: str) -> tuple[str, int] | None:
        """Where in the minutes a search hit is: the bullet a follow-up came from, the bullet or
        heading itself; None for what the minutes view has no line of its own for."""
        from sqlalchemy import select

        from .store import schema as t

        kind, _, number = ref.partition(":")
        if kind in ("item", "section"):
            return kind, int(number)
        if kind == "followup":
            with self._read() as conn:
                item = conn.execute(select(t.followup.c.item_id)
                                    .where(t.followup.c.id == int(number))).scalar()
            return ("item", item) if item else None
        return None

    def decisions(self, limit: int = 1000) -> list[dict]:
        """Every decision, newest first: the decisions log."""
        from sqlalchemy import select

        from .store import schema as t

        i, m, s, sec = t.item.c, t.meeting.c, t.series.c, t.section.c
        with self._read() as conn:
            rows = conn.execute(
                select(i.id, i.label, i.text, m.id.label("meeting"), m.date, s.name.label("series"),
                       sec.text.label("topic"))
                .join(t.meeting, m.id == i.meeting_id).join(t.series, s.id == m.series_id)
                .outerjoin(t.section, sec.id == i.section_id)
                .where(i.kind == "decision").order_by(m.date.desc(), i.id).limit(limit)
            ).mappings().all()
        return [dict(r) for r in rows]

    def people(self) -> list[dict]:
        """Everyone, with meetings attended and follow-ups owned and done; the most regular first."""
        from sqlalchemy import case, func, select

        from .store import schema as t

        p, a, f = t.person.c, t.attendance.c, t.followup.c
        with self._read() as conn:
            attended = dict(conn.execute(select(a.person_id, func.count(func.distinct(a.meeting_id)))
                                         .where(a.present.is_(True)).group_by(a.person_id)).all())
            owned = {pid: (n, done) for pid, n, done in conn.execute(
                select(f.owner_id, func.count(), func.sum(case((f.status == "done", 1), else_=0)))
                .where(f.owner_id.is_not(None), f.status != "suggested").group_by(f.owner_id))}
            people = conn.execute(select(p.id, p.name, p.affiliation)).all()
        out = [{"id": pid, "name": name, "affiliation": aff, "meetings": attended.get(pid, 0),
                "followups": owned.get(pid, (0, 0))[0], "done": int(owned.get(pid, (0, 0))[1] or 0)}
               for pid, name, aff in people]
        return sorted(out, key=lambda r: (-r["meetings"], r["name"].casefold()))

    def person(self, person_id: int) -> dict:
        """One person: the meetings they attended and the follow-ups they own."""
        from sqlalchemy import select

        from .store import schema as t
        from .store.followups import list_followups

        a, f, m, s = t.attendance.c, t.followup.c, t.meeting.c, t.series.c
        with self._read() as conn:
            name = conn.execute(select(t.person.c.name).where(t.person.c.id == person_id)).scalar()
            meetings = conn.execute(
                select(m.id, m.date, s.name).join(t.attendance, a.meeting_id == m.id)
                .join(t.series, s.id == m.series_id)
                .where(a.person_id == person_id, a.present.is_(True)).order_by(m.date.desc())
            ).all()
            mine = set(conn.execute(select(f.id).where(f.owner_id == person_id)).scalars())
            owned = [row for row in list_followups(conn, include_all=True)
                     if row["id"] in mine and row["status"] != "suggested"]
        return {"name": name, "meetings": [(mid, d, series) for mid, d, series in meetings],
                "followups": owned}

    def attendance(self) -> dict[str, list[tuple]]:
        """Per series, (date, how many were there) for each meeting, oldest first."""
        from sqlalchemy import func, select

        from .store import schema as t

        a, m, s = t.attendance.c, t.meeting.c, t.series.c
        with self._read() as conn:
            rows = conn.execute(
                select(s.name, m.date, func.count(a.id))
                .join(t.meeting, m.series_id == s.id)
                .outerjoin(t.attendance, (a.meeting_id == m.id) & a.present.is_(True))
                .group_by(s.name, m.id, m.date).order_by(s.name, m.date)
            ).all()
        out: dict[str, list[tuple]] = {}
        for series, date, count in rows:
            out.setdefault(series, []).append((date, count))
        return out
