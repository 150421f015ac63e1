"""person ids never given out twice (SQLite AUTOINCREMENT)

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-30

`people alias` merges two people and deletes one; SQLite would give the next new person the id
of the one merged away if it was the largest, and an undo or a script holding the old id would
then name somebody else.  The table is rebuilt as revision 0005 rebuilt the others.  It has no
search triggers of its own, but the follow-ups' and attendance's name it, and SQLite will not
rename a table into place under a trigger that names a table gone: they are set aside, as written,
and made again after.
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def _rebuild(autoincrement: bool) -> None:
    conn = op.get_bind()
    naming = conn.execute(sa.text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND sql LIKE "
                                  "'%FROM person %'")).all()
    for name, _ in naming:
        op.execute(f'DROP TRIGGER "{name}"')
    with op.batch_alter_table("person", recreate="always", table_kwargs={"sqlite_autoincrement": autoincrement}):
        pass
    for _, sql in naming:
        op.execute(sql)


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _rebuild(autoincrement=True)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _rebuild(autoincrement=False)
