"""`agora generate|solve|grade facture`: JSON on stdout; bad input → one French line, exit 2."""

from __future__ import annotations

import io
import json

import pytest

from agora.cli import main

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


def _run(args, capsys, monkeypatch, stdin=""):
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    main(args)
    return capsys.readouterr()


def _fails(args, capsys, monkeypatch, stdin=""):
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    with pytest.raises(SystemExit) as done:
        main(args)
    assert done.value.code == 2
    out = capsys.readouterr()
    assert out.out == ""
    assert len(out.err.strip().splitlines()) == 1 and "Traceback" not in out.err
    return out.err


@pytest.mark.parametrize("niveau", ["1", "2", "3"])
def test_generate_prints_the_variant(niveau, capsys, monkeypatch):
    out = _run(["generate", "facture", "--seed", "5", "--niveau", niveau], capsys, monkeypatch)
    variant = json.loads(out.out)
    assert list(variant) == ["kind", "seed", "niveau", "params", "enonce"]
    assert variant["kind"] == "facture" and variant["niveau"] == int(niveau)
    again = _run(["generate", "facture", "--seed", "5", "--niveau", niveau], capsys, monkeypatch)
    assert again.out == out.out


def test_solve_reads_stdin_or_a_file(capsys, monkeypatch, tmp_path):
    out = _run(["solve", "facture"], capsys, monkeypatch, stdin=json.dumps(PARAMS))
    assert json.loads(out.out)["net_a_payer"] == "488.46"
    path = tmp_path / "params.json"
    path.write_text(json.dumps(PARAMS), "utf-8")
    assert _run(["solve", "facture", "--params", str(path)], capsys, monkeypatch).out == out.out


def test_grade_prints_the_grading_json(capsys, monkeypatch, tmp_path):
    params = tmp_path / "params.json"
    params.write_text(json.dumps(PARAMS), "utf-8")
    answer = tmp_path / "answer.json"
    answer.write_text(json.dumps({"net_commercial": "1710.00", "escompte": "9.95"}), "utf-8")
    grade = json.loads(
        _run(
            ["grade", "facture", "--params", str(params), "--answer", str(answer)],
            capsys,
            monkeypatch,
        ).out
    )
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


def test_malformed_json_fails_on_one_line(capsys, monkeypatch):
    err = _fails(["solve", "facture"], capsys, monkeypatch, stdin="{lignes: ")
    assert "JSON invalide" in err


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
        ([1, 2], "objet"),
    ],
)
def test_bad_params_fail_on_one_line(params, words, capsys, monkeypatch):
    err = _fails(["solve", "facture"], capsys, monkeypatch, stdin=json.dumps(params))
    assert words in err


def test_grade_with_bad_params_or_an_unreadable_answer_file(capsys, monkeypatch, tmp_path):
    params = tmp_path / "params.json"
    params.write_text(json.dumps({"lignes": "rien"}), "utf-8")
    answer = tmp_path / "answer.json"
    answer.write_text("[]", "utf-8")
    _fails(
        ["grade", "facture", "--params", str(params), "--answer", str(answer)], capsys, monkeypatch
    )
    params.write_text(json.dumps(PARAMS), "utf-8")
    err = _fails(
        ["grade", "facture", "--params", str(params), "--answer", str(tmp_path / "absent.json")],
        capsys,
        monkeypatch,
    )
    assert "illisible" in err
