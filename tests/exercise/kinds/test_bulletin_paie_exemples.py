"""bulletin_paie: worked examples computed by hand (comments show each step), rounding edges,
error carried forward, and the cross-check against OpenFisca-France's figures."""

from __future__ import annotations

from decimal import Decimal

import pytest

from agora.content.baremes import load_bareme
from agora.exercise.kinds.bulletin_paie import KIND as bp

VIEILLESSE_PLAF = {"libelle": "Assurance vieillesse plafonnée", "assiette": "tranche_a",
                   "taux_salarial": "6.90", "taux_patronal": "8.55", "deductible": True}  # fmt: skip
CSG_DED = {"libelle": "CSG déductible", "assiette": "csg_crds", "taux_salarial": "6.80",
           "taux_patronal": "0", "deductible": True}  # fmt: skip
CSG_NON_DED = {"libelle": "CSG non déductible", "assiette": "csg_crds", "taux_salarial": "2.40",
               "taux_patronal": "0", "deductible": False}  # fmt: skip
CRDS = {"libelle": "CRDS", "assiette": "csg_crds", "taux_salarial": "0.50",
        "taux_patronal": "0", "deductible": False}  # fmt: skip
MUTUELLE = {"libelle": "Complémentaire santé", "assiette": "forfait", "montant_salarial": "24.00",
            "montant_patronal": "24.00", "deductible": True, "patronal_assiette_csg": True,
            "patronal_imposable": True}  # fmt: skip


def params(**changes) -> dict:
    base = {
        "salarie": {"nom": "Test", "statut": "non_cadre", "emploi": "Employé"},
        "taux_horaire": "13.20",
        "heures_mensuelles": "151.67",
        "heures_sup_25": "4",
        "heures_sup_50": "0",
        "absence_heures": "0",
        "primes": [{"libelle": "Prime d'ancienneté", "montant": "60.00"}],
        "avantages_nature": [],
        "pmss": "4005.00",
        "cotisations": [VIEILLESSE_PLAF, CSG_DED, CSG_NON_DED, CRDS, MUTUELLE],
        "taux_pas": "4.5",
        "remboursement_transport": "0.00",
    }
    base.update(changes)
    return base


def lignes_bareme(statut: str = "non_cadre", effectif: int = 10) -> list[dict]:
    return [
        {
            "libelle": lc.libelle,
            "assiette": lc.assiette,
            "taux_salarial": str(lc.taux_salarial),
            "taux_patronal": str(lc.taux_patronal),
            "deductible": lc.deductible,
        }
        for lc in load_bareme(2026).cotisations_pour(statut, effectif)
    ]


def test_exemple_du_contrat():
    # base = 13,20 × 151,67 = 2 002,044 -> 2 002,04 ; HS = 4 × 13,20 × 1,25 = 66,00
    # brut = 2 002,04 + 66,00 + 60,00 = 2 128,04
    # vieillesse plafonnée (TA = brut) : 6,90 % -> 146,83476 -> 146,83 ; 8,55 % -> 181,94742 -> 181,95
    # base CSG = round(2 128,04 × 98,25 %) + 24,00 = 2 090,80 + 24,00 = 2 114,80
    # CSG déd 143,8064 -> 143,81 ; CSG non déd 50,7552 -> 50,76 ; CRDS 10,574 -> 10,57
    # total salarial = 146,83 + 143,81 + 50,76 + 10,57 + 24,00 = 375,97 ; patronal = 205,95
    # net imposable = 2 128,04 − (146,83 + 143,81 + 24,00) + 24,00 = 1 837,40
    # net avant impôt = 2 128,04 − 375,97 = 1 752,07 ; PAS = 1 837,40 × 4,5 % = 82,683 -> 82,68
    s = bp.solve(params())
    assert s["salaire_base"] == "2002.04"
    assert s["montant_hs_25"] == "66.00"
    assert s["salaire_brut"] == "2128.04"
    assert [c["base"] for c in s["cotisations"]] == [
        "2128.04",
        "2114.80",
        "2114.80",
        "2114.80",
        None,
    ]
    assert s["cotisations"][0]["montant_salarial"] == "146.83"
    assert s["cotisations"][0]["montant_patronal"] == "181.95"
    assert [c["montant_salarial"] for c in s["cotisations"][1:4]] == ["143.81", "50.76", "10.57"]
    assert s["total_salarial"] == "375.97"
    assert s["total_patronal"] == "205.95"
    assert s["net_imposable"] == "1837.40"
    assert s["net_avant_impot"] == "1752.07"
    assert s["prelevement_source"] == "82.68"
    assert s["net_a_payer"] == "1669.39"
    assert s["cout_employeur"] == "2333.99"


