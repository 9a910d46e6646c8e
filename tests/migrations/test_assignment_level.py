"""Migration 0019 adds the level an assignment gives its mission at: the assignments made
before keep none, read as the mission's own level, which is what their students got."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import sqlalchemy as sa
from sqlmodel import Session

from agora import migrations
from agora.authoring.catalog import assignment_mission
from agora.classroom.models import Assignment
from agora.content.missions import get_mission
from agora.db import make_engine

NOW = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
MISSION = "la-paie-de-mars"


@pytest.fixture
def engine(settings):
    engine = make_engine(settings)
    migrations.upgrade(engine, "0018_login_limits")
    yield engine
    engine.dispose()


def _insert(connection, table: str, **values) -> int:
    reflected = sa.Table(table, sa.MetaData(), autoload_with=connection)
    return connection.execute(sa.insert(reflected).values(**values)).inserted_primary_key[0]


def test_an_assignment_made_before_keeps_the_missions_own_level(engine):
    with engine.begin() as c:
        person = {"role": "enseignant", "password_hash": "x", "must_change_password": False}
        teacher = _insert(c, "users", login="prof", prenom="Claire", nom="Prof",
                          session_version=1, created_at=NOW, **person)  # fmt: skip
        classe = _insert(c, "classes", teacher_id=teacher, nom="1re A",
                         annee_scolaire="2026-2027", created_at=NOW)  # fmt: skip
        old = _insert(c, "assignments", classe_id=classe, mission_slug=MISSION,
                      attempts_allowed=3, corrections="immediate", created_at=NOW)  # fmt: skip
    migrations.upgrade(engine, "head")
    with Session(engine) as session:
        assignment = session.get(Assignment, old)
        assert assignment.niveau is None
        mission = assignment_mission(session, assignment)
    assert mission == get_mission(MISSION) and mission.niveau == 2
