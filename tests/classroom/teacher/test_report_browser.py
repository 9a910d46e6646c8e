"""In a real browser: a teacher opens the class report of a step, sees the most frequent method
error, gives the remediation to those students, and one of them finds it on their dashboard."""

import pytest
from playwright.sync_api import expect

from agora.classroom import service
from agora.content.missions import get_mission
from agora.db import utcnow
from agora.exercise.forms import flatten
from agora.exercise.registry import get_kind

pytestmark = pytest.mark.browser
PASSWORD = "motdepasse-de-test"


def _answer(db, student, assignment, code):
    variant = service.step_variant(student, get_mission(assignment.mission_slug), 0)
    samples = get_kind("facture").sample_answers(variant.params)
    sample = next(s for s in samples if code in s.expected_diagnostics)
    service.submit_exercise(db, student, assignment, 0, flatten(sample.answer), utcnow())
    db.commit()


def _log_in(page, live_server, login):
    page.goto(f"{live_server}/connexion")
    page.fill("#identifiant", login)
    page.fill("#mot_de_passe", PASSWORD)
    page.click("button[type=submit]")


def test_teacher_gives_the_remediation_a_student_then_sees(
    live_server, browser_page, db, make_teacher, make_classe, make_student, make_assignment
):
    from agora.account.models import User

    teacher = make_teacher("Claire", "Durand")
    classe = make_classe(teacher)
    lea = make_student(classe, prenom="Léa", nom="Arnaud")
    # Tom's invoice grants an escompte to get wrong: the default seed 1002 draws a water
    # utility, which bills its public tariffs without one (1008 sells food).
    tom = make_student(classe, prenom="Tom", nom="Bernard", org_seed=1008)
    zoe = make_student(classe, prenom="Zoé", nom="Carré")
    assignment = make_assignment(classe, "du-devis-a-l-encaissement")
    _answer(db, lea, assignment, "ESCOMPTE_SUR_TTC")
    _answer(db, tom, assignment, "ESCOMPTE_SUR_TTC")
    _answer(db, zoe, assignment, "PORT_OUBLIE")

    page = browser_page
    _log_in(page, live_server, teacher.login)
    page.wait_for_url("**/enseignant")
    page.goto(f"{live_server}/enseignant/devoirs/{assignment.id}")
    page.click("text=Bilan de l'étape 1")
    page.wait_for_url(f"**/devoirs/{assignment.id}/etapes/1/bilan")
    first = page.locator(".diagnostic").first
    expect(first).to_contain_text("2 élèves sur 3")
    expect(first).to_contain_text("L'escompte se calcule sur le net commercial, pas sur le TTC.")
    expect(first).to_contain_text("Arnaud Léa")
    expect(first).not_to_contain_text("Carré Zoé")
    first.locator("text=Donner un exercice de remédiation à ces 2 élèves").click()
    expect(page.locator(".message--succes")).to_contain_text("donné à 2 élèves")
    expect(page.locator("h1")).to_contain_text("Remédiation : Facture")

    page.click("text=Se déconnecter")
    _log_in(page, live_server, db.get(User, lea.user_id).login)
    page.wait_for_url("**/eleve")
    expect(page.locator("text=Remédiation : Facture").first).to_be_visible()
