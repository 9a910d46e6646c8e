"""The frais_deplacement kind, beyond the shared contract: hand-checked trips (each computed
step by step in the comments, own computation on the barème kilométrique and the URSSAF 2026
limits of scenarios/baremes/frais.yaml), the half-cent roundings, the named wrong methods,
errors carried forward, what each level puts in the exercise, and the refused params."""

from __future__ import annotations

import copy
from decimal import Decimal

import pytest

from agora.company import generate_company
from agora.errors import InvalidInput
from agora.exercise.kinds.frais_deplacement import KIND as frais
from agora.exercise.kinds.frais_deplacement.solve import bareme


def recu(numero, jour, nature, ttc, taux="10", **autres):
    return {
        "numero": numero,
        "date": jour,
        "nature": nature,
        "libelle": autres.get("libelle", nature),
        "ttc": ttc,
        "taux_tva": taux,
        "fourni": autres.get("fourni", True),
        "personnel": autres.get("personnel", False),
        "etranger": autres.get("etranger", False),
    }


# The contract page's example (level 2, province, a company that recovers VAT).
TOURNEE = {
    "niveau": 2,
    "tva_recuperable": True,
    "plafonds": {"repas": "21.40", "nuit": "56.80"},
    "ordre": {
        "numero": "OM-2026-014",
        "salarie": "Léa Martin",
        "emploi": "Commerciale",
        "objet": "Tournée des clients professionnels",
        "lieu": "Nantes",
        "zone": "province",
        "depart": "2026-03-10",
        "retour": "2026-03-12",
        "km_prevus": 310,
        "nuits": 2,
        "repas": 5,
        "avance": "150.00",
    },
    "vehicules": [{"libelle": "Peugeot 308, 5 CV", "cv": 5, "km_anterieurs": 4800, "km": 325}],
    "justificatifs": [
        recu("J1", "2026-03-10", "hotel", "78.00"),
        recu("J2", "2026-03-10", "repas", "24.20"),
        recu("J3", "2026-03-10", "peage", "12.03", "20"),
        recu("J4", "2026-03-11", "hotel", "54.50"),
        recu("J5", "2026-03-11", "repas", "18.70"),
        recu("J6", "2026-03-11", "divers", "12.00", "20", personnel=True),
        recu("J7", "2026-03-13", "repas", "22.00"),
    ],
    "date_note": "2026-03-16",
}


def tournee(**changes):
    p = copy.deepcopy(TOURNEE)
    p.update(changes)
    return p


def test_the_contract_example_step_by_step():
    s = frais.solve(TOURNEE)
    # Budget: 4 800 + 310 = 5 110 km, band 2: 5 110 × 0,357 + 1 395 = 3 219,27;
    # already paid 4 800 × 0,636 = 3 052,80; transport = 166,47.
    # Nights 2 × 56,80 = 113,60; meals 5 × 21,40 = 107,00; total 387,07.
    assert s["budget"] == {
        "transport": "166.47",
        "hebergement": "113.60",
        "repas": "107.00",
        "total": "387.07",
        "ecart": "-51.81",  # 335,26 spent − 387,07 planned: the budget is kept
    }
    # 4 800 + 325 = 5 125 km: 5 125 × 0,357 = 1 829,625, + 1 395 = 3 224,625 → 3 224,63
    # (half a cent, rounded up); IK = 3 224,63 − 3 052,80 = 171,83.
    assert s["vehicules"] == [
        {"distance_annuelle": "5125", "ik_annuelle": "3224.63", "ik": "171.83"}
    ]
    decisions = [(j["decision"], j["retenu"], j["tva"]) for j in s["justificatifs"]]
    assert decisions == [
        ("plafonne", "56.80", "0.00"),  # hotel 78,00 > 56,80; lodging VAT is not deductible
        ("plafonne", "21.40", "1.95"),  # 21,40 × 10 ÷ 110 = 1,9454… → 1,95
        ("rembourse", "12.03", "2.01"),  # 12,03 × 20 ÷ 120 = 2,005 → 2,01 (half a cent up)
        ("rembourse", "54.50", "0.00"),  # under the ceiling; hotel VAT not deductible
        ("rembourse", "18.70", "1.70"),  # 18,70 × 10 ÷ 110 = 1,70
        ("refuse", "0.00", "0.00"),  # the minibar is a personal expense
        ("refuse", "0.00", "0.00"),  # 13 March: after the return of 12 March
    ]
    # Retained 56,80 + 21,40 + 12,03 + 54,50 + 18,70 = 163,43; + IK 171,83 = 335,26;
    # less the advance 150,00 = 185,26.
    assert (s["total_frais"], s["a_rembourser"]) == ("335.26", "185.26")


