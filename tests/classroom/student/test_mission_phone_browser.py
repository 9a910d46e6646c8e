"""In Chromium on a phone (360 × 740, touch), the long step of a mission as a student works
through it: the chosen answer of a list reads whole, the statement's data stay one tap away
from the field being filled, every control is big enough for a finger, and nothing scrolls
sideways."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect
from sqlmodel import select
from tests.browser_helpers import (
    ON_SQLITE_ONLY,
    close_statement_bar,
    log_in,
    open_statement_bar,
)

from agora.account.models import User

pytestmark = [pytest.mark.browser, ON_SQLITE_ONLY]  # what the browser does: see ON_SQLITE_ONLY
PHONE = {"width": 360, "height": 740}

# For each select of the step: the height its chosen option's text needs at the select's
# width, against the height the select gives it (a closed select used to draw one line, the
# rest cut off).
CUT_OFF_OPTIONS = """(step) => [...document.querySelectorAll('#' + step + ' select')].map(s => {
  const cs = getComputedStyle(s);
  const probe = document.createElement('div');
  probe.textContent = s.options[s.selectedIndex].text;
  Object.assign(probe.style, {position: 'absolute', visibility: 'hidden', font: cs.font,
    lineHeight: cs.lineHeight, whiteSpace: 'normal',
    width: (s.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight)) + 'px'});
  document.body.append(probe);
  const needed = probe.getBoundingClientRect().height;
  probe.remove();
  const shown = s.clientHeight - parseFloat(cs.paddingTop) - parseFloat(cs.paddingBottom);
  return [s.name, s.options[s.selectedIndex].text, Math.round(needed), Math.round(shown)];
}).filter(([, , needed, shown]) => needed > shown + 1)"""


@pytest.fixture
def open_step(live_server, browser_page, db, make_classe, make_student, make_assignment):
    """A student of a new class logged in on a phone, on step ``etape`` (1-based) of the mission
    ``slug`` assigned to the class: the step's element id."""

    def open_(slug: str, etape: int) -> str:
        classe = make_classe()
        assignment = make_assignment(classe, slug)
        student = make_student(classe)
        login = db.exec(select(User.login).where(User.id == student.user_id)).one()
        browser_page.set_viewport_size(PHONE)
        log_in(browser_page, live_server, login)
        browser_page.goto(f"{live_server}/eleve/missions/{assignment.id}?etape={etape}")
        return f"etape-{etape - 1}"

    return open_


def test_on_a_phone_the_chosen_answer_of_a_list_reads_whole(browser_page, open_step):
    # Level 3 of suivi_prospection, a prospect's card at 360 px: « Adresse fausse (courrier
    # revenu NPAI ou e-mail en erreur) : chercher la bonne adresse » showed as « Adresse fausse
    # (courrier revenu NP », the student could not check what they had picked.
    page = browser_page
    etape = open_step("la-campagne-de-prospection", 3)

    selects = page.locator(f"#{etape} select")
    assert selects.count() >= 10
    for i in range(selects.count()):
        longest = max(selects.nth(i).locator("option").all_inner_texts(), key=len)
        selects.nth(i).select_option(label=longest)
    assert page.evaluate(CUT_OFF_OPTIONS, etape) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    right = page.evaluate(
        "s => Math.max(...[...document.querySelectorAll(s)]"
        ".map(e => e.getBoundingClientRect().right))",
        f"#{etape} select",
    )
    assert right <= PHONE["width"]


def test_on_a_phone_the_statement_data_are_one_tap_away_from_the_field_being_filled(
    browser_page, open_step
):
    # Level 3 of budget_tresorerie at 360 px: the invoices and the payroll (5 000 px of
    # statement) sat above an 80-field form; to fill September's line the student scrolled
    # back up through the whole form to read a figure, then down again to find their field.
    page = browser_page
    etape = open_step("le-budget-de-tresorerie-du-trimestre", 3)

    fields = page.locator(f"#{etape} form .champ input")
    last = fields.nth(fields.count() - 1)
    last.focus()
    bar = open_statement_bar(page, f"#{etape}", last, "Énoncé de l'étape 3", "Trésorerie au début")
    panel = bar[0].bounding_box()
    assert panel["y"] >= 0 and panel["y"] + panel["height"] <= PHONE["height"] + 1
    close_statement_bar(page, bar, last)


