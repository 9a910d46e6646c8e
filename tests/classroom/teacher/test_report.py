"""« Ce que la classe a raté »: the report of a step on a class with known answers, and the
one-click remediation given to exactly the students a diagnostic names."""

from decimal import Decimal

import pytest
from sqlmodel import select

from agora.classroom import service
from agora.classroom.models import Assignment, AssignmentStudent, StepAttempt
from agora.classroom.teacher.report import step_report
from agora.content.missions import get_mission
from agora.db import utcnow
from agora.exercise.forms import flatten
from agora.exercise.registry import get_kind

MISSION = "du-devis-a-l-encaissement"  # step 0: facture (12 pts), step 1: courriel (8 pts)
TTC = "ESCOMPTE_SUR_TTC"
TTC_MESSAGE = "L'escompte se calcule sur le net commercial, pas sur le TTC."
# A method error every organisation's invoice can show (a service bills no port, so
# PORT_OUBLIE is not one of them since invoices follow the sector's story).
BRUT = "ESCOMPTE_SUR_BRUT"


def answer(db, student, assignment, code: str | None):
    """The student's next try at step 0 as they would send it: right (None) or showing the
    method error ``code`` (on their own variant of that try)."""
    mission = get_mission(assignment.mission_slug)
    tries = [a for a in service.attempts_of(db, student, assignment) if a.step_index == 0]
    variant = service.next_variant(student, assignment, mission, 0, tries)
    samples = get_kind(variant.kind).sample_answers(variant.params)
    sample = next(
        s for s in samples if (s.correct if code is None else code in s.expected_diagnostics)
    )
    done = service.submit_exercise(db, student, assignment, 0, flatten(sample.answer), utcnow())
    db.commit()
    return done.attempt


@pytest.fixture
def graded_class(classroom, db, make_student):
    """Six students: Léa (escompte on the gross, then on the TTC: the last try counts), Tom
    and Zoé (escompte on the TTC), Yann (escompte on the gross), Inès (right), Paul (nothing)."""
    client, classe, assignment, lea, tom = classroom
    # Every student's invoice grants an escompte to get wrong: a water utility bills its public
    # tariffs, with none (the default seeds 1002 and 1004 draw one; 1008 and 1009 sell food).
    tom.org_seed = 1008
    db.add(tom)
    db.commit()
    zoe = make_student(classe, prenom="Zoé", nom="Carré")
    yann = make_student(classe, prenom="Yann", nom="Dupont", org_seed=1009)
    ines = make_student(classe, prenom="Inès", nom="Étienne")
    make_student(classe, prenom="Paul", nom="Fabre")
    answer(db, lea, assignment, BRUT)
    attempts = {
        "lea": answer(db, lea, assignment, TTC),
        "tom": answer(db, tom, assignment, TTC),
        "zoe": answer(db, zoe, assignment, TTC),
        "yann": answer(db, yann, assignment, BRUT),
        "ines": answer(db, ines, assignment, None),
    }
    students = {"lea": lea, "tom": tom, "zoe": zoe, "yann": yann, "ines": ines}
    return client, classe, assignment, students, attempts


def test_step_report_figures_count_each_students_last_graded_try(db, graded_class):
    _, classe, assignment, _, attempts = graded_class
    summary = step_report(db, classe, assignment, 0).summary
    assert (summary.answered, summary.expected, summary.points) == (5, 6, 12)
    scores = [a.score for a in attempts.values()]
    assert attempts["ines"].score == 1 and all(
        a.score < 1 for k, a in attempts.items() if k != "ines"
    )
    assert summary.successes == sum(s >= Decimal("0.5") for s in scores)
    assert (summary.perfect, summary.perfect_rate) == (1, 20)  # Inès only
    assert summary.mean_ratio == sum(scores) / 5
    assert summary.mean_sur_20 == (sum(scores) / 5 * 20).quantize(Decimal("0.1"))
    expected_bars = [0] * 5
    for s in scores:
        expected_bars[min(4, int(s * 5))] += 1
    assert [t.count for t in summary.tranches] == expected_bars
    assert summary.tranches[4].count >= 1  # Inès' full marks are in the last bar
    assert sum(t.part for t in summary.tranches) in (99, 100, 101)  # rounded percents


def test_most_frequent_diagnostic_first_with_its_students(db, graded_class):
    _, classe, assignment, students, attempts = graded_class
    lines = step_report(db, classe, assignment, 0).summary.diagnostics
    first = lines[0]
    assert first.code == TTC and first.message == TTC_MESSAGE
    assert {c.student_id for c in first.students} == {students[k].id for k in ("lea", "tom", "zoe")}
    assert {c.ref for c in first.students} == {attempts[k].id for k in ("lea", "tom", "zoe")}
    assert first.phrase(5) == "3 élèves sur 5"
    brut = next(line for line in lines if line.code == BRUT)
    assert [c.student_id for c in brut.students] == [students["yann"].id]  # not Léa's first try


