"""The database tables, each declared once as a SQLModel model.  Alembic's migrations create and
change them (migrations/env.py compares against SQLModel.metadata).

The store reads and writes through the models' tables (`meeting = Meeting.__table__`) with
SQLAlchemy Core statements: an import is a handful of executemany statements rather than one ORM
object per bullet, and the rest of the app works on the plain document tree of model.py.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Optional

from sqlalchemy import JSON, Column, DateTime, Index, Integer, String, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

# Timestamps are kept in UTC without a zone (where a zone matters, a column says which: due_tz),
# as every revision of the migrations made them: plain DateTime, not SQLModel's zone-aware default.

# Named constraints, so that migrations can alter them on SQLite (batch mode) and PostgreSQL alike.
# Set before the first model: a constraint takes its name when it joins its table.
SQLModel.metadata.naming_convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
metadata = SQLModel.metadata

# Every model is made with defer_build=True: the store never validates rows through pydantic (it
# speaks Core on the tables), so pydantic's schema for a model is built only if one ever does.

# An id is never given out twice on SQLite (AUTOINCREMENT): undo and users refer to ids.
_NEVER_REUSED = {"sqlite_autoincrement": True}


def _id() -> Any:
    return Field(default=None, sa_column=Column("id", Integer, primary_key=True))


def _text(length: int | None = None, nullable: bool = True, **kw) -> Any:
    return Field(default=None, sa_type=String(length) if length else Text, nullable=nullable, **kw)


def _when(nullable: bool = False) -> Any:
    return Field(default=None, sa_type=DateTime, nullable=nullable)


def _ref(target: str, nullable: bool = False, ondelete: str = "CASCADE") -> Any:
    return Field(default=None, foreign_key=f"{target}.id", ondelete=ondelete, nullable=nullable)


class Series(SQLModel, table=True, defer_build=True):
    __tablename__ = "series"

    id: Optional[int] = _id()
    name: str = _text(200, nullable=False, unique=True)
    cadence: Optional[str] = _text(200)  # an RRULE set by people, e.g. FREQ=WEEKLY;BYDAY=WE
    start_time: Optional[dt.time] = None
    timezone: Optional[str] = _text(64)
    created_at: dt.datetime = _when()
    # Edits of cadence, time or zone: the calendar event's SEQUENCE is this plus the meetings.
    # The default is the database's alone, so that rows written by this code into a database still
    # at an older revision (migrations' tests do) name no column it lacks.
    sequence: int = Field(default=None, nullable=False, sa_column_kwargs={"server_default": "0"})
    # The parts of the house style people set (`series edit`), e.g. {"topic_colon": true}; the rest
    # is learned from the series' minutes (store/series_style.py).  NULL: nothing set.
    style: Optional[dict] = Field(default=None, sa_type=JSON, nullable=True)


class Meeting(SQLModel, table=True, defer_build=True):
    __tablename__ = "meeting"
    __table_args__ = (UniqueConstraint("series_id", "date"), Index("ix_meeting_date", "date"))

    id: Optional[int] = _id()
    series_id: int = _ref("series", ondelete="RESTRICT")
    date: dt.date = Field(nullable=False)
    start_time: Optional[dt.time] = None
    timezone: Optional[str] = _text(64)
    layout: dict = Field(sa_type=JSON, nullable=False)
    created_at: dt.datetime = _when()
    updated_at: dt.datetime = _when()


class Person(SQLModel, table=True, defer_build=True):
    __tablename__ = "person"
    __table_args__ = (_NEVER_REUSED,)  # merged away by `people alias`: the id is not someone else's later

    id: Optional[int] = _id()
    name: str = _text(200, nullable=False)
    name_key: str = _text(200, nullable=False, index=True)  # for matching: casefolded
    affiliation: Optional[str] = _text(200)
    created_at: dt.datetime = _when()


class PersonAlias(SQLModel, table=True, defer_build=True):
    __tablename__ = "person_alias"

    id: Optional[int] = _id()
    person_id: int = _ref("person")
    alias: str = _text(200, nullable=False)
    alias_key: str = _text(200, nullable=False, unique=True)


class Attendance(SQLModel, table=True, defer_build=True):
    __tablename__ = "attendance"
    __table_args__ = (
        Index("ix_attendance_meeting", "meeting_id", "position"),
        Index("ix_attendance_person", "person_id"),
        _NEVER_REUSED,
    )

    id: Optional[int] = _id()
    meeting_id: int = _ref("meeting")
    person_id: int = _ref("person", ondelete="RESTRICT")
    position: int = Field(nullable=False)
    written: Optional[str] = _text(200)  # the name as written here, where it differs from the person's
    grp: Optional[str] = _text(200)  # line label, "Council:"
    present: bool = Field(nullable=False)
    role: Optional[str] = _text(200)
    affiliation: Optional[str] = _text(200)
    new_line: bool = Field(nullable=False)


class Section(SQLModel, table=True, defer_build=True):
    __tablename__ = "section"
    __table_args__ = (Index("ix_section_meeting", "meeting_id", "position"), _NEVER_REUSED)

    id: Optional[int] = _id()
    meeting_id: int = _ref("meeting")
    position: int = Field(nullable=False)
    kind: str = _text(16, nullable=False)
    level: int = Field(nullable=False)
    text: str = _text(nullable=False)
    blank_before: bool = Field(nullable=False)


class Item(SQLModel, table=True, defer_build=True):
    __tablename__ = "item"
    __table_args__ = (
        Index("ix_item_meeting", "meeting_id", "section_id", "position"),
        Index("ix_item_parent", "parent_id"),
        _NEVER_REUSED,
    )

    id: Optional[int] = _id()
    meeting_id: int = _ref("meeting")
    section_id: Optional[int] = _ref("section", nullable=True)  # NULL: before the first heading
    parent_id: Optional[int] = _ref("item", nullable=True)
    position: int = Field(nullable=False)
    kind: str = _text(16, nullable=False)
    label: Optional[str] = _text(100)
    text: str = _text(nullable=False)
    marker: Optional[str] = _text(12)
    indent: Optional[int] = None
    blank_before: bool = Field(nullable=False)
    version: int = Field(nullable=False)
    created_at: dt.datetime = _when()
    updated_at: dt.datetime = _when()


class Followup(SQLModel, table=True, defer_build=True):
    __tablename__ = "followup"
    __table_args__ = (
        Index("ix_followup_status", "status"),
        Index("ix_followup_meeting", "meeting_id"),
        Index("ix_followup_item", "item_id"),
        _NEVER_REUSED,
    )

    id: Optional[int] = _id()
    uid: str = _text(200, nullable=False, unique=True)
    meeting_id: Optional[int] = _ref("meeting", nullable=True, ondelete="SET NULL")
    item_id: Optional[int] = _ref("item", nullable=True, ondelete="SET NULL")
    text: str = _text(nullable=False)
    owner_id: Optional[int] = _ref("person", nullable=True, ondelete="SET NULL")
    owner_text: Optional[str] = _text(200)  # an owner who is not (yet) in the people directory
    due_date: Optional[dt.date] = None
    due_at: Optional[dt.datetime] = _when(nullable=True)  # UTC; due_tz says where it was meant
    due_tz: Optional[str] = _text(64)
    due_reason: Optional[str] = _text()  # why the due date is unknown
    recheck_date: Optional[dt.date] = None
    status: str = _text(16, nullable=False)
    sequence: int = Field(nullable=False)
    created_at: dt.datetime = _when()
    updated_at: dt.datetime = _when()
    closed_at: Optional[dt.datetime] = _when(nullable=True)
    closed_meeting_id: Optional[int] = _ref("meeting", nullable=True, ondelete="SET NULL")


class Change(SQLModel, table=True, defer_build=True):
    """Every change made to a meeting after it was created, newest last: what #undo and the
    editor's undo reverse, and what other note-takers poll to see that a meeting changed."""

    __tablename__ = "change"
    __table_args__ = (Index("ix_change_meeting", "meeting_id", "id"),)

    id: Optional[int] = _id()
    meeting_id: int = _ref("meeting")
    created_at: dt.datetime = _when()
    action: str = _text(32, nullable=False)
    undo: Any = Field(sa_type=JSON, nullable=False)
    undone: bool = Field(nullable=False)
    author: Optional[str] = _text(200)  # who made it: #undo takes back one's own entries only