# OpenFisca-France, January 2026, non-cadre, 10 employees, no mutuelle (see
# shared/spec/bareme-2026-sources.md). Brut = taux × 100 h so the brut is exact.
@pytest.mark.parametrize(
    ("taux", "net_openfisca", "net_agora"),
    [
        # 1 900 : 131,10 + 7,60 + 59,85 + 16,34 + 126,94 + 44,80 + 9,33 = 395,96 -> 1 504,04
        ("19.00", "1504.04", "1504.04"),
        # 2 200 : 151,80 + 8,80 + 69,30 + 18,92 + 146,98 + 51,88 + 10,81 = 458,49 -> 1 741,51
        ("22.00", "1741.51", "1741.51"),
        # 3 500 : 241,50 + 14,00 + 110,25 + 30,10 + 233,84 + 82,53 + 17,19 = 729,41 -> 2 770,59
        ("35.00", "2770.59", "2770.59"),
        # 5 000 (above the PMSS): TA 4 005 -> 276,35 + 126,16 + 34,44 ; déplafonnée 20,00 ;
        # T2 995 -> 85,97 + 10,75 ; CSG base 4 912,50 -> 334,05 + 117,90 + 24,56 : total 1 030,18
        # -> 3 969,82. OpenFisca says 3 962,82: the 7,00 € gap is the CET (0,14 % × 5 000), due
        # above the PMSS, which our barème does not carry yet. Not fudged.
        ("50.00", "3962.82", "3969.82"),
    ],
)
def test_recoupement_openfisca(taux, net_openfisca, net_agora):
    p = params(taux_horaire=taux, heures_mensuelles="100", heures_sup_25="0", primes=[],
               cotisations=lignes_bareme(), taux_pas="0")  # fmt: skip
    s = bp.solve(p)
    assert s["net_avant_impot"] == net_agora
    ecart = Decimal(net_agora) - Decimal(net_openfisca)
    assert ecart == (Decimal(0) if taux != "50.00" else Decimal("7.00"))


def test_tranches_au_dessus_du_pmss():
    # brut 5 000 : TA = 4 005,00 ; TA+TB = 5 000,00 ; T2 = 5 000 − 4 005 = 995,00
    p = params(taux_horaire="50.00", heures_mensuelles="100", heures_sup_25="0", primes=[],
               cotisations=lignes_bareme(), taux_pas="0")  # fmt: skip
    s = bp.solve(p)
    bases = {c["libelle"]: c["base"] for c in s["cotisations"]}
    assert bases["Assurance vieillesse plafonnée"] == "4005.00"
    assert bases["Assurance chômage"] == "5000.00"
    assert bases["Retraite complémentaire AGIRC-ARRCO tranche 2"] == "995.00"
    assert bases["CSG déductible"] == "4912.50"


def test_arrondi_demi_centime_heures_supplementaires():
    # 1 h × 12,02 × 1,25 = 15,025 -> 15,03 (half up; banker's rounding would give 15,02)
    # 1 h × 12,03 × 1,50 = 18,045 -> 18,05
    assert bp.solve(params(taux_horaire="12.02", heures_sup_25="1"))["montant_hs_25"] == "15.03"
    s = bp.solve(params(taux_horaire="12.03", heures_sup_25="0", heures_sup_50="1"))
    assert s["montant_hs_50"] == "18.05"


