"""The catalogue of kinds is whole: each registered kind has its form, its page in
docs/exercices/, a mission that uses it, competency codes of the référentiel, and each code it
claims is scored from fields of its answer. Prints, per competency, the kinds and fields that
assess it (run with -s to read it)."""

from __future__ import annotations

import re
from collections import defaultdict
from decimal import Decimal
from functools import cache

import pytest

import agora
from agora.content.missions import ExerciseStep, load_missions
from agora.exercise.base import NIVEAUX, unflatten
from agora.exercise.forms import flatten
from agora.exercise.registry import KINDS, get_kind
from agora.referentiel import load_referentiel
from agora.referentiel.model import code_key

DOCS = agora.PROJECT_ROOT / "docs" / "exercices"
REPORT_SEEDS = (0, 7)


def pattern(name: str) -> str:
    """A field name as the answer schema writes it: list indexes become #."""
    return re.sub(r"(?<=\.)\d+(?=\.|$)", "#", name)


def fields_by_competency(kind: str, params: dict) -> dict[str, set[str]]:
    """Which fields each competency is scored from: blanking the field lowers that code's score.

    Blank is the one wrong value every field has (« Champ non rempli. »), so this reads the
    grader's behaviour, not what a kind says about itself.
    """
    module = get_kind(kind)
    reference = flatten(module.solve(params))
    scores = dict(module.grade(params, unflatten(reference)).competences)
    found: dict[str, set[str]] = defaultdict(set)
    for name in reference:
        blanked = dict(module.grade(params, unflatten({**reference, name: ""})).competences)
        for code, score in scores.items():
            if blanked.get(code, Decimal(0)) < score:
                found[code].add(pattern(name))
    return found


@cache
def assessment() -> dict[str, dict[str, frozenset[str]]]:
    """competency code -> kind -> the fields assessing it, over every level and a few seeds."""
    table: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for kind in KINDS:
        for niveau in NIVEAUX:
            for seed in REPORT_SEEDS:
                params = _params(kind, seed, niveau)
                for code, fields in fields_by_competency(kind, params).items():
                    table[code][kind] |= fields
    return {code: {k: frozenset(f) for k, f in kinds.items()} for code, kinds in table.items()}


Row = tuple[str, str, list[tuple[str, list[str]]]]


def competency_rows() -> list[Row]:
    """Each competency of the référentiel (code, libellé) with the kinds and fields assessing it."""
    table = assessment()
    return [
        (c.code, c.libelle, [(k, sorted(f)) for k, f in sorted(table.get(c.code, {}).items())])
        for c in load_referentiel().competences
    ]


def format_report(rows: list[Row]) -> str:
    """The report as printed: a competency per line, then one indented line per kind."""
    lines = ["Compétences évaluées par un exercice corrigé automatiquement (type : champs) :"]
    for code, libelle, kinds in rows:
        lines.append(f"{code} {libelle}")
        lines += [f"    {kind} : {', '.join(fields)}" for kind, fields in kinds]
    missing = [code for code, _, kinds in rows if not kinds]
    lines.append(f"Non encore évaluées ({len(missing)}) : {', '.join(missing)}")
    return "\n".join(lines)


@cache
def _params(kind: str, seed: int, niveau: int) -> dict:
    from agora.company import generate_company

    return get_kind(kind).generate(seed, niveau, generate_company(seed)).params


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_has_a_form_a_page_and_a_mission(kind):
    assert (agora.TEMPLATES_DIR / "exercise" / kind / "form.html").is_file()
    assert (DOCS / f"{kind}.md").is_file()
    missions = [
        mission.slug
        for mission in load_missions().values()
        if any(isinstance(s, ExerciseStep) and s.kind == kind for s in mission.etapes)
    ]
    assert missions, f"no mission in scenarios/missions uses {kind}"


@pytest.mark.parametrize("kind", KINDS)
def test_the_page_names_its_competencies_and_diagnostic_codes(kind):
    page = (DOCS / f"{kind}.md").read_text("utf-8")
    module = get_kind(kind)
    for code in module.COMPETENCES:
        assert code in page, code
    diagnostics = {
        code
        for niveau in NIVEAUX
        for seed in REPORT_SEEDS
        for sample in module.sample_answers(_params(kind, seed, niveau))
        for code in sample.expected_diagnostics
    }
    assert diagnostics, "a kind names the misconceptions behind its typical mistakes"
    assert sorted(code for code in diagnostics if code not in page) == []


@pytest.mark.parametrize("kind", KINDS)
def test_each_declared_competency_exists_and_is_scored_from_a_field(kind):
    module = get_kind(kind)
    referentiel = load_referentiel()
    table = assessment()
    assert module.COMPETENCES and len(set(module.COMPETENCES)) == len(module.COMPETENCES)
    for code in module.COMPETENCES:
        referentiel.competence(code)  # UnknownCode if the référentiel has no such code
        fields = table.get(code, {}).get(kind)
        assert fields, f"{kind} claims {code} but no field of its answer scores it"
        for field in fields:
            assert module.ANSWER_SCHEMA.accepte(field.replace("#", "0")), field


# Issue 12's done-when: the pôle 2 competencies its kinds must assess from their answers.
POLE_2_ISSUE_12 = (
    "2.1.1",
    "2.1.2",
    "2.1.3",
    "2.1.4",
    "2.1.5",
    "2.2.2",
    "2.2.3",
    "2.2.4",
    "2.2.5",
    "2.2.6",
    "2.3.1",
)


@pytest.mark.parametrize("code", POLE_2_ISSUE_12)
def test_each_pole_2_competency_of_issue_12_is_scored_from_answer_fields(code):
    kinds = assessment().get(code, {})
    assert kinds and all(kinds.values()), f"{code} is scored from no field of any kind"


def test_the_competency_report_is_consistent():
    rows = competency_rows()
    print("\n" + format_report(rows))
    codes = [code for code, _, _ in rows]
    assert codes == sorted(codes, key=code_key)
    assert set(codes) == {c.code for c in load_referentiel().competences}
    for code, _, kinds in rows:
        claimants = [kind for kind in KINDS if code in get_kind(kind).COMPETENCES]
        # no kind scores a code it does not claim, and none claims a code in vain
        assert sorted(kind for kind, _ in kinds) == sorted(claimants), code
        assert all(fields for _, fields in kinds), code


# Issue 13's done-when: pôle 3's competencies are assessed automatically, each by the kind
# built for it (the leave, in 3.2.1, by conges_payes beside the weekly planning).
POLE_3 = {
    "3.1.1": "mouvements_personnel",
    "3.1.2": "mouvements_personnel",
    "3.1.3": "formation",
    "3.2.1": "conges_payes",
    "3.2.2": "frais_deplacement",
    "3.2.3": "frais_deplacement",
    "3.2.5": "journal_paie",
    "3.3.2": "formation",
    "3.3.3": "tableau_de_bord_social",
}


@pytest.mark.parametrize(("code", "kind"), POLE_3.items())
def test_pole_3_competencies_are_scored_from_the_fields_of_their_kind(code, kind):
    assert assessment().get(code, {}).get(kind), f"{code} is not scored by {kind}"
