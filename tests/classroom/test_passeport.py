"""The competency record (« passeport ») as PDF: every competency with its level and evidence,
the teacher's comments; the class's teacher and the student alone may have it."""

from __future__ import annotations

from decimal import Decimal

from tests.pdf_helpers import pages_as_images, pdf_text

from agora.classroom.models import StepAttempt
from agora.competency.service import attempt_competences, record_evidence
from agora.db import utcnow
from agora.referentiel import load_referentiel


def _graded(db, student, assignment, score: str, comment: str) -> StepAttempt:
    """A graded invoice step proving 1.2.2, marked again by the teacher with a comment."""
    attempt = StepAttempt(
        student_id=student.id,
        assignment_id=assignment.id,
        step_index=0,
        kind="facture",
        niveau=2,
        variant_seed=2,
        answer={},
        score=Decimal("0.5"),
        grade={"competences": [{"code": "1.2.2", "score": "0.5"}]},
        override_score=Decimal(score),
        overridden_at=utcnow(),
        override_comment=comment,
    )
    db.add(attempt)
    db.flush()
    record_evidence(db, attempt, attempt_competences(attempt))
    return attempt


def test_passeport_for_the_teacher_and_the_student_only(
    client, new_client, db, make_teacher, make_classe, make_student, make_assignment,
    as_teacher, as_student,
):  # fmt: skip
    teacher = make_teacher("Paul", "Professeur")
    classe = make_classe(teacher=teacher, nom="Terminale AGOrA B")
    other_classe = make_classe(teacher=teacher, nom="1re AGOrA A")
    lea = make_student(classe=classe, prenom="Léa", nom="Œillet")
    marc = make_student(classe=classe, prenom="Marc", nom="Zidane")
    assignment = make_assignment(classe, "du-devis-a-l-encaissement")
    _graded(db, lea, assignment, "0.9", "Escompte bien calculé sur le net commercial.")
    _graded(db, marc, assignment, "0.2", "Revoir l'ordre des réductions, Marc.")
    db.commit()
    url = f"/enseignant/classes/{classe.id}/eleves/{lea.id}/passeport.pdf"

    as_teacher(client, teacher)
    assert url in client.get(f"/enseignant/classes/{classe.id}/competences").text
    response = client.get(url)
    assert response.status_code == 200 and response.headers["content-type"] == "application/pdf"
    assert len(pages_as_images(response.content)) >= 2
    text = pdf_text(response.content)
    assert "Passeport de compétences" in text and "Léa Œillet" in text
    assert "Terminale AGOrA B" in text
    for competence in load_referentiel().competences:
        assert competence.code in text, competence.code
    assert "très bon" in text and "90 %" in text.replace("\u202f", " ").replace("\xa0", " ")
    assert "Escompte bien calculé sur le net commercial." in text
    # French guillemets hold their word with no-break spaces: the line broke between « and
    # clients » (audit 11), pdftotext shows a no-break space as a space.
    assert "«\n" not in text and "\n»" not in text
    assert "relations\n« clients »" in text.replace("\u00a0", " ")
    assert "Zidane" not in text and "Revoir l'ordre" not in text

    # another class of the same teacher, another teacher: no record
    assert client.get(url.replace(f"/{classe.id}/", f"/{other_classe.id}/")).status_code == 404
    intruder = as_teacher(new_client(), make_teacher("Marc", "Autre"))
    assert intruder.get(url).status_code == 404

    # the student: their own record only, and never the teacher's URL
    own = as_student(new_client(), marc)
    assert "/eleve/competences/passeport.pdf" in own.get("/eleve/competences").text
    mine = own.get("/eleve/competences/passeport.pdf")
    assert mine.status_code == 200
    text = pdf_text(mine.content)
    assert "Marc Zidane" in text and "Revoir l'ordre des réductions, Marc." in text
    assert "Œillet" not in text and "Escompte bien calculé" not in text
    assert own.get(url).status_code in (403, 404)
