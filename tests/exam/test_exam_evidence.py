"""Published exam results are competency evidence: on the student's « Mes compétences » page and
in the teacher's heatmap, from publication on only; withdrawn with it; updated by a re-grade."""

from __future__ import annotations

import html
import re

from sqlmodel import Session, select

from agora.competency.models import CompetencyEvidence
from agora.exam import closing, grading, service
from agora.exam.models import ExamAnswer
from agora.exercise.base import unflatten
from agora.exercise.forms import flatten
from agora.exercise.registry import get_kind

# facture proves 1.2.2, rapprochement 2.2.1 and 2.2.3 (disjoint: levels are readable).
QUESTIONS = [
    {"kind": "facture", "niveau": 1, "points": 8},
    {"kind": "rapprochement", "niveau": 1, "points": 6},
]
IP, UA = "10.0.0.1", "test"
# One question per competency: one piece of evidence, not yet a level (docs/competences.md).
EN_COURS = "en cours d&#39;évaluation"


def _correct(db, exam, copy, index) -> dict[str, str]:
    params = service.answers_of(db, copy.id)[index].params
    samples = get_kind(exam.questions[index]["kind"]).sample_answers(params)
    return flatten(next(s for s in samples if s.correct and not s.invalid).answer)


def _take(db, exam, student, clock, right: int) -> int:
    """The student answers question ``right`` correctly, leaves the other blank, hands in."""
    copy = service.start(db, exam, student, clock(), IP, UA)
    service.save_answer(db, copy, right, _correct(db, exam, copy, right), clock, IP, UA)
    service.submit(db, copy, clock, IP, UA)
    closing.finalise(db, clock(), exam.id)
    db.commit()
    return copy.id


def _level(page: str, code: str) -> str:
    row = page.split(f'<td class="code">{code}</td>')[1].split("</tr>")[0]
    return re.search(r'<span class="niveau niveau--[^"]+">([^<]+)</span>', row).group(1)


def _proofs(page: str, code: str) -> list[str]:
    row = page.split(f'<td class="code">{code}</td>')[1].split("</tr>")[0]
    return [html.unescape(re.sub(r"<[^>]+>", "", li)) for li in re.findall(r"<li>(.*?)</li>", row)]


def _heatmap(client, classe, name) -> dict[str, str]:
    page = client.get(f"/enseignant/classes/{classe.id}/competences").text
    row = page.split(f'<th scope="row">{name}</th>')[1].split("</tr>")[0]
    return dict(re.findall(r'title="([\d.]+) : ([^"]+)"', row))


def _setup(db, clock, classe, make_student, make_exam, as_student, new_client):
    lea = make_student(classe=classe, prenom="Léa", nom="Arnaud")
    tom = make_student(classe=classe, prenom="Tom", nom="Bernard")
    exam = make_exam(questions=QUESTIONS, melange=True)
    lea_client = as_student(new_client(), lea)
    before = lea_client.get("/eleve/competences").text
    _take(db, exam, lea, clock, right=0)
    _take(db, exam, tom, clock, right=1)
    return lea, tom, exam, lea_client, before


def _post(client, url, csrf, **data):
    token = csrf(client, "/enseignant/evaluations")
    response = client.post(url, data={**data, "csrf_token": token})
    assert response.status_code == 200, response.text[:500]
    return response


