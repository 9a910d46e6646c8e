"""In Chromium: the teacher grades a written answer with the rubric (the total follows the
points, a comment kept in the bank with htmx and picked back with the keyboard), then the
student reads the feedback criterion by criterion."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect
from sqlmodel import select

from agora.account.models import User
from agora.classroom import service
from agora.db import utcnow

pytestmark = pytest.mark.browser
PASSWORD = "motdepasse-de-test"


def _log_in(page, live_server, login):
    page.goto(f"{live_server}/connexion")
    page.fill("#identifiant", login)
    page.fill("#mot_de_passe", PASSWORD)
    page.click("button[type=submit]")


def test_teacher_grades_with_the_rubric_and_the_student_reads_each_criterion(
    db, make_teacher, make_classe, make_student, make_assignment, live_server, browser_page
):
    teacher = make_teacher("Claire", "Durand")
    classe = make_classe(teacher)
    student = make_student(classe)
    assignment = make_assignment(classe, "du-devis-a-l-encaissement")
    attempt = service.submit_prose(
        db, student, assignment, 1, "Madame, le montant est de 120 €.", utcnow()
    ).attempt
    db.commit()
    page = browser_page
    _log_in(page, live_server, teacher.login)
    page.wait_for_url("**/enseignant")
    page.goto(f"{live_server}/enseignant/tentatives/{attempt.id}/grille")

    for number, points in enumerate(["2", "1,5", "2", "1"], start=1):
        page.fill(f"#critere-{number}", points.replace(",", "."))
    expect(page.locator("#grille-total")).to_have_text("6,5")
    page.fill("#critere-2-commentaire", "L'échéance manque.")
    page.locator("#banque-critere-2-commentaire").get_by_text("Garder maintenant").click()
    choice = page.locator("#banque-critere-2-commentaire .banque-choix")
    expect(choice).to_have_text("L'échéance manque.")
    # Picked back with the keyboard into an emptied box.
    page.fill("#critere-2-commentaire", "")
    choice.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#critere-2-commentaire")).to_have_value("L'échéance manque.")
    page.fill("#critere-1-commentaire", "Présentation soignée.")
    page.get_by_role("button", name="Enregistrer", exact=True).click()
    page.wait_for_url(f"**/enseignant/devoirs/{assignment.id}/eleves/{student.id}")

    page.context.clear_cookies()
    login = db.exec(select(User.login).where(User.id == student.user_id)).one()
    _log_in(page, live_server, login)
    page.goto(f"{live_server}/eleve/missions/{assignment.id}")
    table = page.locator("table.grille-notee")
    expect(table).to_contain_text("Exactitude des informations")
    expect(table).to_contain_text("1,5 / 3")
    expect(table).to_contain_text("L'échéance manque.")
    expect(table).to_contain_text("Présentation soignée.")
