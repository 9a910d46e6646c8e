"""Competency levels from evidence: thresholds, override, and the « Mes compétences » page."""

from decimal import Decimal

import pytest

from agora.competency.service import (
    FRAGILE,
    INSUFFISANT,
    NON_EVALUE,
    SATISFAISANT,
    TRES_BON,
    level_of,
)

D = Decimal


@pytest.mark.parametrize(
    ("scores", "level"),
    [
        ([], NON_EVALUE),
        ([D("0")], INSUFFISANT),
        ([D("0.3999")], INSUFFISANT),
        ([D("0.40")], FRAGILE),
        ([D("0.5"), D("0.69")], FRAGILE),  # mean 0.595
        ([D("0.5"), D("0.7")], SATISFAISANT),  # mean 0.60: a bound belongs to the upper level
        ([D("0.79")], SATISFAISANT),
        ([D("0.80")], TRES_BON),
        ([D("1"), D("0.6")], TRES_BON),
    ],
)
def test_level_thresholds(scores, level):
    assert level_of(scores) == level


def test_teacher_override_wins():
    assert level_of([D("1")], override=FRAGILE) == FRAGILE
    assert level_of([], override=TRES_BON) == TRES_BON


def test_competences_page_shows_every_competency_and_the_evidence(
    client, make_classe, make_student, make_assignment, as_student, csrf
):
    from agora.classroom.service import step_variant
    from agora.content.missions import get_mission
    from agora.exercise.forms import flatten
    from agora.exercise.registry import get_kind

    classe = make_classe()
    student = make_student(classe)
    assignment = make_assignment(classe, "du-devis-a-l-encaissement")
    as_student(client, student)
    before = client.get("/eleve/competences").text
    assert before.count('<td><span class="niveau niveau--non-evalue"') == 37
    variant = step_variant(student, get_mission("du-devis-a-l-encaissement"), 0)
    answer = get_kind("facture").sample_answers(variant.params)[0].answer
    token = csrf(client, "/eleve")
    client.post(
        f"/eleve/missions/{assignment.id}/etapes/0", data={**flatten(answer), "csrf_token": token}
    )
    after = client.get("/eleve/competences").text
    proven = len(get_kind("facture").COMPETENCES)
    assert after.count('<td><span class="niveau niveau--tres-bon"') == proven
    assert after.count('<td><span class="niveau niveau--non-evalue"') == 37 - proven
    assert "Établir la facture" in after and "100" in after
