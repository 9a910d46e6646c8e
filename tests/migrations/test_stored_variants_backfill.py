"""Migration 0008 back-fills the variant of attempts and exam answers made before it.

A database is built at the previous revision (0007) with the tables as they were, rows are
written there, then the upgrade must give every exercise row the variant its seeds draw today
(params, statement, content version), leave prose answers alone, and be safe to run again.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.script import ScriptDirectory
from sqlmodel import Session

from agora import migrations
from agora.company import generate_company
from agora.db import make_engine
from agora.exam import service as exam_service
from agora.exam.models import Exam, ExamAnswer
from agora.exercise.registry import get_kind

BEFORE, REVISION = "0007_exam_correction_erreur", "0008_stored_variants"
NOW = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
ORG_SEED = 4242
# (kind, niveau, variant_seed) of the mission attempts written at 0007; a prose one too.
ATTEMPTS = [("facture", 2, 11), ("rapprochement", 1, 12), ("planning", 3, 13)]
ATTEMPTS += [("bulletin_paie", 2, 14), ("facture", 1, 15)]
QUESTIONS = [{"kind": "facture", "niveau": 2, "points": 10, "titre": "Facture"}]
QUESTIONS += [{"kind": "bulletin_paie", "niveau": 1, "points": 10, "titre": "Paie"}]


@pytest.fixture
def engine(settings):
    engine = make_engine(settings)
    migrations.upgrade(engine, BEFORE)
    yield engine
    engine.dispose()


def _insert(connection, table: str, **values) -> int:
    reflected = sa.Table(table, sa.MetaData(), autoload_with=connection)
    return connection.execute(sa.insert(reflected).values(**values)).inserted_primary_key[0]


def _old_rows(engine) -> None:
    """A class, a student, mission attempts and a started exam copy, as 0007 stored them."""
    with engine.begin() as c:
        person = {"role": "eleve", "password_hash": "x", "must_change_password": False}
        person |= {"session_version": 1, "created_at": NOW}
        teacher = _insert(c, "users", login="prof", prenom="Claire", nom="Prof", **person)
        user = _insert(c, "users", login="lea", prenom="Léa", nom="Arnaud", **person)
        classe = _insert(
            c,
            "classes",
            teacher_id=teacher,
            nom="1re A",
            annee_scolaire="2026-2027",
            created_at=NOW,
        )
        student = _insert(c, "students", user_id=user, classe_id=classe, org_seed=ORG_SEED)
        assignment = _insert(
            c, "assignments", classe_id=classe, mission_slug="m", attempts_allowed=3,
            corrections="immediate", created_at=NOW,
        )  # fmt: skip
        attempt = {"student_id": student, "assignment_id": assignment, "created_at": NOW}
        for step, (kind, niveau, seed) in enumerate(ATTEMPTS):
            _insert(c, "step_attempts", **attempt, step_index=step, kind=kind, niveau=niveau,
                    variant_seed=seed, answer={})  # fmt: skip
        _insert(c, "step_attempts", **attempt, step_index=9, kind="redaction", niveau=1,
                variant_seed=99, answer={"texte": "Bonjour"})  # fmt: skip
        exam = _insert(
            c, "exams", teacher_id=teacher, classe_id=classe, titre="Éval", questions=QUESTIONS,
            opens_at=NOW, closes_at=NOW, duree_minutes=30, code="ABC234", melange=False,
            created_at=NOW,
        )  # fmt: skip
        copy = _insert(c, "exam_copies", exam_id=exam, student_id=student, amenagement="aucun",
                       minutes_en_plus=0, statut="en_cours")  # fmt: skip
        for index in range(len(QUESTIONS)):
            _insert(c, "exam_answers", copy_id=copy, question=index, variant_seed=100 + index,
                    fields={}, saves=0)  # fmt: skip


def _drawn_today(kind: str, niveau: int, seed: int) -> dict:
    module = get_kind(kind)
    variant = module.generate(seed, niveau, generate_company(ORG_SEED))
    version = f"{kind}/{module.VERSION}"  # the generator of the release that runs the upgrade
    return {"params": variant.params, "enonce": variant.enonce, "content_version": version}


def _stored(connection, table: str) -> list[dict]:
    query = f"SELECT kind, niveau, variant_seed, params, enonce, content_version FROM {table}"
    if table == "exam_answers":
        query = query.replace("kind, niveau, ", "question, 0 AS niveau, ")
    rows = connection.execute(sa.text(query + " ORDER BY id")).mappings().all()
    return [dict(r) | {"params": _json(r["params"])} for r in rows]


def _json(value):
    return json.loads(value) if isinstance(value, str) else value


def test_upgrade_stores_todays_variant_of_every_older_row(engine):
    _old_rows(engine)
    migrations.upgrade(engine)
    with engine.connect() as c:
        attempts, answers = _stored(c, "step_attempts"), _stored(c, "exam_answers")
    for row, (kind, niveau, seed) in zip(attempts, ATTEMPTS, strict=False):
        expected = _drawn_today(kind, niveau, seed)
        assert {k: row[k] for k in expected} == expected
    assert attempts[-1]["params"] is None and attempts[-1]["enonce"] is None  # prose: nothing
    for row, q in zip(answers, QUESTIONS, strict=True):
        expected = _drawn_today(q["kind"], q["niveau"], row["variant_seed"])
        assert {k: row[k] for k in expected} == expected


def test_the_app_reads_a_back_filled_exam_answer(engine):
    _old_rows(engine)
    migrations.upgrade(engine)
    with Session(engine) as session:
        exam = session.get(Exam, 1)
        answer = session.get(ExamAnswer, 2)
        variant = exam_service.stored_variant(exam, answer)
    assert variant.kind == "bulletin_paie"
    assert variant.params == _drawn_today("bulletin_paie", 1, 101)["params"]


def test_backfill_goes_in_batches_and_a_second_run_changes_nothing(engine, monkeypatch):
    _old_rows(engine)
    migrations.upgrade(engine)
    script = ScriptDirectory.from_config(migrations.alembic_config(engine))
    module = script.get_revision(REVISION).module
    with engine.begin() as c:
        before = _stored(c, "step_attempts") + _stored(c, "exam_answers")
        assert module.backfill(c) == 0  # everything is filled: nothing to do
        c.execute(sa.text("UPDATE step_attempts SET params = NULL WHERE kind <> 'redaction'"))
        monkeypatch.setattr(module, "BATCH", 2)
        assert module.backfill(c) == len(ATTEMPTS)  # three batches of at most two
        assert _stored(c, "step_attempts") + _stored(c, "exam_answers") == before


def test_downgrade_drops_the_columns_and_upgrade_fills_them_again(engine):
    _old_rows(engine)
    migrations.upgrade(engine)
    with engine.connect() as c:
        filled = _stored(c, "exam_answers")
    command.downgrade(migrations.alembic_config(engine), BEFORE)
    with engine.connect() as c:
        assert "params" not in {col["name"] for col in sa.inspect(c).get_columns("exam_answers")}
    migrations.upgrade(engine)
    with engine.connect() as c:
        assert _stored(c, "exam_answers") == filled
