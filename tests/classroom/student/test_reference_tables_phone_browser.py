"""In Chromium on a phone (360 × 740), the student's reference tables are a card per row, nothing
off screen to the right: « Mes compétences » (each competency's level and proofs under its name:
as a table, the proofs' column lay beyond the screen's edge and made each row a screen of blank)
and the organisation's files (customers, suppliers, catalogue, staff: as tables they scrolled
sideways two to three screens wide)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect
from sqlmodel import select
from tests.browser_helpers import ON_SQLITE_ONLY, log_in

from agora.account.models import User
from agora.classroom import service
from agora.content.missions import get_mission
from agora.db import utcnow
from agora.exercise.forms import flatten
from agora.exercise.registry import get_kind
from agora.exercise.variants import company_for

pytestmark = [pytest.mark.browser, ON_SQLITE_ONLY]  # what the browser does: see ON_SQLITE_ONLY
PHONE = {"width": 360, "height": 740}
MISSION = "du-devis-a-l-encaissement"

# The tables of the page that a phone would scroll sideways to read.
SIDEWAYS = """[...document.querySelectorAll('main table')]
  .filter(t => t.parentElement.scrollWidth > t.parentElement.clientWidth + 1).length"""


def test_on_a_phone_each_competency_shows_its_level_and_proofs_under_its_name(
    live_server, browser_page, db, make_classe, make_student, make_assignment
):
    classe = make_classe()
    assignment = make_assignment(classe, MISSION)
    student = make_student(classe)
    variant = service.step_variant(student, get_mission(MISSION), 0)
    right = get_kind(variant.kind).sample_answers(variant.params)[0]
    service.submit_exercise(db, student, assignment, 0, flatten(right.answer), utcnow())
    db.commit()
    login = db.exec(select(User.login).where(User.id == student.user_id)).one()
    browser_page.set_viewport_size(PHONE)
    log_in(browser_page, live_server, login)
    browser_page.goto(f"{live_server}/eleve/competences")

    assert browser_page.evaluate(SIDEWAYS) == 0
    row = browser_page.locator(
        ".tableau--competences tbody tr", has=browser_page.locator(".preuves")
    )
    name = row.first.locator("th").bounding_box()
    level = row.first.locator(".niveau").bounding_box()
    proof = row.first.locator(".preuves li").first.bounding_box()
    for box in (name, level, proof):
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], box
    assert name["y"] < level["y"] < proof["y"]
    assert proof["y"] - name["y"] < PHONE["height"] / 2  # in the same card, not a screen below


def test_on_a_phone_each_row_of_the_organisations_files_is_a_card_headed_by_its_name(
    live_server, browser_page, db, make_classe, make_student
):
    student = make_student(make_classe())
    company = company_for(student.org_seed)
    login = db.exec(select(User.login).where(User.id == student.user_id)).one()
    browser_page.set_viewport_size(PHONE)
    log_in(browser_page, live_server, login)
    browser_page.goto(f"{live_server}/eleve/organisation")

    assert browser_page.evaluate(SIDEWAYS) == 0
    client = company.clients[0]
    card = browser_page.locator("#clients tbody tr").first
    name, address = card.locator("th"), card.get_by_text(client.adresse.ville, exact=False)
    expect(name).to_have_text(client.nom)
    expect(address).to_be_visible()
    assert name.bounding_box()["y"] < address.bounding_box()["y"]  # the name heads the card
    box = address.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], box
