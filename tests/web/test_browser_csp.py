"""In Chromium, under the Content-Security-Policy: the key pages load without a single violation
and htmx still works (inline field check, exam autosave, the timer counting down)."""

import os
import re
from datetime import timedelta

import pytest
from sqlmodel import select
from tests.browser_helpers import ON_SQLITE_ONLY, wait_until

from agora.account.models import User
from agora.db import utcnow

pytestmark = [pytest.mark.browser, ON_SQLITE_ONLY]  # what the browser does: see ON_SQLITE_ONLY
MISSION = "du-devis-a-l-encaissement"
SCREENSHOTS = os.environ.get("AGORA_SCREENSHOTS")  # a folder, to look at the pages by eye


def _log_in(page, base: str, login: str) -> None:
    page.goto(f"{base}/connexion")
    page.fill("#identifiant", login)
    page.fill("#mot_de_passe", "motdepasse-de-test")
    page.click("main button[type=submit]")
    page.wait_for_load_state()


def _shot(page, name: str) -> None:
    if SCREENSHOTS:
        page.screenshot(path=f"{SCREENSHOTS}/{name}.png", full_page=True)


def test_key_pages_run_under_the_csp_with_htmx_working(
    live_server, browser_page, db, make_teacher, make_classe, make_student, make_assignment
):
    from agora.exam import creation

    teacher = make_teacher()
    classe = make_classe(teacher)
    student = make_student(classe)
    assignment = make_assignment(classe, MISSION)
    exam = creation.create_exam(
        db,
        teacher.id,
        classe,
        titre="Évaluation sous CSP",
        questions=[{"kind": "facture", "niveau": 1, "points": 10}],
        opens_at=utcnow() - timedelta(minutes=1),
        closes_at=utcnow() + timedelta(hours=2),
        duree_minutes=60,
        melange=False,
    )
    db.commit()
    login = db.exec(select(User.login).where(User.id == student.user_id)).one()
    page, base = browser_page, live_server
    problems = []
    page.on(
        "console",
        lambda m: problems.append(f"{page.url}: {m.text}") if "Security Policy" in m.text else None,
    )
    page.on("pageerror", lambda error: problems.append(str(error)))

    _log_in(page, base, login)
    _shot(page, "tableau-de-bord")
    assert page.url.endswith("/eleve")
    page.goto(f"{base}/eleve/missions/{assignment.id}")
    page.fill('#etape-0 [name="net_a_payer"]', "douze")  # htmx inline check
    page.locator("#etape-0-champ-net-a-payer-erreur").filter(
        has_text="n'est pas un montant"
    ).wait_for()
    _shot(page, "mission")

    page.goto(f"{base}/examen")
    page.fill("#code", exam.code.lower())
    page.click("main form button[type=submit]")
    page.wait_for_url(re.compile(r".*/examen/copies/\d+/questions/1$"))
    shown = page.locator("#minuteur .minuteur-valeur").inner_text()
    wait_until(  # the countdown script (a static file) ticks
        page, "t => document.querySelector('#minuteur .minuteur-valeur').textContent !== t", shown
    )
    page.locator('input[name="total_ht"]').fill("123,45")  # htmx autosave
    page.locator("#etat-sauvegarde").filter(has_text="Enregistré à").wait_for()
    _shot(page, "examen")

    page.click("header form button[type=submit]")  # log out
    page.wait_for_url(re.compile(r".*/connexion.*"))
    _log_in(page, base, teacher.login)
    page.goto(f"{base}/enseignant/classes/{classe.id}")
    page.locator("h1").filter(has_text=classe.nom).wait_for()
    _shot(page, "classe")

    assert problems == [], "\n".join(problems)
