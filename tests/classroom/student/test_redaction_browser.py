"""In Chromium: a student writes an e-mail part by part (to, subject, body, an attachment
chosen in the list), sends it, and reads it back laid out as an e-mail, with the pre-checks."""

from __future__ import annotations

import pytest
from sqlmodel import select

from agora.account.models import User
from agora.exercise.variants import company_for

pytestmark = pytest.mark.browser
PASSWORD = "motdepasse-de-test"
MISSION = "l-information-sur-la-complementaire-sante"


def test_a_student_writes_an_email_with_its_attachment_and_sees_it_rendered(
    db, make_teacher, make_classe, make_student, make_assignment, live_server, browser_page
):
    teacher = make_teacher("Claire", "Durand")
    classe = make_classe(teacher)
    student = make_student(classe)
    assignment = make_assignment(classe, MISSION)
    login = db.exec(select(User.login).where(User.id == student.user_id)).one()
    notice = (
        "Notice du contrat de complémentaire santé 2026 — "
        f"{company_for(student.org_seed).raison_sociale}"
    )

    page = browser_page
    page.goto(f"{live_server}/connexion")
    page.fill("#identifiant", login)
    page.fill("#mot_de_passe", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_load_state()
    page.goto(f"{live_server}/eleve/missions/{assignment.id}")

    page.fill("#etape-0-a", "personnel@exemple.fr")
    page.fill("#etape-0-objet", "Nouvelle complémentaire santé au 1er avril 2026")
    page.fill(
        "#etape-0-corps",
        "Bonjour à tous,\n\nLe nouveau contrat s'applique le 1er avril 2026 : 21,40 € par mois "
        "restent à votre charge.\n\nCordialement,\nLéa Martin",
    )
    page.select_option("#etape-0-piece_jointe", notice)
    page.click("#etape-0 button[type=submit]")

    sent = page.locator("#etape-0 .message--succes")
    sent.wait_for()
    page.click("#etape-0 details.envoi-redige summary")
    email = page.locator("#etape-0 .document-redige--courriel")
    assert "Nouvelle complémentaire santé au 1er avril 2026" in email.inner_text()
    assert notice in email.inner_text()
    assert "Cordialement,\nLéa Martin" in email.locator(".document-texte").inner_text()
    checks = page.locator("#etape-0 .prechecks").inner_text()
    assert "32,10" in checks  # the employer's share is missing from the e-mail

    # The teacher grades the e-mail with the rubric, criterion by criterion, with a comment…
    prof = browser_page.context.browser.new_context(locale="fr-FR").new_page()
    prof.goto(f"{live_server}/connexion")
    prof.fill("#identifiant", teacher.login)
    prof.fill("#mot_de_passe", PASSWORD)
    prof.click("main button[type=submit]")
    prof.wait_for_url("**/enseignant")
    prof.goto(f"{live_server}/enseignant/devoirs/{assignment.id}/corriger")
    assert "Nouvelle complémentaire santé" in prof.locator("article.document-redige").inner_text()
    for number, points in enumerate(["2", "3", "3"], start=1):
        prof.fill(f"#critere-{number}", points)
    prof.fill("#critere-1-commentaire", "La part de l'employeur manque.")
    prof.get_by_role("button", name="Enregistrer", exact=True).click()
    prof.wait_for_load_state()

    # …and the student reads each criterion's points and comment.
    page.goto(f"{live_server}/eleve/missions/{assignment.id}")
    grid = page.locator("table.grille-notee")
    grid.wait_for()
    text = grid.inner_text()
    assert "Exactitude de l'information sociale" in text and "2 / 4" in text
    assert "La part de l'employeur manque." in text