def test_report_page_names_the_diagnostic_and_links_each_student_to_the_attempt(graded_class):
    client, _, assignment, students, attempts = graded_class
    page = client.get(f"/enseignant/devoirs/{assignment.id}/etapes/1/bilan")
    assert page.status_code == 200
    assert "3 élèves sur 5" in page.text and TTC_MESSAGE.replace("'", "&#39;") in page.text
    lea_link = f"/enseignant/devoirs/{assignment.id}/eleves/{students['lea'].id}"
    assert f'{lea_link}#tentative-{attempts["lea"].id}"' in page.text
    assert "Donner un exercice de remédiation à ces 3 élèves" in page.text
    # Yann alone shows the escompte on the gross (teacher audit 11: « à ces 1 élève »).
    assert "Donner un exercice de remédiation à cet élève<" in page.text
    assert "ces 1 élève" not in page.text
    assert "dernière tentative corrigée" in page.text
    progress = client.get(f"/enseignant/devoirs/{assignment.id}")
    assert f"/enseignant/devoirs/{assignment.id}/etapes/1/bilan" in progress.text


def test_a_prose_step_and_a_missing_step(classroom):
    client, _, assignment, _, _ = classroom
    prose = client.get(f"/enseignant/devoirs/{assignment.id}/etapes/2/bilan")
    assert prose.status_code == 200 and "Une étape rédigée" in prose.text
    assert client.get(f"/enseignant/devoirs/{assignment.id}/etapes/9/bilan").status_code == 404


def _remediate(client, csrf, assignment, code, **extra):
    token = csrf(client, f"/enseignant/devoirs/{assignment.id}/etapes/1/bilan")
    return client.post(
        f"/enseignant/devoirs/{assignment.id}/etapes/1/remediation",
        data={"diagnostic": code, "csrf_token": token, **extra},
    )


def test_remediation_reaches_exactly_the_students_concerned(
    db, graded_class, csrf, new_client, as_student
):
    client, classe, assignment, students, _ = graded_class
    # a student id slipped into the form changes nothing: the report's line decides
    done = _remediate(client, csrf, assignment, TTC, eleves=str(students["ines"].id))
    assert done.status_code == 200 and "donné à 3 élèves" in done.text
    given = db.exec(select(Assignment).where(Assignment.id != assignment.id)).one()
    assert given.mission_slug == "remediation-facture--pour-escompte_sur_ttc"
    assert given.classe_id == classe.id
    targets = set(
        db.exec(
            select(AssignmentStudent.student_id).where(AssignmentStudent.assignment_id == given.id)
        )
    )
    assert targets == {students[k].id for k in ("lea", "tom", "zoe")}
    for key, sees in [("lea", True), ("tom", True), ("ines", False), ("yann", False)]:
        dashboard = as_student(new_client(), students[key]).get("/eleve")
        assert ("Remédiation : Facture" in dashboard.text) is sees, key
    mission = get_mission(given.mission_slug)
    assert [(s.kind, s.niveau) for s in mission.etapes] == [("facture", 1)]
    lea = as_student(new_client(), students["lea"])
    opened = lea.get(f"/eleve/missions/{given.id}")
    assert opened.status_code == 200  # the method to revise, in the kind's words
    assert "Point à revoir" in opened.text and "pas sur le TTC" in opened.text
    ines = as_student(new_client(), students["ines"])
    assert ines.get(f"/eleve/missions/{given.id}").status_code == 404
    attempt = answer(db, students["zoe"], given, None)  # a student can do it
    assert attempt.score == 1 and attempt.niveau == 1


def test_remediation_of_a_diagnostic_nobody_shows_gives_nothing(db, graded_class, csrf):
    client, _, assignment, _, _ = graded_class
    refused = _remediate(client, csrf, assignment, "TVA_AVANT_ESCOMPTE")
    assert refused.status_code == 400 and "Plus aucun élève" in refused.text
    db.expire_all()
    assert len(db.exec(select(Assignment)).all()) == 1


def test_remediation_needs_the_csrf_token(db, graded_class):
    client, _, assignment, _, _ = graded_class
    refused = client.post(
        f"/enseignant/devoirs/{assignment.id}/etapes/1/remediation", data={"diagnostic": TTC}
    )
    assert refused.status_code == 403
    db.expire_all()
    assert len(db.exec(select(Assignment)).all()) == 1


def test_another_teacher_gets_404(db, graded_class, new_client, make_teacher, as_teacher, csrf):
    _, _, assignment, _, _ = graded_class
    intruder = as_teacher(new_client(), make_teacher("Marc", "Autre"))
    report = intruder.get(f"/enseignant/devoirs/{assignment.id}/etapes/1/bilan")
    assert report.status_code == 404 and TTC_MESSAGE not in report.text
    token = csrf(intruder, "/enseignant")
    given = intruder.post(
        f"/enseignant/devoirs/{assignment.id}/etapes/1/remediation",
        data={"diagnostic": TTC, "csrf_token": token},
    )
    assert given.status_code == 404
    db.expire_all()
    assert len(db.exec(select(Assignment)).all()) == 1


def test_a_student_reaches_neither_page(graded_class, new_client, as_student):
    _, _, assignment, students, _ = graded_class
    browser = as_student(new_client(), students["lea"])
    page = browser.get(f"/enseignant/devoirs/{assignment.id}/etapes/1/bilan")
    assert page.status_code == 403


def test_last_graded_try_ignores_a_prose_answer_waiting(db, classroom):
    _, classe, assignment, lea, _ = classroom
    service.submit_prose(db, lea, assignment, 1, "Bonjour, voici le montant.", utcnow())
    db.commit()
    summary = step_report(db, classe, assignment, 1).summary
    assert summary.answered == 0 and summary.success_rate is None
    assert db.exec(select(StepAttempt)).one().score is None
