"""The budget_tresorerie kind, beyond the shared contract: hand-checked budgets (each computed
step by step in the comments; source: our own computation on the method of
docs/exercices/budget_tresorerie.md), the half-cent rounding of TTC amounts and instalments, the
VAT credit, the decision rule of the remedy, the named wrong methods, errors carried forward,
what each level puts in the exercise, and refused params."""

from __future__ import annotations

import copy
import re
from decimal import Decimal

import pytest
from tests.exercise.tirages import variantes

from agora.company import generate_company
from agora.content.secteurs import secteur_codes
from agora.errors import InvalidInput
from agora.exercise.fields import MONTANT
from agora.exercise.kinds.budget_tresorerie import KIND
from agora.exercise.kinds.budget_tresorerie.answer import TENSION
from agora.exercise.kinds.budget_tresorerie.grade import _ecrit
from agora.exercise.kinds.budget_tresorerie.params import tranches, ttc


def vente(mois, ht, parts=("0", "100"), taux="20"):
    return {
        "libelle": "Ventes",
        "mois": mois,
        "montant_ht": ht,
        "taux_tva": taux,
        "parts": list(parts),
    }


def achat(mois, ht, delai=1, taux="20"):
    return {"libelle": "Achats", "mois": mois, "montant_ht": ht, "taux_tva": taux, "delai": delai}


# Case A, a small company over three months (April to June 2026), sales at 30 days, purchases
# at 30 days, VAT at 20 %:
# sales HT: March 1 000 (TTC 1 200, collected in April), April 2 000 (2 400 in May), May 1 500
#   (1 800 in June), June 3 000 (after the budget);
# purchases HT: March 500 (600 paid in April), April 800 (960 in May), May 700 (840 in June);
# VAT paid: April = March's 200 − 100 = 100; May = April's 400 − 160 = 240; June = May's
#   300 − 140 = 160;
# payroll: net 1 000 each month; social charges of March 600 (paid April), April 650 (May),
#   May 620 (June); fixed charges 300 a month.
# April: receipts 1 200; payments 600 + 1 000 + 600 + 100 + 300 = 2 600; net −1 400;
#   cash 5 000 → 3 600.
# May: receipts 2 400; payments 960 + 1 000 + 650 + 240 + 300 = 3 150; net −750; 3 600 → 2 850.
# June: receipts 1 800; payments 840 + 1 000 + 620 + 160 + 300 = 2 920; net −1 120;
#   2 850 → 1 730.
CAS_A = {
    "organisation": {"nom": "Menuiserie Martin", "statut": "entreprise"},
    "mois": ["2026-04", "2026-05", "2026-06"],
    "tresorerie_initiale": "5000.00",
    "seuil": "0.00",
    "decouvert_maximum": "3000.00",
    "assujetti_tva": True,
    "ventes": [vente(-1, "1000"), vente(0, "2000"), vente(1, "1500"), vente(2, "3000")],
    "achats": [achat(-1, "500"), achat(0, "800"), achat(1, "700"), achat(2, "400")],
    "salaires": [
        {"mois": -1, "net": "1000", "charges": "600"},
        {"mois": 0, "net": "1000", "charges": "650"},
        {"mois": 1, "net": "1000", "charges": "620"},
        {"mois": 2, "net": "1000", "charges": "610"},
    ],
    "charges_fixes": {"libelle": "Loyer et assurance", "montant": "300"},
    "emprunt": "0",
    "investissement": None,
    "subvention": None,
}


def cas(**changes) -> dict:
    params = copy.deepcopy(CAS_A)
    params.update(changes)
    return params


def test_case_a_month_by_month():
    solution = KIND.solve(CAS_A)
    avril, mai, juin = solution["mois"]
    assert avril == {
        "ventes": "1200.00",
        "achats": "600.00",
        "salaires": "1000.00",
        "charges_sociales": "600.00",
        "tva": "100.00",
        "charges_fixes": "300.00",
        "total_encaissements": "1200.00",
        "total_decaissements": "2600.00",
        "solde_mois": "-1400.00",
        "tresorerie_debut": "5000.00",
        "tresorerie_fin": "3600.00",
        "tension": "non",
    }
    assert (mai["total_decaissements"], mai["solde_mois"], mai["tresorerie_fin"]) == (
        "3150.00",
        "-750.00",
        "2850.00",
    )
    assert (juin["tva"], juin["total_decaissements"], juin["tresorerie_fin"]) == (
        "160.00",
        "2920.00",
        "1730.00",
    )
    assert solution["remede"] == "aucune"