def test_the_contract_example_entry_balances():
    rows = {(r["compte"], r["debit"], r["credit"]) for r in frais.solve(TOURNEE)["ecriture"]}
    # 6251 = IK 171,83 + toll HT (12,03 − 2,01 = 10,02) = 181,85;
    # 6256 = 56,80 + (21,40 − 1,95) + 54,50 + (18,70 − 1,70) = 147,75; 44566 = 2,01 + 1,95 +
    # 1,70 = 5,66; debits 335,26 = credits 150,00 (425) + 185,26 (421).
    assert rows == {
        ("6251", "181.85", "0.00"),
        ("6256", "147.75", "0.00"),
        ("44566", "5.66", "0.00"),
        ("425", "0.00", "150.00"),
        ("421", "0.00", "185.26"),
    }


def test_the_barème_bands_by_the_distance_of_the_year():
    # Own computation on the barème (impots.gouv.fr, reconduit en 2026):
    assert bareme(3, 245) == Decimal("129.61")  # 245 × 0,529 = 129,605 → half a cent up
    assert bareme(5, 5000) == Decimal("3180.00")  # 5 000 × 0,636: still the first band
    assert bareme(5, 5001) == Decimal("3180.36")  # 5 001 × 0,357 + 1 395 = 3 180,357
    assert bareme(7, 3345) == Decimal("2331.47")  # 3 345 × 0,697 = 2 331,465 → up
    assert bareme(5, 20200) == Decimal("8625.40")  # beyond 20 000: 20 200 × 0,427


def test_a_report_across_the_20000_km_threshold():
    # 19 800 km already: 19 800 × 0,357 + 1 395 = 8 463,60 paid; + 400 km → 20 200 × 0,427
    # = 8 625,40; IK of the trip = 161,80 (not 400 × 0,427 = 170,80).
    p = tournee(vehicules=[{"libelle": "5 CV", "cv": 5, "km_anterieurs": 19800, "km": 400}])
    v = frais.solve(p)["vehicules"][0]
    assert v == {"distance_annuelle": "20200", "ik_annuelle": "8625.40", "ik": "161.80"}


def test_level_1_paris_one_night():
    # 3 CV, no km yet: IK = 245 × 0,529 = 129,605 → 129,61. Budget: 240 × 0,529 = 126,96;
    # 1 night in Paris 76,60; 3 meals × 21,40 = 64,20; total 267,76. Hotel 89,00 → 76,60;
    # meal 23,10 → 21,40; meal 19,50 and toll 8,40 in full: 125,90 + 129,61 = 255,51;
    # − 100,00 advance = 155,51.
    p = tournee(
        niveau=1,
        plafonds={"repas": "21.40", "nuit": "76.60"},
        vehicules=[{"libelle": "Citroën C1, 3 CV", "cv": 3, "km_anterieurs": 0, "km": 245}],
        justificatifs=[
            recu("J1", "2026-03-10", "hotel", "89.00"),
            recu("J2", "2026-03-10", "repas", "19.50"),
            recu("J3", "2026-03-11", "repas", "23.10"),
            recu("J4", "2026-03-10", "peage", "8.40", "20"),
        ],
    )
    p["ordre"] |= {"zone": "paris", "km_prevus": 240, "nuits": 1, "repas": 3, "avance": "100.00"}
    s = frais.solve(p)
    assert s["budget"]["total"] == "267.76" and s["vehicules"] == [{"ik": "129.61"}]
    assert [j["retenu"] for j in s["justificatifs"]] == ["76.60", "19.50", "21.40", "8.40"]
    assert (s["total_frais"], s["a_rembourser"]) == ("255.51", "155.51")
    assert "ecriture" not in s and "tva" not in s["justificatifs"][0]


