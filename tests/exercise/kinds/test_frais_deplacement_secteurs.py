"""A business trip takes the traveller away from home (audit of the sectors, 2026-12): a
Paris-region firm never books hotel nights « in Paris » after 300 km by car, a Lyon restaurant
never « travels » to Lyon."""

from __future__ import annotations

from agora.company import generate_company
from agora.exercise.base import NIVEAUX
from agora.exercise.registry import KINDS

ILE_DE_FRANCE = ("75", "77", "78", "91", "92", "93", "94", "95")


def test_no_trip_to_the_organisations_own_area():
    for seed in range(200):
        organisation = generate_company(seed)
        for niveau in NIVEAUX:
            ordre = KINDS["frais_deplacement"].generate(seed, niveau, organisation).params["ordre"]
            francilienne = organisation.adresse.code_postal.startswith(ILE_DE_FRANCE)
            assert not (francilienne and ordre["zone"] == "paris"), (seed, niveau, ordre)
            assert ordre["lieu"].split(" (")[0] != organisation.adresse.ville, (seed, ordre)
