"""Alembic environment: the models' metadata, batch mode on SQLite (ALTER TABLE is limited)."""

from alembic import context
from sqlmodel import SQLModel

from agora.db import import_models

import_models()
config = context.config
target_metadata = SQLModel.metadata


def run_migrations_online() -> None:
    engine = config.attributes["engine"]
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=connection.dialect.name == "sqlite",
            compare_type=True,
        )
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()


run_migrations_online()