def test_on_a_phone_every_control_of_a_step_is_big_enough_for_a_finger(browser_page, open_step):
    # « Compétences travaillées » and « Mes tentatives » were 32 px high, under the 44 px of a
    # finger's tap.
    page = browser_page
    etape = open_step("la-campagne-de-prospection", 3)

    small = page.evaluate(
        """(selector) => [...document.querySelectorAll(selector)]
             .filter(e => e.type !== 'hidden' && e.offsetParent !== null)
             .map(e => [e.name || e.textContent.trim(), e.getBoundingClientRect().height])
             .filter(([, height]) => height < 44)""",
        f"#{etape} :is(input, select, textarea, button, summary, a.bouton)",
    )
    assert small == []


def test_on_a_phone_a_tasks_dates_sit_two_by_two_as_the_pairs_they_are(browser_page, open_step):
    # Level 3 of planning_activites at 360 px: six full-width boxes per task, each for a
    # number of days, one under the other: 7 800 px of form for ten tasks.
    page = browser_page
    etape = open_step("le-planning-du-projet", 3)

    boxes = {
        name: page.locator(f'#{etape} [name="taches.0.{name}"]').bounding_box()
        for name in ("debut_tot", "fin_tot", "debut_tard", "fin_tard", "marge_totale")
    }
    for debut, fin in (("debut_tot", "fin_tot"), ("debut_tard", "fin_tard")):
        assert boxes[debut]["y"] == boxes[fin]["y"]  # side by side, level
        assert boxes[debut]["x"] + boxes[debut]["width"] < boxes[fin]["x"]
        assert boxes[fin]["x"] + boxes[fin]["width"] <= PHONE["width"]
    assert boxes["debut_tard"]["y"] > boxes["debut_tot"]["y"]  # the pairs in the table's order
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    # a box still shows a number of days whole
    assert min(box["width"] for box in boxes.values()) >= 88


def test_on_a_phone_each_journal_entry_starts_under_its_own_title(browser_page, open_step):
    # Level 3 of encaissements at 360 px: ten entries' row cards one after the other, each
    # entry's « Écriture N — journal … » in the same plain text as the hints between them.
    page = browser_page
    etape = open_step("les-encaissements-du-mois", 1)

    titles = page.locator(f"#{etape} .table-ecriture caption")
    assert titles.count() >= 5
    second = titles.nth(1)
    expect(second).to_contain_text("Écriture 2 — journal")
    style = second.evaluate(
        "c => { const s = getComputedStyle(c);"
        " return [Number(s.fontWeight), parseFloat(s.borderTopWidth)]; }"
    )
    assert style[0] >= 700  # bold, as a title
    assert style[1] >= 2  # a rule above it ends the previous entry
    hint = page.locator(f"#{etape} .encaissements .champ-aide").first
    assert hint.evaluate("e => Number(getComputedStyle(e).fontWeight)") < 700  # set apart


def test_on_a_phone_each_row_card_of_a_file_shows_the_record_it_decides_about(
    browser_page, open_step
):
    # Level 3 of qualite_donnees at 360 px: a row's card held its code and name, then its
    # problem and decision fields; the SIRET, postcode, town or last activity the decision
    # depends on were a whole form's height above, in the statement's table.
    page = browser_page
    etape = open_step("le-fichier-clients-avant-l-envoi", 3)

    table = page.locator(f"#{etape} .enonce table").first
    columns = table.locator("thead th").all_inner_texts()
    rows = table.locator("tbody tr")
    assert rows.count() >= 5
    for i in range(rows.count()):
        record = dict(zip(columns, rows.nth(i).locator("td").all_inner_texts(), strict=True))
        decision = f'[name="lignes.{i}.action"]'
        card = page.locator(f"#{etape} fieldset").filter(has=page.locator(decision))
        decision = card.locator(decision)
        expect(card.locator("legend")).to_contain_text(f"{record['Code']}, {record['Nom']}")
        for column in columns[3:]:  # after N°, Code and Nom: SIRET, postcode, last activity…
            shown = card.get_by_text(record[column], exact=True).first
            expect(shown, f"ligne {i + 1}, {column}").to_be_visible()
            # in view with the decision: less than a screen's height from it
            gap = abs(decision.bounding_box()["y"] - shown.bounding_box()["y"])
            assert gap < PHONE["height"], (i + 1, column, gap)
        # a screen reader hears the record in each field's name, not only its row number
        for field in ("probleme", "probleme_2", "action", "fusion_avec"):
            expect(card.locator(f'[name="lignes.{i}.{field}"]')).to_have_accessible_name(
                re.compile(re.escape(record["Nom"]))
            )
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
