"""Variants drawn ahead (issue 17): the teacher's creation stores every copy's variants, the
start only claims the copy, and each student keeps exactly the variant the start drew before;
a student who joins the class later, or a copy drawn for questions since changed, still starts
with the right variants."""

from __future__ import annotations

import re
from datetime import timedelta

import sqlalchemy as sa
from sqlmodel import Session, select

from agora.exam import creation, grading, service, tirage
from agora.exam.models import Exam, ExamAnswer, ExamCopy
from agora.exercise.variants import build_variant

ONE_QUESTION = {"kind": "facture", "niveau": 1, "points": 2}


def _answers(app, exam_id: int, student_id: int) -> list[ExamAnswer]:
    with Session(app.state.engine) as s:
        copy = s.exec(
            select(ExamCopy).where(ExamCopy.exam_id == exam_id, ExamCopy.student_id == student_id)
        ).one()
        return list(
            s.exec(
                select(ExamAnswer)
                .where(ExamAnswer.copy_id == copy.id)
                .order_by(ExamAnswer.question)
            )
        )


def _as_started_before(exam: Exam, org_seed: int) -> list[tuple]:
    """(question, seed, params, statement) of each variant as the start drew it before
    issue 17: the seed rule of grading.question_seed, today's generators."""
    drawn = []
    for index, q in enumerate(exam.questions):
        seed = grading.question_seed(org_seed, exam.id, index)
        variant = build_variant(q["kind"], int(q["niveau"]), seed, org_seed)
        drawn.append((index, seed, variant.params, variant.enonce))
    return drawn


def _stored(answers: list[ExamAnswer]) -> list[tuple]:
    return [(a.question, a.variant_seed, a.params, a.enonce) for a in answers]


def _start(client, code: str, token) -> tuple[int, list[str]]:
    """(copy id, the SQL statements of the start)."""
    seen: list[str] = []
    engine = client.app.state.engine

    def count(conn, cursor, statement, *_):
        seen.append(statement)

    csrf = token(client)
    sa.event.listen(engine, "before_cursor_execute", count)
    try:
        r = client.post("/examen", data={"code": code, "csrf_token": csrf}, follow_redirects=False)
    finally:
        sa.event.remove(engine, "before_cursor_execute", count)
    assert r.status_code == 303, r.text[:500]
    return int(re.search(r"/copies/(\d+)/", r.headers["location"]).group(1)), seen


def test_a_start_after_the_draw_keeps_the_variant_drawn_at_start_before(
    app, new_client, make_student, classe, make_exam, as_student, token
):
    lea, hugo = make_student(classe=classe), make_student(classe=classe)
    exam = make_exam(melange=False)
    assert tirage.draw_ahead(app.state.engine, exam.id) == 2
    before_start = _stored(_answers(app, exam.id, lea.id))
    assert before_start == _as_started_before(exam, lea.org_seed)
    assert _stored(_answers(app, exam.id, hugo.id)) == _as_started_before(exam, hugo.org_seed)

    _, statements = _start(as_student(new_client(), lea), exam.code, token)

    answers = _answers(app, exam.id, lea.id)
    assert _stored(answers) == before_start  # claimed, not drawn again
    assert all(a.answer == {} and a.saves == 0 for a in answers)
    assert not [s for s in statements if "exam_answers" in s and "INSERT" in s.upper()]
    assert tirage.draw_ahead(app.state.engine, exam.id) == 0  # each copy drawn once


def test_a_student_who_joins_the_class_later_starts_with_the_same_rule(
    app, new_client, make_student, classe, make_exam, as_student, token
):
    make_student(classe=classe)
    exam = make_exam(melange=False)
    tirage.draw_ahead(app.state.engine, exam.id)
    late = make_student(classe=classe)  # no copy yet: drawn at start

    copy_id, _ = _start(as_student(new_client(), late), exam.code, token)

    with Session(app.state.engine) as s:
        assert s.get(ExamCopy, copy_id).statut == "en_cours"
    assert _stored(_answers(app, exam.id, late.id)) == _as_started_before(exam, late.org_seed)


def test_the_monitor_draws_the_copies_of_students_who_joined_since(
    app, client, new_client, teacher, make_student, classe, make_exam, as_teacher
):
    exam = make_exam(melange=False)
    late = make_student(classe=classe)
    as_teacher(client, teacher)
    assert client.get(f"/enseignant/evaluations/{exam.id}").status_code == 200
    assert _stored(_answers(app, exam.id, late.id)) == _as_started_before(exam, late.org_seed)


def test_creating_an_evaluation_draws_every_copy(
    app, client, teacher, classe, make_student, as_teacher, csrf
):
    students = [make_student(classe=classe), make_student(classe=classe)]
    as_teacher(client, teacher)
    data = {
        "titre": "CCF facturation",
        "classe_id": str(classe.id),
        "source": "types",
        "q0_kind": "facture",
        "q0_niveau": "2",
        "q0_points": "12",
        "opens_at": "2099-03-02T08:00",
        "closes_at": "2099-03-02T12:00",
        "duree_minutes": "55",
    }
    page = csrf(client, "/enseignant/evaluations")
    created = client.post("/enseignant/evaluations/nouvelle", data=data | {"csrf_token": page})
    assert created.status_code == 200
    with Session(app.state.engine) as s:
        exam = s.exec(select(Exam).where(Exam.titre == "CCF facturation")).one()
    for student in students:
        stored = _stored(_answers(app, exam.id, student.id))
        assert stored == _as_started_before(exam, student.org_seed)


def test_changed_questions_are_drawn_again(app, make_student, classe, make_exam, db, clock):
    lea = make_student(classe=classe)
    exam = make_exam(
        questions=[ONE_QUESTION], opens=timedelta(days=1), closes=timedelta(days=2), melange=False
    )
    tirage.draw_ahead(app.state.engine, exam.id)
    two = [ONE_QUESTION, {"kind": "rapprochement", "niveau": 1, "points": 6}]
    creation.update_exam(
        db,
        exam,
        clock(),
        titre=exam.titre,
        questions=two,
        opens_at=exam.opens_at,
        closes_at=exam.closes_at,
        duree_minutes=exam.duree_minutes,
        melange=False,
    )
    db.commit()
    assert _answers(app, exam.id, lea.id) == []  # the old questions' variants are dropped
    tirage.draw_ahead(app.state.engine, exam.id)
    assert _stored(_answers(app, exam.id, lea.id)) == _as_started_before(exam, lea.org_seed)


def test_rows_dropped_between_the_read_and_the_claim_are_drawn_at_start(
    app, make_student, classe, make_exam, clock
):
    """The teacher changed the questions just as the student typed the code: the start read
    « drawn », the rows went before its claim; the copy still starts with its variants."""
    lea = make_student(classe=classe)
    exam = make_exam(melange=False)
    tirage.draw_ahead(app.state.engine, exam.id)
    with Session(app.state.engine, expire_on_commit=False) as s:
        exam, copy, drawn = service.exam_for_code(s, lea, exam.code)
        s.rollback()
        assert drawn
        with s.begin():
            s.execute(sa.delete(ExamAnswer).where(ExamAnswer.copy_id == copy.id))
        with service.writing(s):
            copy = service.start(s, exam, lea, clock(), "10.0.0.1", "test", copy, drawn)
        assert copy.statut == "en_cours"
    assert _stored(_answers(app, exam.id, lea.id)) == _as_started_before(exam, lea.org_seed)
