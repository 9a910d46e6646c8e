"""Migration 0011: assignments made before keep the same statement on every try; new ones don't.

Their students started with one variant per step; changing that under them would change what
a retry means in the middle of a mission.
"""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa

from agora import migrations
from agora.db import make_engine

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def _insert(connection, table: str, **values) -> int:
    reflected = sa.Table(table, sa.MetaData(), autoload_with=connection)
    return connection.execute(sa.insert(reflected).values(**values)).inserted_primary_key[0]


def _assignment(connection, classe: int) -> int:
    return _insert(connection, "assignments", classe_id=classe, mission_slug="m",
                   attempts_allowed=3, corrections="immediate", created_at=NOW)  # fmt: skip


def test_earlier_assignments_keep_the_same_statement_and_new_ones_get_new_figures(settings):
    engine = make_engine(settings)
    migrations.upgrade(engine, "0010_exam_answers_nested")
    with engine.begin() as c:
        person = {"role": "enseignant", "password_hash": "x", "must_change_password": False}
        teacher = _insert(c, "users", login="prof", prenom="Claire", nom="Prof",
                          session_version=1, created_at=NOW, **person)  # fmt: skip
        classe = _insert(c, "classes", teacher_id=teacher, nom="1re A",
                         annee_scolaire="2026-2027", created_at=NOW)  # fmt: skip
        before = _assignment(c, classe)
    migrations.upgrade(engine, "0011_lead_new_variant_per_try")
    with engine.begin() as c:
        after = _assignment(c, classe)
        rows = dict(c.execute(sa.text("SELECT id, meme_enonce FROM assignments")).all())
    engine.dispose()
    assert bool(rows[before]) is True and bool(rows[after]) is False
