"""Migration 0009 withdraws the evidence the kinds no longer claim, and only that.

Before issue 10 a facture credited 1.2.3 from its totals, a payslip 3.2.5 and a planning 2.1.5;
those fields never proved them. Evidence of the same codes from other sources, and every other
competency of those kinds, stays.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import sqlalchemy as sa

from agora import migrations
from agora.db import make_engine

NOW = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)


@pytest.fixture
def engine(settings):
    engine = make_engine(settings)
    migrations.upgrade(engine, "0008_stored_variants")
    yield engine
    engine.dispose()


def _insert(connection, table: str, **values) -> int:
    reflected = sa.Table(table, sa.MetaData(), autoload_with=connection)
    return connection.execute(sa.insert(reflected).values(**values)).inserted_primary_key[0]


def _school(c) -> tuple[int, int, int]:
    """(student, assignment, exam copy) ids of one student of one class."""
    person = {"role": "eleve", "password_hash": "x", "must_change_password": False}
    person |= {"session_version": 1, "created_at": NOW}
    teacher = _insert(c, "users", login="prof", prenom="Claire", nom="Prof", **person)
    user = _insert(c, "users", login="lea", prenom="Léa", nom="Arnaud", **person)
    classe = _insert(c, "classes", teacher_id=teacher, nom="1re A", annee_scolaire="2026-2027",
                     created_at=NOW)  # fmt: skip
    student = _insert(c, "students", user_id=user, classe_id=classe, org_seed=7)
    assignment = _insert(c, "assignments", classe_id=classe, mission_slug="m", attempts_allowed=3,
                         corrections="immediate", created_at=NOW)  # fmt: skip
    exam = _insert(c, "exams", teacher_id=teacher, classe_id=classe, titre="Éval", questions=[],
                   opens_at=NOW, closes_at=NOW, duree_minutes=30, code="ABC234", melange=False,
                   created_at=NOW)  # fmt: skip
    copy = _insert(c, "exam_copies", exam_id=exam, student_id=student, amenagement="aucun",
                   minutes_en_plus=0, statut="relevee")  # fmt: skip
    return student, assignment, copy


def _evidence(c, student: int, code: str, **source) -> int:
    return _insert(c, "competency_evidence", student_id=student, code=code, score=10000, at=NOW,
                   **source)  # fmt: skip


def test_only_the_evidence_of_fields_that_never_proved_it_is_withdrawn(engine):
    with engine.begin() as c:
        student, assignment, copy = _school(c)

        def attempt(kind: str) -> int:
            return _insert(c, "step_attempts", student_id=student, assignment_id=assignment,
                           step_index=0, kind=kind, niveau=1, variant_seed=1, answer={},
                           created_at=NOW)  # fmt: skip

        questions = iter(range(10))

        def answer(kind: str) -> int:
            return _insert(c, "exam_answers", copy_id=copy, question=next(questions), variant_seed=1,
                           fields={}, saves=0, content_version=f"{kind}/1")  # fmt: skip

        facture, paie, planning = attempt("facture"), attempt("bulletin_paie"), attempt("planning")
        encaissements = attempt("encaissements")  # a kind that will prove 1.2.3 for real
        withdrawn = {
            _evidence(c, student, "1.2.3", attempt_id=facture),
            _evidence(c, student, "3.2.5", attempt_id=paie),
            _evidence(c, student, "2.1.5", attempt_id=planning),
            _evidence(c, student, "1.2.3", exam_answer_id=answer("facture")),
        }
        kept = {
            _evidence(c, student, "1.2.2", attempt_id=facture),
            _evidence(c, student, "3.2.4", attempt_id=paie),
            _evidence(c, student, "3.2.1", exam_answer_id=answer("planning")),
            _evidence(c, student, "1.2.3", attempt_id=encaissements),
        }
    migrations.upgrade(engine)
    with engine.connect() as c:
        left = set(c.execute(sa.text("SELECT id FROM competency_evidence")).scalars())
    assert left == kept and not left & withdrawn
