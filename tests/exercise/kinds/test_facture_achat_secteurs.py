"""A fixed asset is bought from a seller whose trade it is (audit of the sectors, 2026-12): a
club's laptop from a computer shop, never from its sports kit maker; a builder's van from a
vehicle dealer, made ready for the road, never « installed » by a tile supplier."""

from __future__ import annotations

import pytest

from agora.company import generate_company
from agora.content.secteurs import secteur_codes
from agora.exercise.registry import KINDS

# The word of the seller's name for each sector's fixed asset.
VENDEUR = {
    "boulangerie": "Matériel",
    "restaurant": "Équipement",
    "librairie": "caisse",
    "grossiste_fournitures": "Manutention",
    "informatique": "Distribution",
    "batiment": "Véhicules",
    "regie_eau": "Véhicules",
    "association_sportive": "Informatique",
}


@pytest.mark.parametrize("secteur", secteur_codes())
def test_a_fixed_asset_comes_from_a_seller_of_its_trade(secteur):
    vues = 0
    for seed in range(40):
        organisation = generate_company(seed % 8, secteur)
        variant = KINDS["facture_achat"].generate(seed, 3, organisation)
        lignes = variant.params["lignes"]
        if not any(x["compte"].startswith("21") for x in lignes):
            continue
        vues += 1
        assert VENDEUR[secteur] in variant.params["fournisseur"]["nom"], (seed, lignes)
        vehicule = any(x["compte"] == "2182" for x in lignes)
        designations = " ".join(x["designation"] for x in lignes)
        assert vehicule == ("Mise à la route" in designations), (seed, designations)
        assert not (vehicule and "Installation" in designations), (seed, designations)
    assert vues
