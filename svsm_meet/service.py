"""What the terminal app asks of the records, in one place (no Textual here).

The engine is made on first use, so the first screen can come up from store/quick.py while
SQLAlchemy loads in a background thread (warm_up).
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass
from pathlib import Path

from .config import Config
from .store.quick import quick_meetings
from .store.summary import MeetingSummary


@dataclass
class SeriesForm:
    """What the new-meeting form offers for a series that exists."""

    name: str
    date: dt.date  # its next date by its cadence (a week on from the last meeting if unknown)
    cadence: str  # in words; "" where unknown
    cadence_source: str  # "set", "inferred" or "unknown"
    meetings: int
    time: dt.time | None
    zone: str | None
    time_set: bool
    zone_set: bool


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
        from .store.summary import list_meetings

        with self._read() as conn:
            return list_meetings(conn)

    def find(self, selector: str) -> MeetingSummary:
        from .store.summary import find_meeting

        with self._read() as conn:
            return find_meeting(conn, selector)

    def series_names(self) -> list[str]:
        """Series, the one met most recently first."""
        seen: list[str] = []
        for m in self.meetings():
            if m.series not in seen:
                seen.append(m.series)
        return seen

    def new_meeting_form(self) -> tuple[list[str], str, dict[str, "SeriesForm"]]:
        """For the new-meeting form: the series names (the one met most recently first), the
        default series, and by name (casefolded) what each one offers."""
        from .cadence import upcoming
        from .store.series import all_series

        names = self.series_names()
        today = self.today()
        with self._read() as conn:
            infos = all_series(conn)
        forms = {
            i.name.casefold(): SeriesForm(
                name=i.name, date=upcoming(i.cadence, i.dates, today).date,
                cadence="" if i.cadence.rule is None else i.cadence.words, cadence_source=i.cadence.source,
                meetings=len(i.dates), time=i.start_time, zone=i.timezone,
                time_set=i.time_set, zone_set=i.zone_set)
            for i in infos
        }
        return names, (names[0] if names else ""), forms

    def create_meeting(self, series: str, date: dt.date, start: dt.time | None = None,
                       timezone: str | None = None, settings: dict | None = None) -> int:
        """A new meeting; SETTINGS (cadence, start_time, timezone) set on its series, at once."""
        from .store.entries import create_meeting
        from .store.series import edit_series, series_ids

        with self._write() as conn:
            if settings:
                edit_series(conn, series_ids(conn, [series])[series], **settings)
            return create_meeting(conn, series, date, start, timezone)

    def delete_meeting(self, meeting_id: int) -> dict:
        """The meeting, its minutes and its follow-ups, gone (see store/meeting_edits.py)."""
        from .store.meeting_edits import delete_meeting

        with self._write() as conn:
            return delete_meeting(conn, meeting_id)

    def followups_made(self, meeting_id: int) -> int:
        """How many follow-ups the meeting made: what deleting it takes too."""
        from .store.meeting_edits import followup_count

        with self._read() as conn:
            return followup_count(conn, meeting_id)

    def edit_meeting(self, meeting_id: int, *, title: str | None = None, date: str | None = None,
                     series: str | None = None) -> None:
        """Retitle, re-date (DATE as typed: '2024-05-22', or '+1w' from the meeting's date) or
        move a meeting to another series."""
        from .dates import parse_date
        from .store.meeting_edits import edit_meeting
        from .store.meetings import meeting_basics

        with self._write() as conn:
            basics = meeting_basics(conn, meeting_id)
            base = basics.date if basics else self.today()
            day = parse_date(date, base=base) if date and date.strip() else None
            edit_meeting(conn, meeting_id, title=title, date=day, series=series)

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

    def draft_key(self, meeting_id: int) -> str:
        """What the meeting's draft line is kept under (drafts.py): never another meeting's."""
        from .errors import SvsmMeetError
        from .store.meetings import meeting_key

        with self._read() as conn:
            key = meeting_key(conn, meeting_id)
        if key is None:
            raise SvsmMeetError(f"meeting {meeting_id} is no longer in the database (replaced or "
                                "deleted elsewhere); open it again from the meetings screen")
        return key

    def roster(self, meeting_id: int, recent: int = 8) -> list[str]:
        """People of the series' last RECENT meetings, most regular first."""
        from .store.attendance import roster

        with self._read() as conn:
            return roster(conn, meeting_id, recent)

    def followup_stamp(self, meeting_id: int) -> tuple[int, int]:
        """Changes when a follow-up of the meeting is made, changed or deleted (see store)."""
        from .store.followups import followup_stamp

        with self._read() as conn:
            return followup_stamp(conn, meeting_id)

    def carried_followups(self, meeting_id: int) -> list[dict]:
        """Open follow-ups of the series' earlier meetings: shown until they are closed."""
        from .store.followup_list import list_followups
        from .store.meetings import meeting_basics
        from .store.series import series_meetings

        with self._read() as conn:
            series_id, date, _ = meeting_basics(conn, meeting_id)
            earlier = {mid for mid, when in series_meetings(conn, series_id) if when < date}
            return [f for f in list_followups(conn) if f["meeting"] in earlier]

    def people_names(self) -> list[str]:
        from .store.people import people_names

        with self._read() as conn:
            return people_names(conn)

    def markdown(self, meeting_id: int) -> str:
        from .formats.markdown_out import render
        from .store.documents import load_documents

        with self._read() as conn:
            (doc,) = load_documents(conn, [meeting_id])
        return render(doc)

    def publication_states(self) -> dict[int, str]:
        """{meeting id: "published" or "changed since"} for the meetings ever published."""
        from .store.publications import publication_states

        with self._read() as conn:
            return publication_states(conn)

    def can_publish(self) -> bool:
        """Whether the config names a governance checkout to publish into."""
        return bool(self.config.publish.get("repo"))

    def prepare_publish(self, meeting_id: int):
        """The commit publishing the meeting would make, checked, with nothing changed yet."""
        from .publish.run import Request, prepare

        return prepare(self.engine, self.config.publish, Request(None, [meeting_id], prompts=False))

    def publish(self, prepared, progress=lambda _: None):
        from .publish.run import perform

        return perform(self.engine, prepared, progress)

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
        from .store.followup_list import list_followups

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

    def edit_followup(self, followup_id: int, *, text: str | None = None, owner: str | None = None,
                      due: str | None = None):
        """Text, owner (through the name matcher: Ambiguous where several fit) or due date (the
        entry line's grammar) as typed; returns store.followup_edits.Edited."""
        from .store.followup_edits import edit_followup

        with self._write() as conn:
            return edit_followup(conn, str(followup_id), text=text, owner=owner, due=due,
                                 today=self.today())

    def sync_calendar(self, progress=None):
        """Sync with the CalDAV calendar of the config file; returns the sync's report."""
        from .calendar.caldav import DEADLINE, CalDAV, password_for
        from .calendar.sync import sync
        from .errors import BadInput

        settings = self.config.caldav
        if not settings:
            raise BadInput("no calendar to sync with: add a [caldav] section (url, user) to "
                           f"{self.config.path or 'the config file'}")
        url, user = settings["url"], settings["user"]
        remote = CalDAV(url, user, password_for(url, user), settings.get("calendar", "svsm-meet"),
                        deadline=float(settings.get("deadline", DEADLINE)))
        return sync(self.engine, remote, progress=progress)

    # -- looking back --------------------------------------------------------------------------

    def search(self, text: str, limit: int = 50):
        from .store.search import search

        with self._read() as conn:
            return search(conn, text, limit)

    def hit_target(self, ref: str) -> tuple[str, int] | None:
        """Where in the minutes a search hit is: the bullet a follow-up came from, the bullet or
        heading itself; None for what the minutes view has no line of its own for."""
        from .store.followups import item_of_followup

        kind, _, number = ref.partition(":")
        if kind in ("item", "section"):
            return kind, int(number)
        if kind == "followup":
            with self._read() as conn:
                item = item_of_followup(conn, int(number))
            return ("item", item) if item else None
        return None

    def decisions(self, limit: int = 1000) -> list[dict]:
        """Every decision, newest first: the decisions log."""
        from .formats.decision_table import row_words
        from .store.decisions import decision_log

        with self._read() as conn:
            rows = decision_log(conn, limit)
        for row in rows:  # a row of a table of decisions, read as its cells
            row["text"] = row_words(row["text"])
        return rows

    def people(self) -> list[dict]:
        """Everyone, with meetings attended and follow-ups owned and done; the most regular first."""
        from .store.people import people_with_counts

        keys = ("id", "name", "affiliation", "meetings", "followups", "done")
        with self._read() as conn:
            out = [{k: p[k] for k in keys} for p in people_with_counts(conn)]
        return sorted(out, key=lambda r: (-r["meetings"], r["name"].casefold()))

    def person(self, person_id: int) -> dict:
        """One person: the meetings they attended and the follow-ups they own."""
        from .store.attendance import meetings_of_person
        from .store.followups import followups_owned_by
        from .store.people import person_name

        with self._read() as conn:
            return {"name": person_name(conn, person_id), "meetings": meetings_of_person(conn, person_id),
                    "followups": followups_owned_by(conn, person_id)}

    def attendance(self) -> dict[str, list[tuple]]:
        """Per series, (date, how many were there) for each meeting, oldest first."""
        from .store.attendance import attendance_by_series

        with self._read() as conn:
            return attendance_by_series(conn)
