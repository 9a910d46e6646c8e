"""The SEPA file of my supplier payments: I download the pain.001 of the transfers I decided,
with my amounts, valid against the schema; my teacher downloads it too; nobody else does."""

from decimal import Decimal

import pytest
from sqlmodel import select

from agora.classroom.models import StepAttempt
from agora.classroom.service import step_variant
from agora.content.missions import get_mission
from agora.exercise.forms import flatten
from agora.exercise.kinds.reglements_fournisseurs import sepa
from agora.exercise.registry import get_kind

MISSION = "les-virements-fournisseurs"


def _send(client, csrf, db, student, assignment, change=None):
    """Post the reference answer of the mission's first step (changed by ``change``)."""
    variant = step_variant(student, get_mission(MISSION), 0)
    answer = get_kind("reglements_fournisseurs").solve(variant.params)
    if change:
        change(answer)
    token = csrf(client, f"/eleve/missions/{assignment.id}")
    client.post(
        f"/eleve/missions/{assignment.id}/etapes/0",
        data={**flatten(answer), "csrf_token": token},
    )
    db.expire_all()
    return db.exec(select(StepAttempt).where(StepAttempt.student_id == student.id)).all()[-1]


@pytest.fixture
def world(client, db, csrf, make_teacher, make_classe, make_student, make_assignment, as_student):
    """A teacher's class, two students; the first has answered the week's transfers."""
    teacher = make_teacher()
    classe = make_classe(teacher)
    owner, other = make_student(classe), make_student(classe)
    assignment = make_assignment(classe, MISSION)
    as_student(client, owner)
    return teacher, owner, other, assignment


def _first_paid_amount(answer):
    paid = next(f for f in answer["factures"] if f["decision"] == "payer")
    paid["montant"] = str(Decimal(paid["montant"]) + Decimal("1.23"))
    return paid["montant"]


def test_i_download_the_sepa_file_of_my_transfers_with_my_amounts(client, db, csrf, world):
    _, owner, _, assignment = world
    mine = {}
    attempt = _send(
        client, csrf, db, owner, assignment, lambda a: mine.update(m=_first_paid_amount(a))
    )
    url = f"/eleve/tentatives/{attempt.id}/virements.xml"
    assert url in client.get(f"/eleve/tentatives/{attempt.id}").text
    assert url in client.get(f"/eleve/missions/{assignment.id}").text
    response = client.get(url)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/xml")
    assert "attachment" in response.headers["content-disposition"]
    sepa.valide(response.content)  # pain.001.001.03 schema
    assert f">{mine['m']}</InstdAmt>".encode() in response.content  # my own (wrong) amount


def test_my_teacher_downloads_it_and_no_one_else(
    client, new_client, db, csrf, world, as_student, as_teacher, make_teacher
):
    teacher, owner, other, assignment = world
    attempt = _send(client, csrf, db, owner, assignment)
    expected = client.get(f"/eleve/tentatives/{attempt.id}/virements.xml").content
    mine = as_teacher(new_client(), teacher)
    page = mine.get(f"/enseignant/devoirs/{assignment.id}/eleves/{owner.id}")
    assert f"/enseignant/tentatives/{attempt.id}/virements.xml" in page.text
    assert mine.get(f"/enseignant/tentatives/{attempt.id}/virements.xml").content == expected
    stranger = as_teacher(new_client(), make_teacher("Marc", "Autre"))
    assert stranger.get(f"/enseignant/tentatives/{attempt.id}/virements.xml").status_code == 404
    intruder = as_student(new_client(), other)
    assert intruder.get(f"/eleve/tentatives/{attempt.id}/virements.xml").status_code == 404
    response = intruder.get(f"/enseignant/tentatives/{attempt.id}/virements.xml")
    assert response.status_code == 403


def test_nothing_to_pay_gives_a_french_message_not_an_empty_file(client, db, csrf, world):
    _, owner, _, assignment = world

    def reporte(answer):
        for f in answer["factures"]:
            f["decision"] = "attendre"

    attempt = _send(client, csrf, db, owner, assignment, reporte)
    response = client.get(f"/eleve/tentatives/{attempt.id}/virements.xml")
    assert response.status_code == 400
    assert "le fichier de virements serait vide" in response.text
