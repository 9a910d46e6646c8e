"""In a real browser: a student who answered the week's supplier payments opens their attempt
and downloads the SEPA transfer file; it is a pain.001 the schema accepts."""

import pytest
from sqlmodel import select

from agora.account.models import User
from agora.classroom import service
from agora.content.missions import get_mission
from agora.db import utcnow
from agora.exercise.forms import flatten
from agora.exercise.kinds.reglements_fournisseurs import sepa
from agora.exercise.registry import get_kind

pytestmark = pytest.mark.browser
MISSION = "les-virements-fournisseurs"


def test_student_downloads_the_sepa_file_of_their_transfers(
    live_server, browser_page, db, make_classe, make_student, make_assignment, tmp_path
):
    classe = make_classe()
    student = make_student(classe)
    assignment = make_assignment(classe, MISSION)
    login = db.exec(select(User.login).where(User.id == student.user_id)).one()
    variant = service.step_variant(student, get_mission(MISSION), 0)
    answer = get_kind("reglements_fournisseurs").solve(variant.params)
    sent = service.submit_exercise(db, student, assignment, 0, flatten(answer), utcnow())
    db.commit()

    page = browser_page
    page.goto(f"{live_server}/connexion")
    page.fill("#identifiant", login)
    page.fill("#mot_de_passe", "motdepasse-de-test")
    page.click("button[type=submit]")
    page.wait_for_url("**/eleve")
    page.goto(f"{live_server}/eleve/tentatives/{sent.attempt.id}")
    with page.expect_download() as download:
        page.click("text=Télécharger le fichier de virements SEPA")
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    assert saved.name.endswith(".xml")
    xml = saved.read_bytes()
    sepa.valide(xml)
    assert xml == sepa.fichier_reference(variant.params)  # the reference answer's transfers
