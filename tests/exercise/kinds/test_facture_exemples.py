"""Hand-checked invoices (every figure worked out by hand in the comments), rounding at half a
cent, error carried forward and the diagnostics a teacher would name."""

from __future__ import annotations

from decimal import Decimal

from agora.exercise.kinds.facture import KIND as facture

# The contract's worked example: 10 chairs at 45.00, remise 10 %, rabais 5 %, escompte 2 %,
# port 30.00 at 20 %.
CONTRAT = {
    "lignes": [
        {
            "reference": "CH-12",
            "designation": "Chaise visiteur",
            "quantite": "10",
            "prix_unitaire_ht": "45.00",
            "taux_tva": "20",
        }
    ],
    "reductions": [{"nature": "remise", "taux": "10"}, {"nature": "rabais", "taux": "5"}],
    "escompte_taux": "2",
    "frais_port_ht": "30.00",
    "taux_tva_port": "20",
    "acompte": "0.00",
}

# Two rates, port at 5.5 %, a ristourne and a deposit (level 3 shape).
#   A 4 × 25.00 = 100.00 (20 %)   B 10 × 8.40 = 84.00 (5.5 %)   C 2 × 12.50 = 25.00 (20 %)
DEUX_TAUX = {
    "lignes": [
        {"reference": "A", "quantite": "4", "prix_unitaire_ht": "25.00", "taux_tva": "20"},
        {"reference": "B", "quantite": "10", "prix_unitaire_ht": "8.40", "taux_tva": "5.5"},
        {"reference": "C", "quantite": "2", "prix_unitaire_ht": "12.50", "taux_tva": "20"},
    ],
    "reductions": [{"nature": "remise", "taux": "10"}, {"nature": "ristourne", "taux": "2"}],
    "frais_port_ht": "15.00",
    "taux_tva_port": "5.5",
    "acompte": "50.00",
}


def _codes(params, answer):
    return [d.code for d in facture.grade(params, answer).diagnostics]


def _verdicts(params, answer):
    return {c.champ: c for c in facture.grade(params, answer).champs}


def test_1_contract_worked_example_gives_488_46():
    s = facture.solve(facture.check_params(CONTRAT))
    # 10 × 45.00 = 450.00
    assert s["lignes"] == [{"reference": "CH-12", "montant_ht": "450.00"}]
    g = s["groupes"][0]
    assert g["montant_brut_ht"] == "450.00"
    # remise 450.00 × 10 % = 45.00 ; rabais (450.00 − 45.00) × 5 % = 20.25 (cascade)
    assert [r["montant"] for r in g["reductions"]] == ["45.00", "20.25"]
    # net commercial 450.00 − 45.00 − 20.25 = 384.75
    assert g["net_commercial"] == "384.75"
    # escompte 384.75 × 2 % = 7.695 → 7.70 (half a cent goes up) ; net financier 377.05
    assert (g["escompte"], g["net_financier"]) == ("7.70", "377.05")
    # total HT 377.05 + 30.00 = 407.05 ; TVA 407.05 × 20 % = 81.41 ; TTC 488.46
    assert s["total_ht"] == "407.05"
    assert s["tva"] == [{"taux": "20", "base": "407.05", "montant": "81.41"}]
    assert (s["total_ttc"], s["net_a_payer"]) == ("488.46", "488.46")
    assert s["total_reductions"] == "65.25" and s["acompte"] == "0.00"


def test_2_two_rates_port_on_the_reduced_rate_and_a_deposit():
    s = facture.solve(facture.check_params(DEUX_TAUX))
    g20, g55 = s["groupes"]
    # 20 %: brut 100.00 + 25.00 = 125.00 ; remise 12.50 → 112.50 ; ristourne 112.50 × 2 % = 2.25
    assert g20["taux_tva"] == "20" and g20["montant_brut_ht"] == "125.00"
    assert [r["montant"] for r in g20["reductions"]] == ["12.50", "2.25"]
    assert g20["net_commercial"] == g20["net_financier"] == "110.25"  # no escompte
    assert g20["escompte"] == "0.00"
    # 5.5 %: brut 84.00 ; remise 8.40 → 75.60 ; ristourne 75.60 × 2 % = 1.512 → 1.51 ; nc 74.09
    assert [r["montant"] for r in g55["reductions"]] == ["8.40", "1.51"]
    assert g55["net_financier"] == "74.09"
    # total HT 110.25 + 74.09 + 15.00 = 199.34
    assert s["total_ht"] == "199.34"
    # TVA 20 %: 110.25 × 20 % = 22.05 ; TVA 5.5 %: (74.09 + 15.00) × 5.5 % = 4.89995 → 4.90
    assert s["tva"] == [
        {"taux": "20", "base": "110.25", "montant": "22.05"},
        {"taux": "5.5", "base": "89.09", "montant": "4.90"},
    ]
    # total TVA 26.95 ; TTC 226.29 ; net à payer 226.29 − 50.00 = 176.29
    assert (s["total_tva"], s["total_ttc"], s["net_a_payer"]) == ("26.95", "226.29", "176.29")
    # reductions 12.50 + 2.25 + 8.40 + 1.51 = 24.66 ; brut 209.00 ; nc 184.34
    assert (s["montant_brut_ht"], s["total_reductions"], s["net_commercial"]) == (
        "209.00",
        "24.66",
        "184.34",
    )


