"""journal_paie with benefits in kind: hand-checked entries (the calculation in comments, own
computation; the treatment of docs/exercices/journal_paie.md: the benefit stays in the gross pay
at 641, the net à payer at 421 is net of it, it is neutralised at 708, or 7088, 791 or the
charge account its nature reverses), the named errors and the errors carried forward, and the
restaurant's payslip (HCR meals at the minimum garanti) carried from « La clôture de la paie du
mois »."""

from __future__ import annotations

import pytest
from tests.exercise.kinds.test_journal_paie import (
    KIND,
    LEA,
    champ,
    codes,
    ecriture,
    ligne,
    lignes,
    reponse,
)
from tests.exercise.kinds.test_journal_paie import paie as paie_de_mars

from agora.company import generate_company
from agora.errors import InvalidInput
from agora.exercise.kinds.journal_paie.generate import reprendre, resume
from agora.exercise.registry import get_kind

PAYSLIP = get_kind("bulletin_paie")
RESTAURANT = 9  # generate_company(9): « Chez Sabine Leconte », HCR (IDCC 1979)


# Own computation. Samia, commis in a restaurant, brut 2 000,00 € of which 18 meals at the
# minimum garanti 2026 (4,25 €): 18 × 4,25 = 76,50 € of benefit in kind.
# Vieillesse plafonnée 6,90 % = 138,00 / 8,55 % = 171,00 ; maladie 13 % = 260,00 (employer) ;
# AGIRC-ARRCO T1 3,15 % = 63,00 / 4,72 % = 94,40 ; CSG déductible 6,80 % × 1 965,00 = 133,62.
# Employee 334,62 ; employer 525,40. Net avant impôt 2 000,00 − 334,62 − 76,50 (not paid)
# = 1 588,88 ; PAS 36,52 ; net à payer 1 552,36.
SAMIA = {
    "salarie": "Samia Haddad",
    "salaire_brut": "2000.00",
    "cotisations": LEA["cotisations"],  # same gross pay, same rates as Léa's
    "net_avant_impot": "1588.88",
    "prelevement_source": "36.52",
    "net_a_payer": "1552.36",
    "avantages_nature": [{"libelle": "Avantage en nature repas", "montant": "76.50"}],
}
# Noé, restaurant manager, housed and fed: brut 2 400,00 € with a housing benefit of 162,80 €
# and 20 meals × 4,25 = 85,00 €. Vieillesse plafonnée 2 400 × 6,90 % = 165,60 / × 8,55 % =
# 205,20 ; AGIRC-ARRCO T1 × 3,15 % = 75,60 / × 4,72 % = 113,28. Employee 241,20 ; employer
# 318,48. Net avant impôt 2 400,00 − 241,20 − 162,80 − 85,00 = 1 911,00 ; PAS 48,40 ;
# net à payer 1 862,60.
NOE = {
    "salarie": "Noé Garnier",
    "salaire_brut": "2400.00",
    "cotisations": [
        ligne("Assurance vieillesse plafonnée", "urssaf", "165.60", "205.20"),
        ligne(
            "Retraite complémentaire AGIRC-ARRCO tranche 1",
            "retraite_complementaire",
            "75.60",
            "113.28",
        ),
    ],
    "net_avant_impot": "1911.00",
    "prelevement_source": "48.40",
    "net_a_payer": "1862.60",
    "avantages_nature": [
        {"libelle": "Avantage en nature logement", "montant": "162.80"},
        {"libelle": "Avantage en nature repas", "montant": "85.00"},
    ],
}


def paie(*bulletins: dict, periode: str = "2026-03", effectif: int = 8) -> dict:
    return paie_de_mars(*bulletins, periode=periode, effectif=effectif, date_paie=f"{periode}-31")