def test_ttc_is_rounded_half_up_at_half_a_cent():
    # 10,10 × 1,055 = 10,6555 → 10,66 (half up; banker's rounding would give 10,66 too, but
    # 10,30 × 1,055 = 10,8665 → 10,87 and 1,10 × 1,055 = 1,1605 → 1,16).
    assert ttc(Decimal("10.10"), Decimal("5.5")) == Decimal("10.66")
    assert ttc(Decimal("0.50"), Decimal("5.5")) == Decimal("0.53")  # 0,5275 → 0,53
    # 12,25 × 1,10 = 13,475 → 13,48 (half up, not 13,47)
    assert ttc(Decimal("12.25"), Decimal("10")) == Decimal("13.48")


def test_an_expected_value_is_written_as_its_field_writes_it():
    # The grader reads an amount's contract writing off its str when already to the cent; any
    # other exponent (params written « 12.500 » or « 7 ») is written by the field itself.
    for texte in ("1234.50", "-0.05", "12.5", "12.500", "7", "1E+3", "0.001"):
        assert _ecrit(MONTANT, Decimal(texte)) == MONTANT.canonical(Decimal(texte))
    assert _ecrit(TENSION, "oui") == "oui"


def test_instalments_round_half_up_and_the_last_takes_the_remainder():
    # 1 234,08 HT at 5,5 %: TTC 1 301,9544 → 1 301,95; 30 % = 390,585 → 390,59;
    # 70 % = 1 301,95 − 390,59 = 911,36 (not 911,365 → 911,37: the parts add up to the TTC).
    assert tranches(Decimal("1301.95"), (Decimal(30), Decimal(70))) == [
        Decimal("390.59"),
        Decimal("911.36"),
    ]
    # 100,01 at 50 / 50 / 0: 50,005 → 50,01, then the last non-zero part 50,00, then 0.
    assert tranches(Decimal("100.01"), (Decimal(50), Decimal(50), Decimal(0))) == [
        Decimal("50.01"),
        Decimal("50.00"),
        Decimal("0"),
    ]
    params = cas(ventes=[vente(-1, "1234.08", ("30", "70"), "5.5"), vente(0, "0.01")])
    # March's sale, 30 % in March (before the budget) and 70 % in April: April gets 911,36;
    # April's sale at 30 days brings nothing in April.
    assert KIND.solve(params)["mois"][0]["ventes"] == "911.36"


def test_a_vat_credit_is_carried_to_the_next_month():
    # March: collected 200 (sales HT 1 000), deductible 300 (purchases HT 1 500) → −100: nothing
    # paid in April, credit 100. April: collected 400 − deductible 160 = 240 − 100 = 140 in May.
    params = cas(achats=[achat(-1, "1500"), achat(0, "800"), achat(1, "700")])
    tva = [m["tva"] for m in KIND.solve(params)["mois"]]
    assert tva == ["0.00", "140.00", "160.00"]


def test_a_one_month_strain_within_the_overdraft_calls_for_an_overdraft():
    # Opening cash 3 000: ends 1 600, 850, −270; one month short of 270 ≤ 3 000 → découvert.
    solution = KIND.solve(cas(tresorerie_initiale="3000"))
    assert [m["tension"] for m in solution["mois"]] == ["non", "non", "oui"]
    assert solution["remede"] == "decouvert"


def test_a_longer_strain_mobilises_the_receivables_when_they_cover_it():
    # The bank grants 200 only: June's 270 is more. Customers owe at the end of June the
    # June sale at 30 days, 3 600 TTC ≥ 270 → mobilise the receivables.
    assert KIND.solve(cas(tresorerie_initiale="3000", decouvert_maximum="200"))["remede"] == (
        "affacturage"
    )
    # Opening cash 2 000: ends 600, −150, −1 270: two months. Owed at the end of May: May's
    # sale 1 800 ≥ 150; at the end of June: 3 600 ≥ 1 270 → mobilise the receivables.
    assert KIND.solve(cas(tresorerie_initiale="2000"))["remede"] == "affacturage"


def test_cash_sales_leave_no_receivables_and_call_for_lasting_financing():
    # The same receipts sold for cash (March 1 000, April 1 000, May 2 000, June 1 500 HT):
    # April 1 200, May 2 400, June 1 800. VAT paid: April = March's 200 − 100 = 100; May =
    # April's 200 − 160 = 40; June = May's 400 − 140 = 260.
    # April: 1 200 − (600 + 1 000 + 600 + 100 + 300 = 2 600) = −1 400; 2 000 → 600.
    # May: 2 400 − (960 + 1 000 + 650 + 40 + 300 = 2 950) = −550; 600 → 50.
    # June: 1 800 − (840 + 1 000 + 620 + 260 + 300 = 3 020) = −1 220; 50 → −1 170.
    # One month, 1 170 short, more than the 1 000 the bank grants; no receivables → apport.
    comptant = [vente(k, ht, ("100",)) for k, ht in ((-1, "1000"), (0, "1000"), (1, "2000"))]
    params = cas(
        tresorerie_initiale="2000",
        decouvert_maximum="1000",
        ventes=[*comptant, vente(2, "1500", ("100",))],
    )
    solution = KIND.solve(params)
    assert [m["tresorerie_fin"] for m in solution["mois"]] == ["600.00", "50.00", "-1170.00"]
    assert solution["remede"] == "apport"


