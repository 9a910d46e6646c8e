"""In a real browser, at a desktop's width and a phone's: a student reconciles the bank account by
ticking a line of the ledger and its line of the statement, with the keyboard, sees the lines
left unmatched in the two columns of the état de rapprochement, completes it and gets full marks."""

import pytest
from playwright.sync_api import expect
from sqlmodel import select

from agora.account.models import User
from agora.classroom.service import step_variant
from agora.content.missions import get_mission
from agora.exercise.forms import flatten
from agora.exercise.registry import get_kind

pytestmark = pytest.mark.browser
MISSION = "la-fin-de-mois-a-la-banque"


@pytest.mark.parametrize("largeur", [1280, 390])
def test_student_reconciles_by_ticking_lines_and_gets_full_marks(
    live_server, browser_page, db, make_classe, make_student, make_assignment, largeur, tmp_path
):
    classe = make_classe()
    student = make_student(classe)
    assignment = make_assignment(classe, MISSION)
    params = step_variant(student, get_mission(MISSION), 0).params
    solution = get_kind("rapprochement").solve(params)
    points = get_mission(MISSION).etapes[0].points
    login = db.exec(select(User.login).where(User.id == student.user_id)).one()

    page = browser_page
    page.set_viewport_size({"width": largeur, "height": 900})
    page.goto(f"{live_server}/connexion")
    page.fill("#identifiant", login)
    page.fill("#mot_de_passe", "motdepasse-de-test")
    page.click("button[type=submit]")
    page.wait_for_url("**/eleve")
    page.goto(f"{live_server}/eleve/missions/{assignment.id}")
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