def test_a_meal_benefit_stays_in_641_and_is_neutralised_at_708():
    # 431 = (138,00 + 0 + 133,62) + (171,00 + 260,00) = 702,62 ; 437 = 63,00 + 94,40 = 157,40.
    # Debits 2 000,00 + 525,40 = 2 525,40 ; credits 702,62 + 157,40 + 36,52 + 76,50 +
    # 1 552,36 = 2 525,40.
    p = paie(SAMIA)
    assert ecriture(p) == [
        ("641", "2000.00", "0.00"),
        ("645", "525.40", "0.00"),
        ("431", "0.00", "702.62"),
        ("437", "0.00", "157.40"),
        ("4421", "0.00", "36.52"),
        ("708", "0.00", "76.50"),
        ("421", "0.00", "1552.36"),
    ]
    # The salaries paid: the net à payer only, the meals were never money.
    virement = KIND.solve(p)["reglement"][0]
    assert (virement["compte"], virement["debit"]) == ("421", "1552.36")
    assert KIND.grade(p, reponse(p)).score == 1


def test_two_payslips_with_housing_and_meals():
    # 641 = 2 000,00 + 2 400,00 = 4 400,00 ; 645 = 525,40 + 318,48 = 843,88 ;
    # 431 = 702,62 + 165,60 + 205,20 = 1 073,42 ; 437 = 157,40 + 75,60 + 113,28 = 346,28 ;
    # 4421 = 36,52 + 48,40 = 84,92 ; 708 = 76,50 + 162,80 + 85,00 = 324,30 ;
    # 421 = 1 552,36 + 1 862,60 = 3 414,96. Debits 5 243,88 = credits 1 073,42 + 346,28 +
    # 84,92 + 324,30 + 3 414,96.
    p = paie(SAMIA, NOE)
    assert ecriture(p) == [
        ("641", "4400.00", "0.00"),
        ("645", "843.88", "0.00"),
        ("431", "0.00", "1073.42"),
        ("437", "0.00", "346.28"),
        ("4421", "0.00", "84.92"),
        ("708", "0.00", "324.30"),
        ("421", "0.00", "3414.96"),
    ]
    montants = {o: v["montant"] for o, v in KIND.solve(p)["organismes"].items()}
    assert montants == {
        "urssaf": "1073.42",
        "retraite_complementaire": "346.28",
        "dgfip": "84.92",
    }


@pytest.mark.parametrize(
    ("compte", "juste"),
    [
        ("708", True),
        ("7088", True),
        ("708800", True),
        ("791", True),  # transferts de charges, in the textbooks written before the 2025 PCG
        ("601", True),  # the meals' purchases reversed
        ("607", True),
        ("6132", True),  # the housing's rent reversed
        ("6135", False),  # a vehicle: no vehicle here
        ("758", False),
        ("421", False),
    ],
)
def test_the_accounts_textbooks_accept_for_the_neutralisation(compte, juste):
    p = paie(SAMIA, NOE)
    rows = [
        r | {"compte": compte} if r["compte"] == "708" else r for r in KIND.solve(p)["ecriture"]
    ]
    assert (KIND.grade(p, reponse(p, ecriture=rows)).score == 1) is juste


def test_a_vehicle_benefit_reverses_the_vehicle_rent():
    voiture = SAMIA | {
        "avantages_nature": [{"libelle": "Avantage en nature véhicule", "montant": "76.50"}]
    }
    p = paie(voiture)
    rows = [
        r | {"compte": "6135"} if r["compte"] == "708" else r for r in KIND.solve(p)["ecriture"]
    ]
    assert KIND.grade(p, reponse(p, ecriture=rows)).score == 1
    rows = [r | {"compte": "601"} if r["compte"] == "708" else r for r in KIND.solve(p)["ecriture"]]
    assert not champ(p, reponse(p, ecriture=rows), "ecriture.5.compte").correct


def test_with_an_advance():
    # Samia asked for 400,00 on the 15th: 425 C 400,00 ; 421 = 1 552,36 − 400,00 = 1 152,36.
    p = paie(SAMIA | {"acompte": "400.00"})
    assert ecriture(p)[-3:] == [
        ("425", "0.00", "400.00"),
        ("708", "0.00", "76.50"),
        ("421", "0.00", "1152.36"),
    ]