def test_an_association_records_everything_with_vat():
    # Not liable to VAT: no VAT field, expenses TTC. 6256 = 56,80 + 21,40 + 54,50 + 18,70
    # = 151,40; 6251 = 171,83 + 12,03 = 183,86; total 335,26 as before, no 44566 row.
    s = frais.solve(tournee(tva_recuperable=False))
    assert all("tva" not in j for j in s["justificatifs"])
    rows = {(r["compte"], r["debit"]) for r in s["ecriture"] if r["debit"] != "0.00"}
    assert rows == {("6251", "183.86"), ("6256", "151.40")}


def test_a_trip_abroad_recovers_no_foreign_vat_and_refuses_the_fuel():
    # Turin: hotel 102,42 (10 % Italian VAT) and parking 19,96 (22 %) paid abroad → VAT 0;
    # French toll 14,07 × 20 ÷ 120 = 2,345 → 2,35 deductible; fuel 83,63 refused (IK).
    p = tournee(
        niveau=3,
        plafonds={"repas": "30.00", "nuit": "110.00"},
        justificatifs=[
            recu("J1", "2026-03-10", "hotel", "102.42", etranger=True),
            recu("J2", "2026-03-10", "peage", "14.07", "20"),
            recu("J3", "2026-03-10", "parking", "19.96", "22", etranger=True),
            recu("J4", "2026-03-10", "carburant", "83.63", "20"),
        ],
    )
    s = frais.solve(p)
    decisions = [(j["decision"], j["retenu"], j["tva"]) for j in s["justificatifs"]]
    assert decisions == [
        ("rembourse", "102.42", "0.00"),
        ("rembourse", "14.07", "2.35"),
        ("rembourse", "19.96", "0.00"),
        ("refuse", "0.00", "0.00"),
    ]


def grade(params, **answer_changes):
    answer = frais.solve(params)
    for path, value in answer_changes.items():
        node = answer
        *parts, last = path.split("__")
        for part in parts:
            node = node[int(part)] if part.isdigit() else node[part]
        node[int(last) if last.isdigit() else last] = value
    return frais.grade(params, answer)


def codes(g):
    return {d.code for d in g.diagnostics}


def test_the_band_of_the_trip_alone_is_named():
    # 325 km alone, first band: 325 × 0,636 = 206,70 instead of 171,83.
    g = grade(TOURNEE, vehicules__0__ik="206.70")
    assert "IK_SANS_CUMUL" in codes(g)


def test_the_yearly_b_added_to_the_trip_is_named():
    # 325 × 0,357 + 1 395 = 1 511,025 → 1 511,03.
    g = grade(TOURNEE, vehicules__0__ik="1511.03")
    assert codes(g) == {"IK_FORFAIT_SUR_LE_TRAJET"}


def test_truncated_cents_are_named():
    # 3 224,625 cut to 3 224,62 instead of rounded to 3 224,63.
    g = grade(TOURNEE, vehicules__0__ik_annuelle="3224.62", vehicules__0__ik="171.82")
    assert "ARRONDI_TRONQUE" in codes(g)


def test_receipts_paid_against_the_rules_are_named_by_their_reason():
    g = grade(
        TOURNEE,
        justificatifs__0__decision="rembourse",
        justificatifs__5__decision="rembourse",
        justificatifs__6__decision="plafonne",
    )
    assert codes(g) == {"PLAFOND_IGNORE", "DEPENSE_PERSONNELLE_ACCEPTEE", "HORS_MISSION_ACCEPTE"}


def test_days_counted_as_nights_and_a_forgotten_advance_are_named():
    g = grade(TOURNEE, budget__hebergement="170.40", a_rembourser="335.26")
    assert codes(g) == {"NUITS_COMPTEES_EN_JOURS", "AVANCE_OUBLIEE"}


