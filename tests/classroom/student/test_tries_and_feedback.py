"""New figures for each try, and a correction that gives no expected value before its time.

Issue 15: with the same variant on every try and the expected values shown after the first
one, copying them gave full marks. By default a new try now gets a new variant (same
organisation), and the expected values wait until the tries are used up or the due date has
passed; « Mes compétences » waits for the correction a policy hides.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import select
from tests.pdf_helpers import pdf_text

from agora.classroom import service
from agora.classroom.models import StepAttempt
from agora.content.missions import get_mission
from agora.db import utcnow
from agora.exercise.forms import flatten
from agora.exercise.registry import get_kind
from agora.money import euros

MISSION = "le-devis-du-client"  # step 0: a quote (amounts), which no later step takes
CHAINED = "du-devis-a-l-encaissement"  # step 0: the invoice that step 2 records


def _sample(variant, correct: bool):
    samples = get_kind(variant.kind).sample_answers(variant.params)
    return next(s for s in samples if s.correct is correct and not s.invalid)


def _post(client, csrf, assignment, fields, essai: str, htmx: bool = False):
    token = csrf(client, f"/eleve/missions/{assignment.id}")
    return client.post(
        f"/eleve/missions/{assignment.id}/etapes/0",
        data={**fields, "essai": essai, "csrf_token": token},
        headers={"HX-Request": "true"} if htmx else {},
    )


def _tries(db, student) -> list[StepAttempt]:
    db.expire_all()
    query = select(StepAttempt).where(StepAttempt.student_id == student.id)
    return list(db.exec(query.order_by(StepAttempt.id)))


def _hidden_values(attempt: StepAttempt) -> list[str]:
    """The expected values of the wrong fields, as a page would print them, that the statement
    itself does not show (a value copied from the statement reveals nothing)."""
    printed = []
    for champ in attempt.grade["champs"]:
        attendu = champ["attendu"]
        if champ["correct"] or not attendu or not any(c.isdigit() for c in attendu):
            continue
        try:
            forms = {euros(attendu, symbol=False), attendu}
        except ArithmeticError:  # not an amount: a date, a code
            forms = {attendu}
        printed += [f for f in forms if len(f) >= 4 and f not in attempt.enonce]
    return printed


@pytest.fixture
def class_of(make_classe, make_student, make_assignment):
    def make(slug=MISSION, **options):
        classe = make_classe()
        return make_student(classe), make_assignment(classe, slug, **options)

    return make


def test_a_retry_gets_new_figures_and_copying_the_last_correction_is_not_enough(
    client, db, class_of, as_student, csrf
):
    student, assignment = class_of(corrections="immediate")
    as_student(client, student)
    first = service.step_variant(student, get_mission(MISSION), 0)
    _post(client, csrf, assignment, flatten(_sample(first, False).answer), essai="0")

    page = client.get(f"/eleve/missions/{assignment.id}").text
    assert "Nouvel essai (nouveaux chiffres)" in page  # the last try is shown, read-only
    fresh = client.get(f"/eleve/missions/{assignment.id}/etapes/0/nouvel-essai").text
    second = service.next_variant(student, assignment, get_mission(MISSION), 0, _tries(db, student))
    assert second.params != first.params
    assert 'name="essai" value="1"' in fresh

    copied = flatten(_sample(first, True).answer)  # the first try's right answer, copied
    _post(client, csrf, assignment, copied, essai="1")
    assert _tries(db, student)[-1].score < 1
    assert _tries(db, student)[-1].params == second.params

    third = service.next_variant(student, assignment, get_mission(MISSION), 0, _tries(db, student))
    _post(client, csrf, assignment, flatten(_sample(third, True).answer), essai="2")
    assert _tries(db, student)[-1].score == 1


def test_the_teacher_may_keep_the_same_statement_on_every_try(db, class_of):
    student, assignment = class_of(meme_enonce=True)
    mission = get_mission(MISSION)
    first = service.step_variant(student, mission, 0)
    done = service.submit_exercise(
        db, student, assignment, 0, flatten(_sample(first, False).answer), utcnow()
    )
    again = service.next_variant(student, assignment, mission, 0, [done.attempt])
    assert again.params == first.params


def test_a_step_whose_document_a_later_step_takes_keeps_its_statement(db, class_of):
    student, assignment = class_of(CHAINED)
    mission = get_mission(CHAINED)
    first = service.step_variant(student, mission, 0)
    done = service.submit_exercise(
        db, student, assignment, 0, flatten(_sample(first, False).answer), utcnow()
    )
    assert service.next_variant(student, assignment, mission, 0, [done.attempt]) == first


def test_a_form_of_an_earlier_try_is_refused_without_spending_a_try(
    client, db, class_of, as_student, csrf
):
    student, assignment = class_of()
    as_student(client, student)
    first = service.step_variant(student, get_mission(MISSION), 0)
    answer = flatten(_sample(first, False).answer)
    _post(client, csrf, assignment, answer, essai="0")
    stale = _post(client, csrf, assignment, answer, essai="0")  # the same form, sent again
    assert stale.status_code == 409
    assert "Rechargez-la pour voir votre nouvel énoncé" in stale.text
    assert len(_tries(db, student)) == 1


def test_no_expected_value_reaches_the_student_before_the_tries_are_used_up(
    client, db, class_of, as_student, csrf
):
    student, assignment = class_of(attempts_allowed=2, corrections="diagnostics")
    as_student(client, student)
    first = service.step_variant(student, get_mission(MISSION), 0)
    wrong = flatten(_sample(first, False).answer)
    fragment = _post(client, csrf, assignment, wrong, essai="0", htmx=True)
    attempt = _tries(db, student)[-1]
    hidden = _hidden_values(attempt)
    assert hidden, "the wrong sample must leave values to hide, or this test proves nothing"
    pages = {
        "fragment": fragment.text,
        "mission": client.get(f"/eleve/missions/{assignment.id}").text,
        "tentative": client.get(f"/eleve/tentatives/{attempt.id}").text,
        "nouvel essai": client.get(f"/eleve/missions/{assignment.id}/etapes/0/nouvel-essai").text,
        "compétences": client.get("/eleve/competences").text,
        "missions": client.get("/eleve").text,
    }
    # The PDFs a student can download too: the quote as sent, the competency passport.
    pages["devis (PDF)"] = pdf_text(
        client.get(f"/eleve/tentatives/{attempt.id}/document.pdf").content
    )
    pages["passeport (PDF)"] = pdf_text(client.get("/eleve/competences/passeport.pdf").content)
    for name, html in pages.items():
        leaked = [value for value in hidden if value in html]
        assert not leaked, f"page {name} : {leaked}"
    assert "faut revoir" in pages["mission"]  # the method errors are shown

    second = service.next_variant(student, assignment, get_mission(MISSION), 0, [attempt])
    _post(client, csrf, assignment, flatten(_sample(second, False).answer), essai="1")
    last = _tries(db, student)[-1]
    released = client.get(f"/eleve/tentatives/{last.id}").text
    assert any(value in released for value in _hidden_values(last))  # tries used up


def test_with_everything_shown_the_values_are_on_the_page(client, db, class_of, as_student, csrf):
    """The control of the test above: the same scan finds the values the policy lets through."""
    student, assignment = class_of(corrections="immediate")
    as_student(client, student)
    first = service.step_variant(student, get_mission(MISSION), 0)
    sent = _post(client, csrf, assignment, flatten(_sample(first, False).answer), essai="0")
    assert any(value in sent.text for value in _hidden_values(_tries(db, student)[-1]))


def test_my_competencies_wait_for_a_correction_shown_after_the_due_date(
    client, db, class_of, as_student
):
    student, assignment = class_of(corrections="after_due")
    first = service.step_variant(student, get_mission(MISSION), 0)
    service.submit_exercise(
        db, student, assignment, 0, flatten(_sample(first, True).answer), utcnow()
    )
    db.commit()
    as_student(client, student)
    before = client.get("/eleve/competences").text
    assert get_mission(MISSION).titre not in before
    passport = lambda: pdf_text(client.get("/eleve/competences/passeport.pdf").content)  # noqa: E731
    assert get_mission(MISSION).titre not in passport()  # the PDF waits as the page does

    assignment.due_at = utcnow() - timedelta(minutes=1)
    db.add(assignment)
    db.commit()
    after = client.get("/eleve/competences").text
    assert get_mission(MISSION).titre in after
    assert get_mission(MISSION).titre in passport()
