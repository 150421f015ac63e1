"""The SQL of the search index's triggers, as revision 0004 made them.

Revision 0005 rebuilds tables on SQLite, which drops their triggers, and makes them again from
here; a later change to the index gets a revision of its own and leaves this as it is.
"""

# (table, number, kind, body, meeting) as SQL over NEW/OLD; the document's id is the row's id
# times 8 plus the number.  The body of a follow-up carries its owner's name, so that "person:"
# finds what someone took on.
SOURCES = [
    ("item", 1, "{r}.kind", "coalesce({r}.label, '') || {r}.text", "{r}.meeting_id"),
    ("section", 2, "'topic'", "{r}.text", "{r}.meeting_id"),
    (
        "followup", 3, "'followup'",
        "{r}.text || coalesce(' — ' || (SELECT name FROM person WHERE id = {r}.owner_id), "
        "' — ' || {r}.owner_text, '')",
        "{r}.meeting_id",
    ),
    (
        "attendance", 4, "'attendee'",
        "coalesce({r}.written, (SELECT name FROM person WHERE id = {r}.person_id))",
        "{r}.meeting_id",
    ),
]
WATCHED = {"item": "text, label, kind", "section": "text",
           "followup": "text, owner_id, owner_text", "attendance": "written, person_id"}


def sqlite_values(table: str, r: str) -> str:
    _, number, kind, body, meeting = next(s for s in SOURCES if s[0] == table)
    return f"{r}.id * 8 + {number}, {body.format(r=r)}, {kind.format(r=r)}, {meeting.format(r=r)}"


def sqlite_triggers(table: str) -> list[str]:
    number = next(s[1] for s in SOURCES if s[0] == table)
    insert = f"INSERT INTO search_fts(rowid, body, kind, meeting_id) VALUES ({sqlite_values(table, 'new')});"
    remove = f"DELETE FROM search_fts WHERE rowid = old.id * 8 + {number};"
    return [
        f"CREATE TRIGGER search_{table}_insert AFTER INSERT ON {table} BEGIN {insert} END",
        f"CREATE TRIGGER search_{table}_delete AFTER DELETE ON {table} BEGIN {remove} END",
        f"CREATE TRIGGER search_{table}_update AFTER UPDATE OF {WATCHED[table]}, meeting_id "
        f"ON {table} BEGIN {remove} {insert} END",
    ]
