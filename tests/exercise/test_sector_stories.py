"""An exercise's own wording tells the story of the organisation's sector family: a water
utility, a consulting firm or a sports club never « livre » articles with shipping costs nor
grants a rabais for a « défaut d'aspect », in the statement nor on the document it produces
(issue 16: the missions' texts had a story per family, the exercises still told the goods one)."""

from __future__ import annotations

import dataclasses
import re
from typing import Any

import pytest

from agora.company import generate_company
from agora.content.secteurs import load_secteur, secteur_codes
from agora.exercise.base import NIVEAUX
from agora.exercise.registry import KINDS

# What only an organisation selling goods says of its own sales (« délivré » is no delivery).
MOTS_DES_BIENS = re.compile(
    r"\blivr\w*|marchandises?|frais de port|défaut d'aspect|\barticles\b", re.I
)
# Kinds whose story is what the organisation buys or receives: a supplier delivers goods to
# every kind of organisation (its purchase invoice, its stock, the VAT it deducts, the
# supplier it pays, a supplier's call about a delivery, a vehicle booked for a delivery).
ACHATS = {
    "facture_achat",
    "fiche_stock",
    "declaration_tva",
    "reglements_fournisseurs",
    "prise_en_charge",
    "planning_activites",
}
SANS_BIENS = [s for s in secteur_codes() if load_secteur(s).famille != "biens"]


def _textes(document: Any) -> list[str]:
    """Every text a produced document prints (designations, labels, mentions…)."""
    if isinstance(document, str):
        return [document]
    if dataclasses.is_dataclass(document):
        document = [getattr(document, f.name) for f in dataclasses.fields(document)]
    if isinstance(document, dict):
        document = list(document.values())
    if isinstance(document, list | tuple):
        return [texte for valeur in document for texte in _textes(valeur)]
    return []


def _mots_des_biens(name: str, seed: int, niveau: int, organisation: Any) -> list[str]:
    kind = KINDS[name]
    variant = kind.generate(seed, niveau, organisation)
    textes = [variant.enonce]
    if kind.piece_commerciale is not None:
        textes += _textes(kind.piece_commerciale(variant, organisation, kind.read({})))
    # The mentions an invoice must carry, listed in the law's own words for every organisation
    # (« Adresse de livraison des biens, si… », which the student marks not required here).
    lois = [m["libelle"] for m in variant.params.get("mentions", ()) if isinstance(m, dict)]
    return [mot for texte in textes for mot in MOTS_DES_BIENS.findall(_sans(texte, lois))]


def _sans(texte: str, lois: list[str]) -> str:
    for loi in lois:
        texte = texte.replace(loi, "")
    return texte


def _sweep(seeds) -> None:
    for secteur in SANS_BIENS:
        for seed in seeds:
            organisation = generate_company(seed, secteur)
            for name in sorted(set(KINDS) - ACHATS):
                for niveau in NIVEAUX:
                    mots = _mots_des_biens(name, seed, niveau, organisation)
                    assert not mots, (secteur, seed, name, niveau, mots)


def test_no_organisation_outside_goods_reads_a_goods_story_in_an_exercise():
    _sweep((1, 2, 3))


@pytest.mark.slow
def test_no_organisation_outside_goods_reads_a_goods_story_over_50_seeds():
    _sweep(range(1, 51))


def test_the_sweep_sees_the_goods_story_where_it_belongs():
    """A bookshop's invoice still delivers its articles with a port: the words the sweep looks
    for are those the goods story writes."""
    organisation = generate_company(1, "librairie")
    assert _mots_des_biens("facture", 1, 2, organisation)
