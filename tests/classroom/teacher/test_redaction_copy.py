"""The teacher reads a written answer as the document it is (a letter laid out like a letter)
beside the automatic pre-checks, on the grading page and on the student's work page; an old
plain-text answer still reads."""

from agora.classroom import service
from agora.db import utcnow

LETTRE = "un-courrier-de-mecontentement"

SENT = {
    "expediteur": "Service clients\n3 rue de la Gare",
    "destinataire": "Mme Claire Fontaine\n8 allée des Tilleuls\n69003 Lyon",
    "references": "V/Réf. : REC-2026-014",
    "lieu_date": "Lyon, le 5 mars 2026",
    "objet": "Votre attente du 24 février",
    "formule_appel": "Madame,",
    "corps": "Nous avons bien recu votre lettre du 2 mars 2026. <b>Nous regrettons</b>.",
    "formule_politesse": "",
    "signature": "",
}


def test_the_teacher_reads_a_letter_as_a_letter_with_its_prechecks(
    client, db, make_teacher, make_classe, make_student, make_assignment, as_teacher
):
    teacher = make_teacher()
    classe = make_classe(teacher)
    student = make_student(classe, prenom="Léa", nom="Arnaud")
    assignment = make_assignment(classe, LETTRE)
    attempt = service.submit_prose(db, student, assignment, 0, SENT, utcnow()).attempt
    db.commit()
    as_teacher(client, teacher)
    for url in (
        f"/enseignant/tentatives/{attempt.id}/grille",
        f"/enseignant/devoirs/{assignment.id}/eleves/{student.id}",
    ):
        page = client.get(url)
        assert page.status_code == 200
        assert "document-redige--lettre" in page.text
        assert '<p class="lettre-appel">Madame,</p>' in page.text
        assert "&lt;b&gt;Nous regrettons&lt;/b&gt;" in page.text  # escaped, never HTML
        assert "Vérifications automatiques" in page.text
        assert "Formule de politesse, Signature" in page.text  # parts left empty
        assert "« recu »" in page.text  # spelling
        assert "le geste de 25,00 €" in page.text  # a fact of the situation missing


def test_an_old_plain_text_answer_still_reads_on_the_grading_page(
    client, db, make_teacher, make_classe, make_student, make_assignment, as_teacher
):
    teacher = make_teacher()
    classe = make_classe(teacher)
    student = make_student(classe)
    assignment = make_assignment(classe, "du-devis-a-l-encaissement")
    attempt = service.submit_prose(db, student, assignment, 1, "Madame, voici.", utcnow()).attempt
    db.commit()
    as_teacher(client, teacher)
    page = client.get(f"/enseignant/tentatives/{attempt.id}/grille")
    assert page.status_code == 200 and "Madame, voici." in page.text
