"""A balance sheet names its fixed assets as their amount allows (audit of the sectors,
2026-12): a club's « Minibus du club » at 132 100 € is three minibuses; one vehicle named
alone stays under 60 000 €."""

from __future__ import annotations

from decimal import Decimal

import pytest
from tests.exercise.tirages import variantes

from agora.content.secteurs import secteur_codes

UN_SEUL_VEHICULE = ("Minibus du club", "Fourgon", "Camionnette")


@pytest.mark.parametrize("secteur", secteur_codes())
def test_one_vehicle_named_alone_costs_what_a_vehicle_costs(secteur):
    for seed, niveau, _, variant in variantes("equilibre_financier", range(20), secteur):
        for poste in variant.params["postes"]:
            if poste["nature"] == "immobilisation" and poste["libelle"] in UN_SEUL_VEHICULE:
                assert Decimal(poste["montant"]) <= 60000, (seed, niveau, poste)