def test_3_half_cent_on_a_reduction_and_a_rate_with_a_decimal():
    params = {
        "lignes": [
            {"reference": "X", "quantite": "7", "prix_unitaire_ht": "3.15", "taux_tva": "5.5"}
        ],
        "reductions": [{"nature": "remise", "taux": "10"}],
    }
    s = facture.solve(params)
    # 7 × 3.15 = 22.05 ; remise 2.205 → 2.21 (not 2.20) ; nc 19.84
    assert s["groupes"][0]["reductions"][0]["montant"] == "2.21"
    assert s["net_commercial"] == "19.84"
    # TVA 19.84 × 5.5 % = 1.0912 → 1.09 ; TTC 20.93
    assert (s["tva"][0]["montant"], s["total_ttc"]) == ("1.09", "20.93")
    # a student who cut the decimals (2.20) is told to round, not only that the amount is wrong
    answer = {"groupes": [{"reductions": [{"montant": "2.20"}]}]}
    assert _codes(params, answer) == ["ARRONDI_TRONQUE"]


def test_4_half_cent_on_the_vat_and_on_a_line():
    params = {
        "lignes": [
            {"reference": "A", "quantite": "2", "prix_unitaire_ht": "50.05", "taux_tva": "5.5"},
            {"reference": "B", "quantite": "3", "prix_unitaire_ht": "0.125", "taux_tva": "5.5"},
        ]
    }
    s = facture.solve(params)
    # 2 × 50.05 = 100.10 ; 3 × 0.125 = 0.375 → 0.38 ; brut 100.48 (no reduction)
    assert [ligne["montant_ht"] for ligne in s["lignes"]] == ["100.10", "0.38"]
    assert s["groupes"][0]["reductions"] == [] and s["net_commercial"] == "100.48"
    # TVA 100.48 × 5.5 % = 5.5264 → 5.53 ; TTC 106.01
    assert (s["tva"][0]["montant"], s["total_ttc"]) == ("5.53", "106.01")
    params["lignes"][1]["quantite"] = "1"  # 100.10 + 0.13 (0.125 → 0.13) = 100.23
    s = facture.solve(params)
    # 100.23 × 5.5 % = 5.51265 → 5.51
    assert (s["lignes"][1]["montant_ht"], s["tva"][0]["montant"]) == ("0.13", "5.51")


def test_5_exact_half_cent_on_the_vat_goes_up():
    params = {
        "lignes": [
            {"reference": "A", "quantite": "1", "prix_unitaire_ht": "100.05", "taux_tva": "10"}
        ]
    }
    # 100.05 × 10 % = 10.005 → 10.01 ; TTC 110.06. Truncated, 10.00 is named ARRONDI_TRONQUE.
    s = facture.solve(params)
    assert (s["tva"][0]["montant"], s["total_ttc"]) == ("10.01", "110.06")
    assert _codes(params, {"tva": [{"taux": "10", "montant": "10.00"}]}) == ["ARRONDI_TRONQUE"]


def test_6_reductions_added_instead_of_chained_and_the_rest_carried_forward():
    # rabais on the brut: 450.00 × 5 % = 22.50 (instead of 20.25);
    # then nc 450.00 − 45.00 − 22.50 = 382.50 and escompte 382.50 × 2 % = 7.65: right on it.
    answer = {
        "groupes": [
            {
                "taux_tva": "20",
                "montant_brut_ht": "450.00",
                "reductions": [{"montant": "45.00"}, {"montant": "22.50"}],
                "net_commercial": "382.50",
                "escompte": "7.65",
                "net_financier": "374.85",
            }
        ],
        "total_ht": "404.85",
    }
    verdicts = _verdicts(CONTRAT, answer)
    assert not verdicts["groupes.0.reductions.1.montant"].correct
    assert "cascade" in verdicts["groupes.0.reductions.1.montant"].message
    for champ in ("groupes.0.net_commercial", "groupes.0.escompte", "total_ht"):
        assert verdicts[champ].correct and "erreur reportée" in verdicts[champ].message
    assert _codes(CONTRAT, answer) == ["REDUCTIONS_ADDITIONNEES"]
    # 7 fields, 6 credited
    assert facture.grade(CONTRAT, answer).score == Decimal("0.8571")


def test_7_a_wrong_net_commercial_then_the_escompte_right_on_it_earns_credit():
    # the contract's own example of error carried forward: nc 390.00 (wrong), 390.00 × 2 % = 7.80
    answer = {"groupes": [{"net_commercial": "390.00", "escompte": "7.80"}]}
    verdicts = _verdicts(CONTRAT, answer)
    assert not verdicts["groupes.0.net_commercial"].correct
    assert verdicts["groupes.0.escompte"].correct
    assert "7,70" in verdicts["groupes.0.escompte"].message  # the right figure is still shown
    assert facture.grade(CONTRAT, answer).score == Decimal("0.5")


