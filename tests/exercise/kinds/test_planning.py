"""Planning beyond the shared contract (tests/exercise/test_kind_contract.py): what each level
puts in the week, the statement, holidays, the violations an empty planning shows, impossible
params, and the generator's own legal week."""

import json
from functools import cache

import pytest

from agora.company import generate_company
from agora.errors import InvalidInput
from agora.exercise.base import Variant
from agora.exercise.kinds.planning import KIND as planning

SEEDS = range(100)


@cache
def company(seed: int):
    return generate_company(seed)


@cache
def variant(seed: int, niveau: int) -> Variant:
    return planning.generate(seed, niveau, company(seed))


@pytest.mark.parametrize("niveau", [1, 2, 3])
def test_levels_follow_the_brief(niveau):
    for seed in SEEDS:
        params = variant(seed, niveau).params
        nombre = len(params["salaries"])
        assert 3 <= nombre <= 8
        assert nombre <= {1: 4, 2: 6, 3: 8}[niveau]
        assert params["besoins"], seed
        assert all(b["effectif"] >= 1 for b in params["besoins"])
    if niveau >= 2:
        assert any(
            any(s["contrat_heures"] != "35" for s in variant(seed, niveau).params["salaries"])
            for seed in SEEDS
        )
    if niveau == 3:  # unavailability in most weeks, a minor when the organisation has one
        absents = [
            any(s["indisponibilites"] for s in variant(x, 3).params["salaries"]) for x in SEEDS
        ]
        assert sum(absents) >= 80
        assert any(any(s["mineur"] for s in variant(x, 3).params["salaries"]) for x in SEEDS)
    else:
        assert not any(s["indisponibilites"] for s in params["salaries"])
        assert not any(s["mineur"] for s in params["salaries"])


def test_statement_names_the_team_and_the_needs():
    v = variant(3, 3)
    for s in v.params["salaries"]:
        assert s["nom"] in v.enonce
    assert "## Les horaires et les besoins en personnel" in v.enonce
    for b in v.params["besoins"]:
        assert f" : {b['effectif']}" in v.enonce
    assert "creneaux" not in v.enonce  # no internal name where a student reads
    assert "<" not in v.enonce  # Markdown only, no raw HTML


def test_weeks_avoid_public_holidays():
    from datetime import date, timedelta

    import holidays

    feries = holidays.France(years=2026)
    for seed in range(30):
        lundi = date.fromisoformat(variant(seed, 2).params["semaine"])
        assert not any(lundi + timedelta(days=i) in feries for i in range(7))


def test_an_empty_planning_breaks_the_contract_and_the_coverage(run_cli, tmp_path):
    document = json.loads(run_cli(["generate", "planning", "--seed", "4", "--niveau", "2"]).out)
    params_file = tmp_path / "params.json"
    params_file.write_text(json.dumps(document["params"]), "utf-8")
    answer_file = tmp_path / "answer.json"
    answer_file.write_text(json.dumps({"creneaux": []}), "utf-8")
    argv = ["grade", "planning", "--params", str(params_file), "--answer", str(answer_file)]
    diagnostics = json.loads(run_cli(argv).out)["diagnostics"]
    assert {d["code"] for d in diagnostics} >= {"CONTRAT", "COUVERTURE"}
    assert all(set(d) == {"code", "salarie", "jour", "message"} for d in diagnostics)


@pytest.mark.parametrize(
    "stdin",
    [
        json.dumps({"semaine": "2026-03-09"}),
        json.dumps(
            {
                "semaine": "2026-03-09",
                "salaries": [{"id": "E1", "nom": "A", "contrat_heures": "-35"}],
            }
        ),
        json.dumps(
            {
                "semaine": "2026-03-09",
                "salaries": [{"id": "E1", "nom": "A", "contrat_heures": "35"}],
                "ouverture": {"2026-03-09": ["09:00", "19:00"]},
            }
        ),
    ],
)
def test_impossible_params_give_one_line_on_stderr_and_exit_2(run_cli, stdin):
    run = run_cli(["solve", "planning"], stdin)
    assert run.code == 2 and run.out == ""
    assert run.err.count("\n") == 1 and run.err.startswith("agora")


def test_generation_builds_its_needs_around_a_legal_week():
    from agora.exercise.kinds.planning.generate import generer
    from agora.exercise.kinds.planning.params import lire_semaine
    from agora.exercise.kinds.planning.rules import en_json

    for seed in range(0, 100, 7):
        for niveau in (1, 2, 3):
            params, choix = generer(seed, niveau, company(seed))
            reference = en_json(lire_semaine(params), list(choix.reference))
            assert planning.grade(params, reference).score == 1


def test_an_organisation_closed_all_week_gets_a_french_error():
    import dataclasses

    ferme = dataclasses.replace(company(1), horaires=dict.fromkeys(company(1).horaires))
    with pytest.raises(InvalidInput) as erreur:
        planning.generate(1, 2, ferme)
    assert "n'ouvre aucun jour" in str(erreur.value)


def test_params_read_straight_give_the_models_week():
    """lire_semaine reads the contract's params without pydantic: the same week as the model,
    and what it cannot read straight still goes to the model (which says what is wrong)."""
    from agora.exercise.kinds.planning.params import PlanningParams, _lundi, lire_semaine

    for seed in range(0, 100, 10):
        for niveau in (1, 2, 3):
            params = json.loads(json.dumps(variant(seed, niveau).params))
            contexte = {"lundi": _lundi(params["semaine"])}
            modele = PlanningParams.model_validate(params, context=contexte)
            assert lire_semaine(params) == modele.semaine_()
    ecrits = json.loads(json.dumps(variant(1, 3).params))
    ecrits["salaries"][0]["contrat_heures"] = 35  # a JSON number, read as the model reads it
    ecrits["besoins"][0]["debut"] = "9h30"  # a time as a person writes it
    assert lire_semaine(ecrits).employes[0].contrat == 35 * 60
    assert lire_semaine(ecrits).besoins[0].debut == 9 * 60 + 30
    ecrits["salaries"][1]["id"] = ecrits["salaries"][0]["id"]
    with pytest.raises(InvalidInput, match="deux salariés ont le même identifiant"):
        lire_semaine(ecrits)
