"""The Alembic migrations build exactly the schema the models declare (no drift)."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect
from sqlmodel import SQLModel

from agora import migrations
from agora.db import make_engine


def test_migrations_produce_the_models_schema(settings):
    engine = make_engine(settings)
    migrations.upgrade(engine)
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        diffs = compare_metadata(context, SQLModel.metadata)
        tables = set(inspect(connection).get_table_names())
    engine.dispose()
    assert diffs == []
    assert set(SQLModel.metadata.tables) <= tables


def test_sqlite_pragmas_are_on(tmp_path):
    from agora.config import Settings

    engine = make_engine(
        Settings(environment="test", database_url=f"sqlite:///{tmp_path / 'x.sqlite3'}")
    )
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
    engine.dispose()