class SyncState(SQLModel, table=True, defer_build=True):
    """What a calendar holds of ours, as of the last sync: to send only what changed, and to tell
    a change made on the server (its ETag moved) from one made here (our rendering's hash moved)."""

    __tablename__ = "sync_state"
    __table_args__ = (UniqueConstraint("target", "uid"),)

    id: Optional[int] = _id()
    target: str = _text(500, nullable=False)  # "caldav <calendar url>" or "vdir <path>"
    uid: str = _text(200, nullable=False)
    href: Optional[str] = _text(1000)
    etag: Optional[str] = _text(200)
    local_hash: str = _text(64, nullable=False)
    synced_at: dt.datetime = _when()


class Publication(SQLModel, table=True, defer_build=True):
    """A meeting's minutes committed into a governance repo by `svsm-meet publish`: which commit,
    which file, when, and the hash of what was written, so that an export that has changed since
    is told from one that is still what the repo holds.  Kept by series and date, not meeting id,
    because `import --replace` makes the meeting anew and it is still the same meeting."""

    __tablename__ = "publication"
    __table_args__ = (Index("ix_publication_meeting", "series_id", "date"),)

    id: Optional[int] = _id()
    series_id: int = _ref("series")
    date: dt.date = Field(nullable=False)
    repo: str = _text(1000, nullable=False)  # the checkout's folder
    path: str = _text(1000, nullable=False)  # the file, relative to the checkout
    commit_id: str = _text(64, nullable=False)
    content_hash: str = _text(64, nullable=False)  # sha256 of the file as committed
    published_at: dt.datetime = _when()


# The tables, as the store's Core statements name them.
series = Series.__table__
meeting = Meeting.__table__
person = Person.__table__
person_alias = PersonAlias.__table__
attendance = Attendance.__table__
section = Section.__table__
item = Item.__table__
followup = Followup.__table__
change = Change.__table__
sync_state = SyncState.__table__
publication = Publication.__table__
