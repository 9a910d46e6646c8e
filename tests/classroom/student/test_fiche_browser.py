"""In Chromium, on a phone's screen and with the keyboard only: a student fills the fiche de
prise en charge field after field (Tab to move, typing in boxes, arrow keys in the lists),
sends it with Enter, gets full marks, and nothing needs scrolling sideways."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import select
from tests.browser_helpers import ON_SQLITE_ONLY

from agora.account.models import User
from agora.classroom.service import step_variant
from agora.content.missions import get_mission
from agora.exercise.forms import flatten
from agora.exercise.registry import get_kind

pytestmark = [pytest.mark.browser, ON_SQLITE_ONLY]  # what the browser does: see ON_SQLITE_ONLY
PASSWORD = "motdepasse-de-test"
MISSION = "l-appel-du-client"
PHONE = {"width": 390, "height": 844}


def _typed(name: str, value: str) -> str:
    """What a student types: dates as « 13/03/2026 », the rest as the contract writes it."""
    if name in ("demande.date", "suite.echeance"):
        return date.fromisoformat(value).strftime("%d/%m/%Y")
    return value


def test_the_fiche_is_filled_and_sent_with_the_keyboard_on_a_phone(
    db, make_classe, make_student, make_assignment, live_server, browser_page
):
    classe = make_classe()
    student = make_student(classe)
    assignment = make_assignment(classe, MISSION)
    login = db.exec(select(User.login).where(User.id == student.user_id)).one()
    params = step_variant(student, get_mission(MISSION), 0).params
    answer = flatten(get_kind("prise_en_charge").solve(params))

    page = browser_page
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server}/connexion")
    page.fill("#identifiant", login)
    page.fill("#mot_de_passe", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_load_state()
    page.goto(f"{live_server}/eleve/missions/{assignment.id}")

    champs = page.eval_on_selector_all(
        "#etape-0 input:not([type=hidden]):not([type=submit]), #etape-0 select",
        "els => els.map(e => [e.name, e.tagName, [...(e.options || [])].map(o => o.value)])",
    )
    assert [nom for nom, _, _ in champs] == list(answer)  # the form asks the whole fiche
    page.focus(f'#etape-0 [name="{champs[0][0]}"]')
    for nom, balise, options in champs:
        assert page.evaluate("document.activeElement.name") == nom  # Tab reached this field
        if balise == "SELECT":
            for _ in range(options.index(answer[nom])):
                page.keyboard.press("ArrowDown")
        else:
            page.keyboard.type(_typed(nom, answer[nom]))
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.type") == "submit"
    page.keyboard.press("Enter")
    score = page.locator("#etape-0 .bilan-score")
    score.wait_for()
    assert "12 / 12 points" in score.inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
