"""Versions of an authored mission: an exam answer counts as an answer too, and a version
keeps the exact text it was saved with."""

from __future__ import annotations

from datetime import timedelta

from starlette.datastructures import FormData

from agora.authoring import catalog, editor, service
from agora.authoring.models import AuthoredMission
from agora.db import utcnow
from agora.exam.models import Exam, ExamAnswer, ExamCopy


def _text(form: dict[str, str], **changes: str) -> str:
    _mission, texte, errors = editor.check(
        editor.draft_from_form(FormData(list((form | changes).items())))
    )
    assert errors == {}
    return texte


def test_an_exam_answer_freezes_the_version_it_answered(
    db, form, make_teacher, make_classe, make_student
):
    teacher = make_teacher()
    classe = make_classe(teacher)
    student = make_student(classe)
    version = service.create(db, teacher.id, _text(form))
    mission = db.get(AuthoredMission, version.mission_id)
    now = utcnow()
    exam = Exam(teacher_id=teacher.id, classe_id=classe.id, titre="CCF", mission_slug=version.slug,
                questions=[{"kind": "facture", "niveau": 1, "points": 10, "titre": "F"}],
                opens_at=now, closes_at=now + timedelta(hours=2), duree_minutes=55, code="ABCDEF")  # fmt: skip
    db.add(exam)
    db.flush()
    copy = ExamCopy(exam_id=exam.id, student_id=student.id)
    db.add(copy)
    db.flush()
    db.add(ExamAnswer(copy_id=copy.id, question=0, variant_seed=1))  # drawn ahead (tirage)
    db.flush()
    assert service.save(db, mission, _text(form, titre="Avant")).numero == 1  # not answered
    copy.statut = "en_cours"  # the student started: the answer is theirs
    db.add(copy)
    db.flush()
    new = service.save(db, mission, _text(form, titre="Après"))
    assert new.numero == 2 and new.slug.endswith("-v2")
    assert catalog.find_mission(db, version.slug).titre == "Avant"
    assert catalog.find_mission(db, new.slug).titre == "Après"
    assert [m.titre for m in catalog.own_missions(db, teacher.id)] == ["Après"]
