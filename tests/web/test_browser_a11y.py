"""Accessibility in a real browser: axe-core, injected into every main page at 1280 px and at
390 px, finds no serious or critical violation.

axe-core is vendored (tests/vendor/axe.min.js, version 4.14.1, MPL-2.0: see
tests/vendor/axe-core.LICENSE): no network fetch at test time, the same rules on every run.
"""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import pytest
from sqlmodel import select
from tests.browser_helpers import ON_SQLITE_ONLY, wait_until

from agora.account.models import User
from agora.classroom import service
from agora.content.missions import get_mission
from agora.db import utcnow
from agora.exam import creation
from agora.exercise.forms import flatten
from agora.exercise.registry import get_kind

pytestmark = [pytest.mark.browser, ON_SQLITE_ONLY]  # what the browser does: see ON_SQLITE_ONLY
AXE = Path(__file__).parents[1] / "vendor" / "axe.min.js"
AXE_VERSION = "4.14.1"
MISSION = "du-devis-a-l-encaissement"  # step 0: facture (a form), step 1: courriel (writing)
PASSWORD = "motdepasse-de-test"
WIDTHS = (1280, 390)
BLOCKING = ("serious", "critical")

RUN_AXE = """async () => {
  const result = await axe.run(document, {resultTypes: ['violations']});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => ({target: n.target.join(' '), summary: n.failureSummary})),
  }));
}"""


def _violations(page, url: str) -> list[str]:
    """The serious and critical violations of ``url`` at each width, as readable lines."""
    found = []
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(url)  # waits for « load »; then the htmx requests fired at load, if any
        wait_until(page, "!document.querySelector('.htmx-request')")
        page.add_script_tag(path=str(AXE))
        assert page.evaluate("axe.version") == AXE_VERSION
        for v in page.evaluate(RUN_AXE):
            if v["impact"] not in BLOCKING:
                continue
            found.append(
                f"{url.split('/', 3)[-1]} @ {width}px — {v['impact']} {v['id']}: {v['help']}"
            )
            for node in v["nodes"][:5]:
                summary = " ".join(node["summary"].split())[:300]
                found.append(f"    {node['target']}\n      {summary}")
            if len(v["nodes"]) > 5:
                found.append(f"    … et {len(v['nodes']) - 5} autres éléments")
    return found


def _log_in(page, base: str, login: str) -> None:
    page.context.clear_cookies()
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{base}/connexion")
    page.fill("#identifiant", login)
    page.fill("#mot_de_passe", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_load_state()


def test_no_serious_or_critical_violation_on_the_main_pages(
    live_server, browser_page, db, make_teacher, make_classe, make_student, make_assignment
):
    teacher = make_teacher()
    classe = make_classe(teacher)
    student = make_student(classe)
    make_student(classe, prenom="Tom", nom="Bernard")
    assignment = make_assignment(classe, MISSION)
    mission = get_mission(MISSION)
    variant = service.step_variant(student, mission, 0)
    right = get_kind("facture").sample_answers(variant.params)[0]
    invoice = service.submit_exercise(
        db, student, assignment, 0, flatten(right.answer), utcnow()
    ).attempt
    prose = service.submit_prose(
        db, student, assignment, 1, "Madame, Monsieur, voici votre facture.", utcnow()
    ).attempt
    exam = creation.create_exam(
        db,
        teacher.id,
        classe,
        titre="Évaluation de test",
        questions=[{"kind": "facture", "niveau": 1, "points": 10}],
        opens_at=utcnow() - timedelta(minutes=1),
        closes_at=utcnow() + timedelta(hours=3),
        duree_minutes=60,
        melange=False,
    )
    db.commit()
    student_login = db.exec(select(User.login).where(User.id == student.user_id)).one()
    base, page = live_server, browser_page
    context = page.context.browser.new_context(locale="fr-FR", bypass_csp=True)
    page = context.new_page()  # bypass_csp: axe is injected as an inline script
    found = []

    page.context.clear_cookies()
    found += _violations(page, f"{base}/connexion")

    _log_in(page, base, student_login)
    for path in (
        "/eleve",
        f"/eleve/missions/{assignment.id}",
        "/eleve/organisation",
        "/eleve/competences",
        f"/eleve/tentatives/{invoice.id}",
        f"/eleve/tentatives/{invoice.id}/document",
        "/examen",
    ):
        found += _violations(page, base + path)
    page.goto(f"{base}/examen")
    page.fill("#code", exam.code)
    page.click("main form button[type=submit]")
    page.wait_for_url(re.compile(r".*/examen/copies/\d+/questions/1$"))
    found += _violations(page, page.url)

    _log_in(page, base, teacher.login)
    for path in (
        "/enseignant",
        f"/enseignant/classes/{classe.id}",
        f"/enseignant/devoirs/{assignment.id}",
        f"/enseignant/devoirs/{assignment.id}/eleves/{student.id}",
        "/enseignant/a-corriger",
        f"/enseignant/tentatives/{prose.id}/grille",
        f"/enseignant/classes/{classe.id}/competences",
        "/enseignant/missions",
        "/enseignant/missions/nouvelle",
        f"/enseignant/evaluations/{exam.id}",
        f"/enseignant/evaluations/{exam.id}/resultats",
        "/enseignant/evaluations",
    ):
        found += _violations(page, base + path)
    context.close()

    assert not found, "Violations axe graves ou critiques :\n" + "\n".join(found)
