"""Amounts in the params are written as the contract says, with two decimals (« 1234.50 »):
never « 522.1 » nor « 3310 » (audit of the sectors, 2026-12)."""

from __future__ import annotations

import re

import pytest

from agora.company import generate_company
from agora.exercise.base import NIVEAUX
from agora.exercise.registry import KINDS


@pytest.mark.parametrize(
    "kind", ["declaration_tva", "reglements_fournisseurs", "frais_deplacement"]
)
def test_amounts_are_written_with_two_decimals(kind):
    """The contract writes every amount « 1234.50 »: never « 522.1 » nor « 3310 »."""
    for seed in range(10):
        organisation = generate_company(seed)
        for niveau in NIVEAUX:
            params = KINDS[kind].generate(seed, niveau, organisation).params
            for montant in _montants(params):
                assert re.fullmatch(r"-?\d+\.\d\d", montant), (seed, niveau, montant)


def _montants(valeur, cle: str = ""):
    if isinstance(valeur, dict):
        for k, v in valeur.items():
            yield from _montants(v, k)
    elif isinstance(valeur, list):
        for v in valeur:
            yield from _montants(v, cle)
    elif isinstance(valeur, str) and cle in ("montant_ht", "montant", "ttc", "tva", "avance"):
        yield valeur
