"""`agora referentiel`: tree, card, search, their JSON, and one French line for bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from agora.cli import main

ROOT = Path(__file__).resolve().parents[2]


def run(capsys, *args: str) -> tuple[int, str, str]:
    """Run `agora …` in-process: exit code, stdout, stderr."""
    try:
        main(list(args))
        code = 0
    except SystemExit as done:
        code = done.code or 0
    out, err = capsys.readouterr()
    return code, out, err


def flat(text: str) -> str:
    """Screen output without its line wrapping, to look for a whole sentence."""
    return " ".join(text.replace("\u00a0", " ").split())


def test_without_sub_command_it_prints_the_tree(capsys):
    code, out, err = run(capsys, "referentiel")
    assert (code, err) == (0, "")
    assert out.startswith("Référentiel AGOrA : 3 pôles, 9 activités, 34 blocs, 37 compétences.")
    text = flat(out)
    assert "Pôle 2 — Organisation et suivi de l'activité de production" in text
    assert "2.2 Suivi financier de l'activité de production" in text
    assert "• Suivi des décaissements (rapprochement bancaire) [2.2-b1]" in text
    assert "2.2.1 Établir un état de rapprochement" in text
    lines = out.splitlines()
    assert lines.index(
        "Pôle 1 — Gestion des relations avec les clients, usagers et adhérents"
    ) < next(i for i, line in enumerate(lines) if line.startswith("Pôle 2"))


def test_the_tree_in_json(capsys):
    code, out, _ = run(capsys, "referentiel", "--json")
    tree = json.loads(out)
    assert code == 0
    assert [pole["code"] for pole in tree["poles"]] == ["1", "2", "3"]
    bloc = tree["poles"][1]["activites"][1]["blocs"][0]
    assert bloc["id"] == "2.2-b1"
    assert bloc["competences"][0] == {
        "code": "2.2.1",
        "libelle": "Établir un état de rapprochement",
    }
    assert "Effectuer un rapprochement bancaire mensuel" in bloc["exemples_concrets"]
    blocs = [b for pole in tree["poles"] for a in pole["activites"] for b in a["blocs"]]
    assert len(blocs) == 34


def test_show_prints_a_competency_with_blocs_savoirs_and_examples(capsys):
    code, out, err = run(capsys, "referentiel", "show", "2.2.1")
    assert (code, err) == (0, "")
    text = flat(out)
    assert text.startswith("2.2.1 Établir un état de rapprochement")
    assert "Activité 2.2 — Suivi financier de l'activité de production" in text
    assert "Bloc 2.2-b1 : Suivi des décaissements (rapprochement bancaire)" in text
    assert "Compétences du bloc : 2.2.1, 2.2.3" in text
    assert (
        "• Les fournisseurs et règlements (lettrage des comptes, justification des soldes, contrôle caisse)"
        in text
    )
    assert "• Pointer les opérations entre relevé bancaire et comptabilité" in text


@pytest.mark.parametrize("args", [["show", "1.2.3", "--json"], ["--json", "show", "1.2.3"]])
def test_show_in_json(capsys, args):
    code, out, _ = run(capsys, "referentiel", *args)
    card = json.loads(out)
    assert code == 0
    assert card["code"] == "1.2.3"
    assert card["pole"] == {
        "code": "1",
        "titre": "Gestion des relations avec les clients, usagers et adhérents",
    }
    assert card["activite"]["code"] == "1.2"
    assert [bloc["id"] for bloc in card["blocs"]] == ["1.2-b2", "1.2-b3"]
    assert card["blocs"][1]["savoirs_associes"][0].startswith("Les ventes et encaissements")


def test_search_ignores_accents_and_case(capsys):
    code, out, err = run(capsys, "referentiel", "search", "RAPPROCHEMENT")
    assert (code, err) == (0, "")
    assert out.startswith("5 résultats pour « RAPPROCHEMENT » :")
    assert "pôle 2 › activité 2.2 › compétence 2.2.1\n  Établir un état de rapprochement" in out
    _, accented, _ = run(capsys, "referentiel", "search", "échéancier")
    _, bare, _ = run(capsys, "referentiel", "search", "echeancier")
    assert accented.splitlines()[1:] == bare.splitlines()[1:]


def test_search_in_json_and_with_several_words(capsys):
    code, out, _ = run(capsys, "referentiel", "search", "rapprochement", "bancaire", "--json")
    found = json.loads(out)
    assert code == 0
    assert found["recherche"] == "rapprochement bancaire"
    assert found["resultats"][-1] == {
        "champ": "exemple",
        "texte": "Effectuer un rapprochement bancaire mensuel",
        "ou": "pôle 2 › activité 2.2 › bloc 2.2-b1 › exemple concret",
        "pole": "2",
        "activite": "2.2",
        "bloc": "2.2-b1",
        "competences": ["2.2.1", "2.2.3"],
    }


def test_a_search_without_result_is_not_an_error(capsys):
    assert run(capsys, "referentiel", "search", "xylophone") == (
        0,
        "Aucun résultat pour « xylophone ».\n",
        "",
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["show", "9.9.9"], "agora : Compétence inconnue : « 9.9.9 »"),
        (["show"], "agora : argument manquant 'CODE'"),
        (["--couleur"], "agora : option inconnue '--couleur'"),
        (["show", "2.2.1", "--detail"], "agora : option inconnue '--detail'"),
        (["search", " "], "agora : Recherche vide"),
        (["montrer", "2.2.1"], "agora : commande inconnue 'montrer'"),
    ],
)
def test_bad_input_is_one_french_line_on_stderr_and_exit_2(capsys, args, message):
    code, out, err = run(capsys, "referentiel", *args)
    assert (code, out) == (2, "")
    assert err.startswith(message)
    assert err.count("\n") == 1


def test_the_installed_command():
    agora = Path(sys.executable).parent / "agora"
    shown = subprocess.run(
        [agora, "referentiel", "show", "3.2.4"], capture_output=True, text=True, cwd=ROOT
    )
    assert shown.returncode == 0
    assert shown.stdout.startswith("3.2.4 Déterminer les éléments nécessaires")
    unknown = subprocess.run(
        [agora, "referentiel", "show", "4.1.1"], capture_output=True, text=True, cwd=ROOT
    )
    assert (unknown.returncode, unknown.stdout) == (2, "")
    assert unknown.stderr.startswith("agora : Compétence inconnue : « 4.1.1 »")
