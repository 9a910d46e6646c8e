"""A mission answer keeps only the kind's own fields: hostile names are refused before anything
is built or stored, with a French message, and never a 500."""

import pytest
from sqlmodel import select

from agora.classroom import service
from agora.classroom.models import StepAttempt
from agora.content.missions import get_mission
from agora.exercise.forms import flatten
from agora.exercise.registry import get_kind

MISSION = "du-devis-a-l-encaissement"
DEEP = "groupes.0." + ".".join(["a"] * 450)


@pytest.fixture
def student_on_mission(make_classe, make_student, make_assignment, client, as_student, csrf):
    """(student, assignment, csrf token, the correct answer's fields) for step 0 (a facture)."""
    classe = make_classe()
    student, assignment = make_student(classe), make_assignment(classe, MISSION)
    as_student(client, student)
    token = csrf(client, f"/eleve/missions/{assignment.id}")
    variant = service.step_variant(student, get_mission(MISSION), 0)
    fields = flatten(get_kind("facture").solve(variant.params))
    return student, assignment, token, fields


@pytest.fixture
def unflatten_calls(monkeypatch):
    """Every form handed to unflatten by the submit; a hostile name there fails the test at
    once (the real unflatten is not asked to build it)."""
    calls = []
    real = service.unflatten

    def spy(form):
        calls.append(form)
        assert not any(len(name) > 60 or "80000000" in name for name in form), "hostile name"
        return real(form)

    monkeypatch.setattr(service, "unflatten", spy)
    return calls


def _attempts(db, student):
    db.expire_all()
    return db.exec(select(StepAttempt).where(StepAttempt.student_id == student.id)).all()


@pytest.mark.parametrize(
    "hostile",
    [
        {"lignes.80000000": "1"},  # padded a list to that index: 5.4 GB of RSS
        {"lignes.0.montant_ht.80000000": "1"},
        {DEEP: "1"},  # nested 450 deep
        {"lignes.².montant_ht": "1"},  # isdigit() is true, int() fails
        {"commentaire": "x" * 100_000},  # unknown fields were stored as they came
    ],
)
def test_an_unknown_field_name_is_refused_and_nothing_is_stored(
    client, db, student_on_mission, unflatten_calls, hostile
):
    student, assignment, token, fields = student_on_mission
    page = client.post(
        f"/eleve/missions/{assignment.id}/etapes/0",
        data={**fields, **hostile, "csrf_token": token},
    )
    assert page.status_code == 409
    assert "Champ inconnu" in page.text and "n&#39;a pas été enregistrée" in page.text
    assert f'value="{fields["net_a_payer"]}"' in page.text  # what was typed is kept
    assert _attempts(db, student) == [] and unflatten_calls == []


def test_a_value_too_long_is_refused_and_nothing_is_stored(client, db, student_on_mission):
    student, assignment, token, fields = student_on_mission
    page = client.post(
        f"/eleve/missions/{assignment.id}/etapes/0",
        data={**fields, "net_a_payer": "1" * 30_000, "csrf_token": token},
    )
    assert page.status_code == 409 and "dépasse 200 caractères" in page.text
    assert _attempts(db, student) == []


def test_the_known_fields_are_still_graded(client, db, student_on_mission, unflatten_calls):
    student, assignment, token, fields = student_on_mission
    page = client.post(
        f"/eleve/missions/{assignment.id}/etapes/0", data={**fields, "csrf_token": token}
    )
    assert page.status_code == 200
    [attempt] = _attempts(db, student)
    assert attempt.score == 1 and len(unflatten_calls) == 1


@pytest.mark.parametrize("digits", ["١٢٣٫٤٥", "１２３,４５", "١٢٣"])
def test_other_digits_in_an_amount_are_a_format_error_not_a_conversion(
    client, db, student_on_mission, digits
):
    student, assignment, token, fields = student_on_mission
    page = client.post(
        f"/eleve/missions/{assignment.id}/etapes/0",
        data={**fields, "net_a_payer": digits, "csrf_token": token},
    )
    assert page.status_code == 200
    assert "Cette tentative n&#39;est pas décomptée" in page.text
    assert "chiffres de 0 à 9" in page.text
    assert _attempts(db, student) == []


@pytest.mark.parametrize("champ", [DEEP, "lignes.80000000", "inconnu"])
def test_the_field_check_answers_in_french_for_any_name(client, student_on_mission, champ):
    _, assignment, token, _ = student_on_mission
    answer = client.post(
        f"/eleve/missions/{assignment.id}/etapes/0/champ",
        data={"champ": champ, champ: "1"},
        headers={"HX-Request": "true", "X-CSRF-Token": token},
    )
    assert answer.status_code == 200
    assert "Champ inconnu" in answer.text