def test_the_threshold_decides_the_strain_and_equal_is_not_under():
    # Threshold 1 730: June ends at exactly 1 730, not under → no strain.
    assert KIND.solve(cas(seuil="1730"))["remede"] == "aucune"
    # Threshold 2 000: June (1 730) is 270 under, one month → découvert.
    solution = KIND.solve(cas(seuil="2000"))
    assert [m["tension"] for m in solution["mois"]] == ["non", "non", "oui"]
    assert solution["remede"] == "decouvert"


def test_the_strain_the_investment_alone_causes_calls_for_postponing_it():
    # An equipment bought in May, 2 000 HT, TTC 2 400: May's payments 3 150 + 2 400 = 5 550,
    # net −3 150, cash 3 600 → 450. June's VAT: May's 300 − 140 − 400 = −240: nothing paid;
    # June's payments 840 + 1 000 + 620 + 0 + 300 = 2 760, net −960, cash 450 → −510: strain.
    # Without the investment: May 2 850, June 1 890, no strain → postpone the investment.
    x = {"libelle": "Une raboteuse", "mois": 1, "montant_ht": "2000", "taux_tva": "20"}
    solution = KIND.solve(cas(investissement=x))
    mai, juin = solution["mois"][1:]
    assert (mai["investissement"], mai["tresorerie_fin"]) == ("2400.00", "450.00")
    assert (juin["tva"], juin["tresorerie_fin"], juin["tension"]) == ("0.00", "-510.00", "oui")
    assert solution["remede"] == "report_investissement"
    # Paid HT (2 000 instead of 2 400): named.
    reponse = solution | {"mois": [*solution["mois"]]}
    reponse["mois"][1] = mai | {"investissement": "2000"}
    grade = KIND.grade(cas(investissement=x), reponse)
    assert "INVESTISSEMENT_HT" in [d.code for d in grade.diagnostics]


def test_an_association_grant_in_two_instalments():
    # Grant 1 234,25: 70 % in April = 863,975 → 863,98 (half up); 30 % in June = 1 234,25 −
    # 863,98 = 370,27. No VAT line (not liable); membership fees collected cash, 0 % VAT.
    params = cas(
        organisation={"nom": "Club de Dole", "statut": "association"},
        assujetti_tva=False,
        ventes=[
            vente(0, "800", ("100",), "0"),
            vente(1, "900", ("100",), "0"),
            vente(2, "700", ("100",), "0"),
        ],
        subvention={
            "financeur": "Commune de Dole",
            "montant": "1234.25",
            "versements": [{"mois": 0, "part": "70"}, {"mois": 2, "part": "30"}],
        },
    )
    avril, mai, juin = KIND.solve(params)["mois"]
    assert (avril["subvention"], mai["subvention"], juin["subvention"]) == (
        "863.98",
        "0.00",
        "370.27",
    )
    # April: 800 + 863,98 = 1 663,98 in; out: 600 + 1 000 + 600 + 300 = 2 500 (no VAT).
    assert "tva" not in avril
    assert (avril["total_encaissements"], avril["total_decaissements"]) == ("1663.98", "2500.00")


def test_an_error_carried_forward_costs_only_its_own_field():
    # April's sales written 1 000 (instead of 1 200) and everything after computed from it:
    # total 1 000, net −1 600, cash 3 400, May starts 3 400, ends 2 650, June 1 530.
    reponse = KIND.solve(CAS_A)
    avril, mai, juin = reponse["mois"]
    avril |= {
        "ventes": "1 000",
        "total_encaissements": "1000",
        "solde_mois": "-1 600,00",
        "tresorerie_fin": "3400",
    }
    mai |= {"tresorerie_debut": "3400", "tresorerie_fin": "2650"}
    juin |= {"tresorerie_debut": "2650", "tresorerie_fin": "1530"}
    grade = KIND.grade(CAS_A, reponse)
    faux = [c.champ for c in grade.champs if not c.correct]
    assert faux == ["mois.0.ventes"]
    reporte = next(c for c in grade.champs if c.champ == "mois.0.total_encaissements")
    assert "erreur reportée" in reporte.message and "1\u00a0200,00" in reporte.message


