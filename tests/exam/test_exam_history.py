"""A started copy never moves: an upgraded generator changes none of its pages or marks.

The copy's variants are stored when it starts; after the generator is moved (it now draws
other numbers for the same seeds) the question page, the grading, the re-grading and the
corrected copy (page and PDF context) are exactly those of the stored variant.
"""

from __future__ import annotations

from decimal import Decimal

from sqlmodel import Session

from agora.exam import closing, grading, service, views
from agora.exam.models import Exam, ExamCopy
from agora.exercise.base import unflatten
from agora.exercise.forms import flatten
from agora.exercise.registry import get_kind

QUESTION = {"kind": "facture", "niveau": 2, "points": 8}


def _stored(app, exam, copy_id):
    with Session(app.state.engine) as session:
        return service.stored_variant(exam, service.answers_of(session, copy_id)[0])


def _right_fields(variant) -> dict[str, str]:
    samples = get_kind(variant.kind).sample_answers(variant.params)
    return flatten(next(s for s in samples if s.correct and not s.invalid).answer)


def test_an_upgraded_generator_changes_nothing_of_a_started_copy(
    app, client, make_student, classe, make_exam, clock, as_student, start_exam, token,
    autosave, move_generator,
):  # fmt: skip
    student = make_student(classe=classe)
    exam = make_exam(questions=[QUESTION], melange=False)
    as_student(client, student)
    copy_id = start_exam(client, exam.code)
    page = f"/examen/copies/{copy_id}/questions/1"
    before = client.get(page).text
    stored = _stored(app, exam, copy_id)
    assert stored.params == service.new_variant(exam, student.org_seed, 0).params

    move_generator("facture")
    assert service.new_variant(exam, student.org_seed, 0).params != stored.params  # it moved
    assert client.get(page).text == before  # same statement, same form
    fields = _right_fields(stored)
    moved = service.new_variant(exam, student.org_seed, 0)
    answer = unflatten(fields)
    assert grading.grade_answer("facture", moved.params, answer).score < 1  # would be wrong

    tok = token(client)
    assert "Enregistré à" in autosave(client, copy_id, 1, fields, tok).text
    client.post(f"/examen/copies/{copy_id}/rendre", data={"csrf_token": tok, "confirmation": "oui"})
    with Session(app.state.engine) as s:
        closing.finalise(s, clock(), exam.id)
        assert s.get(ExamCopy, copy_id).points == Decimal(8)  # graded on the stored variant
        assert closing.regrade(s, s.get(Exam, exam.id), clock()) == (0, 1)
        closing.publish(s, s.get(Exam, exam.id), clock())
        s.commit()
        copy = s.get(ExamCopy, copy_id)
        corrected = views.correction_page(s, s.get(Exam, exam.id), copy, student)
    [question] = corrected.questions  # what the page and the PDF both show
    assert (question.enonce, question.params) == (stored.enonce, stored.params)
    assert question.grade.score == 1
    assert corrected.note == Decimal(20)
    assert client.get(f"/examen/copies/{copy_id}/correction").status_code == 200


def test_an_absent_students_corrected_copy_has_no_drawn_statement(
    db, make_student, classe, make_exam, clock
):
    student = make_student(classe=classe)
    exam = make_exam(questions=[QUESTION])
    copy = service.copy_of(db, exam, student)
    [question] = views.correction_page(db, exam, copy, student).questions
    assert question.enonce == views.NOT_STARTED and question.template is None