def test_results_count_from_publication_on_the_student_page_and_in_the_heatmap(
    app,
    db,
    client,
    clock,
    teacher,
    classe,
    make_student,
    make_exam,
    as_student,
    as_teacher,
    new_client,
    csrf,
):
    lea, _tom, exam, lea_client, before = _setup(
        db, clock, classe, make_student, make_exam, as_student, new_client
    )
    as_teacher(client, teacher)
    # Graded but not published: nothing on the student's page, nothing in the heatmap.
    assert lea_client.get("/eleve/competences").text == before
    assert set(_heatmap(client, classe, "Arnaud Léa").values()) == {"non évalué"}

    _post(client, f"/enseignant/evaluations/{exam.id}/publier", csrf, confirmation="oui")
    page = lea_client.get("/eleve/competences").text
    assert _level(page, "1.2.2") == EN_COURS
    assert _level(page, "1.2.3") == "non évalué"  # invoice totals prove no follow-up
    assert _level(page, "2.2.1") == _level(page, "2.2.3") == EN_COURS
    assert _level(page, "3.2.4") == "non évalué"  # bulletin de paie: not in this exam
    order = grading.question_order(lea.org_seed, exam.id, len(QUESTIONS), exam.melange)
    invoice, bank = order.index(0) + 1, order.index(1) + 1
    [proof] = _proofs(page, "1.2.2")
    assert proof.startswith(f"Évaluation : Évaluation de test, question {invoice} : 100\u202f%")
    assert " le " in proof  # the date it was composed
    [proof] = _proofs(page, "2.2.1")
    assert proof.startswith(f"Évaluation : Évaluation de test, question {bank} : 0\u202f%")
    assert f'/examen/copies/{service.copy_of(db, exam, lea).id}/correction"' in page
    # Tom's copy never shows on Léa's page: one proof per competency, hers.
    assert all(len(_proofs(page, code)) == 1 for code in ("1.2.2", "2.2.1", "2.2.3"))

    # The heatmap agrees (same level_of), student by student.
    lea_cells = _heatmap(client, classe, "Arnaud Léa")
    tom_cells = _heatmap(client, classe, "Bernard Tom")
    assert lea_cells["1.2.2"] == tom_cells["2.2.1"] == EN_COURS
    assert lea_cells["2.2.1"] == tom_cells["1.2.2"] == EN_COURS
    assert lea_cells["3.2.4"] == "non évalué"
    for code, level in lea_cells.items():
        assert _level(page, code) == level, code

    # The teacher's page of Léa: the exam, her mark, and the evidence weighing as an exam.
    fiche = client.get(f"/enseignant/eleves/{lea.id}").text
    exams = fiche.split('id="titre-evaluations"')[1].split("</section>")[0]
    assert "Évaluation de test" in exams and "publiés" in exams
    row = fiche.split('<tr id="competence-1-2-2">')[1].split("</tr>")[0]
    assert "Évaluation : Évaluation de test" in row and "(évaluation, compte 4)" in row


def test_unpublish_withdraws_and_regrade_or_reopen_updates(
    app,
    db,
    client,
    clock,
    teacher,
    classe,
    make_student,
    make_exam,
    as_student,
    as_teacher,
    new_client,
    csrf,
):
    lea, _tom, exam, lea_client, before = _setup(
        db, clock, classe, make_student, make_exam, as_student, new_client
    )
    as_teacher(client, teacher)
    base = f"/enseignant/evaluations/{exam.id}"
    _post(client, f"{base}/publier", csrf, confirmation="oui")
    assert _level(lea_client.get("/eleve/competences").text, "1.2.2") == EN_COURS

    _post(client, f"{base}/depublier", csrf, confirmation="oui")
    assert lea_client.get("/eleve/competences").text == before
    assert set(_heatmap(client, classe, "Bernard Tom").values()) == {"non évalué"}

    # Re-grade (as after a grader was fixed): here Léa's stored blank reconciliation becomes
    # right, so the re-grade changes her score and the evidence follows.
    _post(client, f"{base}/publier", csrf, confirmation="oui")
    copy = service.copy_of(db, exam, lea)
    copy_id = copy.id
    answer = db.exec(
        select(ExamAnswer).where(ExamAnswer.copy_id == copy_id, ExamAnswer.question == 1)
    ).one()
    answer.answer = unflatten(_correct(db, exam, copy, 1))
    db.add(answer)
    db.commit()
    [proof] = _proofs(lea_client.get("/eleve/competences").text, "2.2.1")
    assert ": 0\u202f%" in proof
    _post(client, f"{base}/recorriger", csrf, confirmation="oui")
    page = lea_client.get("/eleve/competences").text
    [proof] = _proofs(page, "2.2.1")
    assert ": 100\u202f%" in proof
    assert _heatmap(client, classe, "Arnaud Léa")["2.2.1"] == EN_COURS

    # A copy reopened after publication proves nothing until handed in and graded again.
    _post(client, f"{base}/copies/{copy_id}/rouvrir", csrf, minutes="10")
    with Session(app.state.engine) as s:
        query = select(CompetencyEvidence).where(CompetencyEvidence.student_id == lea.id)
        assert s.exec(query).all() == []
        service.submit(s, service.copy_of(s, exam, lea), clock, IP, UA)
        closing.finalise(s, clock(), exam.id)
        s.commit()
    page = lea_client.get("/eleve/competences").text
    assert _level(page, "1.2.2") == _level(page, "2.2.1") == EN_COURS
    assert all(": 100\u202f%" in _proofs(page, code)[0] for code in ("1.2.2", "2.2.1"))
    assert _level(page, "3.2.4") == "non évalué"