def test_arrondi_demi_centime_base_csg():
    # brut 2 002,00 (20,02 × 100 h) : 2 002,00 × 98,25 % = 1 966,965 -> 1 966,97
    # CSG déd 1 966,97 × 6,80 % = 133,75396 -> 133,75 ; CRDS × 0,50 % = 9,83485 -> 9,83
    p = params(taux_horaire="20.02", heures_mensuelles="100", heures_sup_25="0", primes=[],
               cotisations=[CSG_DED, CRDS])  # fmt: skip
    s = bp.solve(p)
    assert s["cotisations"][0]["base"] == "1966.97"
    assert s["cotisations"][0]["montant_salarial"] == "133.75"
    assert s["cotisations"][1]["montant_salarial"] == "9.83"


def test_arrondi_demi_centime_sur_une_ligne():
    # brut 1 001,25 (prime seule) ; vieillesse déplafonnée 0,40 % = 4,005 -> 4,01
    ligne = {"libelle": "Assurance vieillesse déplafonnée", "assiette": "brut",
             "taux_salarial": "0.40", "taux_patronal": "2.11", "deductible": True}  # fmt: skip
    p = params(taux_horaire="0", heures_sup_25="0", cotisations=[ligne],
               primes=[{"libelle": "Prime", "montant": "1001.25"}])  # fmt: skip
    s = bp.solve(p)
    assert s["salaire_brut"] == "1001.25"
    assert s["cotisations"][0]["montant_salarial"] == "4.01"
    # 1 001,25 × 2,11 % = 21,126375 -> 21,13
    assert s["cotisations"][0]["montant_patronal"] == "21.13"


def test_absence_avantage_nature_et_transport():
    # base 15,00 × 151,67 = 2 275,05 ; retenue 15,00 × 7 = 105,00 ; repas 5 × 5,50 = 27,50
    # brut = 2 275,05 − 105,00 + 27,50 = 2 197,55
    # vieillesse plafonnée : 151,63095 -> 151,63 et 187,890525 -> 187,89
    # base CSG = 2 197,55 × 98,25 % = 2 159,092875 -> 2 159,09 ; CSG déd 146,81812 -> 146,82 ;
    # CRDS 10,79545 -> 10,80
    # total salarial 309,25 ; net imposable = 2 197,55 − 146,82 − 151,63 = 1 899,10
    # net avant impôt = 2 197,55 − 309,25 − 27,50 + 40,00 = 1 900,80 ; coût = 2 385,44
    p = params(taux_horaire="15.00", heures_sup_25="0", absence_heures="7", primes=[],
               avantages_nature=[{"libelle": "Repas", "montant": "27.50"}],
               remboursement_transport="40.00", taux_pas="0",
               cotisations=[VIEILLESSE_PLAF, CSG_DED, CRDS])  # fmt: skip
    s = bp.solve(p)
    assert (s["salaire_base"], s["retenue_absence"], s["salaire_brut"]) == (
        "2275.05",
        "105.00",
        "2197.55",
    )
    assert [c["montant_salarial"] for c in s["cotisations"]] == ["151.63", "146.82", "10.80"]
    assert s["total_salarial"] == "309.25"
    assert s["net_imposable"] == "1899.10"
    assert s["net_avant_impot"] == "1900.80"
    assert s["net_a_payer"] == "1900.80"
    assert s["cout_employeur"] == "2385.44"


def test_erreur_reportee_depuis_un_brut_faux():
    # The student forgets the prime: brut 2 068,04 instead of 2 128,04. Every line computed
    # right on 2 068,04 earns its credit: TA 2 068,04 × 6,90 % = 142,69476 -> 142,69.
    p = params()
    brut = Decimal("2068.04")
    csg = (brut * Decimal("0.9825")).quantize(Decimal("0.01")) + 24  # 2 031,85 + 24 = 2 055,85
    answer = {
        "salaire_brut": "2068,04",
        "cotisations": [
            {"base": "2068.04", "montant_salarial": "142.69", "montant_patronal": "176.82"},
            {"base": str(csg), "montant_salarial": "139.80"},  # 2 055,85 × 6,80 % = 139,7978
        ],
    }
    g = bp.grade(p, answer)
    verdicts = {c.champ: c for c in g.champs}
    assert not verdicts["salaire_brut"].correct
    assert all(c.correct for name, c in verdicts.items() if name != "salaire_brut")
    assert "erreur reportée" in verdicts["cotisations.0.montant_salarial"].message
    assert "PRIME_OUBLIEE" in {d.code for d in g.diagnostics}
    assert g.score == Decimal("0.8333")  # 5 fields right out of 6


