"""`agora generate | grade bulletin_paie` on a level-3 payslip, and the French line each impossible
params get. The command line's shape is in tests/exercise/test_kind_contract.py."""

from __future__ import annotations

import json

import pytest


@pytest.fixture
def payslip(run_cli):
    return json.loads(run_cli(["generate", "bulletin_paie", "--seed", "4", "--niveau", "3"]).out)


def test_generate_prints_a_level_3_payslip(payslip):
    assert payslip["kind"] == "bulletin_paie" and payslip["seed"] == 4 and payslip["niveau"] == 3
    assert payslip["enonce"].startswith("# Bulletin de paie")
    assert {"taux_horaire", "heures_mensuelles", "cotisations", "pmss", "taux_pas"} <= set(
        payslip["params"]
    )


def test_grade_names_the_employer_cost_without_contributions(run_cli, tmp_path, payslip):
    params = tmp_path / "params.json"
    params.write_text(json.dumps(payslip["params"]), "utf-8")
    answer = json.loads(run_cli(["solve", "bulletin_paie", "--params", str(params)]).out)
    answer["cout_employeur"] = answer["salaire_brut"]
    answer_file = tmp_path / "answer.json"
    answer_file.write_text(json.dumps(answer), "utf-8")
    run = run_cli(["grade", "bulletin_paie", "--params", str(params), "--answer", str(answer_file)])
    assert run.code == 0
    result = json.loads(run.out)
    assert result["kind"] == "bulletin_paie" and result["score"] != "1.0000"
    assert "COUT_EMPLOYEUR_SANS_PATRONALES" in {d["code"] for d in result["diagnostics"]}
    assert {c["code"] for c in result["competences"]} == {"3.2.4"}  # the nets prove no 3.2.5


@pytest.mark.parametrize(
    ("params", "needle"),
    [
        ('{"taux_horaire": "13.20", "pmss": "4005", "cotisations": []}', "heures_mensuelles"),
        (
            '{"taux_horaire": "13.20", "heures_mensuelles": "151.67", "pmss": "4005",'
            ' "heures_sup_25": "-2", "cotisations": [{"libelle": "CRDS", "assiette": "csg_crds",'
            ' "taux_salarial": "0.5", "taux_patronal": "0", "deductible": false}]}',
            "négatif",
        ),
        (
            '{"taux_horaire": "treize", "heures_mensuelles": "151.67", "pmss": "4005",'
            ' "cotisations": []}',
            "taux_horaire",
        ),
        (
            '{"taux_horaire": "13", "heures_mensuelles": "151.67", "pmss": "4005",'
            ' "cotisations": [{"libelle": "X", "assiette": "lune", "taux_salarial": "1",'
            ' "taux_patronal": "1", "deductible": true}]}',
            "assiette",
        ),
    ],
)
def test_bad_params_give_one_line_and_exit_2(run_cli, params, needle):
    run = run_cli(["solve", "bulletin_paie"], params)
    assert run.code == 2 and run.out == ""
    assert len(run.err.strip().splitlines()) == 1 and needle in run.err


@pytest.mark.parametrize(
    ("champ", "valeur"),
    [
        ("taux_horaire", "9" * 15),
        ("heures_mensuelles", "1000"),
        ("taux_pas", "101"),
        ("pmss", "0"),
        ("absence_heures", "200"),
        ("primes", "beaucoup"),
    ],
)
def test_impossible_params_are_refused_on_one_line(run_cli, payslip, champ, valeur):
    params = dict(payslip["params"], **{champ: valeur})
    run = run_cli(["solve", "bulletin_paie"], json.dumps(params))
    assert run.code == 2 and run.out == "" and len(run.err.strip().splitlines()) == 1
    assert champ in run.err or "pmss" in run.err
