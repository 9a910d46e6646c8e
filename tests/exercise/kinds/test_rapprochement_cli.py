"""`agora solve rapprochement`: the contract's fields, and the French line each impossible params
get. The command line's shape is in tests/exercise/test_kind_contract.py."""

from __future__ import annotations

import json

import pytest


def test_generate_then_solve_gives_the_contract_fields(run_cli):
    variant = json.loads(run_cli(["generate", "rapprochement", "--seed", "4", "--niveau", "3"]).out)
    assert "suspens_anterieurs" in variant["params"] and variant["enonce"].startswith("# ")
    solution = json.loads(run_cli(["solve", "rapprochement"], json.dumps(variant["params"])).out)
    assert set(solution) == {
        "pointage", "solde_compte_512", "solde_releve", "cote_entreprise", "cote_banque",
        "solde_rectifie", "ecritures",
    }  # fmt: skip


@pytest.mark.parametrize(
    "stdin",
    [
        json.dumps({"periode": "2026-03", "solde_initial": "10.00", "compte_512": []}),
        json.dumps({"periode": "2026-03", "solde_initial": "10.00", "compte_512": [],
                    "releve": [{"id": "B1", "date": "2026-03-02", "libelle": "X",
                                "debit": "-4.00", "credit": "0.00"}]}),
    ],
)  # fmt: skip
def test_impossible_params_give_one_line_on_stderr_and_exit_2(run_cli, stdin):
    run = run_cli(["solve", "rapprochement"], stdin)
    assert run.code == 2 and run.out == ""
    assert len(run.err.strip().splitlines()) == 1 and run.err.startswith("agora : ")
