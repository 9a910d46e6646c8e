"""In a real browser: a student logs in, answers an invoice with a mistake, reads the diagnostic,
fixes it (htmx swaps the step in place, without a page load)."""

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


def _fill(page, fields: dict[str, str]) -> None:
    for name, value in fields.items():
        field = page.locator(f'#etape-0 [name="{name}"]')
        if field.count() and field.first.get_attribute("type") != "hidden":
            field.first.fill(value)


def test_student_fixes_an_invoice_after_the_diagnostic(
    live_server, browser_page, db, make_classe, make_student, make_assignment
):
    classe = make_classe()
    student = make_student(classe)
    assignment = make_assignment(classe, MISSION)
    login = db.exec(select(User.login).where(User.id == student.user_id)).one()
    variant = step_variant(student, get_mission(MISSION), 0)
    samples = get_kind("facture").sample_answers(variant.params)
    wrong = next(s for s in samples[1:] if not s.correct and not s.invalid)

    page = browser_page
    page.goto(f"{live_server}/connexion")
    page.fill("#identifiant", login)
    page.fill("#mot_de_passe", "motdepasse-de-test")
    page.click("button[type=submit]")
    page.wait_for_url("**/eleve")
    page.click("text=Du devis à l'encaissement")
    page.wait_for_url(f"**/eleve/missions/{assignment.id}")

    # Inline format check while typing: costs nothing.
    page.fill('#etape-0 [name="net_a_payer"]', "douze")
    page.locator("#etape-0-champ-net-a-payer-erreur").filter(
        has_text="n'est pas un montant"
    ).wait_for()

    page.evaluate("window.marqueur = 'même page'")  # survives only without a page load
    _fill(page, flatten(wrong.answer))
    page.click("#etape-0 button[type=submit]")
    page.locator("#etape-0 .diagnostics").wait_for()
    assert page.locator("#etape-0 .verdict--faux").count() > 0
    assert page.evaluate("window.marqueur") == "même page"
    # The keyboard focus and the view go to the correction, not left at the button below.
    expect(page.locator("#etape-0 .bilan")).to_be_focused()
    assert page.evaluate(
        "Math.abs(document.querySelector('#etape-0 .bilan').getBoundingClientRect().top) < 40"
    )

    _fill(page, flatten(samples[0].answer))
    page.click("#etape-0 button[type=submit]")
    page.locator("#etape-0 .bilan-score").filter(has_text="12 / 12").wait_for()
    expect(page.locator("#etape-0 .verdict--faux")).to_have_count(0)
    assert "2 sur 3" in page.locator("#etape-0 .etape-meta").inner_text()


def test_student_downloads_their_invoice_as_facturx(
    live_server, browser_page, db, make_classe, make_student, make_assignment, tmp_path
):
    from facturx import get_xml_from_pdf

    classe = make_classe()
    student = make_student(classe)
    assignment = make_assignment(classe, MISSION)
    login = db.exec(select(User.login).where(User.id == student.user_id)).one()
    variant = step_variant(student, get_mission(MISSION), 0)
    right = get_kind("facture").sample_answers(variant.params)[0]

    page = browser_page
    page.goto(f"{live_server}/connexion")
    page.fill("#identifiant", login)
    page.fill("#mot_de_passe", "motdepasse-de-test")
    page.click("button[type=submit]")
    page.wait_for_url("**/eleve")
    page.goto(f"{live_server}/eleve/missions/{assignment.id}")
    _fill(page, flatten(right.answer))
    page.click("#etape-0 button[type=submit]")
    page.locator("#etape-0 .bilan-score").wait_for()
    page.click("#etape-0 .historique summary")
    page.locator("#etape-0 .historique").get_by_text("voir la facture").click()
    page.wait_for_url("**/document")
    expect(page.locator("h1")).to_contain_text("Facture FA")
    with page.expect_download() as download:
        page.click("text=Télécharger la facture électronique (Factur-X)")
    saved = tmp_path / "facture.pdf"
    download.value.save_as(saved)
    filename, xml = get_xml_from_pdf(saved.read_bytes(), check_xsd=True)
    total = get_kind("facture").solve(variant.params)["net_a_payer"]
    assert filename == "factur-x.xml" and f"<ram:DuePayableAmount>{total}<".encode() in xml
    page.screenshot(path=str(tmp_path / "facture.png"), full_page=True)
