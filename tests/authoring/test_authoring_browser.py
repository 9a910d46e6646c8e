"""In a real browser: a teacher writes a new mission with two steps in the editor (htmx adds
and removes steps), sees the live preview, saves and assigns it; a student completes it."""

import pytest
from playwright.sync_api import expect
from sqlmodel import select
from tests.browser_helpers import ON_SQLITE_ONLY

from agora.classroom.models import StepAttempt

pytestmark = pytest.mark.browser
PASSWORD = "motdepasse-de-test"


def _log_in(page, server, login):
    page.goto(f"{server}/connexion")
    page.fill("#identifiant", login)
    page.fill("#mot_de_passe", PASSWORD)
    page.click("button[type=submit]")


def test_a_teacher_writes_previews_and_assigns_a_mission_a_student_completes_it(
    live_server, browser_page, db, make_teacher, make_classe, make_student
):
    from agora.account.models import User

    teacher = make_teacher("Claire", "Durand")
    classe = make_classe(teacher)
    student = make_student(classe, prenom="Léa", nom="Arnaud")
    page = browser_page
    _log_in(page, live_server, teacher.login)
    page.wait_for_url("**/enseignant")
    page.click("nav >> text=Mes missions")
    page.click("text=Écrire une nouvelle mission")

    page.fill("#titre", "Les deux courriels")
    page.fill("#resume", "Deux messages à écrire pour {organisation}.")
    page.fill("#histoire", "Vous travaillez chez **{organisation}**, à {ville}.")
    page.click("text=Ajouter une rédaction")
    expect(page.locator("#etape-1")).to_be_visible()
    page.click("text=Ajouter une rédaction")
    expect(page.locator("#etape-2")).to_be_visible()
    page.click("text=Supprimer l'étape 1")  # the exercise the new form starts with
    expect(page.locator("#etape-2")).to_have_count(0)
    for i, titre in enumerate(("Répondre au client", "Informer le collègue")):
        step = page.locator(f"#etape-{i}")
        step.locator(f"[name=e-{i}-titre]").fill(titre)
        step.locator(f"[name=e-{i}-format]").select_option("texte")
        step.locator(f"[name=e-{i}-consigne]").fill(f"Écrivez : {titre.lower()}.")
        step.locator("summary", has_text="Pôle 1").first.click()
        step.locator(f"[name=e-{i}-competences][value='1.1.1']").check()
        step.locator(f"[name=e-{i}-r-0-critere]").fill("Clarté")
        step.locator(f"[name=e-{i}-r-0-description]").fill("Le message est clair.")
    page.locator("#editeur > fieldset summary", has_text="Pôle 1").click()
    page.locator("#editeur > fieldset [name=competences][value='1.1.1']").check()

    preview = page.locator("#apercu")
    expect(preview).to_contain_text("Informer le collègue")  # debounced, then shown
    expect(preview.locator("strong").first).not_to_contain_text("{organisation}")
    page.click("text=Enregistrer la mission")
    expect(page.locator(".message--succes")).to_contain_text("Mission enregistrée")

    page.goto(f"{live_server}/enseignant/classes/{classe.id}/attribuer")
    page.check("text=Les deux courriels")
    page.click("text=Attribuer la mission")
    page.wait_for_url(f"**/enseignant/classes/{classe.id}")

    student_page = page.context.browser.new_page(locale="fr-FR")
    login = db.get(User, student.user_id).login
    _log_in(student_page, live_server, login)
    student_page.click("text=Les deux courriels")
    steps = student_page.locator("section.etape")
    for index, text in enumerate(("Bonjour, voici notre réponse.", "Bonjour, pour information.")):
        if index:  # one step open at a time: on to the next one
            steps.nth(index - 1).get_by_role("link", name="Étape suivante").click()
        step = steps.nth(index)
        step.locator("textarea[name=texte]").fill(text)
        step.locator("text=Envoyer mon texte").click()
        expect(steps.nth(index)).to_contain_text("en attente de correction")
    db.expire_all()
    attempts = db.exec(select(StepAttempt).where(StepAttempt.student_id == student.id)).all()
    assert sorted(a.step_index for a in attempts) == [0, 1]


@ON_SQLITE_ONLY
def test_deleting_a_mission_asks_first_and_dismissing_keeps_it(
    live_server, browser_page, db, make_teacher
):
    from agora.authoring import service
    from agora.authoring.models import AuthoredMission

    teacher = make_teacher("Claire", "Durand")
    version = service.duplicate(db, teacher.id, service.builtin_text("la-paie-de-mars"))
    db.commit()
    mission_id = version.mission_id
    page = browser_page
    _log_in(page, live_server, teacher.login)
    page.wait_for_url("**/enseignant")
    page.goto(f"{live_server}/enseignant/missions")
    asked: list[str] = []

    def answer(accept: bool):
        def handle(dialog):
            asked.append(dialog.message)
            dialog.accept() if accept else dialog.dismiss()

        return handle

    page.once("dialog", answer(False))
    page.click("#titre-miennes ~ table >> text=Supprimer")
    assert asked == ["Supprimer la mission « Copie de La paie de mars » ?"]
    expect(page.locator("#titre-miennes ~ table")).to_contain_text("Copie de La paie de mars")
    db.expire_all()
    assert db.get(AuthoredMission, mission_id) is not None

    page.once("dialog", answer(True))
    page.click("#titre-miennes ~ table >> text=Supprimer")
    expect(page.locator(".message--succes")).to_contain_text("Mission supprimée")
    assert len(asked) == 2
    db.expire_all()
    assert db.get(AuthoredMission, mission_id) is None
