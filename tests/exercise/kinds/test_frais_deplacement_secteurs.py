"""A business trip takes the traveller away from home (audit of the sectors, 2026-12): a
Paris-region firm never books hotel nights « in Paris » after 300 km by car, a Lyon restaurant
never « travels » to Lyon."""

from __future__ import annotations

from tests.exercise.tirages import variantes

ILE_DE_FRANCE = ("75", "77", "78", "91", "92", "93", "94", "95")


def test_no_trip_to_the_organisations_own_area():
    for seed, niveau, organisation, variant in variantes("frais_deplacement", range(200)):
        ordre = variant.params["ordre"]
        francilienne = organisation.adresse.code_postal.startswith(ILE_DE_FRANCE)
        assert not (francilienne and ordre["zone"] == "paris"), (seed, niveau, ordre)
        assert ordre["lieu"].split(" (")[0] != organisation.adresse.ville, (seed, ordre)
