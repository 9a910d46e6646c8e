"""In a real browser: a student hands in a poster (a web page renamed .png is refused first),
and the teacher sees its thumbnail on the grading page."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect
from sqlmodel import select
from tests.browser_helpers import wait_until

from agora.account.models import User

pytestmark = pytest.mark.browser
MISSION = "l-affiche-de-la-journee-portes-ouvertes"


def _log_in(page, url, login):
    page.goto(f"{url}/connexion")
    page.fill("#identifiant", login)
    page.fill("#mot_de_passe", "motdepasse-de-test")
    page.click("button[type=submit]")


def test_a_student_hands_in_a_poster_and_the_teacher_sees_its_thumbnail(
    live_server,
    browser_page,
    db,
    tmp_path,
    files,
    make_teacher,
    make_classe,
    make_student,
    make_assignment,
):
    teacher = make_teacher()
    classe = make_classe(teacher)
    student = make_student(classe, prenom="Léa", nom="Arnaud")
    assignment = make_assignment(classe, MISSION)
    login = db.exec(select(User.login).where(User.id == student.user_id)).one()
    fake = tmp_path / "affiche.png"
    fake.write_bytes(b"<html><script>alert(1)</script></html>")
    real = tmp_path / "Affiche portes ouvertes.png"
    real.write_bytes(files.png(size=(600, 850)))

    page = browser_page
    _log_in(page, live_server, login)
    page.wait_for_url("**/eleve")
    page.click("text=L'affiche de la journée portes ouvertes")
    page.set_input_files("#etape-0-fichier", str(fake))
    page.fill("#etape-0-commentaire", "Réalisée avec Canva")
    page.click("#etape-0 button[type=submit]")
    expect(page.locator("#etape-0 .message--erreur")).to_contain_text(
        "Ce fichier n'est pas une image PNG ou JPEG ni un PDF"
    )
    expect(page.locator("#etape-0-commentaire")).to_have_value("Réalisée avec Canva")
    page.set_input_files("#etape-0-fichier", str(real))
    page.click("#etape-0 button[type=submit]")
    expect(page.locator(".message--succes")).to_contain_text("Affiche envoyée")
    expect(page.locator("#etape-0 .fichier-rendu figcaption")).to_contain_text(
        "Affiche_portes_ouvertes.png"
    )

    prof = browser_page.context.browser.new_context(locale="fr-FR").new_page()
    _log_in(prof, live_server, teacher.login)
    prof.wait_for_url("**/enseignant")
    prof.goto(f"{live_server}/enseignant/devoirs/{assignment.id}/corriger")
    thumbnail = prof.locator(".fichier-rendu img.miniature")
    expect(thumbnail).to_be_visible()
    wait_until(prof, "document.querySelector('img.miniature').naturalWidth > 0")
    width = thumbnail.evaluate("img => img.naturalWidth")
    assert 0 < width <= 320
    expect(prof.locator("article.document-redige")).to_contain_text("Réalisée avec Canva")

    # The teacher grades the poster with the rubric; the student reads each criterion.
    for number, points in enumerate(["5", "4", "4", "3"], start=1):
        prof.fill(f"#critere-{number}", points)
    prof.fill("#critere-3-commentaire", "Le titre se lit de loin.")
    prof.get_by_role("button", name="Enregistrer", exact=True).click()
    prof.wait_for_load_state()
    page.goto(f"{live_server}/eleve/missions/{assignment.id}")
    grid = page.locator("table.grille-notee")
    expect(grid).to_contain_text("Mise en page")
    expect(grid).to_contain_text("4 / 5")
    expect(grid).to_contain_text("Le titre se lit de loin.")
