"""publication: which commit of a governance repo holds a meeting's minutes

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-28

`svsm-meet publish` records each commit it makes (or finds) for a meeting, so that the app can
tell minutes that are published from ones that changed since and ones never published.
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "publication",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("series_id", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("repo", sa.String(length=1000), nullable=False),
        sa.Column("path", sa.String(length=1000), nullable=False),
        sa.Column("commit_id", sa.String(length=64), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("published_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["series_id"], ["series.id"],
                                name=op.f("fk_publication_series_id_series"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_publication")),
    )
    with op.batch_alter_table("publication") as batch:
        batch.create_index("ix_publication_meeting", ["series_id", "date"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("publication") as batch:
        batch.drop_index("ix_publication_meeting")
    op.drop_table("publication")
