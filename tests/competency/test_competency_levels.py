"""Competency levels from evidence: thresholds, override, and the « Mes compétences » page."""

from decimal import Decimal
from pathlib import Path

import pytest

from agora.competency.service import (
    EN_COURS,
    EXAM_WEIGHT,
    FRAGILE,
    INSUFFISANT,
    NON_EVALUE,
    SATISFAISANT,
    TRES_BON,
    average,
    evidence_weight,
    level_of,
)

D = Decimal
DOC = Path(__file__).resolve().parents[2] / "docs" / "competences.md"


@pytest.mark.parametrize(
    ("scores", "level"),
    [
        ([], NON_EVALUE),
        ([D("0"), D("0")], INSUFFISANT),
        ([D("0.3999"), D("0.3999")], INSUFFISANT),
        ([D("0.40"), D("0.40")], FRAGILE),
        ([D("0.5"), D("0.69")], FRAGILE),  # mean 0.595
        ([D("0.5"), D("0.7")], SATISFAISANT),  # mean 0.60: a bound belongs to the upper level
        ([D("0.79"), D("0.79")], SATISFAISANT),
        ([D("0.80"), D("0.80")], TRES_BON),
        ([D("1"), D("0.6")], TRES_BON),
    ],
)
def test_level_thresholds(scores, level):
    assert level_of(scores) == level


@pytest.mark.parametrize("score", [D("0"), D("0.5"), D("1")])
def test_one_piece_of_evidence_gives_no_level(score):
    assert level_of([score]) == EN_COURS
    assert level_of([score], weights=[EXAM_WEIGHT]) == EN_COURS
    assert EN_COURS.rang == 0 and EN_COURS.libelle == "en cours d'évaluation"


def test_documented_worked_example():
    """docs/competences.md, « Exemple détaillé »: the figures the page prints."""
    scores = [D("1.00"), D("0.75"), D("0.40")]
    weights = [evidence_weight(1), evidence_weight(2), evidence_weight(None)]
    assert weights == [1, 2, 4]
    assert average(scores, weights) == D("0.5857")
    assert level_of(scores, weights=weights) == FRAGILE
    assert average(scores) == D("0.7167")  # unweighted, as before
    assert level_of(scores) == SATISFAISANT
    assert level_of(scores[:1], weights=weights[:1]) == EN_COURS
    guided = [D("1.00"), D("0.90")]
    assert average(guided, [1, 1]) == D("0.9500")
    assert level_of(guided, weights=[1, 1]) == SATISFAISANT
    doc = DOC.read_text(encoding="utf-8")
    example = doc[doc.index("### Exemple détaillé") :]
    for figure in ("| 1 | 1,00 | 1,00 |", "| 2 | 0,75 | 1,50 |", "| 4 | 0,40 | 1,60 |",
                   "**7**", "**4,10**", "**0,5857**", "**fragile**", "0,7167", "0,95"):  # fmt: skip
        assert figure in example


def test_guided_practice_cannot_outweigh_an_exam():
    """Three perfect level-1 tries and one failed exam question: not « très bon » (it was,
    unweighted: mean 0.825), and guided practice alone stops at « satisfaisant »."""
    scores = [D("1"), D("1"), D("1"), D("0.3")]
    weights = [evidence_weight(1)] * 3 + [evidence_weight(None)]
    assert level_of(scores) == TRES_BON  # the old, unweighted rule
    assert average(scores, weights) == D("0.6000")
    assert level_of(scores, weights=weights) == SATISFAISANT
    assert level_of([D("1")] * 5, weights=[1] * 5) == SATISFAISANT
    assert level_of([D("1"), D("1")], weights=[1, 2]) == TRES_BON


def test_teacher_override_wins():
    assert level_of([D("1"), D("1")], override=FRAGILE) == FRAGILE
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
    assert before.count('<td data-label="Niveau"><span class="niveau niveau--non-evalue"') == 37
    variant = step_variant(student, get_mission("du-devis-a-l-encaissement"), 0)
    answer = get_kind("facture").sample_answers(variant.params)[0].answer
    token = csrf(client, "/eleve")
    client.post(
        f"/eleve/missions/{assignment.id}/etapes/0", data={**flatten(answer), "csrf_token": token}
    )
    after = client.get("/eleve/competences").text
    proven = len(get_kind("facture").COMPETENCES)
    assert (
        after.count('<td data-label="Niveau"><span class="niveau niveau--en-cours"') == proven
    )  # one proof
    assert (
        after.count('<td data-label="Niveau"><span class="niveau niveau--non-evalue"')
        == 37 - proven
    )
    assert "Établir la facture" in after and "100" in after
    assert "(niveau 2, compte 2)" in after


def test_evidence_follows_teacher_grading_and_override(
    db, make_classe, make_student, make_assignment
):
    from agora.classroom.models import StepAttempt
    from agora.competency.service import attempt_competences, record_evidence, student_evidence
    from agora.db import utcnow

    classe = make_classe()
    student = make_student(classe)
    assignment = make_assignment(classe, "du-devis-a-l-encaissement")
    prose = StepAttempt(
        student_id=student.id,
        assignment_id=assignment.id,
        step_index=1,
        kind="redaction",
        niveau=2,
        variant_seed=1,
        answer={"texte": "x"},
    )
    db.add(prose)
    db.flush()
    assert attempt_competences(prose, ["1.1.1", "1.1.2"]) == []  # awaiting the teacher
    prose.score = D("0.75")  # the teacher graded it with the rubric
    record_evidence(db, prose, attempt_competences(prose, ["1.1.1", "1.1.2"]))
    graded = StepAttempt(
        student_id=student.id,
        assignment_id=assignment.id,
        step_index=0,
        kind="facture",
        niveau=2,
        variant_seed=2,
        answer={},
        score=D("0.5"),
        grade={"competences": [{"code": "1.2.2", "score": "0.5"}]},
    )
    db.add(graded)
    db.flush()
    record_evidence(db, graded, attempt_competences(graded))
    graded.override_score, graded.overridden_at = D("0.9"), utcnow()
    record_evidence(db, graded, attempt_competences(graded))  # replaces, does not add
    db.commit()
    evidence = student_evidence(db, student)
    assert {code: [e.score for e in items] for code, items in evidence.items()} == {
        "1.1.1": [D("0.75")],
        "1.1.2": [D("0.75")],
        "1.2.2": [D("0.9")],
    }
