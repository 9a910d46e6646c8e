"""In a real browser, at a desktop's width and a phone's: a student fills a whole week in the
planning grid with the keyboard only (one text per cell, Enter and the arrow keys to move), sees
the totals and the coverage follow, sends it and gets full marks."""

import pytest
from playwright.sync_api import expect
from sqlmodel import select
from tests.browser_helpers import ON_SQLITE_ONLY

from agora.account.models import User
from agora.classroom.service import step_variant
from agora.content.missions import get_mission
from agora.exercise.registry import get_kind

pytestmark = [pytest.mark.browser, ON_SQLITE_ONLY]  # what the browser does: see ON_SQLITE_ONLY
MISSION = "le-planning-de-la-semaine-prochaine"


def _h(heure: str) -> str:
    """« 09:00 » as a student types it: « 9h »; « 12:30 »: « 12h30 »."""
    h, m = heure.split(":")
    return f"{int(h)}h{m if m != '00' else ''}"


def _cells(params) -> list[str]:
    """The text of every cell, employee by employee, day by day, as the grid orders them."""
    solution = get_kind("planning").solve(params)["creneaux"]
    textes = []
    for salarie in params["salaries"]:
        for jour in sorted(params["ouverture"]):
            plages = [c for c in solution if c["salarie"] == salarie["id"] and c["jour"] == jour]
            textes.append(", ".join(f"{_h(c['debut'])}-{_h(c['fin'])}" for c in plages))
    return textes


def _log_in(page, live_server, db, student, assignment):
    login = db.exec(select(User.login).where(User.id == student.user_id)).one()
    page.goto(f"{live_server}/connexion")
    page.fill("#identifiant", login)
    page.fill("#mot_de_passe", "motdepasse-de-test")
    page.click("button[type=submit]")
    page.wait_for_url("**/eleve")
    page.goto(f"{live_server}/eleve/missions/{assignment.id}")


@pytest.mark.parametrize("largeur", [1280, 390])
def test_student_fills_the_week_in_the_grid_with_the_keyboard_and_gets_full_marks(
    live_server, browser_page, db, make_classe, make_student, make_assignment, largeur, tmp_path
):
    classe = make_classe()
    student = make_student(classe)
    assignment = make_assignment(classe, MISSION)
    params = step_variant(student, get_mission(MISSION), 0).params
    page = browser_page
    page.set_viewport_size({"width": largeur, "height": 900})
    _log_in(page, live_server, db, student, assignment)

    etape = page.locator("#etape-0")
    hauteur = page.evaluate("document.documentElement.scrollHeight")
    grille = etape.locator(".planning").bounding_box()["height"]
    print(f"à {largeur} px : page {hauteur} px, grille de l'étape 1 {grille:.0f} px")
    if largeur == 1280:
        # The week fits on a screen: it was 80 stacked time boxes, 24 900 px tall.
        assert grille < 900
    # No grey « 09:00 » a weak reader would take for a value.
    assert etape.locator("input[placeholder]").count() == 0
    # On a phone, one employee at a time.
    lignes = etape.locator(".planning-ligne")
    visibles = sum(lignes.nth(i).is_visible() for i in range(lignes.count()))
    assert visibles == (1 if largeur == 390 else len(params["salaries"]))

    textes = _cells(params)
    etape.locator(".planning-saisie").first.click()
    for texte in textes:
        page.keyboard.type(texte)
        page.keyboard.press("Enter")  # on to the next cell, never sends the form
    assert etape.locator(".bilan").count() == 0
    # Back up with the arrow keys: the first cell again, its text whole.
    if largeur == 1280:
        for _ in range(len(params["salaries"])):
            page.keyboard.press("ArrowUp")
        page.keyboard.press("Home")
        for _ in range(len(params["ouverture"])):
            page.keyboard.press("ArrowLeft")
        expect(etape.locator(".planning-saisie").first).to_be_focused()
    # The running totals follow what was typed: every contract met.
    totaux = etape.locator("[data-total-salarie]")
    for i in range(totaux.count()):
        assert "✔" in totaux.nth(i).inner_text()
    expect(etape.locator(".planning-manque--oui")).to_have_count(0)
    page.screenshot(path=str(tmp_path / f"planning-{largeur}.png"), full_page=True)

    etape.locator("button[type=submit]").click()
    etape = page.locator("#etape-0")
    etape.locator(".bilan-score").filter(has_text="8 / 8").wait_for()
    expect(etape.locator(".planning-cellule .verdict--faux")).to_have_count(0)


@pytest.mark.parametrize("largeur", [1280, 390])
def test_after_a_submit_the_summary_of_errors_has_focus_and_links_to_its_cell(
    live_server, browser_page, db, make_classe, make_student, make_assignment, largeur, tmp_path
):
    classe = make_classe()
    student = make_student(classe)
    assignment = make_assignment(classe, MISSION)
    params = step_variant(student, get_mission(MISSION), 0).params
    page = browser_page
    page.set_viewport_size({"width": largeur, "height": 900})
    _log_in(page, live_server, db, student, assignment)
    etape = page.locator("#etape-0")
    premier = params["salaries"][0]["nom"]
    etape.locator(".planning-saisie").first.fill("0h-23h")  # outside the opening hours
    page.once("dialog", lambda dialog: dialog.accept())  # « envoyer quand même ? »: yes
    etape.locator("button[type=submit]").click()

    resume = page.locator("#etape-0 [data-resume]")
    resume.locator("li").first.wait_for()
    expect(page.locator("#etape-0 .bilan")).to_be_focused()
    assert page.evaluate(
        "Math.abs(document.querySelector('#etape-0 .bilan').getBoundingClientRect().top) < 40"
    )
    texte = resume.inner_text()
    assert texte.startswith("1 erreur à corriger")
    assert "Votre note" in page.locator("#etape-0 .bilan-score").inner_text()
    lien = resume.locator("a").first
    assert premier in lien.inner_text() and "_" not in texte
    lien.click()
    # The link leads to the cell (this try's fields are read-only now: the cell takes the focus).
    assert page.evaluate(
        "document.activeElement.closest('td') === document.querySelector('#etape-0 .planning-cellule')"
    )
    page.screenshot(path=str(tmp_path / f"resume-{largeur}.png"))


def test_without_javascript_the_grid_posts_its_start_and_end_fields(
    live_server, browser_page, db, make_classe, make_student, make_assignment
):
    classe = make_classe()
    student = make_student(classe)
    assignment = make_assignment(classe, MISSION)
    params = step_variant(student, get_mission(MISSION), 0).params
    solution = get_kind("planning").solve(params)["creneaux"]
    contexte = browser_page.context.browser.new_context(
        java_script_enabled=False, viewport={"width": 1280, "height": 900}
    )
    page = contexte.new_page()
    _log_in(page, live_server, db, student, assignment)
    etape = page.locator("#etape-0")
    expect(etape.locator(".planning-saisie").first).to_be_hidden()
    # The periods of a cell, in the grid's order: the solution's créneaux of that day.
    n = 0
    for salarie in params["salaries"]:
        for jour in sorted(params["ouverture"]):
            plages = [c for c in solution if c["salarie"] == salarie["id"] and c["jour"] == jour]
            for k, c in enumerate(plages):
                etape.locator(f'[name="creneaux.{n + k}.debut"]').fill(c["debut"])
                etape.locator(f'[name="creneaux.{n + k}.fin"]').fill(c["fin"])
            n += 2
    etape.locator("button[type=submit]").click()
    page.locator("#etape-0 .bilan-score").filter(has_text="8 / 8").wait_for()
    contexte.close()