def test_8_escompte_on_the_ttc_or_on_the_brut():
    # TTC before escompte: (384.75 + 30.00) = 414.75 ; + TVA 82.95 = 497.70 ; × 2 % = 9.954 → 9.95
    assert _codes(CONTRAT, {"escompte": "9.95"}) == ["ESCOMPTE_SUR_TTC"]
    # or on the TTC of the goods alone: 384.75 + 76.95 = 461.70 ; × 2 % = 9.234 → 9.23
    assert _codes(CONTRAT, {"escompte": "9.23"}) == ["ESCOMPTE_SUR_TTC"]
    # on the brut: 450.00 × 2 % = 9.00
    assert _codes(CONTRAT, {"groupes": [{"escompte": "9,00"}]}) == ["ESCOMPTE_SUR_BRUT"]


def test_9_port_reduced_with_the_goods():
    # brut with the port 480.00 ; remise 48.00 ; rabais 432.00 × 5 % = 21.60 ; nc 410.40
    answer = {
        "groupes": [
            {
                "montant_brut_ht": "480.00",
                "reductions": [{"montant": "48.00"}, {"montant": "21.60"}],
                "net_commercial": "410.40",
            }
        ],
        "total_ht": "402.19",  # 410.40 − 8.21 escompte, port not added again
    }
    verdicts = _verdicts(CONTRAT, answer)
    assert verdicts["groupes.0.reductions.1.montant"].correct  # cascade right on its own brut
    assert _codes(CONTRAT, answer) == ["PORT_REDUIT"]  # not also « port oublié »


def test_10_port_out_of_the_vat_base_or_forgotten():
    # base 377.05 (no port) ; 377.05 × 20 % = 75.41, right on that base ; TTC 407.05 + 75.41
    answer = {"tva": [{"base": "377.05", "montant": "75.41"}], "total_ttc": "482.46"}
    verdicts = _verdicts(CONTRAT, answer)
    assert verdicts["tva.0.montant"].correct and verdicts["total_ttc"].correct
    assert _codes(CONTRAT, answer) == ["PORT_HORS_BASE_TVA"]
    assert _codes(CONTRAT, {"total_ht": "377.05"}) == ["PORT_OUBLIE"]


def test_11_vat_before_the_reductions_or_before_the_escompte():
    # on the brut: (450.00 + 30.00) × 20 % = 96.00
    assert _codes(CONTRAT, {"tva": [{"montant": "96.00"}]}) == ["TVA_AVANT_REDUCTIONS"]
    # on the net commercial: (384.75 + 30.00) × 20 % = 82.95
    assert _codes(CONTRAT, {"tva": [{"base": "414.75"}]}) == ["TVA_AVANT_ESCOMPTE"]


def test_12_deposit_not_deducted_and_one_rate_for_all_goods():
    assert _codes(DEUX_TAUX, {"net_a_payer": "226.29"}) == ["ACOMPTE_NON_DEDUIT"]
    # the 5.5 % base taxed at 20 %: 89.09 × 20 % = 17.818 → 17.82
    answer = {"tva": [{"taux": "5.5", "base": "89.09", "montant": "17.82"}]}
    assert _codes(DEUX_TAUX, answer) == ["TAUX_TVA_MELANGES"]


def test_13_rows_are_matched_by_rate_whatever_their_order():
    answer = {
        "tva": [
            {"taux": "5,5", "base": "89.09", "montant": "4.90"},
            {"taux": "20", "base": "110.25", "montant": "22.05"},
        ]
    }
    assert facture.grade(DEUX_TAUX, answer).score == 1


def test_14_french_writing_is_read_and_bad_writing_is_explained():
    answer = {"total_ttc": "488,46 €", "total_ht": "407.05\u00a0", "net_a_payer": "488,461"}
    verdicts = _verdicts(CONTRAT, answer)
    assert verdicts["total_ttc"].correct and verdicts["total_ht"].correct
    assert "deux décimales" in verdicts["net_a_payer"].message
    # « 488.461 »: 488 461 € or 488,46 € ? Refused as ambiguous, both writings given.
    assert "ambigu" in _verdicts(CONTRAT, {"net_a_payer": "488.461"})["net_a_payer"].message
    assert _verdicts(CONTRAT, {"total_ttc": ""})["total_ttc"].message == "Champ non rempli."
    # an absent field is not graded
    assert set(_verdicts(CONTRAT, {"total_ttc": "488.46"})) == {"total_ttc"}


def test_15_only_the_document_body_proves_a_competency():
    answer = {
        "groupes": [{"net_commercial": "384.75"}],
        "total_ttc": "1.00",
        "net_a_payer": "488.46",
    }
    grade = facture.grade(CONTRAT, answer)
    # 1.2.2 on the body: the net commercial is right; the totals count in the score only
    assert grade.competences == [("1.2.2", Decimal("1.0000"))]
    assert grade.score == Decimal("0.6667")  # total_ttc wrong: 2 right of 3 fields graded
    assert facture.grade(CONTRAT, {"total_ttc": "488.46"}).competences == []
