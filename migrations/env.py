"""Alembic environment: runs on the connection svsm-meet hands over (see store/migrate.py)."""

from alembic import context

from sqlmodel import SQLModel

import svsm_meet.store.schema  # noqa: F401 - declares the models, filling SQLModel.metadata
from svsm_meet.store.migrate import from_schema

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # `alembic` run by hand, e.g. to write a new revision
    from svsm_meet.store.engine import make_engine, resolve_url

    connection = make_engine(resolve_url(config.get_main_option("sqlalchemy.url"))).connect()


context.configure(
    connection=connection,
    target_metadata=SQLModel.metadata,
    render_as_batch=True,  # SQLite alters tables by copying them
    compare_type=True,
    include_name=from_schema,
)
with context.begin_transaction():
    context.run_migrations()
