"""A mission step's options and its input from an earlier step, checked when missions load."""

from pathlib import Path

import pytest
from tests.exercise.stub_kinds import JOURNAL, STOCKS

from agora.content.missions import load_mission
from agora.errors import ContentError
from agora.exercise.registry import KINDS

FACTURE = '{kind: facture, niveau: 1, points: 5, titre: "Facture"}'
PROSE = (
    '{type: redaction, titre: "Courriel", points: 2, competences: ["1.1.1"], consigne: "Écrire.",'
    ' rubrique: [{critere: "Clair", points: 2, description: "Clair."}]}'
)


@pytest.fixture(autouse=True)
def stub_kinds(monkeypatch):
    for kind in (STOCKS, JOURNAL):
        monkeypatch.setitem(KINDS, kind.NAME, kind)


def _mission(tmp_path: Path, *etapes: str) -> Path:
    path = tmp_path / "essai.md"
    path.write_text(
        "---\ntitre: Essai\nniveau: 1\nduree_minutes: 30\nresume: Un essai.\n"
        f'competences: ["1.2.2"]\netapes: [{", ".join(etapes)}]\n---\nHistoire.\n',
        encoding="utf-8",
    )
    return path


def _step(kind: str, extra: str = "") -> str:
    return f'{{kind: {kind}, niveau: 1, points: 5, titre: "Étape"{extra}}}'


def test_a_step_chooses_an_option_of_its_kind(tmp_path):
    mission = load_mission(_mission(tmp_path, _step("essai_stocks", ", options: {methode: fifo}")))
    assert mission.etapes[0].options == {"methode": "fifo"}
    assert load_mission(_mission(tmp_path, FACTURE)).etapes[0].options == {}


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ("{theme: noel}", "Option inconnue pour « essai_stocks » : « theme »"),
        ("{methode: lifo}", "Valeur « lifo » impossible pour l'option « methode »"),
    ],
)
def test_an_unknown_option_or_value_names_the_file_and_the_step(tmp_path, options, message):
    path = _mission(tmp_path, _step("essai_stocks", f", options: {options}"))
    with pytest.raises(ContentError, match=f"essai.md : à « etapes.0.options » : {message}"):
        load_mission(path)


def test_a_step_takes_the_document_an_earlier_step_produces(tmp_path):
    mission = load_mission(
        _mission(tmp_path, FACTURE, PROSE, _step("essai_journal", ", depuis: 1"))
    )
    assert mission.etapes[2].depuis == 1


@pytest.mark.parametrize(
    ("etapes", "message"),
    [
        ((FACTURE, _step("essai_journal", ", depuis: 2")), "l'étape n° 2 ne précède pas"),
        ((FACTURE, _step("essai_journal", ", depuis: 3")), "l'étape n° 3 ne précède pas"),
        ((PROSE, _step("essai_journal", ", depuis: 1")), "produit : aucun document"),
        ((FACTURE, _step("essai_stocks", ", depuis: 1")), "attendu : rien"),
        (
            (_step("bulletin_paie"), _step("essai_journal", ", depuis: 1")),
            "produit : bulletin_paie ; attendu : facture",
        ),
    ],
)
def test_a_chained_step_needs_an_earlier_producer_of_what_it_consumes(tmp_path, etapes, message):
    with pytest.raises(ContentError, match=f"essai.md : à « etapes.1.depuis » : .*{message}"):
        load_mission(_mission(tmp_path, *etapes))


def test_depuis_is_a_step_number(tmp_path):
    with pytest.raises(ContentError, match=r"etapes\.1\.exercice\.depuis » : valeur trop petite"):
        load_mission(_mission(tmp_path, FACTURE, _step("essai_journal", ", depuis: 0")))
