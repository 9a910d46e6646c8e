"""My fiche de prise en charge as the colleague receives it: the attempt page shows the filled
fiche with my own values (written as a French reader reads them), and only for kinds that make
such a document."""

from sqlmodel import select

from agora.classroom.models import StepAttempt
from agora.classroom.service import step_variant
from agora.content.missions import get_mission
from agora.exercise.forms import flatten
from agora.exercise.registry import get_kind

MISSION = "l-appel-du-client"


def _send(client, csrf, db, student, assignment, change):
    """Post the reference fiche of step 1, changed by ``change``; the attempt it made."""
    mission = get_mission(MISSION)
    variant = step_variant(student, mission, 0)
    answer = get_kind("prise_en_charge").solve(variant.params)
    change(answer)
    token = csrf(client, f"/eleve/missions/{assignment.id}")
    client.post(
        f"/eleve/missions/{assignment.id}/etapes/0",
        data={**flatten(answer), "csrf_token": token},
    )
    db.expire_all()
    attempt = db.exec(select(StepAttempt).where(StepAttempt.student_id == student.id)).all()[-1]
    return attempt, variant.params


def test_the_attempt_page_shows_my_filled_fiche_with_my_own_values(
    client, db, csrf, make_classe, make_student, make_assignment, as_student
):
    classe = make_classe()
    student = make_student(classe)
    assignment = make_assignment(classe, MISSION)
    as_student(client, student)

    def change(answer):
        answer["demandeur"]["telephone"] = "0699887766"  # a wrong number, mine
        answer["demandeur"]["nom"] = "<b>Dupont</b>"

    attempt, params = _send(client, csrf, db, student, assignment, change)
    page = client.get(f"/eleve/tentatives/{attempt.id}").text
    assert "Fiche de prise en charge" in page
    assert "06 99 88 77 66" in page  # my own number, as one reads it
    assert "&lt;b&gt;Dupont&lt;/b&gt;" in page and "<b>Dupont</b>" not in page
    service = next(
        m for m in params["annuaire"] if m["fonction"] == params["suite"]["destinataire"]
    )
    assert f"{service['service']} — {service['nom']}" in page
    jour = params["demande"]["date"]
    assert f"{jour[8:]}/{jour[5:7]}/{jour[:4]}" in page
