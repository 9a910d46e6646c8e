"""Settings refuse a placeholder secret outside development."""

import pytest

from agora.config import PLACEHOLDER_SECRET, Settings
from agora.errors import InvalidInput


def test_production_refuses_the_placeholder_secret(monkeypatch):
    monkeypatch.delenv("AGORA_SECRET_KEY", raising=False)
    with pytest.raises(InvalidInput, match="AGORA_SECRET_KEY"):
        Settings(environment="production")
    assert Settings(environment="development").secret_key == PLACEHOLDER_SECRET


def test_default_database_is_a_sqlite_file_under_data_dir(tmp_path):
    settings = Settings(environment="development", data_dir=tmp_path)
    assert settings.sqlalchemy_url == f"sqlite:///{tmp_path.resolve() / 'agora.sqlite3'}"


def test_environment_variables_are_read(monkeypatch):
    monkeypatch.setenv("AGORA_ENVIRONMENT", "development")
    monkeypatch.setenv("AGORA_DATABASE_URL", "postgresql+psycopg://u@h/b")
    assert Settings().sqlalchemy_url == "postgresql+psycopg://u@h/b"


def test_sqlite_durability_is_a_validated_setting(tmp_path):

    from agora.db import make_engine

    assert Settings(environment="test").sqlite_synchronous == "NORMAL"
    with pytest.raises(ValueError, match="sqlite_synchronous"):
        Settings(environment="test", sqlite_synchronous="OFF")
    url = f"sqlite:///{tmp_path / 'full.sqlite3'}"
    engine = make_engine(Settings(environment="test", database_url=url, sqlite_synchronous="full"))
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
    engine.dispose()
