"""Migration 0010 stores exam answers nested, like attempts, and flattens them back on downgrade.

A database is built at the previous revision (0009) with exam answers as they were kept then
(flat form fields), the upgrade must leave the nested answer of the contract in ``answer``,
that the app shows and grades as before, and the downgrade must give the flat fields back.
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
from agora.exam import grading, service
from agora.exam.models import Exam, ExamAnswer
from agora.exercise.forms import AnswerForm
from agora.exercise.registry import get_kind

BEFORE, REVISION = "0009_evidence_withdrawn", "0010_exam_answers_nested"
NOW = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
ORG_SEED, SEED = 4242, 77
QUESTIONS = [{"kind": "facture", "niveau": 2, "points": 10, "titre": "Facture"}]
QUESTIONS += [{"kind": "facture", "niveau": 1, "points": 10, "titre": "Vide"}]
# Flat fields as an exam answer kept them, rows out of order and a name the schema refuses.
FLAT = {"total_ht": "12,00", "lignes.1.montant_ht": "3", "lignes.0.reference": "C1"}
FLAT_UNKNOWN = {"inconnu": "x"}
NESTED = {"total_ht": "12,00", "lignes": [{"reference": "C1"}, {"montant_ht": "3"}]}


@pytest.fixture
def engine(settings):
    engine = make_engine(settings)
    migrations.upgrade(engine, BEFORE)
    yield engine
    engine.dispose()


def _insert(connection, table: str, **values) -> int:
    reflected = sa.Table(table, sa.MetaData(), autoload_with=connection)
    return connection.execute(sa.insert(reflected).values(**values)).inserted_primary_key[0]


def _variant():
    return get_kind("facture").generate(SEED, 2, generate_company(ORG_SEED))


def _old_rows(engine, first: dict, second: dict) -> None:
    """A started exam copy whose two answers hold ``first`` and ``second``, as 0009 kept them."""
    variant = _variant()
    with engine.begin() as c:
        person = {"role": "eleve", "password_hash": "x", "must_change_password": False}
        person |= {"session_version": 1, "created_at": NOW}
        teacher = _insert(c, "users", login="prof", prenom="Claire", nom="Prof", **person)
        user = _insert(c, "users", login="lea", prenom="Léa", nom="Arnaud", **person)
        classe = _insert(c, "classes", teacher_id=teacher, nom="1re A",
                         annee_scolaire="2026-2027", created_at=NOW)  # fmt: skip
        student = _insert(c, "students", user_id=user, classe_id=classe, org_seed=ORG_SEED)
        exam = _insert(
            c, "exams", teacher_id=teacher, classe_id=classe, titre="Éval", questions=QUESTIONS,
            opens_at=NOW, closes_at=NOW, duree_minutes=30, code="ABC234", melange=False,
            created_at=NOW,
        )  # fmt: skip
        copy = _insert(c, "exam_copies", exam_id=exam, student_id=student, amenagement="aucun",
                       minutes_en_plus=0, statut="en_cours")  # fmt: skip
        for index, fields in enumerate((first, second)):
            _insert(c, "exam_answers", copy_id=copy, question=index, variant_seed=SEED,
                    params=variant.params, enonce=variant.enonce, content_version="facture/1",
                    fields=fields, saves=1)  # fmt: skip


def _column(connection, name: str) -> list:
    rows = connection.execute(sa.text(f"SELECT {name} FROM exam_answers ORDER BY id")).all()
    return [json.loads(r[0]) if isinstance(r[0], str) else r[0] for r in rows]


def test_upgrade_nests_the_fields_that_the_app_then_shows_and_grades(engine):
    _old_rows(engine, FLAT | FLAT_UNKNOWN, {})
    flat_grade = grading.grade_answer("facture", _variant().params, NESTED)  # as graded before
    migrations.upgrade(engine)
    with engine.connect() as c:
        assert _column(c, "answer") == [NESTED | FLAT_UNKNOWN, {}]
    with Session(engine) as session:
        exam, answer = session.get(Exam, 1), session.get(ExamAnswer, 1)
        variant = service.stored_variant(exam, answer)
        graded = grading.grade_answer(variant.kind, variant.params, answer.answer)
        form = AnswerForm.from_answer(answer.answer)
    assert graded.to_json() == flat_grade.to_json()  # the unknown name is still left out
    assert form.value("lignes.1.montant_ht") == "3" and form.value("total_ht") == "12,00"


def test_downgrade_gives_the_flat_fields_back(engine):
    _old_rows(engine, FLAT, {})
    migrations.upgrade(engine)
    command.downgrade(migrations.alembic_config(engine), BEFORE)
    with engine.connect() as c:
        assert "answer" not in {col["name"] for col in sa.inspect(c).get_columns("exam_answers")}
        assert _column(c, "fields") == [FLAT, {}]


def test_a_clashing_name_that_was_never_graded_is_the_only_loss(engine):
    clash = {"total_ht": "12,00", "total_ht.0": "1"}  # « a » then « a.0 »: never graded
    _old_rows(engine, clash, {})
    migrations.upgrade(engine)
    with engine.connect() as c:
        assert _column(c, "answer")[0] == {"total_ht": "12,00"}


def test_a_second_conversion_changes_nothing(engine, monkeypatch):
    _old_rows(engine, FLAT, FLAT)
    migrations.upgrade(engine)
    script = ScriptDirectory.from_config(migrations.alembic_config(engine))
    module = script.get_revision(REVISION).module
    monkeypatch.setattr(module, "BATCH", 1)
    with engine.begin() as c:
        before = _column(c, "answer")
        assert module.convert(c, "answer", module._nested) == 0
        assert _column(c, "answer") == before == [NESTED, NESTED]
