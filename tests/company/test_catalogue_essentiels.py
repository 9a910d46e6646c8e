"""A sector's catalogue always holds what the organisation cannot be without (audit of the
sectors, 2026-12): a water utility bills consumption and subscriptions, a bakery sells
baguettes, a restaurant its menu, a sports club its membership and licence."""

from __future__ import annotations

import pytest

from agora.company import generate_company
from agora.content.secteurs import load_secteur, secteur_codes

SEEDS = range(60)
ESSENTIELS = {
    "regie_eau": {"Consommation d'eau potable", "Abonnement eau potable (part fixe semestrielle)"},
    "boulangerie": {"Baguette de tradition française"},
    "restaurant": {"Menu du jour (entrée, plat, dessert)"},
    "association_sportive": {"Cotisation annuelle adulte", "Licence fédérale"},
}


@pytest.mark.parametrize("secteur", sorted(ESSENTIELS))
def test_the_organisation_always_sells_what_its_sector_lives_on(secteur):
    for seed in SEEDS:
        designations = {a.designation for a in generate_company(seed, secteur).catalogue}
        assert ESSENTIELS[secteur] <= designations, (secteur, seed, designations)


@pytest.mark.parametrize("secteur", secteur_codes())
def test_every_essential_line_of_a_profile_is_in_every_catalogue(secteur):
    essentiels = {m.designation for m in load_secteur(secteur).catalogue if m.essentiel}
    for seed in SEEDS[:20]:
        designations = {a.designation for a in generate_company(seed, secteur).catalogue}
        assert essentiels <= designations, (secteur, seed)
