"""A supplier's credit note, and the supplier's invoice whose mentions are checked, bill what
the supplier's trade sells (audit of the sectors, 2026-12): a club's printer credits
posters, never coach trips nor cinema tickets."""

from __future__ import annotations

import pytest

from agora.company import generate_company
from agora.company.achats import ce_que_vend
from agora.exercise.base import NIVEAUX
from agora.exercise.registry import KINDS


@pytest.mark.parametrize("niveau", NIVEAUX)
def test_a_clubs_supplier_credits_what_it_sold(niveau):
    for seed in range(20):
        organisation = generate_company(seed, "association_sportive")
        variant = KINDS["avoir"].generate(seed, niveau, organisation)
        fournisseurs = [f for f in organisation.fournisseurs if f.nom in variant.enonce]
        assert fournisseurs, (seed, niveau)
        vend = {a[1] for f in fournisseurs for a in ce_que_vend(organisation.secteur, f.nom)}
        assert _designations(variant.enonce) <= vend, (seed, niveau)


def _designations(enonce: str) -> set[str]:
    """The designations of the invoice lines the statement prints: « | 1 | Ballons | 12 | … »
    (numbered, 6 cells) or « | Ballons | 12 | … » (5 cells)."""
    result = set()
    for ligne in enonce.splitlines():
        cellules = ligne.strip("| ").split(" | ")
        if len(cellules) == 6 and cellules[0].isdigit() and cellules[2].isdigit():
            result.add(cellules[1])
        elif len(cellules) == 5 and cellules[1].isdigit():
            result.add(cellules[0])
    return result


@pytest.mark.parametrize("niveau", NIVEAUX)
def test_a_water_bill_to_credit_charges_one_metered_volume(niveau):
    for seed in range(25):
        organisation = generate_company(seed, "regie_eau")
        unites = {a.reference: a.unite for a in organisation.catalogue}
        variant = KINDS["avoir"].generate(seed, niveau, organisation)
        lignes = variant.params["facture"]["lignes"]
        volumes = {x["quantite"] for x in lignes if unites.get(x["reference"]) == "m³"}
        assert len(volumes) <= 1, (seed, niveau, lignes)
