"""Planning over many generated weeks: the reference planning is legal, mistakes are caught,
generation is deterministic, grading survives anything, and the command line keeps its contract."""

import json
from functools import cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from agora.cli import main
from agora.company import generate_company
from agora.errors import InvalidInput
from agora.exercise.base import Variant, dumps
from agora.exercise.kinds.planning import KIND as planning

SEEDS = range(100)


@cache
def company(seed: int):
    return generate_company(seed)


@cache
def variant(seed: int, niveau: int) -> Variant:
    return planning.generate(seed, niveau, company(seed))


@cache
def solution(seed: int, niveau: int) -> str:
    return json.dumps(planning.solve(variant(seed, niveau).params))


@pytest.mark.parametrize("niveau", [1, 2, 3])
def test_reference_planning_breaks_no_rule_over_100_seeds(niveau):
    for seed in SEEDS:
        params = variant(seed, niveau).params
        grade = planning.grade(params, json.loads(solution(seed, niveau)))
        assert grade.score == 1, (seed, niveau, [d.to_json() for d in grade.diagnostics])
        assert grade.diagnostics == []


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


@pytest.mark.parametrize("niveau", [1, 2, 3])
def test_sample_answers_raise_their_diagnostics(niveau):
    for seed in range(0, 100, 10):
        params = variant(seed, niveau).params
        exemples = planning.sample_answers(params)
        assert exemples[0].correct and exemples[-1].invalid
        assert len(exemples) >= 4
        for exemple in exemples:
            grade = planning.grade(params, exemple.answer)
            if exemple.correct:
                assert grade.score == 1
                continue
            codes = {d.code for d in grade.diagnostics}
            assert grade.score < 1, (seed, exemple.label)
            assert set(exemple.expected_diagnostics) <= codes, (seed, exemple.label, codes)


def test_same_seed_same_week_and_different_seeds_differ():
    for niveau in (1, 2, 3):
        premier = dumps(variant(7, niveau).to_json())
        assert dumps(planning.generate(7, niveau, generate_company(7)).to_json()) == premier
    assert variant(7, 2).params != variant(8, 2).params


def test_statement_names_the_team_and_the_needs():
    v = variant(3, 3)
    for s in v.params["salaries"]:
        assert s["nom"] in v.enonce
    assert "## Les besoins en personnel" in v.enonce
    assert "creneaux" in v.enonce
    assert "<" not in v.enonce  # Markdown only, no raw HTML


def test_weeks_avoid_public_holidays():
    from datetime import date, timedelta

    import holidays

    feries = holidays.France(years=2026)
    for seed in range(30):
        lundi = date.fromisoformat(variant(seed, 2).params["semaine"])
        assert not any(lundi + timedelta(days=i) in feries for i in range(7))


hostile = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True)
    | st.text(max_size=20)
    | st.just("9" * 400)
    | st.sampled_from(["09:00", "25:00", "12:30", "E1", "2026-03-09", "", " "]),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)
creneau = st.fixed_dictionaries(
    {},
    optional={
        "salarie": hostile | st.sampled_from(["E1", "E2", "E5", "E9"]),
        "jour": hostile | st.sampled_from(["2026-03-09", "2026-03-10", "2026-06-22"]),
        "debut": hostile | st.sampled_from(["09:00", "9h", "23:59", "24:00"]),
        "fin": hostile | st.sampled_from(["12:00", "17:30", "00:00", "24:00"]),
    },
)


@settings(max_examples=200, deadline=None)
@given(
    answer=hostile
    | st.fixed_dictionaries({"creneaux": st.lists(creneau | hostile, max_size=8) | hostile})
)
def test_grade_never_crashes_and_stays_between_0_and_1(answer):
    params = variant(1, 3).params
    grade = planning.grade(params, answer)
    assert 0 <= grade.score <= 1
    json.dumps(grade.to_json())


def run(capsys, argv, stdin=None, monkeypatch=None):
    if stdin is not None:
        monkeypatch.setattr("sys.stdin", __import__("io").StringIO(stdin))
    with pytest.raises(SystemExit) as sortie:
        main(argv)
        raise SystemExit(0)
    out, err = capsys.readouterr()
    return sortie.value.code, out, err


def test_cli_generate_solve_grade(capsys, monkeypatch, tmp_path):
    code, out, _ = run(capsys, ["generate", "planning", "--seed", "4", "--niveau", "2"])
    assert code == 0
    document = json.loads(out)
    assert document["kind"] == "planning" and document["niveau"] == 2
    params_file = tmp_path / "params.json"
    params_file.write_text(json.dumps(document["params"]), "utf-8")
    code, out, _ = run(capsys, ["solve", "planning"], json.dumps(document["params"]), monkeypatch)
    assert code == 0
    answer_file = tmp_path / "answer.json"
    answer_file.write_text(out, "utf-8")
    code, out, _ = run(
        capsys, ["grade", "planning", "--params", str(params_file), "--answer", str(answer_file)]
    )
    assert code == 0
    assert json.loads(out)["score"] == "1.0000"
    answer_file.write_text(json.dumps({"creneaux": []}), "utf-8")
    code, out, _ = run(
        capsys, ["grade", "planning", "--params", str(params_file), "--answer", str(answer_file)]
    )
    diagnostics = json.loads(out)["diagnostics"]
    assert {d["code"] for d in diagnostics} >= {"CONTRAT", "COUVERTURE"}
    assert all(set(d) == {"code", "salarie", "jour", "message"} for d in diagnostics)


@pytest.mark.parametrize(
    "stdin",
    [
        "{pas du json",
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
def test_cli_bad_params_one_line_on_stderr_exit_2(capsys, monkeypatch, stdin):
    code, out, err = run(capsys, ["solve", "planning"], stdin, monkeypatch)
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("agora")


@settings(max_examples=150, deadline=None)
@given(
    modif=st.dictionaries(
        st.sampled_from(["semaine", "salaries", "ouverture", "besoins", "fin_semaine_precedente"]),
        hostile,
        max_size=3,
    )
)
def test_check_params_refuses_junk_with_invalid_input_only(modif):
    params = {**variant(2, 2).params, **modif}
    try:
        planning.check_params(params)
    except InvalidInput as erreur:
        assert "\n" not in str(erreur)


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
