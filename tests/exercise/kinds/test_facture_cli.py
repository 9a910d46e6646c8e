"""`agora solve|grade facture` on the contract's worked example, and the French line each
impossible params get. The command line's shape is in tests/exercise/test_kind_contract.py."""

from __future__ import annotations

import json

import pytest

PARAMS = {
    "lignes": [
        {
            "reference": "CH-12",
            "designation": "Chaise visiteur",
            "quantite": "10",
            "prix_unitaire_ht": "45.00",
            "taux_tva": "20",
        }
    ],
    "reductions": [{"nature": "remise", "taux": "10"}, {"nature": "rabais", "taux": "5"}],
    "escompte_taux": "2",
    "frais_port_ht": "30.00",
    "taux_tva_port": "20",
    "acompte": "0.00",
}


def test_solve_gives_the_contract_worked_example(run_cli):
    assert (
        json.loads(run_cli(["solve", "facture"], stdin=json.dumps(PARAMS)).out)["net_a_payer"]
        == "488.46"
    )


def test_grade_names_the_field_the_expected_amount_and_the_misconception(run_cli, tmp_path):
    params = tmp_path / "params.json"
    params.write_text(json.dumps(PARAMS), "utf-8")
    answer = tmp_path / "answer.json"
    answer.write_text(json.dumps({"net_commercial": "1710.00", "escompte": "9.95"}), "utf-8")
    run = run_cli(["grade", "facture", "--params", str(params), "--answer", str(answer)])
    grade = json.loads(run.out)
    assert grade["kind"] == "facture" and grade["score"] == "0.0000"
    assert grade["champs"][0] == {
        "champ": "net_commercial",
        "attendu": "384.75",
        "recu": "1710.00",
        "correct": False,
        "message": "Attendu : 384,75\u00a0€.",
    }
    assert [d["code"] for d in grade["diagnostics"]] == ["ESCOMPTE_SUR_TTC"]
    assert {c["code"] for c in grade["competences"]} == {"1.2.2"}


@pytest.mark.parametrize(
    ("params", "words"),
    [
        ({"reductions": []}, "lignes"),
        (
            {"lignes": [{"quantite": "-3", "prix_unitaire_ht": "5.00", "taux_tva": "20"}]},
            "positive",
        ),
        ({"lignes": [{"quantite": "3", "taux_tva": "20"}]}, "manquant"),
        (
            {
                "lignes": [{"quantite": "3", "prix_unitaire_ht": "5", "taux_tva": "20"}],
                "acompte": "-1",
            },
            "négatif",
        ),
    ],
)
def test_impossible_params_fail_on_one_line_that_says_why(params, words, run_cli):
    run = run_cli(["solve", "facture"], stdin=json.dumps(params))
    assert run.code == 2 and len(run.err.splitlines()) == 1 and words in run.err
