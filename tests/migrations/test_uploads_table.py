"""Migration 0013 adds the uploads table on a database in use, and its downgrade removes it."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import command

from agora import migrations
from agora.db import make_engine


def test_the_uploads_table_comes_and_goes(settings):
    engine = make_engine(settings)
    migrations.upgrade(engine, "0011_lead_new_variant_per_try")
    assert "uploads" not in sa.inspect(engine).get_table_names()
    migrations.upgrade(engine, "0013_uploads")
    inspector = sa.inspect(engine)
    columns = {c["name"] for c in inspector.get_columns("uploads")}
    assert columns == {
        "id", "student_id", "attempt_id", "nom", "media_type", "taille", "sha256", "created_at"
    }  # fmt: skip
    command.downgrade(migrations.alembic_config(engine), "0011_lead_new_variant_per_try")
    assert "uploads" not in sa.inspect(engine).get_table_names()
    engine.dispose()