def test_a_gap_written_budget_minus_spent_is_named():
    # 387,07 − 335,26 = 51,81: the sign of the gap is reversed.
    assert codes(grade(TOURNEE, budget__ecart="51.81")) == {"ECART_INVERSE"}


def test_hotel_vat_deducted_is_named():
    # J1 capped at 56,80: 56,80 × 10 ÷ 110 = 5,1636… → 5,16 deducted by mistake.
    g = grade(TOURNEE, justificatifs__0__tva="5.16")
    assert codes(g) == {"TVA_NON_DEDUCTIBLE_DEDUITE"}


def test_a_wrong_decision_is_carried_to_the_amount_and_the_totals():
    # The minibar paid (wrong, named once); its 12,00 retained, total 347,26 and 197,26
    # are right from the student's own decision: only the decision is wrong.
    g = grade(
        TOURNEE,
        justificatifs__5__decision="rembourse",
        justificatifs__5__retenu="12.00",
        total_frais="347.26",
        a_rembourser="197.26",
    )
    faux = [c.champ for c in g.champs if not c.correct]
    assert faux == ["justificatifs.5.decision"]
    assert codes(g) == {"DEPENSE_PERSONNELLE_ACCEPTEE"}


def test_a_wrong_ik_is_carried_into_the_entry():
    # IK 181,83 (10 € too much): total 345,26, to pay 195,26, 6251 191,85: all carried.
    answer = frais.solve(TOURNEE)
    answer["vehicules"][0]["ik"] = "181.83"
    answer["total_frais"], answer["a_rembourser"] = "345.26", "195.26"
    for row in answer["ecriture"]:
        row |= {"6251": {"debit": "191.85"}, "421": {"credit": "195.26"}}.get(row["compte"], {})
    g = frais.grade(TOURNEE, answer)
    assert [c.champ for c in g.champs if not c.correct] == ["vehicules.0.ik"]
    assert dict(g.competences)["3.2.2"] == 1


def test_answers_are_read_as_a_french_person_writes_them():
    answer = frais.solve(TOURNEE)
    answer["budget"]["total"] = "387,07 €"
    answer["vehicules"][0]["distance_annuelle"] = "5 125"
    answer["ecriture"][0]["compte"] = "625100"
    assert frais.grade(TOURNEE, answer).score == 1


@pytest.mark.parametrize("niveau", [1, 2, 3])
def test_each_level_puts_its_traps_in_the_exercise(niveau):
    org = generate_company(11, "librairie")
    p = frais.generate(11, niveau, org).params
    natures = [j["nature"] for j in p["justificatifs"]]
    refus = [j for j in p["justificatifs"] if not j["fourni"] or j["personnel"]]
    assert len(p["vehicules"]) == (2 if niveau == 3 else 1)
    assert (p["ordre"]["zone"] == "etranger") == (niveau == 3)
    assert ("carburant" in natures) == (niveau == 3)
    if niveau == 1:
        assert p["vehicules"][0]["km_anterieurs"] == 0 and not refus
    assert Decimal(frais.solve(p)["a_rembourser"]) > 0


def test_every_sector_travels_for_its_own_purpose():
    org = generate_company(3, "regie_eau")
    v = frais.generate(3, 2, org)
    assert v.params["ordre"]["objet"] in v.enonce
    assert v.params["tva_recuperable"] is True
    club = generate_company(3, "association_sportive")
    assert frais.generate(3, 2, club).params["tva_recuperable"] is False


@pytest.mark.parametrize(
    "change",
    [
        {"niveau": 4},
        {"plafonds": {"repas": "-1", "nuit": "56.80"}},
        {"vehicules": []},
        {"justificatifs": [recu("J1", "demain", "repas", "12.00")]},
        {"justificatifs": [recu("J1", "2026-03-10", "taxi", "12.00")]},
    ],
)
def test_unusable_params_are_refused_in_one_french_line(change):
    with pytest.raises(InvalidInput) as error:
        frais.check_params(tournee(**change))
    assert "\n" not in str(error.value) and str(error.value).startswith("Paramètres")
