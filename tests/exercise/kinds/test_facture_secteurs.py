"""A ``facture`` tells its sector's story with its sector's figures (audit of the sectors,
2026-12): a water utility bills one half-year subscription and the metered volume on every
volume line, after a meter reading, never an order nor a quote."""

from __future__ import annotations

from decimal import Decimal

import pytest

from agora.company import generate_company
from agora.exercise.base import NIVEAUX
from agora.exercise.registry import KINDS

SEEDS = range(25)


@pytest.mark.parametrize("niveau", NIVEAUX)
def test_a_water_bill_charges_one_subscription_and_one_metered_volume(niveau):
    for seed in SEEDS:
        organisation = generate_company(seed, "regie_eau")
        unites = {a.reference: a.unite for a in organisation.catalogue}
        variant = KINDS["facture"].generate(seed, niveau, organisation)
        lignes = variant.params["lignes"]
        volumes = {x["quantite"] for x in lignes if unites[x["reference"]] == "m³"}
        abonnements = [x["quantite"] for x in lignes if unites[x["reference"]] == "semestre"]
        assert len(volumes) == 1, (seed, niveau, lignes)
        assert 20 <= Decimal(volumes.pop()) <= 500, (seed, niveau, lignes)
        assert abonnements and set(abonnements) == {"1"}, (seed, niveau, lignes)
        assert "Consommation d'eau potable" in {x["designation"] for x in lignes}
        assert "devis" not in variant.enonce and "à la commande" not in variant.enonce
        assert "compteur" in variant.enonce
