"""In Chromium on a phone (360 × 740), « Mes compétences »: each competency is a card, its level
and its proofs under its name, nothing off screen to the right. (As a table, the proofs' column
lay beyond the screen's edge and made each row a screen of blank under a name.)"""

from __future__ import annotations

import pytest
from sqlmodel import select
from tests.browser_helpers import ON_SQLITE_ONLY, log_in

from agora.account.models import User
from agora.classroom import service
from agora.content.missions import get_mission
from agora.db import utcnow
from agora.exercise.forms import flatten
from agora.exercise.registry import get_kind

pytestmark = [pytest.mark.browser, ON_SQLITE_ONLY]  # what the browser does: see ON_SQLITE_ONLY
PHONE = {"width": 360, "height": 740}
MISSION = "du-devis-a-l-encaissement"

# Each competency's table that a phone would scroll sideways to read.
SIDEWAYS = """[...document.querySelectorAll('.tableau--competences')]
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
    row = browser_page.locator(".tableau--competences tbody tr", has=browser_page.locator(".preuves"))
    name = row.first.locator("th").bounding_box()
    level = row.first.locator(".niveau").bounding_box()
    proof = row.first.locator(".preuves li").first.bounding_box()
    for box in (name, level, proof):
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], box
    assert name["y"] < level["y"] < proof["y"]
    assert proof["y"] - name["y"] < PHONE["height"] / 2  # in the same card, not a screen below
