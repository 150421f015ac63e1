"""a series' house style: the parts people set (topic colon, labels, bullet, indent)

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-29

New meetings and live entries follow the style of the series' imported minutes; `series edit`
can set any part of it, kept here as JSON with only the parts set (NULL: all learned).
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("series") as batch:
        batch.add_column(sa.Column("style", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("series") as batch:
        batch.drop_column("style")
