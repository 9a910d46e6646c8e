"""In a real browser, issue 5's whole loop: a student fixes an invoice after the diagnostic
(the student half is detailed in test_browser_student.py), and the teacher sees the attempt
in the class table and the competency heatmap change."""

import pytest
from playwright.sync_api import expect
from sqlmodel import select

from agora.account.models import User
from agora.classroom.service import step_variant
from agora.content.missions import get_mission
from agora.exercise.forms import flatten
from agora.exercise.registry import get_kind

pytestmark = pytest.mark.browser
MISSION = "du-devis-a-l-encaissement"


def _log_in(page, url, login):
    page.goto(f"{url}/connexion")
    page.fill("#identifiant", login)
    page.fill("#mot_de_passe", "motdepasse-de-test")
    page.click("button[type=submit]")


def _fill(page, fields):
    for name, value in fields.items():
        field = page.locator(f'#etape-0 [name="{name}"]')
        if field.count() and field.first.get_attribute("type") != "hidden":
            field.first.fill(value)


def _heatmap_cell(page, name, code):
    return page.locator(f'tr:has(th[scope=row]:text-is("{name}")) td[title^="{code} :"]')


def test_teacher_sees_the_fixed_invoice_in_the_table_and_the_heatmap(
    live_server, browser_page, db, make_teacher, make_classe, make_student, make_assignment
):
    teacher = make_teacher()
    classe = make_classe(teacher)
    student = make_student(classe, prenom="Léa", nom="Arnaud")
    make_assignment(classe, MISSION)
    login = db.exec(select(User.login).where(User.id == student.user_id)).one()
    samples = get_kind("facture").sample_answers(
        step_variant(student, get_mission(MISSION), 0).params
    )
    wrong = next(s for s in samples[1:] if not s.correct and not s.invalid)
    code = get_kind("facture").COMPETENCES[0]

    # The teacher's heatmap before: nothing evaluated.
    prof = browser_page.context.browser.new_context(locale="fr-FR").new_page()
    _log_in(prof, live_server, teacher.login)
    prof.wait_for_url("**/enseignant")
    prof.click("text=Compétences")
    expect(_heatmap_cell(prof, "Arnaud Léa", code)).to_have_text("–non évalué")

    # The student: one mistake, the diagnostic, the fix.
    page = browser_page
    _log_in(page, live_server, login)
    page.wait_for_url("**/eleve")
    page.click(f"text={get_mission(MISSION).titre}")
    _fill(page, flatten(wrong.answer))
    page.click("#etape-0 button[type=submit]")
    page.locator("#etape-0 .diagnostics").wait_for()
    assert page.locator("#etape-0 .verdict--faux").count() > 0
    _fill(page, flatten(samples[0].answer))
    page.click("#etape-0 button[type=submit]")
    page.locator("#etape-0 .bilan-score").filter(has_text="12 / 12").wait_for()

    # The teacher: the attempt in the class table, then in the heatmap.
    prof.goto(f"{live_server}/enseignant/classes/{classe.id}")
    prof.click(f"text={get_mission(MISSION).titre}")
    cell = prof.locator('tr:has(th a:text-is("Arnaud Léa")) td.score').first
    expect(cell).to_contain_text("12")
    expect(cell).to_contain_text("(2 tent.)")
    prof.click('th a:text-is("Arnaud Léa")')
    expect(prof.locator("#etape-0 .tentative")).to_have_count(2)
    prof.goto(f"{live_server}/enseignant/classes/{classe.id}/competences")
    # The last try alone counts: one piece of evidence, « en cours d'évaluation ».
    expect(_heatmap_cell(prof, "Arnaud Léa", code)).to_have_text("…en cours d'évaluation")
