"""In Chromium on a phone (360 × 740, touch), the long step of a mission as a student works
through it: the chosen answer of a list reads whole, every control is big enough for a
finger, and nothing scrolls sideways."""

from __future__ import annotations

import pytest
from sqlmodel import select
from tests.browser_helpers import ON_SQLITE_ONLY

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


def _open_step(page, live_server, db, student, assignment, etape: int) -> str:
    """The student logged in on a phone, the mission open on step ``etape`` (1-based)."""
    login = db.exec(select(User.login).where(User.id == student.user_id)).one()
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server}/connexion")
    page.fill("#identifiant", login)
    page.fill("#mot_de_passe", "motdepasse-de-test")
    page.click("main button[type=submit]")
    page.wait_for_url("**/eleve")
    page.goto(f"{live_server}/eleve/missions/{assignment.id}?etape={etape}")
    return f"etape-{etape - 1}"


def test_on_a_phone_the_chosen_answer_of_a_list_reads_whole(
    live_server, browser_page, db, make_classe, make_student, make_assignment
):
    # Level 3 of suivi_prospection, a prospect's card at 360 px: « Adresse fausse (courrier
    # revenu NPAI ou e-mail en erreur) : chercher la bonne adresse » showed as « Adresse fausse
    # (courrier revenu NP », the student could not check what they had picked.
    classe = make_classe()
    assignment = make_assignment(classe, "la-campagne-de-prospection")
    page = browser_page
    etape = _open_step(page, live_server, db, make_student(classe), assignment, 3)

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


def test_on_a_phone_every_control_of_a_step_is_big_enough_for_a_finger(
    live_server, browser_page, db, make_classe, make_student, make_assignment
):
    # « Compétences travaillées » and « Mes tentatives » were 32 px high, under the 44 px of a
    # finger's tap.
    classe = make_classe()
    assignment = make_assignment(classe, "la-campagne-de-prospection")
    page = browser_page
    etape = _open_step(page, live_server, db, make_student(classe), assignment, 3)

    small = page.evaluate(
        """(selector) => [...document.querySelectorAll(selector)]
             .filter(e => e.type !== 'hidden' && e.offsetParent !== null)
             .map(e => [e.name || e.textContent.trim(), e.getBoundingClientRect().height])
             .filter(([, height]) => height < 44)""",
        f"#{etape} :is(input, select, textarea, button, summary, a.bouton)",
    )
    assert small == []
