"""`agora generate | solve | grade bulletin_paie`: JSON out, one French line and exit 2 on bad input."""

from __future__ import annotations

import io
import json

import pytest

from agora.cli import main


def run(capsys, argv, stdin: str | None = None, monkeypatch=None):
    if stdin is not None:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    try:
        main(argv)
        code = 0
    except SystemExit as done:
        code = done.code
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def variant(capsys):
    code, out, _ = run(capsys, ["generate", "bulletin_paie", "--seed", "4", "--niveau", "3"])
    assert code == 0
    return json.loads(out)


def test_generate_prints_the_contract_document(variant):
    assert variant["kind"] == "bulletin_paie" and variant["seed"] == 4 and variant["niveau"] == 3
    assert variant["enonce"].startswith("# Bulletin de paie")
    assert {"taux_horaire", "heures_mensuelles", "cotisations", "pmss", "taux_pas"} <= set(
        variant["params"]
    )


def test_solve_from_stdin_and_file(capsys, monkeypatch, tmp_path, variant):
    params = json.dumps(variant["params"])
    code, out, _ = run(capsys, ["solve", "bulletin_paie"], params, monkeypatch)
    assert code == 0
    solution = json.loads(out)
    assert {"salaire_brut", "cotisations", "net_a_payer", "cout_employeur"} <= set(solution)
    path = tmp_path / "params.json"
    path.write_text(params, "utf-8")
    code, again, _ = run(capsys, ["solve", "bulletin_paie", "--params", str(path)])
    assert code == 0 and json.loads(again) == solution


def test_grade_files(capsys, monkeypatch, tmp_path, variant):
    params = tmp_path / "params.json"
    params.write_text(json.dumps(variant["params"]), "utf-8")
    _, out, _ = run(capsys, ["solve", "bulletin_paie", "--params", str(params)])
    answer = json.loads(out)
    answer["cout_employeur"] = answer["salaire_brut"]
    answer_file = tmp_path / "answer.json"
    answer_file.write_text(json.dumps(answer), "utf-8")
    code, out, _ = run(
        capsys, ["grade", "bulletin_paie", "--params", str(params), "--answer", str(answer_file)]
    )
    assert code == 0
    result = json.loads(out)
    assert result["kind"] == "bulletin_paie" and result["score"] != "1.0000"
    assert "COUT_EMPLOYEUR_SANS_PATRONALES" in {d["code"] for d in result["diagnostics"]}
    assert {c["code"] for c in result["competences"]} == {"3.2.4"}  # the nets prove no 3.2.5


@pytest.mark.parametrize(
    ("params", "needle"),
    [
        ("{not json", "JSON invalide"),
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
        ("[1, 2]", "objet JSON"),
    ],
)
def test_bad_params_give_one_line_and_exit_2(capsys, monkeypatch, params, needle):
    code, out, err = run(capsys, ["solve", "bulletin_paie"], params, monkeypatch)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and needle in err


def test_bad_answer_file_gives_one_line(capsys, tmp_path, variant):
    params = tmp_path / "params.json"
    params.write_text(json.dumps(variant["params"]), "utf-8")
    answer = tmp_path / "answer.json"
    answer.write_text("{oops", "utf-8")
    code, _, err = run(
        capsys, ["grade", "bulletin_paie", "--params", str(params), "--answer", str(answer)]
    )
    assert code == 2 and len(err.strip().splitlines()) == 1


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
def test_impossible_params_are_refused_on_one_line(capsys, monkeypatch, variant, champ, valeur):
    params = dict(variant["params"], **{champ: valeur})
    code, out, err = run(capsys, ["solve", "bulletin_paie"], json.dumps(params), monkeypatch)
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1
    assert champ in err or "pmss" in err
