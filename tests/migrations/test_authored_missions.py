"""Migration 0014: the tables of authored missions have the columns the models use, and a
version made through the models is read back (SQLite and PostgreSQL)."""

from __future__ import annotations

import sqlalchemy as sa
from sqlmodel import Session

from agora import migrations
from agora.authoring.models import AuthoredMission, AuthoredMissionVersion
from agora.db import make_engine


def test_the_tables_match_the_models_and_a_version_is_stored(settings):
    engine = make_engine(settings)
    migrations.upgrade(engine)
    inspector = sa.inspect(engine)
    for model in (AuthoredMission, AuthoredMissionVersion):
        migrated = {c["name"] for c in inspector.get_columns(model.__tablename__)}
        assert migrated == set(model.__table__.columns.keys())
    with Session(engine) as session:
        session.execute(sa.text(
            "INSERT INTO users (login, role, prenom, nom, password_hash, must_change_password,"
            " session_version, created_at) VALUES ('prof', 'enseignant', 'C', 'P', 'x', false,"
            " 1, CURRENT_TIMESTAMP)"
        ))  # fmt: skip
        mission = AuthoredMission(teacher_id=1)
        session.add(mission)
        session.flush()
        session.add(AuthoredMissionVersion(mission_id=mission.id, numero=1, titre="T", texte="x"))
        session.commit()
        assert session.get(AuthoredMissionVersion, 1).slug == f"perso-{mission.id}-v1"
    engine.dispose()
