"""A mission step once attempted never moves: its variant is stored with each attempt.

After the generator is moved (it now draws other numbers for the same seeds) the student's
page still shows the stored statement, a new attempt is graded against the stored params
(and stores them again), and the teacher sees every attempt with its own variant.
"""

from __future__ import annotations

from agora.classroom import service
from agora.classroom.teacher.work_views import student_work_page
from agora.content.missions import get_mission
from agora.db import utcnow
from agora.exercise.forms import flatten
from agora.exercise.registry import get_kind

MISSION = "du-devis-a-l-encaissement"  # step 0: facture


def _sample(variant, correct: bool) -> dict[str, str]:
    samples = get_kind(variant.kind).sample_answers(variant.params)
    return flatten(next(s for s in samples if s.correct is correct and not s.invalid).answer)


def test_an_attempted_step_keeps_its_variant_when_the_generator_moves(
    client, db, make_classe, make_student, make_assignment, as_student, move_generator
):
    classe = make_classe()
    student = make_student(classe)
    assignment = make_assignment(classe, MISSION, meme_enonce=True)
    mission = get_mission(MISSION)
    drawn = service.step_variant(student, mission, 0)
    first = service.submit_exercise(db, student, assignment, 0, _sample(drawn, False), utcnow())
    db.commit()
    assert first.attempt.content_version == f"facture/{get_kind('facture').VERSION}"
    assert (first.attempt.params, first.attempt.enonce) == (drawn.params, drawn.enonce)
    page = as_student(client, student).get(f"/eleve/missions/{assignment.id}").text

    move_generator("facture")
    moved = service.step_variant(student, mission, 0)
    assert moved.params != drawn.params and moved.enonce != drawn.enonce  # it moved
    assert client.get(f"/eleve/missions/{assignment.id}").text == page

    second = service.submit_exercise(db, student, assignment, 0, _sample(drawn, True), utcnow())
    db.commit()
    assert second.grade.score == 1  # graded against the stored params, not the moved ones
    assert second.attempt.params == drawn.params

    work = student_work_page(db, classe, assignment, student)  # the teacher's review
    assert work.steps[0].enonce == drawn.enonce
    assert [view.params for view in work.steps[0].attempts] == [drawn.params, drawn.params]


def test_a_step_never_attempted_is_drawn_by_todays_generator(
    db, make_classe, make_student, make_assignment, move_generator
):
    classe = make_classe()
    student, assignment = make_student(classe), make_assignment(classe, MISSION)
    move_generator("facture")
    mission = get_mission(MISSION)
    today = service.step_variant(student, mission, 0)
    done = service.submit_exercise(db, student, assignment, 0, _sample(today, True), utcnow())
    assert done.grade.score == 1 and done.attempt.params == today.params
