"""Loading the référentiel: look-ups, search, schema in sync, and French errors on bad data."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from agora import REFERENTIEL_DIR
from agora.errors import ContentError, InvalidInput, UnknownCode
from agora.referentiel import load_referentiel
from agora.referentiel.schema import SCHEMA_DIR, SCHEMAS, render


@pytest.fixture(scope="module")
def ref():
    return load_referentiel()


# --- look-ups -----------------------------------------------------------------------------


def test_the_project_referentiel_is_read_once():
    assert load_referentiel() is load_referentiel(REFERENTIEL_DIR)


def test_competences_are_the_37_in_code_order(ref):
    codes = [c.code for c in ref.competences]
    assert len(codes) == 37
    assert codes[:5] == ["1.1.1", "1.1.2", "1.1.3", "1.1.4", "1.2.1"]
    assert codes[-1] == "3.3.4"
    assert codes == sorted(codes, key=lambda code: [int(part) for part in code.split(".")])


def test_a_competence_knows_its_pole_activity_and_blocs(ref):
    competence = ref.competence("2.2.3")
    assert competence.libelle.startswith("Assurer le suivi des enregistrements des mouvements")
    assert competence.pole.titre == "Organisation et suivi de l'activité de production"
    assert competence.activite.code == "2.2"
    assert [bloc.titre for bloc in competence.blocs] == [
        "Suivi des décaissements (rapprochement bancaire)",
        "Suivi des décaissements (règlements fournisseurs)",
    ]
    assert ref.blocs_of("2.2.3") == competence.blocs


def test_every_competence_sits_under_its_activity(ref):
    for competence in ref.competences:
        assert competence.code.startswith(competence.activite.code + ".")
        assert competence.activite in competence.pole.activites
        assert all(competence.code in bloc.competences for bloc in competence.blocs)


def test_the_tree_goes_poles_activities_blocs(ref):
    assert [p.code for p in ref.poles] == ["1", "2", "3"]
    assert [a.code for a in ref.poles[1].activites] == ["2.1", "2.2", "2.3"]
    bloc = ref.poles[0].activites[0].blocs[0]
    assert (bloc.id, bloc.titre, bloc.competences) == (
        "1.1-b1",
        "Accueil et renseignement",
        ("1.1.1",),
    )
    assert ref.poles[2].mots_cles[-2:] == ("Communication", "RH")
    assert "Temps de travail" in ref.poles[2].mots_cles


@pytest.mark.parametrize("code", ["9.9.9", "2.2", "", "abc"])
def test_an_unknown_competence_code_is_refused_in_french(ref, code):
    with pytest.raises(UnknownCode, match=f"Compétence inconnue : « {code} »"):
        ref.competence(code)
    with pytest.raises(UnknownCode):
        ref.blocs_of(code)


def test_activity_and_pole_look_ups(ref):
    assert (
        ref.activite("3.2").titre == "Suivi organisationnel et financier de l'activité du personnel"
    )
    assert ref.pole("3").titre == "Administration du personnel"
    with pytest.raises(UnknownCode, match="Activité inconnue"):
        ref.activite("4.1")
    with pytest.raises(UnknownCode, match="Pôle inconnu"):
        ref.pole("4")


# --- search -------------------------------------------------------------------------------


def test_search_ignores_accents_and_case(ref):
    plain = ref.search("ECHEANCIER")
    assert [hit.texte for hit in plain] == [hit.texte for hit in ref.search("échéancier")]
    assert "Établir un échéancier des créances clients" in [hit.texte for hit in plain]


def test_search_finds_every_kind_of_text_and_says_where(ref):
    found = {(hit.champ, hit.texte) for hit in ref.search("rapprochement")}
    assert ("competence", "Établir un état de rapprochement") in found
    assert ("bloc", "Suivi des décaissements (rapprochement bancaire)") in found
    assert ("exemple", "Effectuer un rapprochement bancaire mensuel") in found
    assert any(champ == "savoir" for champ, _ in found)
    assert {hit.champ for hit in ref.search("tresorerie")} >= {"mot_cle", "resume", "exemple"}
    assert [hit.champ for hit in ref.search("administration du personnel")] == ["pole", "resume"]
    assert [hit.champ for hit in ref.search("gestion operationnelle")] == ["activite"]


def test_a_hit_names_its_pole_activity_bloc_and_competences(ref):
    hit = next(h for h in ref.search("rapprochement bancaire mensuel"))
    assert (hit.pole, hit.activite, hit.bloc, hit.competences) == (
        "2",
        "2.2",
        "2.2-b1",
        ("2.2.1", "2.2.3"),
    )
    assert hit.ou == "pôle 2 › activité 2.2 › bloc 2.2-b1 › exemple concret"


def test_search_needs_every_word_in_any_order_and_reads_ligatures(ref):
    assert [h.texte for h in ref.search("manuel compte lettrage")] == [
        "Effectuer le lettrage automatique ou manuel d'un compte client"
    ]
    assert ref.search("oeuvres sociales")
    assert ref.search("zzz introuvable") == []


def test_an_empty_search_is_refused(ref):
    with pytest.raises(InvalidInput, match="Recherche vide"):
        ref.search("   ")


# --- schema -------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_the_committed_schema_is_what_the_models_produce(name):
    """If this fails, run: .venv/bin/python -m agora.referentiel.schema"""
    assert (SCHEMA_DIR / name).read_text(encoding="utf-8") == render(SCHEMAS[name])


# --- malformed data -----------------------------------------------------------------------


@pytest.fixture
def copy(tmp_path) -> Path:
    directory = tmp_path / "referentiel"
    shutil.copytree(REFERENTIEL_DIR, directory, ignore=shutil.ignore_patterns("source", "schema"))
    return directory


def _replace(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def _error(directory: Path) -> str:
    with pytest.raises(ContentError) as caught:
        load_referentiel(directory)
    return str(caught.value)


def test_the_copy_loads_like_the_original(copy):
    assert len(load_referentiel(copy).competences) == 37


def test_bad_yaml_names_file_and_line(copy):
    _replace(copy / "pole-1.yaml", "activites:", "activites: [")
    message = _error(copy)
    assert "pole-1.yaml, ligne" in message
    assert "YAML invalide" in message


def test_a_missing_field_names_its_path(copy):
    _replace(copy / "pole-2.yaml", "    titre: Suivi financier de l'activité de production\n", "")
    assert _error(copy).endswith("pole-2.yaml : à « activites.1.titre » : champ obligatoire absent")


def test_an_unknown_field_is_refused(copy):
    _replace(
        copy / "competences.yaml",
        "    libelle: Mettre à jour l",
        "    niveau: 2\n    libelle: Mettre à jour l",
    )
    assert "competences.yaml : à « competences.8.niveau » : champ inconnu" in _error(copy)


def test_an_unknown_competency_code_in_a_bloc(copy):
    _replace(copy / "pole-3.yaml", 'competences: ["3.2.1"]', 'competences: ["3.2.9"]')
    assert _error(copy).endswith(
        "pole-3.yaml : à « activites.1.blocs.0.competences.0 » : "
        "compétence 3.2.9 inconnue (absente de competences.yaml)"
    )


def test_an_unquoted_code_is_refused(copy):
    _replace(copy / "pole-1.yaml", 'code: "1.2"', "code: 1.2")
    assert "pole-1.yaml : à « activites.1.code » : texte attendu" in _error(copy)


def test_a_competency_defined_twice(copy):
    _replace(copy / "competences.yaml", 'code: "1.1.2"', 'code: "1.1.1"')
    assert (
        "à « competences.1.code » : compétence 1.1.1 déjà définie (à « competences.0 »)"
        in _error(copy)
    )


def test_a_competency_no_bloc_uses(copy):
    _replace(copy / "pole-1.yaml", 'competences: ["1.2.4"]', 'competences: ["1.2.3"]')
    assert (
        "competences.yaml : à « competences.7 » : la compétence 1.2.4 n'est citée par aucun bloc"
        in _error(copy)
    )


def test_a_bloc_citing_a_competency_of_another_activity(copy):
    _replace(copy / "pole-1.yaml", 'competences: ["1.1.1"]', 'competences: ["1.1.1", "1.2.1"]')
    assert "n'est pas de l'activité 1.1" in _error(copy)


def test_an_activity_in_the_wrong_pole(copy):
    _replace(copy / "pole-2.yaml", 'code: "2.3"', 'code: "3.4"')
    assert "pole-2.yaml : à « activites.2.code » : l'activité 3.4 n'est pas du pôle 2" in _error(
        copy
    )


def test_a_competency_whose_activity_does_not_exist(copy):
    text = (copy / "competences.yaml").read_text(encoding="utf-8")
    (copy / "competences.yaml").write_text(
        text + '  - code: "1.4.1"\n    libelle: Inventée\n', encoding="utf-8"
    )
    assert "à « competences.37.code » : aucune activité 1.4 dans les pôles" in _error(copy)


def test_keywords_must_rebuild_the_line(copy):
    _replace(copy / "pole-1.yaml", "  - Site web\n", "  - Site\n  - Internet\n")
    assert "pole-1.yaml : à « mots_cles » : mis bout à bout" in _error(copy)


def test_a_pole_file_named_after_another_pole(copy):
    (copy / "pole-3.yaml").rename(copy / "pole-4.yaml")
    assert "pole-4.yaml : à « code » : le pôle 3 doit être dans pole-3.yaml" in _error(copy)


def test_a_file_that_is_not_a_mapping(copy):
    (copy / "pole-1.yaml").write_text("- une liste\n", encoding="utf-8")
    assert "pole-1.yaml : le fichier doit contenir des champs « clé : valeur »." in _error(copy)


def test_missing_files(copy):
    for path in copy.glob("pole-*.yaml"):
        path.unlink()
    assert "aucun fichier pole-*.yaml" in _error(copy)
    (copy / "competences.yaml").unlink()
    assert "competences.yaml : fichier illisible" in _error(copy)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            'competences: ["1.1.1"]',
            'competences: ["1.1.1", "1.1.1"]',
            "compétence 1.1.1 citée deux fois",
        ),
        (
            "- titre: Prise en charge de la demande",
            "- titre: Accueil et renseignement",
            "déjà présent",
        ),
        ('code: "1.2"', 'code: "1.1"', "à « activites.1.code » : activité 1.1 déjà présente"),
    ],
)
def test_duplicates_inside_a_pole(copy, old, new, message):
    _replace(copy / "pole-1.yaml", old, new)
    assert message in _error(copy)
