"""Exam question statistics: success, mean, distribution and diagnostics per question, item
statistics (difficulty, upper-lower 27 % discrimination), and remediation from a diagnostic."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlmodel import select

from agora.classroom.models import Assignment, AssignmentStudent
from agora.exam import closing, service
from agora.exam.models import ExamAnswer
from agora.exam.report import exam_report, upper_lower_index
from agora.exercise.forms import flatten
from agora.exercise.registry import get_kind

QUESTIONS = [
    {"kind": "facture", "niveau": 2, "points": 8},
    {"kind": "rapprochement", "niveau": 1, "points": 6},
]
IP, UA = "10.0.0.1", "test"
TTC = "ESCOMPTE_SUR_TTC"
TTC_MESSAGE = "L'escompte se calcule sur le net commercial, pas sur le TTC."


def _fields(db, exam, copy, index, code):
    """The fields of a right answer (code None) or of one showing the method error ``code``."""
    params = service.answers_of(db, copy.id)[index].params
    samples = get_kind(exam.questions[index]["kind"]).sample_answers(params)
    sample = next(
        s
        for s in samples
        if (s.correct if code is None else code in s.expected_diagnostics) and not s.invalid
    )
    return flatten(sample.answer)


def _take(db, exam, student, clock, answers: dict[int, str | None]) -> int:
    """The student answers the questions given (code None: right), leaves the others blank."""
    copy = service.start(db, exam, student, clock(), IP, UA)
    for index, code in answers.items():
        service.save_answer(db, copy, index, _fields(db, exam, copy, index, code), clock, IP, UA)
    service.submit(db, copy, clock, IP, UA)
    closing.finalise(db, clock(), exam.id)
    db.commit()
    return copy.id


@pytest.fixture
def taken(db, clock, classe, make_student, make_exam):
    """Five copies: Anne all right, Bruno right then blank, Chloé and David escompte on the
    TTC (Chloé right on question 2), Emma blank then right; Fanny never started."""
    exam = make_exam(questions=QUESTIONS)
    # David's invoice grants an escompte to get wrong: the default seed 1004 draws a water
    # utility, which bills its public tariffs without one (1008 sells food).
    people = {
        key: make_student(classe=classe, prenom=prenom, nom=nom, org_seed=seed)
        for key, prenom, nom, seed in [
            ("anne", "Anne", "Arnaud", None),
            ("bruno", "Bruno", "Bernard", None),
            ("chloe", "Chloé", "Carré", None),
            ("david", "David", "Dupont", 1008),
            ("emma", "Emma", "Étienne", None),
            ("fanny", "Fanny", "Fabre", None),
        ]
    }
    plan = {
        "anne": {0: None, 1: None},
        "bruno": {0: None},
        "chloe": {0: TTC, 1: None},
        "david": {0: TTC},
        "emma": {1: None},
    }
    copies = {key: _take(db, exam, people[key], clock, plan[key]) for key in plan}
    return exam, people, copies


def _scores(db, copies, index):
    rows = db.exec(select(ExamAnswer).where(ExamAnswer.question == index)).all()
    by_copy = {a.copy_id: a.score for a in rows}
    return {key: by_copy[copy_id] for key, copy_id in copies.items()}


def test_upper_lower_27_percent_index():
    # 10 copies: groups of round(2.7) = 3; top ratios 1, 1, 0.5; bottom ratios 0.5, 0, 0
    copies = [(Decimal(t), Decimal(r)) for t, r in
              [(10, 1), (9, 1), (8, "0.5"), (7, 1), (6, 0), (5, 1), (4, 0), (3, "0.5"), (2, 0),
               (1, 0)]]  # fmt: skip
    assert upper_lower_index(copies) == Decimal("0.67")
    assert upper_lower_index(list(reversed(copies))) == Decimal("0.67")  # order does not matter
    five = [(Decimal(t), Decimal(r)) for t, r in [(14, 1), (8, 1), (6, 0), (4, "0.5"), (0, 0)]]
    assert upper_lower_index(five) == Decimal("1.00")  # groups of one copy
    assert upper_lower_index(five[:3]) is None  # too few copies to say anything


def test_question_figures_and_item_statistics(db, taken):
    exam, people, copies = taken
    report = exam_report(db, exam)
    assert report.graded == 5
    first, second = report.questions
    scores = _scores(db, copies, 0)
    assert scores["anne"] == scores["bruno"] == 1 and scores["emma"] == 0
    assert 0 < scores["chloe"] < 1 and 0 < scores["david"] < 1
    assert (first.summary.answered, first.summary.expected) == (5, 6)
    assert first.difficulty == (sum(scores.values()) / 5).quantize(Decimal("0.01"))
    assert first.summary.successes == sum(s >= Decimal("0.5") for s in scores.values())
    # question 2: right for Anne, Chloé and Emma, blank (0) for Bruno and David
    assert second.difficulty == Decimal("0.60") and second.summary.success_rate == 60
    assert [t.count for t in second.summary.tranches] == [2, 0, 0, 0, 3]
    # groups of one copy: Anne (14 points, the best) against the weakest copy
    totals = {k: 8 * scores[k] + 6 * _scores(db, copies, 1)[k] for k in copies}
    weakest = min(copies, key=lambda k: totals[k])
    assert first.discrimination == (1 - scores[weakest]).quantize(Decimal("0.01"))
    line = first.summary.diagnostics[0]
    assert (line.code, line.message, line.phrase(5)) == (TTC, TTC_MESSAGE, "2 élèves sur 5")
    assert {c.student_id for c in line.students} == {people["chloe"].id, people["david"].id}
    assert {c.ref for c in line.students} == {copies["chloe"], copies["david"]}


def test_stats_page_for_the_teacher_only(client, db, taken, teacher, as_teacher, new_client,
                                         make_teacher):  # fmt: skip
    exam, _, copies = taken
    page = as_teacher(client, teacher).get(f"/enseignant/evaluations/{exam.id}/statistiques")
    assert page.status_code == 200
    assert "Indice de facilité" in page.text and "Discrimination (haut-bas 27 %)" in page.text
    assert "2 élèves sur 5" in page.text
    assert f"/enseignant/evaluations/{exam.id}/copies/{copies['chloe']}/copie.pdf" in page.text
    assert "Statistiques" in client.get(f"/enseignant/evaluations/{exam.id}/resultats").text
    intruder = as_teacher(new_client(), make_teacher("Marc", "Autre"))
    refused = intruder.get(f"/enseignant/evaluations/{exam.id}/statistiques")
    assert refused.status_code == 404 and "2 élèves sur 5" not in refused.text


def test_remediation_from_an_exam_question(
    client, db, taken, teacher, as_teacher, as_student, new_client, make_teacher, csrf
):
    exam, people, _ = taken
    url = f"/enseignant/evaluations/{exam.id}/questions/1/remediation"
    as_teacher(client, teacher)
    assert client.post(url, data={"diagnostic": TTC}).status_code == 403  # no CSRF token
    intruder = as_teacher(new_client(), make_teacher("Marc", "Autre"))
    token = csrf(intruder, "/enseignant")
    assert intruder.post(url, data={"diagnostic": TTC, "csrf_token": token}).status_code == 404
    db.expire_all()
    assert db.exec(select(Assignment)).all() == []

    token = csrf(client, f"/enseignant/evaluations/{exam.id}/statistiques")
    done = client.post(url, data={"diagnostic": TTC, "csrf_token": token})
    assert done.status_code == 200 and "donné à 2 élèves" in done.text
    given = db.exec(select(Assignment)).one()
    assert given.mission_slug == "remediation-facture--pour-escompte_sur_ttc"
    targets = set(db.exec(select(AssignmentStudent.student_id)))
    assert targets == {people["chloe"].id, people["david"].id}
    for key, sees in [("chloe", True), ("anne", False)]:
        dashboard = as_student(new_client(), people[key]).get("/eleve")
        assert ("Remédiation : Facture" in dashboard.text) is sees, key


def test_stats_page_before_any_copy(client, make_exam, teacher, as_teacher):
    exam = make_exam(questions=QUESTIONS)
    page = as_teacher(client, teacher).get(f"/enseignant/evaluations/{exam.id}/statistiques")
    assert page.status_code == 200 and "Aucune copie corrigée" in page.text
    assert "trop peu de copies" in page.text


def test_remediation_for_one_student_says_cet_eleve(
    client, db, clock, classe, make_student, make_exam, teacher, as_teacher
):
    # Teacher audit 11: the button read « … de remédiation à ces 1 élève ».
    exam = make_exam(questions=QUESTIONS)
    david = make_student(classe=classe, prenom="David", nom="Dupont", org_seed=1008)
    _take(db, exam, david, clock, {0: TTC})
    page = as_teacher(client, teacher).get(f"/enseignant/evaluations/{exam.id}/statistiques")
    assert "1 élève sur 1" in page.text
    assert "Donner un exercice de remédiation à cet élève<" in page.text
    assert "ces 1" not in page.text
