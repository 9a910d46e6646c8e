"""In a real browser: a double-click on a button that creates something (assign a mission,
create a class) sends one request, not two (htmx disables the button and drops a second submit
while the first is on its way)."""

import pytest
from sqlmodel import select
from tests.browser_helpers import ON_SQLITE_ONLY, log_in

from agora.classroom.models import Assignment, Classe
from agora.content.missions import get_mission

pytestmark = [pytest.mark.browser, ON_SQLITE_ONLY]
MISSION = "la-paie-de-mars"


def _log_in(page, server, login):
    log_in(page, server, login)
    page.wait_for_url("**/enseignant")


def test_a_double_click_on_attribuer_gives_the_mission_once(
    live_server, browser_page, db, make_teacher, make_classe, make_student
):
    teacher = make_teacher()
    classe = make_classe(teacher)
    make_student(classe)
    page = browser_page
    _log_in(page, live_server, teacher.login)
    page.goto(f"{live_server}/enseignant/classes/{classe.id}/attribuer")
    page.check(f"input[name=mission][value={MISSION}]")
    page.dblclick("text=Attribuer la mission")
    page.wait_for_url(f"**/enseignant/classes/{classe.id}")
    page.reload()  # the page as it is once every request sent has been answered
    rows = page.locator("tr", has_text=get_mission(MISSION).titre)
    assert rows.count() == 1
    db.expire_all()
    assert len(db.exec(select(Assignment).where(Assignment.classe_id == classe.id)).all()) == 1


def test_a_double_click_on_creer_la_classe_creates_one_class(
    live_server, browser_page, db, make_teacher
):
    teacher = make_teacher()
    page = browser_page
    _log_in(page, live_server, teacher.login)
    page.fill("#classe-nom", "Audit double")
    page.dblclick("text=Créer la classe")
    page.wait_for_url("**/enseignant/classes/*")
    page.goto(f"{live_server}/enseignant")
    assert page.locator("a", has_text="Audit double").count() == 1
    db.expire_all()
    assert len(db.exec(select(Classe).where(Classe.nom == "Audit double")).all()) == 1
