"""The database tables (SQLAlchemy Core).  Alembic's migrations create and change them."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    Time,
    UniqueConstraint,
)

# Named constraints, so that migrations can alter them on SQLite (batch mode) and PostgreSQL alike.
metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)


def _id() -> Column:
    return Column("id", Integer, primary_key=True)


def _fk(name: str, target: str, nullable: bool = False, ondelete: str = "CASCADE") -> Column:
    return Column(name, ForeignKey(f"{target}.id", ondelete=ondelete), nullable=nullable)


series = Table(
    "series",
    metadata,
    _id(),
    Column("name", String(200), nullable=False, unique=True),
    Column("cadence", String(200)),  # an RRULE, e.g. FREQ=WEEKLY;BYDAY=WE
    Column("start_time", Time),
    Column("timezone", String(64)),
    Column("created_at", DateTime, nullable=False),
)

meeting = Table(
    "meeting",
    metadata,
    _id(),
    _fk("series_id", "series", ondelete="RESTRICT"),
    Column("date", Date, nullable=False),
    Column("start_time", Time),
    Column("timezone", String(64)),
    Column("layout", JSON, nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("updated_at", DateTime, nullable=False),
    UniqueConstraint("series_id", "date"),
    Index("ix_meeting_date", "date"),
)

person = Table(
    "person",
    metadata,
    _id(),
    Column("name", String(200), nullable=False),
    Column("name_key", String(200), nullable=False, index=True),  # for matching: casefolded
    Column("affiliation", String(200)),
    Column("created_at", DateTime, nullable=False),
)

person_alias = Table(
    "person_alias",
    metadata,
    _id(),
    _fk("person_id", "person"),
    Column("alias", String(200), nullable=False),
    Column("alias_key", String(200), nullable=False, unique=True),
)

attendance = Table(
    "attendance",
    metadata,
    _id(),
    _fk("meeting_id", "meeting"),
    _fk("person_id", "person", ondelete="RESTRICT"),
    Column("position", Integer, nullable=False),
    Column("written", String(200)),  # the name as written here, where it differs from the person's
    Column("grp", String(200)),  # line label, "Council:"
    Column("present", Boolean, nullable=False),
    Column("role", String(200)),
    Column("affiliation", String(200)),
    Column("new_line", Boolean, nullable=False),
    Index("ix_attendance_meeting", "meeting_id", "position"),
    Index("ix_attendance_person", "person_id"),
    sqlite_autoincrement=True,  # an id is never given out twice: undo and users refer to ids
)

section = Table(
    "section",
    metadata,
    _id(),
    _fk("meeting_id", "meeting"),
    Column("position", Integer, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("level", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("blank_before", Boolean, nullable=False),
    Index("ix_section_meeting", "meeting_id", "position"),
    sqlite_autoincrement=True,  # an id is never given out twice: undo and users refer to ids
)

item = Table(
    "item",
    metadata,
    _id(),
    _fk("meeting_id", "meeting"),
    _fk("section_id", "section", nullable=True),  # NULL: before the first heading
    _fk("parent_id", "item", nullable=True),
    Column("position", Integer, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("label", String(100)),
    Column("text", Text, nullable=False),
    Column("marker", String(12)),
    Column("indent", Integer),
    Column("blank_before", Boolean, nullable=False),
    Column("version", Integer, nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("updated_at", DateTime, nullable=False),
    Index("ix_item_meeting", "meeting_id", "section_id", "position"),
    Index("ix_item_parent", "parent_id"),
    sqlite_autoincrement=True,  # an id is never given out twice: undo and users refer to ids
)

followup = Table(
    "followup",
    metadata,
    _id(),
    Column("uid", String(200), nullable=False, unique=True),
    _fk("meeting_id", "meeting", nullable=True, ondelete="SET NULL"),
    _fk("item_id", "item", nullable=True, ondelete="SET NULL"),
    Column("text", Text, nullable=False),
    _fk("owner_id", "person", nullable=True, ondelete="SET NULL"),
    Column("owner_text", String(200)),  # an owner who is not (yet) in the people directory
    Column("due_date", Date),
    Column("due_at", DateTime),  # UTC; due_tz says where it was meant
    Column("due_tz", String(64)),
    Column("due_reason", Text),  # why the due date is unknown
    Column("recheck_date", Date),
    Column("status", String(16), nullable=False),
    Column("sequence", Integer, nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("updated_at", DateTime, nullable=False),
    Column("closed_at", DateTime),
    _fk("closed_meeting_id", "meeting", nullable=True, ondelete="SET NULL"),
    Index("ix_followup_status", "status"),
    Index("ix_followup_meeting", "meeting_id"),
    Index("ix_followup_item", "item_id"),
    sqlite_autoincrement=True,  # an id is never given out twice: undo and users refer to ids
)

# Every change made to a meeting after it was created, newest last: what #undo and the editor's
# undo reverse, and what other note-takers poll to see that a meeting changed.
change = Table(
    "change",
    metadata,
    _id(),
    _fk("meeting_id", "meeting"),
    Column("created_at", DateTime, nullable=False),
    Column("action", String(32), nullable=False),
    Column("undo", JSON, nullable=False),
    Column("undone", Boolean, nullable=False),
    Column("author", String(200)),  # who made it: #undo takes back one's own entries only
    Index("ix_change_meeting", "meeting_id", "id"),
)

# What a calendar holds of ours, as of the last sync: to send only what changed, and to tell a
# change made on the server (its ETag moved) from one made here (our rendering's hash moved).
sync_state = Table(
    "sync_state",
    metadata,
    _id(),
    Column("target", String(500), nullable=False),  # "caldav <calendar url>" or "vdir <path>"
    Column("uid", String(200), nullable=False),
    Column("href", String(1000)),
    Column("etag", String(200)),
    Column("local_hash", String(64), nullable=False),
    Column("synced_at", DateTime, nullable=False),
    UniqueConstraint("target", "uid"),
)
