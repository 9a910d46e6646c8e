"""In a real browser, at a desktop's width and a phone's: a student reconciles the bank account by
ticking a line of the ledger and its line of the statement, with the keyboard, sees the lines
left unmatched in the two columns of the état de rapprochement, completes it and gets full marks;
on a phone the step stays short and both documents to tick fit on one screen."""

import pytest
from playwright.sync_api import expect
from tests.browser_helpers import ON_SQLITE_ONLY

from agora.classroom.service import step_variant
from agora.content.missions import get_mission
from agora.exercise.forms import flatten
from agora.exercise.registry import get_kind

pytestmark = [pytest.mark.browser, ON_SQLITE_ONLY]  # what the browser does: see ON_SQLITE_ONLY
MISSION = "la-fin-de-mois-a-la-banque"
# A layout limit, not a timing: the level-2 step (10 ledger lines and more, 4 choices a side,
# 5 entries) was 10 100 px tall at 390 px when every part was a column of labelled fields and
# the statement repeated both documents; about 4 000 px once compacted.
PHONE_STEP_MAX_PX = 5000


@pytest.fixture
def open_mission(browser_page, live_server, student_in_browser):
    """open_mission(student, assignment, largeur, etape=1) -> the page of the student's mission
    on step ``etape`` (1-based), in a window ``largeur`` px wide."""

    def open_(student, assignment, largeur, etape=1):
        browser_page.set_viewport_size({"width": largeur, "height": 900})
        student_in_browser(browser_page, student)
        browser_page.goto(f"{live_server}/eleve/missions/{assignment.id}?etape={etape}")
        return browser_page

    return open_


@pytest.mark.parametrize("largeur", [1280, 390])
def test_student_reconciles_by_ticking_lines_and_gets_full_marks(
    open_mission, make_classe, make_student, make_assignment, largeur, tmp_path
):
    classe = make_classe()
    student = make_student(classe)
    assignment = make_assignment(classe, MISSION)
    params = step_variant(student, get_mission(MISSION), 0).params
    solution = get_kind("rapprochement").solve(params)
    points = get_mission(MISSION).etapes[0].points

    page = open_mission(student, assignment, largeur)
    etape = page.locator("#etape-0")
    # The selects are replaced by the two documents side by side.
    expect(etape.locator("[data-pointage-listes]")).to_be_hidden()
    cocher = etape.locator("[data-rapprochement]")
    expect(cocher).to_be_visible()
    if largeur == 1280:
        gauche = cocher.locator('.pointage-table[data-cote="512"]').bounding_box()
        droite = cocher.locator('.pointage-table[data-cote="releve"]').bounding_box()
        assert abs(gauche["y"] - droite["y"]) < 5 and droite["x"] > gauche["x"] + 300

    # Tick with the keyboard: focus a box, Space.
    for c, b in solution["pointage"]:
        for cote, ident in (("512", c), ("releve", b)):
            cocher.locator(f'[data-cote="{cote}"] input[data-ligne="{ident}"]').focus()
            page.keyboard.press("Space")
        expect(
            cocher.locator(f'.pointage-table[data-cote="512"] tr[data-ligne="{c}"]')
        ).to_contain_text(f"pointée avec {b}")
    # A wrong pair is undone by ticking it again.
    premier = solution["pointage"][0][0]
    cocher.locator(f'[data-cote="512"] input[data-ligne="{premier}"]').focus()
    page.keyboard.press("Space")
    expect(cocher.locator(f'tr[data-ligne="{premier}"]').first).not_to_contain_text("pointée")
    cocher.locator(f'[data-cote="512"] input[data-ligne="{premier}"]').focus()
    page.keyboard.press("Space")
    cocher.locator(f'[data-cote="releve"] input[data-ligne="{solution["pointage"][0][1]}"]').focus()
    page.keyboard.press("Space")

    # The lines left unmatched flow into the two columns of the état de rapprochement.
    restes_releve = etape.locator('[data-restes="releve"]').inner_text()
    restes_512 = etape.locator('[data-restes="512"]').inner_text()
    cote = solution["cote_entreprise"]
    for ident in cote["ajouts"] + cote["deductions"]:
        assert ident in restes_releve
    for ident in solution["cote_banque"]["ajouts"] + solution["cote_banque"]["deductions"]:
        assert ident in restes_512

    for name, value in flatten(solution).items():
        if name.startswith("pointage."):
            continue
        champ = etape.locator(f'[name="{name}"]')
        if champ.evaluate("e => e.tagName") == "SELECT":
            champ.select_option(value)
        else:
            champ.fill(value)
    etape.locator("button[type=submit]").click()
    etape = page.locator("#etape-0")
    etape.locator(".bilan-score").filter(has_text=f"{points} / {points}").wait_for()
    page.screenshot(path=str(tmp_path / f"rapprochement-{largeur}.png"), full_page=True)


def test_on_a_phone_the_step_is_short_and_both_documents_to_tick_fit_one_screen(
    open_mission, make_classe, make_student, make_assignment
):
    classe = make_classe()
    student = make_student(classe)
    assignment = make_assignment(classe, MISSION)
    page = open_mission(student, assignment, 390, etape=2)
    etape = page.locator("#etape-1")
    cocher = etape.locator("[data-rapprochement]")
    expect(cocher).to_be_visible()

    # The statement's own copies of the ledger and the bank statement are folded, not gone.
    replies = etape.locator(".enonce details.document-replie")
    expect(replies.filter(has_text="Document 1")).to_have_count(1)
    expect(replies.filter(has_text="Document 2")).to_have_count(1)
    expect(replies.locator("table")).to_have_count(2)
    expect(replies.locator("table").first).to_be_hidden()

    hauteur = etape.bounding_box()["height"]
    assert hauteur < PHONE_STEP_MAX_PX, f"étape de {hauteur:.0f} px à 390 px de large"
    # Ticking a ledger line then its statement line needs no scrolling of the page.
    assert cocher.locator(".pointage-documents").bounding_box()["height"] <= 900
