"""Writing questions in evaluations: the document of the step's format (an e-mail's À, Objet,
Corps…) typed with autosave, graded by the teacher with the rubric after the deadline, results
published only when every copy is graded."""

from __future__ import annotations

import re
from decimal import Decimal

from sqlmodel import select

from agora.competency.models import CompetencyEvidence
from agora.exam import creation
from agora.exam.grading import points_of
from agora.exam.models import Exam, ExamAnswer, ExamCopy
from agora.exercise.variants import company_for

MISSION = "l-appel-du-client"  # step 1: courriel graded with a rubric 3 (1.1.1) + 3 + 2 (1.1.2)
QUESTIONS = [
    {"kind": "facture", "niveau": 1, "points": 8},
    {"kind": "redaction", "mission": MISSION, "etape": 1},
]
TEXTE = "Bonjour Paul, un client a appelé ce matin pour sa commande C-204 : merci de le rappeler."
COURRIEL = {"a": "paul@exemple.fr", "objet": "Rappeler le client C-204", "corps": TEXTE}


def _position(client, copy_id: int) -> int:
    """The position at which the student sees the writing question (its e-mail's body)."""
    for position in (1, 2):
        if 'name="corps"' in client.get(f"/examen/copies/{copy_id}/questions/{position}").text:
            return position
    raise AssertionError("pas de question de rédaction")


def _grade_url(exam, answer_id):
    return f"/enseignant/evaluations/{exam.id}/redactions/{answer_id}"


