"""Rubric grading of written answers: points and comments per criterion, what the student reads,
evidence per criterion."""

from decimal import Decimal

from sqlmodel import select

from agora.classroom import service
from agora.classroom.models import StepAttempt
from agora.competency.models import CompetencyEvidence
from agora.db import utcnow

APPEL = "l-appel-du-client"  # step 1: courriel, rubric 3 (1.1.1) + 3 (1.1.2) + 2 (1.1.2)


def _prose(db, student, assignment, index=1, texte="Bonjour Paul, une demande urgente."):
    done = service.submit_prose(db, student, assignment, index, texte, utcnow())
    db.commit()
    return done.attempt


def _post(client, csrf, attempt, points, commentaires=(), commentaire=""):
    token = csrf(client, f"/enseignant/tentatives/{attempt.id}/grille")
    return client.post(
        f"/enseignant/tentatives/{attempt.id}/grille",
        data={
            "points": points,
            "commentaires": list(commentaires),
            "commentaire": commentaire,
            "action": "rester",
            "csrf_token": token,
        },
        follow_redirects=False,
    )


def test_grading_form_shows_each_criterion_with_a_comment_box(classroom, db):
    client, _, assignment, lea, _ = classroom
    attempt = _prose(db, lea, assignment)
    page = client.get(f"/enseignant/tentatives/{attempt.id}/grille").text
    assert page.count('name="commentaires"') == 4 and page.count('name="points"') == 4
    assert "Exactitude des informations" in page and "(sur 3)" in page
    assert "Réponse à toute la demande" in page and 'id="grille-total"' in page


def test_per_criterion_grade_is_saved_and_shown_to_the_student_with_comments(
    classroom, db, csrf, as_student, new_client
):
    client, _, assignment, lea, _ = classroom
    attempt = _prose(db, lea, assignment)
    saved = _post(
        client,
        csrf,
        attempt,
        ["2", "1,5", "2", "1"],
        ["Présentation soignée.", "L'échéance manque.", "", "Tout y est."],
        "Bon travail dans l'ensemble.",
    )
    assert saved.status_code == 303
    db.expire_all()
    lines = db.get(StepAttempt, attempt.id).grade["rubrique"]
    assert [line["points"] for line in lines] == ["2", "1.5", "2", "1"]
    assert [line["commentaire"] for line in lines] == [
        "Présentation soignée.",
        "L'échéance manque.",
        None,
        "Tout y est.",
    ]
    student = as_student(new_client(), lea)
    seen = student.get(f"/eleve/missions/{assignment.id}").text
    assert "Note de l&#39;enseignant : 6,5 / 8" in seen or "Note de l'enseignant : 6,5 / 8" in seen
    table = seen.split("Votre note critère par critère")[1].split("</table>")[0]
    assert "Exactitude des informations" in table and "1,5 / 3" in table
    assert "L&#39;échéance manque." in table and "Tout y est." in table
    # The attempt's own page shows the same table.
    page = student.get(f"/eleve/tentatives/{attempt.id}").text
    assert "Votre note critère par critère" in page and "Présentation soignée." in page
    # The teacher finds the comments back on the form and on the student's work.
    form = client.get(f"/enseignant/tentatives/{attempt.id}/grille").text
    assert "L&#39;échéance manque.</textarea>" in form and ">6,5</strong>" in form
    work = client.get(f"/enseignant/devoirs/{assignment.id}/eleves/{lea.id}").text
    assert "Tout y est." in work


def test_per_criterion_feedback_waits_for_the_corrections_policy(
    classroom, db, csrf, make_assignment, as_student, new_client
):
    client, classe, _, lea, _ = classroom
    assignment = make_assignment(classe, corrections="after_due")
    attempt = _prose(db, lea, assignment)
    _post(client, csrf, attempt, ["2", "3", "2", "1"], ["Secret avant la date"])
    seen = as_student(new_client(), lea).get(f"/eleve/missions/{assignment.id}").text
    assert "Secret avant la date" not in seen and "8 / 8" not in seen
    assert "Votre note critère par critère" not in seen


def test_a_criterion_over_its_maximum_is_refused_with_the_form_kept(classroom, db, csrf):
    client, _, assignment, lea, _ = classroom
    attempt = _prose(db, lea, assignment)
    page = _post(
        client,
        csrf,
        attempt,
        ["2", "4", "2", "1"],
        ["Commentaire un", "Commentaire deux", "", ""],
        "Mon commentaire général",
    )
    assert page.status_code == 400
    assert "La note « Exactitude des informations » va de 0 à 3 points." in page.text
    assert "Commentaire deux</textarea>" in page.text and "Mon commentaire général" in page.text
    assert 'value="4"' in page.text
    db.expire_all()
    assert db.get(StepAttempt, attempt.id).score is None


def test_an_old_single_total_grading_stays_readable(classroom, db, as_student, new_client):
    client, _, assignment, lea, _ = classroom
    attempt = _prose(db, lea, assignment)
    old = db.get(StepAttempt, attempt.id)
    old.score = Decimal("0.7500")
    old.grade = {
        "kind": "redaction",
        "score": "0.7500",
        "champs": [],
        "diagnostics": [],
        "competences": [],
        "rubrique": [{"critere": "Présentation du courriel", "points": "2", "max": 2}],
    }
    old.override_comment = "Ancien commentaire"
    db.add(old)
    db.commit()
    seen = as_student(new_client(), lea).get(f"/eleve/missions/{assignment.id}").text
    assert "6 / 8" in seen and "Ancien commentaire" in seen and "2 / 2" in seen
    form = client.get(f"/enseignant/tentatives/{attempt.id}/grille")
    assert form.status_code == 200 and 'value="2"' in form.text


def test_each_criterion_proves_its_own_competencies(
    classroom, db, csrf, make_assignment, as_student, new_client
):
    client, classe, _, lea, _ = classroom
    assignment = make_assignment(classe, APPEL)
    attempt = _prose(db, lea, assignment)
    assert _post(client, csrf, attempt, ["3", "0", "2"]).status_code == 303
    db.expire_all()
    rows = db.exec(select(CompetencyEvidence).where(CompetencyEvidence.student_id == lea.id))
    # 1.1.1: 3 / 3 ; 1.1.2: (0 + 2) / (3 + 2)
    assert {e.code: e.score for e in rows} == {"1.1.1": Decimal("1"), "1.1.2": Decimal("0.4")}
    mine = as_student(new_client(), lea).get("/eleve/competences").text
    assert "1.1.1" in mine and "1.1.2" in mine
    coverage = client.get(f"/enseignant/classes/{classe.id}/competences").text
    assert "1.1.1" in coverage


def test_rubric_grading_needs_the_csrf_token_and_the_owning_teacher(
    classroom, db, csrf, make_teacher, as_teacher, as_student, new_client
):
    client, _, assignment, lea, _ = classroom
    attempt = _prose(db, lea, assignment)
    url = f"/enseignant/tentatives/{attempt.id}/grille"
    data = {"points": ["2", "3", "2", "1"], "commentaires": ["Intrus", "", "", ""]}
    assert client.post(url, data=data).status_code == 403  # no CSRF token
    other = as_teacher(new_client(), make_teacher())
    assert other.get(url).status_code == 404
    assert (
        other.post(url, data=data | {"csrf_token": csrf(other, "/enseignant")}).status_code == 404
    )
    student = as_student(new_client(), lea)
    token = csrf(student, f"/eleve/missions/{assignment.id}")
    assert student.post(url, data=data | {"csrf_token": token}).status_code == 403
    db.expire_all()
    assert db.get(StepAttempt, attempt.id).score is None
