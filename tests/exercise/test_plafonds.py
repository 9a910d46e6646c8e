"""The sector's own rules hold in every exercise: a bookshop whose organisation page says
« remise maximale de 5 % (loi Lang) » never grants more on new books in any kind's variant."""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from typing import Any

import pytest

from agora.company import generate_company
from agora.content.secteurs import load_secteurs
from agora.exercise.base import NIVEAUX
from agora.exercise.plafonds import borne, collectivite, taux_cumule
from agora.exercise.registry import KINDS

SEEDS = range(1, 51)
PLAFONNES = [code for code, s in load_secteurs().items() if s.plafonds_reductions]
# The kinds whose variants sell with reductions (an invoice, a quote, a credit note's invoice).
REDUCTIONS = ("avoir", "devis", "encaissements", "facture")


@cache
def _company(seed: int, secteur: str):
    return generate_company(seed, secteur)


def _factures(value: Any):
    """Every invoice-shaped part of a variant's params: lines with their reductions."""
    if isinstance(value, dict):
        if "lignes" in value and {"reductions", "remises", "escompte_taux"} & set(value):
            yield value
        for item in value.values():
            yield from _factures(item)
    elif isinstance(value, list):
        for item in value:
            yield from _factures(item)


def _taux(facture: dict[str, Any]) -> list[Decimal]:
    taux = [Decimal(str(r["taux"])) for r in facture.get("reductions") or ()]
    taux += [Decimal(str(r)) for r in facture.get("remises") or ()]  # a quote's remises
    if facture.get("escompte_taux") is not None:
        taux.append(Decimal(str(facture["escompte_taux"])))
    return taux


def test_every_capped_sector_states_its_cap_on_its_page():
    assert PLAFONNES, "la librairie annonce la loi Lang"
    for code in PLAFONNES:
        company = _company(1, code)
        for regle in load_secteurs()[code].plafonds_reductions:
            assert any(f"{regle.taux_max} %" in c for c in company.contraintes)


@pytest.mark.parametrize("secteur", PLAFONNES)
@pytest.mark.parametrize("kind", REDUCTIONS)
def test_no_variant_grants_more_than_the_sector_allows(kind, secteur):
    made = KINDS[kind]
    regles = load_secteurs()[secteur].plafonds_reductions
    for seed in SEEDS:
        company = _company(seed, secteur)
        publics = [c.nom for c in company.clients if any(collectivite(r, c.nom) for r in regles)]
        for niveau in NIVEAUX:
            variant = made.generate(seed, niveau, company, made.choose_options(None))
            for facture in _factures(variant.params):
                designations = {ligne.get("designation") for ligne in facture["lignes"]}
                for regle in regles:
                    if not designations & set(regle.articles):
                        continue
                    public = any(nom in variant.enonce for nom in publics)
                    cap = regle.taux_max_collectivites if public else regle.taux_max
                    total = taux_cumule(_taux(facture))
                    assert total <= cap, (seed, niveau, facture.get("reductions"), total)


def test_rates_that_overrun_the_cap_are_brought_within_it():
    assert borne(["15", "3", "3"], Decimal(5)) == ["1.5", "1.5", "1.5"]
    assert borne(["2", "2"], Decimal(5)) == ["2", "2"]
    assert taux_cumule(borne(["12", "6"], Decimal(9))) <= 9


@pytest.mark.parametrize("kind", sorted(set(KINDS) - set(REDUCTIONS)))
def test_the_other_kinds_sell_nothing_with_reductions(kind):
    made = KINDS[kind]
    for seed in range(1, 6):
        for niveau in NIVEAUX:
            variant = made.generate(
                seed, niveau, _company(seed, PLAFONNES[0]), made.choose_options(None)
            )
            assert not list(_factures(variant.params))