def test_writing_question_graded_and_results_withheld_until_all_graded(
    db, client, new_client, make_exam, classe, make_student, as_student, as_teacher, teacher,
    start_exam, autosave, token, clock, csrf,
):  # fmt: skip
    exam = make_exam(questions=QUESTIONS)
    assert exam.questions[1]["points"] == 8 and exam.total_points == 16
    lea, tom = make_student(classe, prenom="Léa"), make_student(classe, prenom="Tom")
    students = {}
    for who in (lea, tom):
        student = as_student(new_client(), who)
        copy_id = start_exam(student, exam.code)
        position = _position(student, copy_id)
        saved = autosave(
            student,
            copy_id,
            position,
            COURRIEL,
            token(student, f"/examen/copies/{copy_id}"),
        )
        assert saved.status_code == 200 and "Enregistré" in saved.text
        page = student.get(f"/examen/copies/{copy_id}/questions/{position}").text
        assert "merci de le rappeler" in page
        students[who.id] = (student, copy_id)
    # A field of another kind is refused, nothing saved.
    student, copy_id = students[lea.id]
    refused = autosave(
        student, copy_id, _position(student, copy_id), {"net_a_payer": "12"},
        token(student, f"/examen/copies/{copy_id}"),
    )  # fmt: skip
    assert (
        "rien n&#39;a été enregistré" in refused.text or "rien n'a été enregistré" in refused.text
    )

    teacher_client = as_teacher(client, teacher)
    answers = {
        copy.student_id: answer
        for answer, copy in db.exec(
            select(ExamAnswer, ExamCopy)
            .join(ExamCopy, ExamCopy.id == ExamAnswer.copy_id)
            .where(ExamCopy.exam_id == exam.id, ExamAnswer.question == 1)
        )
    }
    # Before the deadline: the copy is not handed in, the grading is refused.
    url = _grade_url(exam, answers[lea.id].id)
    early = teacher_client.post(
        url, data={"points": ["3", "2", "2"], "csrf_token": csrf(teacher_client, url)}
    )
    assert early.status_code == 400 and "pas encore rendue" in early.text

    clock.advance(hours=4)  # every copy collected at its deadline
    listing = teacher_client.get(f"/enseignant/evaluations/{exam.id}/redactions")
    assert "2 rédactions à corriger" in listing.text
    form = teacher_client.get(url).text
    assert "merci de le rappeler" in form and form.count('name="commentaires"') == 3
    assert "Rappeler le client C-204" in form  # the e-mail as its reader sees it
    # A criterion over its maximum: refused, the typed values kept.
    over = teacher_client.post(
        url,
        data={
            "points": ["4", "2", "2"],
            "commentaires": ["Trop généreux", "", ""],
            "csrf_token": csrf(teacher_client, url),
        },
    )
    assert over.status_code == 400 and "va de 0 à 3" in over.text and "Trop généreux" in over.text
    saved = teacher_client.post(
        url,
        data={
            "points": ["3", "1,5", "2"],
            "commentaires": ["Tout y est.", "L'échéance manque.", ""],
            "commentaire": "Bon courriel.",
            "action": "suivant",
            "csrf_token": csrf(teacher_client, url),
        },
        follow_redirects=False,
    )
    assert saved.status_code == 303
    assert saved.headers["location"].endswith(_grade_url(exam, answers[tom.id].id))
    # Tom's copy is not graded yet: publishing is refused, students see nothing.
    results = f"/enseignant/evaluations/{exam.id}/resultats"
    refused = teacher_client.post(  # posted anyway (the page shows no publish button then)
        f"/enseignant/evaluations/{exam.id}/publier",
        data={"csrf_token": csrf(teacher_client, results), "confirmation": "oui"},
    )
    assert "1 rédaction à corriger : les résultats ne pourront être publiés" in refused.text
    db.expire_all()
    assert db.get(type(exam), exam.id).published_at is None
    assert "1 rédaction à corriger" in teacher_client.get(results).text
    lea_client, lea_copy = students[lea.id]
    assert lea_client.get(f"/examen/copies/{lea_copy}/correction").status_code in (403, 404)
    # Tom graded: the results go out.
    tom_url = _grade_url(exam, answers[tom.id].id)
    teacher_client.post(
        tom_url,
        data={"points": ["1", "1", "1"], "csrf_token": csrf(teacher_client, tom_url)},
    )
    teacher_client.post(
        f"/enseignant/evaluations/{exam.id}/publier",
        data={"csrf_token": csrf(teacher_client, results), "confirmation": "oui"},
    )
    db.expire_all()
    assert db.get(type(exam), exam.id).published_at is not None
    corrected = lea_client.get(f"/examen/copies/{lea_copy}/correction")
    assert corrected.status_code == 200
    assert "Votre note critère par critère" in corrected.text
    assert "L&#39;échéance manque." in corrected.text and "Bon courriel." in corrected.text
    assert "1,5 / 3" in corrected.text
    pdf = teacher_client.get(f"/enseignant/evaluations/{exam.id}/copies/{lea_copy}/copie.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    # The copy's points count the written answer; evidence per criterion.
    lea_copy_row = db.get(ExamCopy, lea_copy)
    facture = db.exec(
        select(ExamAnswer).where(ExamAnswer.copy_id == lea_copy, ExamAnswer.question == 0)
    ).one()
    assert lea_copy_row.points == points_of(facture.score, 8) + Decimal("6.5")
    evidence = {
        e.code: e.score
        for e in db.exec(
            select(CompetencyEvidence).where(
                CompetencyEvidence.exam_answer_id == answers[lea.id].id
            )
        )
    }
    assert evidence == {"1.1.1": Decimal(1), "1.1.2": Decimal("0.7")}  # (1,5 + 2) / 5


def test_the_writing_question_is_the_document_of_its_step_with_its_parts_autosaved(
    db, client, make_exam, classe, make_student, as_student, start_exam, autosave, token
):
    exam = make_exam(questions=QUESTIONS, melange=False)
    eleve = make_student(classe)
    as_student(client, eleve)
    copy_id = start_exam(client, exam.code)
    url = f"/examen/copies/{copy_id}/questions/2"
    page = client.get(url).text
    # The step asks for an e-mail: its parts, labelled as in the mission, not one text box.
    assert 'name="texte"' not in page
    for name, label in (
        ("a", "À"),
        ("cc", "Cc"),
        ("objet", "Objet"),
        ("corps", "Corps du message"),
    ):
        assert re.search(rf'<label for="redaction-{name}">{label}\b', page), name
        assert f'id="redaction-{name}" name="{name}"' in page
    # Its attachments: the organisation's own documents (an exam has no earlier step).
    organisation = company_for(eleve.org_seed).raison_sociale
    assert f"Fiche de présentation — {organisation}" in page.replace("&#39;", "'")

    saved = autosave(client, copy_id, 2, COURRIEL, token(client, url))
    assert saved.status_code == 200 and "Enregistré" in saved.text
    page = client.get(url).text
    assert 'value="Rappeler le client C-204"' in page and "merci de le rappeler" in page
    # Nothing but the e-mail's parts, each within its length: refused, nothing saved.
    for fields in ({"net_a_payer": "12"}, {"objet": "x" * 151}):
        refused = autosave(client, copy_id, 2, fields, token(client, url))
        assert "rien n&#39;a été enregistré" in refused.text
    stored = db.exec(
        select(ExamAnswer).where(ExamAnswer.copy_id == copy_id, ExamAnswer.question == 1)
    ).one()
    db.refresh(stored)
    assert stored.answer == COURRIEL
    # Filled whole without its optional Cc and attachment.
    nav = client.get(url).text.split('class="questions-nav"')[1].split("</nav>")[0]
    assert re.search(r'<li><a [^>]*class="complete"[^>]*>Q2', nav)


def test_another_teacher_cannot_grade_the_writing(
    db, client, new_client, make_exam, classe, make_student, as_student, as_teacher,
    make_teacher, start_exam, clock, csrf,
):  # fmt: skip
    exam = make_exam(questions=QUESTIONS)
    student = as_student(new_client(), make_student(classe))
    copy_id = start_exam(student, exam.code)
    clock.advance(hours=4)
    answer = db.exec(
        select(ExamAnswer).where(ExamAnswer.copy_id == copy_id, ExamAnswer.question == 1)
    ).one()
    other = as_teacher(client, make_teacher())
    url = _grade_url(exam, answer.id)
    assert other.get(url).status_code == 404
    token = csrf(other, "/enseignant")
    refused = other.post(url, data={"points": ["3", "3", "2"], "csrf_token": token})
    assert refused.status_code == 404
    db.expire_all()
    assert db.get(ExamAnswer, answer.id).score is None
    # A student cannot reach the teacher's page either.
    assert student.get(url).status_code in (403, 404)


def test_a_mission_with_a_writing_step_gives_a_writing_question():
    questions = creation.questions_from_mission(MISSION)
    kept = questions[-1].pop("etape_redaction")  # the step itself, kept with the exam
    assert questions[-1] == {
        "kind": "redaction",
        "mission": MISSION,
        "etape": 1,
        "niveau": 1,
        "points": 8,
        "titre": "Transmettre la demande au collègue",
    }
    assert kept["titre"] == "Transmettre la demande au collègue" and kept["rubrique"]


def test_the_exam_form_offers_writing_steps_among_the_questions(
    db, client, teacher, classe, as_teacher, csrf, clock
):
    as_teacher(client, teacher)
    form = client.get("/enseignant/evaluations/nouvelle").text
    value = f"redaction:{MISSION}:1"
    assert f'value="{value}"' in form
    created = client.post(
        "/enseignant/evaluations/nouvelle",
        data={
            "titre": "CCF accueil",
            "classe_id": str(classe.id),
            "source": "types",
            "q0_kind": "facture",
            "q0_niveau": "1",
            "q0_points": "12",
            "q1_kind": value,
            "q1_niveau": "1",
            "q1_points": "5",  # ignored: a writing question is worth its rubric
            "opens_at": "2099-03-02T08:00",
            "closes_at": "2099-03-02T12:00",
            "duree_minutes": "55",
            "csrf_token": csrf(client, "/enseignant/evaluations"),
        },
    )
    assert created.status_code == 200 and "Évaluation créée" in created.text
    exam = db.exec(select(Exam).where(Exam.titre == "CCF accueil")).one()
    assert exam.questions[1]["kind"] == "redaction" and exam.questions[1]["points"] == 8
    unknown = client.post(
        "/enseignant/evaluations/nouvelle",
        data={
            "titre": "CCF inconnu",
            "classe_id": str(classe.id),
            "source": "types",
            "q0_kind": "redaction:mission-inconnue:0",
            "opens_at": "2099-03-02T08:00",
            "closes_at": "2099-03-02T12:00",
            "duree_minutes": "55",
            "csrf_token": csrf(client, "/enseignant/evaluations"),
        },
    )
    assert unknown.status_code == 400 and "rédaction inconnue" in unknown.text
