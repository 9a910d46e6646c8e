"""A business trip takes the traveller away from home (audit of the sectors, 2026-12): a
Paris-region firm never books hotel nights « in Paris » after 300 km by car, a Lyon restaurant
never « travels » to Lyon; and its kilometres are the road from the town to the place."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from math import acos, cos, radians, sin

import pytest
from tests.exercise.tirages import variantes

from agora.company import generate_company
from agora.content import geographie
from agora.content.secteurs import load_communes, secteur_codes
from agora.exercise.kinds.frais_deplacement import KIND as frais
from agora.exercise.kinds.frais_deplacement import deplacements

ILE_DE_FRANCE = ("75", "77", "78", "91", "92", "93", "94", "95")


def test_no_trip_to_the_organisations_own_area():
    for seed, niveau, organisation, variant in variantes("frais_deplacement", range(200)):
        ordre = variant.params["ordre"]
        francilienne = organisation.adresse.code_postal.startswith(ILE_DE_FRANCE)
        assert not (francilienne and ordre["zone"] == "paris"), (seed, niveau, ordre)
        assert ordre["lieu"].split(" (")[0] != organisation.adresse.ville, (seed, ordre)


# The kilometres follow the map (audit of the distances, 2027-01): a Créteil firm drove 800 km
# to Paris and back, a Lyon one 250 km, whatever the town.


def _centre(organisation):
    """Where the organisation's car starts by road: its town, or its ferry's mainland port."""
    communes = load_communes()
    ville = next(c for c in communes if c.code_postal == organisation.adresse.code_postal)
    port = ville.port_continent
    return next(c for c in communes if c.ville == port) if port else ville


def _a_vol_d_oiseau(a, b) -> float:
    """The great-circle distance in km (spherical law of cosines, the Earth a 6 371 km ball)."""
    la1, lo1, la2, lo2 = map(radians, (a.latitude, a.longitude, b.latitude, b.longitude))
    angle = sin(la1) * sin(la2) + cos(la1) * cos(la2) * cos(lo2 - lo1)
    return 6371 * acos(min(1.0, angle))


def _destination(lieu: str):
    lieux = deplacements.load_lieux().lieux
    return lieux[lieu] if lieu in lieux else lieux[lieu.rsplit(" (", 1)[0]]


def test_a_trips_kilometres_are_the_road_from_the_town_to_the_place():
    # By road, 1.1 to 1.35 times the distance as the crow flies (motorway atlases), there and
    # back; the cars of the report drive the trip plus a few detours, not a second one.
    for secteur in secteur_codes():
        for seed, niveau, organisation, variant in variantes(
            "frais_deplacement", range(25), secteur
        ):
            ordre, vehicules = variant.params["ordre"], variant.params["vehicules"]
            vol = _a_vol_d_oiseau(_centre(organisation), _destination(ordre["lieu"]))
            bas, haut = 2 * vol * 1.1 - 5, 2 * vol * 1.35 + 5  # rounded to 5 km
            assert bas <= ordre["km_prevus"] <= haut, (seed, niveau, ordre)
            assert vol * 1.1 >= 50, (seed, organisation.adresse, ordre)  # a trip with hotel nights
            roule = sum(v["km"] for v in vehicules)
            assert ordre["km_prevus"] <= roule <= ordre["km_prevus"] + 30, (seed, vehicules)


# Road distances one way from the atlas: (town, sector, level, place, km).
ROUTES = [
    ("Créteil", "association_sportive", 1, "Orléans", 125),
    ("Créteil", "association_sportive", 2, "Bordeaux", 585),
    ("Lyon", "informatique", 2, "Grenoble", 110),
    ("Lyon", "informatique", 2, "Paris (Porte de Versailles)", 465),
    ("Marseille", "restaurant", 1, "Lyon", 315),
    ("Lille", "librairie", 3, "Bruxelles (Belgique)", 115),
]


@pytest.mark.parametrize(("ville", "secteur", "niveau", "lieu", "km"), ROUTES)
def test_a_nearby_trip_is_short_a_far_one_long(ville, secteur, niveau, lieu, km):
    commune = next(c for c in load_communes() if c.ville == ville)
    vus = []
    for seed in range(30):
        organisation = generate_company(seed, secteur)
        adresse = replace(organisation.adresse, code_postal=commune.code_postal, ville=ville)
        ordre = frais.generate(seed, niveau, replace(organisation, adresse=adresse)).params["ordre"]
        if ordre["lieu"] == lieu:
            vus.append(ordre["km_prevus"])
    assert vus and all(abs(prevus - 2 * km) <= 0.12 * 2 * km for prevus in vus), vus


@pytest.mark.parametrize("secteur", [*deplacements.VOYAGES, "secteur sans liste"])
def test_from_every_town_a_trip_at_home_and_one_abroad_lie_within_a_days_drive(secteur):
    for commune in load_communes():
        for etranger in (False, True):
            voyages = deplacements.ailleurs(deplacements.voyages(secteur, etranger), commune)
            for voyage in voyages:
                km = deplacements.km_route(commune, voyage.lieu)
                assert deplacements.DEPLACEMENT_MIN_KM <= km <= deplacements.PORTEE_KM, (
                    commune.ville,
                    voyage,
                )


# Tolls follow the road (audit of the receipts, 2027-01): a 1 900 km round trip showed 12 € of
# tolls, a 100 km one 28 €. A car pays about 0.08 to 0.11 € a km of French toll motorway, which
# carries 60 to 80 % of the way; abroad, only Italy's motorways charge cars.
FRANCE_PAR_KM = (0.6 * 0.08 - 0.001, 0.8 * 0.11 + 0.001)


def _peages(variant, sens: str) -> list[dict]:
    return [
        j
        for j in variant.params["justificatifs"]
        if j["nature"] == "peage" and j["libelle"].endswith(f"({sens})")
    ]


def test_a_trips_tolls_grow_with_the_km_driven():
    for secteur in secteur_codes():
        for seed, niveau, _, variant in variantes("frais_deplacement", range(20), secteur):
            ordre = variant.params["ordre"]
            aller = ordre["km_prevus"] / 2
            for sens in ("aller", "retour") if niveau > 1 else ("aller",):
                peages = _peages(variant, sens)
                francais = [j for j in peages if not j["etranger"]]
                assert len(francais) == 1 and francais[0]["taux_tva"] == "20", (seed, peages)
                par_km = float(francais[0]["ttc"]) / aller
                if ordre["zone"] == "etranger":  # only the km before the border
                    assert par_km <= FRANCE_PAR_KM[1], (seed, secteur, ordre, peages)
                else:
                    assert FRANCE_PAR_KM[0] <= par_km <= FRANCE_PAR_KM[1], (seed, secteur, ordre)
                for j in peages:
                    if j["etranger"]:
                        pays = ordre["lieu"].rsplit(" (", 1)[1].rstrip(")")
                        assert pays == "Italie" and j["taux_tva"] == "22", (seed, ordre, j)
                        assert float(j["ttc"]) <= 0.8 * 0.086 * aller, (seed, ordre, j)
                        assert Decimal(j["ttc"]) % Decimal("0.10") == 0, j  # Italian ticket


def test_a_one_night_trip_lies_within_half_a_days_drive():
    # 1 245 km there and back for one night (La Rochelle–Reims): at level 1 the trip goes at
    # most 500 km away by road when the sector has such a trip from the town.
    demi_journee = 500  # km one way, some five hours of motorway
    for secteur in [*deplacements.VOYAGES, None]:
        for seed, _, organisation, variant in variantes(
            "frais_deplacement", range(40), secteur, niveaux=(1,)
        ):
            depart = geographie.commune(
                organisation.adresse.code_postal, organisation.adresse.ville
            )
            proches = [
                v
                for v in deplacements.ailleurs(
                    deplacements.voyages(organisation.secteur, False), depart
                )
                if deplacements.km_route(depart, v.lieu) <= demi_journee
            ]
            if proches:
                km = variant.params["ordre"]["km_prevus"]
                assert km <= 2 * demi_journee + 5, (seed, organisation.adresse, variant.params)


@pytest.mark.parametrize(("ville", "ferry"), [("Ajaccio", True), ("Lyon", False)])
def test_from_an_island_the_statement_says_the_car_crosses_by_ferry(ville, ferry):
    """An organisation in Ajaccio counts its km from Marseille (deplacements): its statement
    says why, else a Corsican student reads 950 km for a trip to Lyon and no sea."""
    commune = next(c for c in load_communes() if c.ville == ville)
    organisation = generate_company(3, "batiment")
    adresse = replace(organisation.adresse, code_postal=commune.code_postal, ville=ville)
    enonce = frais.generate(3, 2, replace(organisation, adresse=adresse)).enonce
    assert ("traverse en ferry jusqu'à Marseille" in enonce) == ferry
    assert ("à partir du port de Marseille" in enonce) == ferry
