"""Each organisation reads a mission story of its own sector family: a water utility never
« livre » goods, and a mission without a story for some family is refused when it loads."""

from __future__ import annotations

import dataclasses
import re

import pytest

from agora.company import generate_company
from agora.content.missions import (
    ExerciseStep,
    ProseStep,
    load_missions,
    mission_from_text,
    personalise,
    raconte,
)
from agora.content.secteurs import load_secteur, secteur_codes
from agora.errors import ContentError
from agora.exercise.registry import KINDS

MISSIONS = load_missions()
# What only an organisation selling goods says of its own sales.
MOTS_DES_BIENS = re.compile(
    r"marchandise|frais de port|défaut d'aspect|\blivr(?:e|é|ée|és|ées|er|aison)s?\b", re.I
)
# Kinds about what the organisation buys: a supplier delivers to every kind of organisation.
ACHATS = {"facture_achat", "declaration_tva", "reglements_fournisseurs", "fiche_stock"}


def _textes(mission) -> list[tuple[str, str]]:
    textes = [("histoire", mission.histoire)]
    for index, step in enumerate(mission.etapes):
        textes.append((f"étape {index + 1}, contexte", step.contexte))
        if isinstance(step, ProseStep):
            textes.append((f"étape {index + 1}, consigne", step.consigne))
    return textes


def _achats_seulement(mission) -> bool:
    kinds = {s.kind for s in mission.etapes if isinstance(s, ExerciseStep)}
    return kinds <= ACHATS


def _contradictions(slug: str, company) -> list[str]:
    mission = MISSIONS[slug]
    famille = load_secteur(company.secteur).famille
    found = []
    for where, text in _textes(mission):
        lu = personalise(text, company)
        if ":::" in lu or re.search(r"\{[a-z_]+\}", lu):
            found.append(f"{where} : marque ou paramètre restant")
        if famille != "biens" and not _achats_seulement(mission):
            found += [f"{where} : « {m} »" for m in MOTS_DES_BIENS.findall(lu)]
    # The one-line summary is shown before any organisation is known: neutral for all.
    if not _achats_seulement(mission):
        found += [f"resume : « {m} »" for m in MOTS_DES_BIENS.findall(mission.resume)]
    return found


def _sweep(seeds) -> None:
    for secteur in secteur_codes():
        for seed in seeds:
            company = generate_company(seed, secteur)
            for slug in MISSIONS:
                assert not _contradictions(slug, company), (secteur, seed, slug)


def test_every_mission_tells_each_sector_a_story_of_its_family():
    _sweep((1, 2, 3))


@pytest.mark.slow
def test_every_mission_tells_each_sector_a_story_of_its_family_over_50_seeds():
    _sweep(range(1, 51))


def test_the_water_utility_invoices_a_done_job_and_its_user_received_no_goods():
    mission = MISSIONS["du-devis-a-l-encaissement"]
    regie = generate_company(7, "regie_eau")
    librairie = generate_company(7, "librairie")
    assert "j'ai bien reçu la marchandise" not in personalise(mission.etapes[1].consigne, regie)
    assert "la livraison est partie" not in personalise(mission.histoire, regie)
    assert "nos agents sont intervenus" in personalise(mission.histoire, regie)
    assert "j'ai bien reçu la marchandise" in personalise(mission.etapes[1].consigne, librairie)


def test_a_story_keeps_its_family_block_and_the_text_everyone_reads():
    text = (
        "Début.\n::: biens\nLa livraison.\n:::\n::: services service_public\nLe travail.\n:::\nFin."
    )
    assert raconte(text, "biens") == "Début.\nLa livraison.\nFin."
    assert raconte(text, "service_public") == "Début.\nLe travail.\nFin."
    assert raconte(text, "association") == "Début.\nFin."


MISSION = """---
titre: Essai
niveau: 1
duree_minutes: 30
competences: ["1.2.2"]
resume: Une facture.
etapes:
  - kind: facture
    niveau: 1
    points: 10
    titre: La facture
    contexte: |
{contexte}
---
Une histoire.
"""


def _mission(contexte: str):
    indented = "\n".join("      " + line for line in contexte.splitlines())
    return mission_from_text(MISSION.format(contexte=indented), "essai", "essai.md")


def test_a_mission_missing_a_family_story_is_refused_at_load():
    with pytest.raises(ContentError) as error:
        _mission("::: biens\nLa livraison est partie.\n:::\n::: services association\nFini.\n:::")
    assert str(error.value) == (
        "essai.md : à « etapes.0.contexte » : pas d'histoire pour la famille « service public » "
        "(secteurs : regie_eau) ; ajoutez un bloc « ::: service_public » "
        "(la mission peut lui être donnée)."
    )


def test_a_story_block_with_an_unknown_family_or_left_open_is_refused():
    with pytest.raises(ContentError, match="famille inconnue « commerce »"):
        _mission("::: commerce\nTexte.\n:::")
    with pytest.raises(ContentError, match="n'est pas fermé"):
        _mission("::: biens\nTexte sans fin.")
    with pytest.raises(ContentError, match="deux histoires pour la famille « biens »"):
        _mission("::: biens\nUn.\n:::\n::: biens services service_public association\nDeux.\n:::")


def test_a_neutral_story_is_accepted_for_every_family():
    assert _mission("Préparez la facture.").etapes[0].contexte.strip() == "Préparez la facture."


def test_a_kind_without_a_story_for_a_family_makes_its_missions_refused(monkeypatch):
    biens_seulement = dataclasses.replace(KINDS["facture"], FAMILLES=("biens",))
    monkeypatch.setitem(KINDS, "facture", biens_seulement)
    with pytest.raises(ContentError) as error:
        _mission("Préparez la facture.")
    assert (
        "l'exercice « facture » n'a pas d'histoire pour la famille « prestation de services » (secteurs : batiment, informatique)"
        in str(error.value)
    )


def test_de_and_a_before_a_placeholder_follow_the_name():
    # Teacher audit 11: « au nom de **Eau de Saint-Denis** ».
    eau = dataclasses.replace(generate_company(1), raison_sociale="Eau de Saint-Denis")
    texte = "Au nom de **{organisation}**, la réunion de {organisation}, à {organisation}."
    assert personalise(texte, eau) == (
        "Au nom d'**Eau de Saint-Denis**, la réunion d'Eau de Saint-Denis, à Eau de Saint-Denis."
    )
    bistrot = dataclasses.replace(eau, raison_sociale="Le Bistrot de Paul Roux")
    assert personalise(texte, bistrot) == (
        "Au nom du **Bistrot de Paul Roux**, la réunion du Bistrot de Paul Roux, "
        "au Bistrot de Paul Roux."
    )
    regie = dataclasses.replace(eau, raison_sociale="Régie des eaux de Lyon")
    assert personalise("De {organisation} ; rue de {organisation}", regie) == (
        "De Régie des eaux de Lyon ; rue de Régie des eaux de Lyon"
    )
