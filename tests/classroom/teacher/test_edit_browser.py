"""In a real browser: the edit form shows a refused change in place (htmx swaps the 400 form,
without a page load), then saves; deleting asks for the confirmation box."""

import pytest
from playwright.sync_api import expect

from agora.classroom.models import Assignment

pytestmark = pytest.mark.browser


def test_teacher_edits_then_deletes_an_assignment(
    live_server, browser_page, db, make_teacher, make_classe, make_assignment
):
    teacher = make_teacher("Claire", "Durand")
    assignment = make_assignment(make_classe(teacher), "du-devis-a-l-encaissement")
    page = browser_page
    page.goto(f"{live_server}/connexion")
    page.fill("#identifiant", teacher.login)
    page.fill("#mot_de_passe", "motdepasse-de-test")
    page.click("button[type=submit]")
    page.wait_for_url("**/enseignant")
    page.goto(f"{live_server}/enseignant/devoirs/{assignment.id}/modifier")

    page.evaluate("window.marqueur = 'même page'")  # survives only without a page load
    page.fill("#date", "2020-01-01")
    page.click("text=Enregistrer les modifications")
    expect(page.locator("#formulaire .message--erreur")).to_contain_text("déjà passée")
    assert page.evaluate("window.marqueur") == "même page"

    page.fill("#date", "2099-06-30")
    page.fill("#attempts", "4")
    page.click("text=Enregistrer les modifications")
    expect(page.locator(".message--succes")).to_contain_text("Modifications enregistrées")
    db.expire_all()
    assert db.get(Assignment, assignment.id).attempts_allowed == 4

    page.check("#actions input[name=confirmation]")
    page.click("text=Supprimer la mission")
    page.wait_for_url(f"**/enseignant/classes/{assignment.classe_id}")
    expect(page.locator("text=Aucune mission attribuée")).to_be_visible()
