"""a series' SEQUENCE: its calendar event changes when people set its cadence, time or zone

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-27

The VEVENT of a series carries SEQUENCE = its number of meetings plus this count of edits, so that
a calendar sees a changed RRULE or start as a new version (RFC 5545 3.8.7.4) and it never goes down.
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("series") as batch:
        batch.add_column(sa.Column("sequence", sa.Integer(), nullable=False, server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("series") as batch:
        batch.drop_column("sequence")