@pytest.mark.parametrize(
    ("mois", "champs", "code"),
    [
        # Social charges of the month's own payroll: April 650, May 620, June 610.
        (0, {"charges_sociales": "650"}, "CHARGES_SOCIALES_MEME_MOIS"),
        # April's own VAT (400 − 160 = 240) paid in April.
        (0, {"tva": "240"}, "TVA_MEME_MOIS"),
        # March's VAT collected only: 200.
        (0, {"tva": "200"}, "TVA_DEDUCTIBLE_OUBLIEE"),
        # March's sales HT: 1 000 instead of 1 200.
        (0, {"ventes": "1000"}, "VENTES_HT"),
        # Purchases HT: 500 instead of 600.
        (0, {"achats": "500"}, "ACHATS_HT"),
        # April's sales collected in April: 2 400 instead of March's 1 200.
        (0, {"ventes": "2400"}, "ENCAISSEMENT_MOIS_VENTE"),
        # Net reversed: 2 600 − 1 200 = 1 400.
        (0, {"solde_mois": "1400"}, "SOLDE_INVERSE"),
        # May's net cumulated: −1 400 − 750 = −2 150.
        (1, {"solde_mois": "-2150"}, "SOLDE_CUMULE"),
        # May's opening cash taken as the budget's: 5 000.
        (1, {"tresorerie_debut": "5000"}, "DEBUT_NON_REPORTE"),
    ],
)
def test_each_wrong_method_is_named(mois, champs, code):
    reponse = KIND.solve(CAS_A)
    reponse["mois"][mois] |= champs
    grade = KIND.grade(CAS_A, reponse)
    assert code in [d.code for d in grade.diagnostics]
    assert grade.score < 1


def test_the_threshold_forgotten_and_the_overdraft_for_a_lasting_need():
    # Threshold 2 000: June ends at 1 730, positive but under → « non » is the threshold forgotten.
    params = cas(seuil="2000")
    reponse = KIND.solve(params)
    reponse["mois"][2]["tension"] = "non"
    assert "TENSION_SOUS_ZERO" in [d.code for d in KIND.grade(params, reponse).diagnostics]
    # Opening 2 000: two months short → an overdraft is the wrong remedy.
    params = cas(tresorerie_initiale="2000")
    reponse = KIND.solve(params) | {"remede": "decouvert"}
    grade = KIND.grade(params, reponse)
    assert [d.code for d in grade.diagnostics] == ["DECOUVERT_BESOIN_DURABLE"]


def test_what_each_level_puts_in_the_budget():
    organisation = generate_company(6)
    for seed in range(4):
        un = KIND.generate(seed, 1, organisation).params
        assert len(un["mois"]) == 3 and un["seuil"] == "0.00" and un["emprunt"] == "0.00"
        assert all(Decimal(v["montant_ht"]) % 100 == 0 for v in un["ventes"])
        deux = KIND.generate(seed, 2, organisation).params
        assert 4 <= len(deux["mois"]) <= 6 and Decimal(deux["seuil"]) > 0
        assert "Aide :" in KIND.generate(seed, 1, organisation).enonce
        assert "Aide :" not in KIND.generate(seed, 3, organisation).enonce


def test_the_association_has_its_grant_and_no_vat():
    organisation = generate_company(2)  # a sports club, not liable to VAT
    params = KIND.generate(1, 3, organisation).params
    assert params["subvention"] and not params["assujetti_tva"]
    assert len(params["subvention"]["versements"]) == 2


# What the statement may say is paid « sans TVA » each month: a rent (bare premises are exempt,
# CGI art. 261 D 4°, unless the landlord opted, art. 260-2°) and an insurance (exempt, CGI art.
# 261 C 2°); never energy or fuel, which bear VAT at 20 % (CGI art. 278).
SANS_TVA = ("loyer", "assurance")


@pytest.mark.parametrize("secteur", secteur_codes())
def test_the_fixed_charges_said_without_vat_are_only_rent_and_insurance(secteur):
    for _, _, _, variant in variantes("budget_tresorerie", range(2), secteur, niveaux=(1,)):
        ligne = next(x for x in variant.enonce.splitlines() if "payés chaque mois" in x)
        assert ligne.endswith("payés chaque mois (sans TVA)."), ligne
        libelle = ligne.removeprefix("- ").split(" : ")[0]
        charges = re.split(r", | et ", libelle)
        assert all(c.lower().startswith(SANS_TVA) for c in charges), (secteur, libelle)


@pytest.mark.parametrize(
    ("changes", "mot"),
    [
        ({"mois": ["2026-04", "2026-05"]}, "mois"),
        ({"ventes": [vente(0, "100", ("30", "60"))]}, "100 %"),
        ({"ventes": [vente(5, "100")]}, "mois"),
        ({"tresorerie_initiale": "12.345"}, "centime"),
        ({"organisation": {"nom": "X", "statut": "sarl"}}, "statut"),
    ],
)
def test_unusable_params_are_refused_in_one_french_line(changes, mot):
    with pytest.raises(InvalidInput) as refus:
        KIND.check_params(cas(**changes))
    assert mot in str(refus.value) and "\n" not in str(refus.value)
