"""`agora db upgrade` brings a database to the latest migration, and may be run again."""

from agora import migrations
from agora.cli import main


def test_db_upgrade_command(tmp_path, monkeypatch, capsys, settings):
    monkeypatch.setenv("AGORA_DATABASE_URL", settings.sqlalchemy_url)
    main(["db", "upgrade"])
    assert "Base à jour" in capsys.readouterr().out
    from agora.db import make_engine

    engine = make_engine(settings)
    migrations.upgrade(engine)  # idempotent
    engine.dispose()
