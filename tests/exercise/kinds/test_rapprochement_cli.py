"""`agora generate|solve|grade rapprochement`: JSON on stdout, one French line and exit 2 on bad input."""

from __future__ import annotations

import io
import json

import pytest

from agora.cli import main


def run(capsys, monkeypatch, argv, stdin=""):
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = 0
    try:
        main(argv)
    except SystemExit as done:
        code = done.code
    out, err = capsys.readouterr()
    return code, out, err


def test_generate_solve_grade_round_trip(capsys, monkeypatch, tmp_path):
    code, out, _ = run(
        capsys, monkeypatch, ["generate", "rapprochement", "--seed", "4", "--niveau", "3"]
    )
    assert code == 0
    variant = json.loads(out)
    assert variant["kind"] == "rapprochement" and variant["niveau"] == 3
    assert "suspens_anterieurs" in variant["params"] and variant["enonce"].startswith("# ")
    params = tmp_path / "params.json"
    params.write_text(json.dumps(variant["params"]), "utf-8")
    code, out, _ = run(
        capsys, monkeypatch, ["solve", "rapprochement"], json.dumps(variant["params"])
    )
    assert code == 0
    solution = json.loads(out)
    assert set(solution) == {
        "pointage", "solde_compte_512", "solde_releve", "cote_entreprise", "cote_banque",
        "solde_rectifie", "ecritures",
    }  # fmt: skip
    answer = tmp_path / "answer.json"
    answer.write_text(out, "utf-8")
    argv = ["grade", "rapprochement", "--params", str(params), "--answer", str(answer)]
    code, out, _ = run(capsys, monkeypatch, argv)
    assert code == 0 and json.loads(out)["score"] == "1.0000"


def test_generate_is_byte_identical_for_the_same_seed(capsys, monkeypatch):
    argv = ["generate", "rapprochement", "--seed", "9", "--niveau", "2"]
    assert run(capsys, monkeypatch, argv)[1] == run(capsys, monkeypatch, argv)[1]


@pytest.mark.parametrize(
    "stdin",
    [
        "{pas du json",
        "[]",
        json.dumps({"periode": "2026-03", "solde_initial": "10.00", "compte_512": []}),
        json.dumps({"periode": "2026-03", "solde_initial": "10.00", "compte_512": [],
                    "releve": [{"id": "B1", "date": "2026-03-02", "libelle": "X",
                                "debit": "-4.00", "credit": "0.00"}]}),
    ],
)  # fmt: skip
def test_bad_params_give_one_line_on_stderr_and_exit_2(capsys, monkeypatch, stdin):
    code, out, err = run(capsys, monkeypatch, ["solve", "rapprochement"], stdin)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and err.startswith("agora : ")


def test_a_malformed_answer_file_gives_one_line(capsys, monkeypatch, tmp_path):
    code, out, _ = run(capsys, monkeypatch, ["generate", "rapprochement", "--seed", "1"])
    params = tmp_path / "p.json"
    params.write_text(json.dumps(json.loads(out)["params"]), "utf-8")
    answer = tmp_path / "a.json"
    answer.write_text("{,}", "utf-8")
    argv = ["grade", "rapprochement", "--params", str(params), "--answer", str(answer)]
    code, _, err = run(capsys, monkeypatch, argv)
    assert code == 2 and len(err.strip().splitlines()) == 1 and "JSON invalide" in err
