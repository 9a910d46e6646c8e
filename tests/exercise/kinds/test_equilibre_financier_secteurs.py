"""A balance sheet names its fixed assets as their amount allows (audit of the sectors,
2026-12): a club's « Minibus du club » at 132 100 € is three minibuses; one vehicle named
alone stays under 60 000 €."""

from __future__ import annotations

from decimal import Decimal

import pytest

from agora.company import generate_company
from agora.content.secteurs import secteur_codes
from agora.exercise.base import NIVEAUX
from agora.exercise.registry import KINDS

UN_SEUL_VEHICULE = ("Minibus du club", "Fourgon", "Camionnette")


@pytest.mark.parametrize("secteur", secteur_codes())
def test_one_vehicle_named_alone_costs_what_a_vehicle_costs(secteur):
    for seed in range(20):
        organisation = generate_company(seed, secteur)
        for niveau in NIVEAUX:
            postes = KINDS["equilibre_financier"].generate(seed, niveau, organisation).params
            for poste in postes["postes"]:
                if poste["nature"] == "immobilisation" and poste["libelle"] in UN_SEUL_VEHICULE:
                    assert Decimal(poste["montant"]) <= 60000, (seed, niveau, poste)