def test_csg_sur_brut_et_mutuelle_oubliee_sont_nommees():
    p = params()
    # CSG on 100 % of brut: 2 128,04 ; without the employer's forfait: 2 090,80
    g = bp.grade(p, {"cotisations": [{}, {"base": "2128.04"}, {"base": "2090.80"}]})
    codes = {d.code for d in g.diagnostics}
    assert {"CSG_SUR_BRUT", "CSG_SANS_PATRONAL_MUTUELLE"} <= codes
    assert g.score == 0


def test_tranche_a_non_plafonnee_et_taux_inverses():
    p = params(taux_horaire="50.00", heures_mensuelles="100", heures_sup_25="0", primes=[])
    # brut 5 000 : the plafonnée line on 5 000 instead of 4 005 ; then swapped rates on 4 005:
    # 4 005 × 8,55 % = 342,4275 -> 342,43 as salarial, 4 005 × 6,90 % = 276,345 -> 276,35
    g = bp.grade(p, {"cotisations": [{"base": "5000"}]})
    assert "TRANCHE_A_NON_PLAFONNEE" in {d.code for d in g.diagnostics}
    g = bp.grade(p, {"cotisations": [{"montant_salarial": "342.43", "montant_patronal": "276.35"}]})
    assert "TAUX_SALARIAL_PATRONAL_INVERSES" in {d.code for d in g.diagnostics}
    assert g.score == 0


def test_net_pas_et_cout_employeur_mal_calcules():
    p = params()
    answer = {
        # the non-deductible CSG and CRDS deducted too: 1 837,40 − 50,76 − 10,57 = 1 776,07
        "net_imposable": "1776.07",
        # PAS on the net avant impôt: 1 752,07 × 4,5 % = 78,84315 -> 78,84
        "prelevement_source": "78.84",
        "cout_employeur": "2128.04",
    }
    g = bp.grade(p, answer)
    codes = {d.code for d in g.diagnostics}
    assert {
        "NET_IMPOSABLE_SANS_CSG_NON_DEDUCTIBLE",
        "PAS_SUR_NET_A_PAYER",
        "COUT_EMPLOYEUR_SANS_PATRONALES",
    } <= codes
    # PAS on the student's own net imposable 1 776,07 × 4,5 % = 79,92315 -> 79,92: credited
    g = bp.grade(p, {"net_imposable": "1776.07", "prelevement_source": "79.92"})
    assert [c.correct for c in g.champs] == [False, True]


def test_heures_supplementaires_mauvais_taux_et_absence_non_deduite():
    p = params(absence_heures="7")
    # 4 h × 13,20 without majoration = 52,80 ; brut with the absence kept: 2 128,04 (its
    # correct value is 2 128,04 − 92,40 = 2 035,64)
    g = bp.grade(
        p, {"montant_hs_25": "52.80", "retenue_absence": "92.40", "salaire_brut": "2128.04"}
    )
    codes = {d.code for d in g.diagnostics}
    assert {"HS_MAUVAIS_TAUX", "ABSENCE_NON_DEDUITE"} <= codes
    assert g.competences == [("3.2.4", Decimal("0.3333"))]
    # on the student's own overtime: 2 002,04 + 52,80 + 60,00 = 2 114,84, absence kept
    g = bp.grade(p, {"montant_hs_25": "52.80", "salaire_brut": "2114.84"})
    assert {"HS_MAUVAIS_TAUX", "ABSENCE_NON_DEDUITE"} <= {d.code for d in g.diagnostics}
