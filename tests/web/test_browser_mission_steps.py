"""In a real browser: the mission page shows its steps one at a time, a list of the steps at the
top with the state of each; « Étape suivante » opens the next one without losing what was typed
in the other; without JavaScript the same links load the page on that step."""

import pytest
from playwright.sync_api import expect
from sqlmodel import select
from tests.browser_helpers import ON_SQLITE_ONLY

from agora.account.models import User

pytestmark = [pytest.mark.browser, ON_SQLITE_ONLY]  # what the browser does: see ON_SQLITE_ONLY
MISSION = "le-planning-de-la-semaine-prochaine"


def _log_in(page, live_server, db, student, assignment):
    login = db.exec(select(User.login).where(User.id == student.user_id)).one()
    page.goto(f"{live_server}/connexion")
    page.fill("#identifiant", login)
    page.fill("#mot_de_passe", "motdepasse-de-test")
    page.click("button[type=submit]")
    page.wait_for_url("**/eleve")
    page.goto(f"{live_server}/eleve/missions/{assignment.id}")


def test_the_planning_mission_shows_one_step_at_a_time_and_keeps_what_was_typed(
    live_server, browser_page, db, make_classe, make_student, make_assignment, tmp_path
):
    classe = make_classe()
    student = make_student(classe)
    assignment = make_assignment(classe, MISSION)
    page = browser_page
    page.set_viewport_size({"width": 1280, "height": 900})
    _log_in(page, live_server, db, student, assignment)

    hauteur = page.evaluate("document.documentElement.scrollHeight")
    print(f"page de la mission à 1280 px : {hauteur} px")
    # It was 4 707 to 5 015 px with both planning steps one under the other.
    assert hauteur < 3000
    expect(page.locator("#etape-0")).to_be_visible()
    expect(page.locator("#etape-1")).to_be_hidden()
    liens = page.locator(".etapes-liste a")
    expect(liens).to_have_count(2)
    expect(liens.first).to_have_attribute("aria-current", "step")
    expect(liens.first).to_contain_text("à faire")

    cellule = page.locator("#etape-0 .planning-saisie").first
    cellule.fill("9h-12h")
    page.locator("#etape-0").get_by_role("link", name="Étape suivante").click()
    expect(page.locator("#etape-1")).to_be_visible()
    expect(page.locator("#etape-0")).to_be_hidden()
    expect(liens.nth(1)).to_have_attribute("aria-current", "step")
    expect(page.locator("#etape-1 h2")).to_be_focused()
    assert "etape=2" in page.url
    hauteur = page.evaluate("document.documentElement.scrollHeight")
    print(f"page de la mission à 1280 px, étape 2 ouverte : {hauteur} px")
    assert hauteur < 3000
    page.screenshot(path=str(tmp_path / "etape-2-1280.png"), full_page=True)

    liens.first.click()
    expect(page.locator("#etape-0")).to_be_visible()
    expect(cellule).to_have_value("9h-12h")  # nothing lost on the way

    # After a submit (htmx), the step list says the step was sent. One cell of the week
    # filled: the page asks « envoyer quand même ? » (js/saisie.js) and the student says yes.
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator("#etape-0 button[type=submit]").click()
    page.locator("#etape-0 .bilan-score").wait_for()
    expect(liens.first).to_contain_text("envoyée")
    expect(liens.first).to_have_attribute("aria-current", "step")


def test_without_javascript_the_step_links_load_the_page_on_that_step(
    live_server, browser_page, db, make_classe, make_student, make_assignment
):
    classe = make_classe()
    student = make_student(classe)
    assignment = make_assignment(classe, MISSION)
    contexte = browser_page.context.browser.new_context(
        java_script_enabled=False, viewport={"width": 1280, "height": 900}
    )
    page = contexte.new_page()
    _log_in(page, live_server, db, student, assignment)
    expect(page.locator("#etape-1")).to_be_hidden()
    page.locator("#etape-0").get_by_role("link", name="Étape suivante").click()
    page.wait_for_url("**etape=2**")
    expect(page.locator("#etape-1")).to_be_visible()
    expect(page.locator("#etape-0")).to_be_hidden()
    expect(page.locator(".etapes-liste a").nth(1)).to_have_attribute("aria-current", "step")
    contexte.close()


def test_on_a_phone_a_statement_table_shows_one_card_per_row_with_its_column_names(
    live_server, browser_page, db, make_classe, make_student, make_assignment
):
    # Seen on a phone (390 px): the customer's documents of « Les encaissements du mois » sat in
    # a four-column table whose « Détail » column (the amounts) was squeezed to a word per line.
    classe = make_classe()
    student = make_student(classe)
    assignment = make_assignment(classe, "les-encaissements-du-mois")
    page = browser_page
    page.set_viewport_size({"width": 390, "height": 844})
    _log_in(page, live_server, db, student, assignment)

    table = page.locator("#etape-0 .markdown table").first
    expect(table).to_be_visible()
    largeurs = table.evaluate(
        """t => ({table: t.getBoundingClientRect().width, defile: t.scrollWidth - t.clientWidth,
                  detail: t.querySelector('tbody td:last-child').getBoundingClientRect().width,
                  nom: getComputedStyle(t.querySelector('tbody td:last-child'), '::before')
                       .content})"""
    )
    assert largeurs["defile"] <= 1  # nothing hidden off the side of the screen
    assert largeurs["detail"] >= 0.9 * largeurs["table"]  # a line of the card, not a column
    assert "Détail" in largeurs["nom"]  # each value under its column's name
    page.set_viewport_size({"width": 1280, "height": 900})  # a school PC: still a table
    assert table.evaluate("t => getComputedStyle(t.querySelector('tr')).display") == "table-row"