def test_the_benefit_forgotten_in_the_gross_pay():
    # 641 = 2 000,00 − 76,50 = 1 923,50 and no 708 row: balanced, but the salary charge is short.
    p = paie(SAMIA)
    rows = lignes(
        ("641", "1923.50", ""),
        ("645", "525.40", ""),
        ("431", "", "702.62"),
        ("437", "", "157.40"),
        ("4421", "", "36.52"),
        ("421", "", "1552.36"),
    )
    answer = reponse(p, ecriture=rows)
    assert codes(p, answer) == {"AVANTAGE_OUBLIE_AU_BRUT"}
    assert champ(p, answer, "ecriture.0.debit").message.startswith("L'avantage en nature est")


def test_the_benefit_paid_in_cash_and_the_transfer_carried_forward():
    # 421 = 1 552,36 + 76,50 = 1 628,86, no 708 row; the transfer of that 421 earns its credit.
    p = paie(SAMIA)
    rows = lignes(
        ("641", "2000.00", ""),
        ("645", "525.40", ""),
        ("431", "", "702.62"),
        ("437", "", "157.40"),
        ("4421", "", "36.52"),
        ("421", "", "1628.86"),
    )
    virement = lignes(("421", "1628.86", ""), ("512", "", "1628.86"))
    answer = reponse(p, ecriture=rows, reglement=virement)
    assert codes(p, answer) == {"AVANTAGE_VERSE_EN_ESPECES"}
    assert not champ(p, answer, "ecriture.5.credit").correct
    assert champ(p, answer, "reglement.0.debit").correct
    assert "erreur reportée" in champ(p, answer, "reglement.0.debit").message


def test_the_benefit_neutralised_on_641():
    p = paie(SAMIA)
    rows = [r | {"compte": "641"} if r["compte"] == "708" else r for r in KIND.solve(p)["ecriture"]]
    answer = reponse(p, ecriture=rows)
    assert codes(p, answer) == {"AVANTAGE_NEUTRALISE_EN_641"}
    assert champ(p, answer, "ecriture.5.compte").message.startswith("Le compte 641 garde")


def test_a_payslip_whose_net_does_not_deduct_the_benefit_is_refused():
    with pytest.raises(InvalidInput, match="avantages en nature"):
        KIND.check_params(paie(SAMIA | {"net_avant_impot": "1665.38"}))


def test_the_restaurant_payslip_is_carried_with_its_meals():
    # « La clôture de la paie du mois », step 1 in a restaurant: bulletin_paie level 2 feeds
    # the staff (HCR), meals at the minimum garanti; step 3 records that very payslip.
    org = generate_company(RESTAURANT)
    assert org.convention_collective.idcc == "1979"
    source = PAYSLIP.generate(RESTAURANT, 2, org, {"mois": "mai"}).params
    (repas,) = source["avantages_nature"]
    variant = reprendre(RESTAURANT, 2, org, {"mois": "mai"}, {"bulletin_paie": source})
    p = variant.params
    assert p["bulletins"][0] == resume(source)
    assert p["bulletins"][0]["avantages_nature"] == [repas]
    assert "étape précédente" in variant.enonce and repas["libelle"] in variant.enonce
    solution = KIND.solve(p)
    total = sum(float(a["montant"]) for b in p["bulletins"] for a in b.get("avantages_nature", []))
    (neutralisation,) = [r for r in solution["ecriture"] if r["compte"] == "708"]
    assert float(neutralisation["credit"]) == pytest.approx(total)
    assert KIND.grade(p, reponse(p)).score == 1


def test_a_payslip_without_benefit_keeps_its_summary():
    # Outside a restaurant, the summary has no avantages_nature key: stored params unchanged.
    org = generate_company(3)
    source = PAYSLIP.generate(3, 2, org, {"mois": "mai"}).params
    assert source["avantages_nature"] == []
    assert "avantages_nature" not in resume(source)
