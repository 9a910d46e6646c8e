"""Migration 0015: assignments made before get no penalty per extra try (their marks do not
change), and the new tables (positionnements, step displays) exist and go back down."""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import command

from agora import migrations
from agora.db import make_engine

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
REVISION = "0015_evidence_positionnement"


def _insert(connection, table: str, **values) -> int:
    reflected = sa.Table(table, sa.MetaData(), autoload_with=connection)
    return connection.execute(sa.insert(reflected).values(**values)).inserted_primary_key[0]


def test_earlier_assignments_get_no_penalty_and_the_new_tables_come_and_go(settings):
    engine = make_engine(settings)
    migrations.upgrade(engine, "0011_lead_new_variant_per_try")
    with engine.begin() as c:
        person = {"role": "enseignant", "password_hash": "x", "must_change_password": False}
        teacher = _insert(c, "users", login="prof", prenom="Claire", nom="Prof",
                          session_version=1, created_at=NOW, **person)  # fmt: skip
        classe = _insert(c, "classes", teacher_id=teacher, nom="1re A",
                         annee_scolaire="2026-2027", created_at=NOW)  # fmt: skip
        before = _insert(c, "assignments", classe_id=classe, mission_slug="m",
                         attempts_allowed=3, corrections="immediate", meme_enonce=False,
                         created_at=NOW)  # fmt: skip
    migrations.upgrade(engine, REVISION)
    with engine.begin() as c:
        penalty = c.execute(
            sa.text("SELECT penalite_essai FROM assignments WHERE id = :id"), {"id": before}
        ).scalar_one()
        tables = set(sa.inspect(c).get_table_names())
    assert penalty == 0
    assert {"competency_positionnements", "step_displays"} <= tables
    command.downgrade(migrations.alembic_config(engine), "0011_lead_new_variant_per_try")
    with engine.begin() as c:
        tables = set(sa.inspect(c).get_table_names())
        columns = {col["name"] for col in sa.inspect(c).get_columns("assignments")}
    engine.dispose()
    assert not {"competency_positionnements", "step_displays"} & tables
    assert "penalite_essai" not in columns
