"""In a real browser, what a student types in a step is neither sent by mistake nor lost:
Enter never sends the answer (with or without JavaScript), a mostly empty answer asks first,
and static/js/saisie.js keeps a draft of this user, restored after a reload."""

import pytest
from playwright.sync_api import expect
from sqlmodel import select
from tests.browser_helpers import ON_SQLITE_ONLY, wait_until

from agora.classroom.models import StepAttempt

pytestmark = [pytest.mark.browser, ON_SQLITE_ONLY]  # what the browser does: see ON_SQLITE_ONLY
MISSION = "du-devis-a-l-encaissement"
BROUILLONS = "Object.keys(localStorage).filter(k => k.startsWith('agora-brouillon|'))"


def _attempts(db) -> list:
    db.expire_all()
    return db.exec(select(StepAttempt)).all()


@pytest.fixture
def mission(live_server, db, make_classe, make_student, make_assignment, student_in_browser):
    """open(page): the student logged in, on the mission's first step; returns its URL."""
    classe = make_classe()
    student = make_student(classe)
    assignment = make_assignment(classe, MISSION)

    def open_(page) -> str:
        student_in_browser(page, student)
        url = f"{live_server}/eleve/missions/{assignment.id}"
        page.goto(url)
        return url

    return open_


def test_enter_in_a_field_never_sends_the_answer_even_without_javascript(db, browser_page, mission):
    page = browser_page.context.browser.new_page(java_script_enabled=False)
    mission(page)
    champ = page.locator('#etape-0 [name="net_a_payer"]')
    champ.fill("12")
    champ.press("Enter")
    page.wait_for_timeout(500)
    assert _attempts(db) == []
    assert "tentative utilisée : 0 sur 3" in page.locator("#etape-0 .etape-meta").inner_text()


def test_enter_moves_on_and_a_mostly_empty_answer_asks_before_it_is_sent(db, browser_page, mission):
    page = browser_page
    mission(page)
    champs = page.locator("#etape-0 form input:not([type=hidden]):not([type=submit])")
    champs.first.fill("12")
    champs.first.press("Enter")
    expect(champs.nth(1)).to_be_focused()
    page.wait_for_timeout(300)
    assert _attempts(db) == []

    questions = []

    def refuse(dialog):
        questions.append(dialog.message)
        dialog.dismiss()

    page.once("dialog", refuse)
    page.locator("#etape-0 button[type=submit]").click()
    wait_until(page, "() => true")  # the dialog is answered
    page.wait_for_timeout(300)
    assert len(questions) == 1
    assert questions[0].startswith("Vous n'avez rempli que 1 champ sur ")
    assert questions[0].endswith(" : envoyer quand même ?")
    assert _attempts(db) == []

    page.once("dialog", lambda dialog: dialog.accept())
    page.locator("#etape-0 button[type=submit]").click()
    page.locator("#etape-0 .bilan").wait_for()
    assert len(_attempts(db)) == 1


def test_typing_is_kept_as_a_draft_of_this_user_and_restored_after_a_reload(
    db, browser_page, mission
):
    page = browser_page
    url = mission(page)
    page.evaluate("localStorage.setItem('agora-brouillon|999999|1|0|0', '{}')")  # another user's
    page.reload()
    assert page.evaluate(BROUILLONS) == []  # a page of this user deletes the others' drafts

    page.locator('#etape-0 [name="net_a_payer"]').fill("1 234,50")
    page.locator('#etape-0 [name="total_ht"]').fill("99")
    # Leaving the page with unsent typing asks « quitter la page ? ».
    assert page.evaluate(
        "() => { const e = new Event('beforeunload', {cancelable: true});"
        " window.dispatchEvent(e); return e.defaultPrevented; }"
    )
    assert len(page.evaluate(BROUILLONS)) == 1

    page.on("dialog", lambda dialog: dialog.accept())
    page.goto(url)
    expect(page.locator('#etape-0 [name="net_a_payer"]')).to_have_value("1 234,50")
    expect(page.locator('#etape-0 [name="total_ht"]')).to_have_value("99")
    expect(page.locator("#etape-0 [data-brouillon-repris]")).to_have_text(
        "Votre saisie non envoyée a été reprise."
    )

    # Sent and counted: the draft goes.
    page.locator("#etape-0 button[type=submit]").click()
    page.locator("#etape-0 .bilan").wait_for()
    assert len(_attempts(db)) == 1
    wait_until(page, f"() => {BROUILLONS}.length === 0")

    # Typing in the next step, then « Se déconnecter »: no draft is left on a shared PC.
    page.locator("#etape-0").get_by_role("link", name="Étape suivante").click()
    page.locator("#etape-1 form textarea").first.fill("Bonjour")
    assert len(page.evaluate(BROUILLONS)) == 1
    page.click("header form button[type=submit]")
    page.wait_for_url("**/connexion")
    assert page.evaluate(BROUILLONS) == []
