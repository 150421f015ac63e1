"""ids never given out twice (SQLite AUTOINCREMENT), and who made each change

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-26

SQLite reuses the largest rowid once its row is gone; an undo that brings back a deleted bullet
with its old id then clashes with a newer one.  AUTOINCREMENT needs the tables rebuilt, which
drops their search triggers: they are made again as revision 0004 made them.  (migrate.upgrade
switches SQLite's foreign keys off around this, as SQLite's own procedure for a rebuild asks.)
"""

import sqlalchemy as sa
from alembic import op

from svsm_meet.migrations.search_triggers import sqlite_triggers

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_TABLES = ("attendance", "section", "item", "followup")


def _rebuild(autoincrement: bool) -> None:
    for table in _TABLES:
        with op.batch_alter_table(table, recreate="always",
                                  table_kwargs={"sqlite_autoincrement": autoincrement}):
            pass
        for statement in sqlite_triggers(table):
            op.execute(statement)


def upgrade() -> None:
    with op.batch_alter_table("change") as batch:
        batch.add_column(sa.Column("author", sa.String(length=200), nullable=True))
    if op.get_bind().dialect.name == "sqlite":
        _rebuild(autoincrement=True)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _rebuild(autoincrement=False)
    with op.batch_alter_table("change") as batch:
        batch.drop_column("author")
