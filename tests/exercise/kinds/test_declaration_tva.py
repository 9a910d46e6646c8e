"""declaration_tva: hand-checked returns (the calculation in comments), rounding traps, the entry
matched on its accounts, the named wrong methods, carried errors, what each level contains."""

from __future__ import annotations

from typing import Any

import pytest

from agora.company import generate_company
from agora.errors import InvalidInput
from agora.exercise.forms import AnswerForm
from agora.exercise.registry import get_kind

KIND = get_kind("declaration_tva")


def params(ventes=(), achats=(), credit="0.00", **autres: Any) -> dict[str, Any]:
    """A return's params: ventes as (taux, HT), achats as (nature, HT, taux, TVA)."""
    return {
        "regime": "ca3_mensuelle",
        "periode": "2026-03",
        "date_declaration": "2026-04-19",
        "ventes": [
            {"libelle": f"V{i}", "taux": t, "montant_ht": m} for i, (t, m) in enumerate(ventes)
        ],
        "achats": [
            {
                "piece": f"FA{i}",
                "fournisseur": "F",
                "libelle": "A",
                "nature": n,
                "montant_ht": m,
                "taux": t,
                "tva": v,
            }
            for i, (n, m, t, v) in enumerate(achats)
        ],
        "credit_anterieur": credit,
        **autres,
    }


def lignes(p: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in KIND.solve(p).items() if k != "ecriture"}


def ecriture(p: dict[str, Any]) -> list[tuple[str, str, str]]:
    return [(r["compte"], r["debit"], r["credit"]) for r in KIND.solve(p)["ecriture"]]


def codes(p: dict[str, Any], answer: dict[str, Any]) -> set[str]:
    return {d.code for d in KIND.grade(p, answer).diagnostics}


def test_reduced_rate_rounds_half_up():
    # 1 234,50 × 5,5 % = 67,8975 → 67,90 (the third decimal 7 rounds up).
    p = params([("5.5", "1234.50")])
    assert lignes(p)["ligne_09_taxe"] == "67.90"


def test_half_cent_rounds_up_and_truncating_is_named():
    # 1 000,05 × 10 % = 100,005 → 100,01 half up; cutting the decimals gives 100,00.
    p = params([("10", "1000.05")])
    assert lignes(p)["ligne_9B_taxe"] == "100.01"
    assert "ARRONDI_TRONQUE" in codes(p, {"ligne_9B_base": "1000.05", "ligne_9B_taxe": "100.00"})


def test_press_rate_goes_on_line_t6():
    # 1 000,50 × 2,1 % = 21,0105 → 21,01.
    p = params([("2.1", "1000.50")])
    assert lignes(p)["ligne_T6_taxe"] == "21.01"


def test_vat_due_and_its_entry():
    # Sales 1 000 + 500 at 20 % → base 1 500, VAT 300. Purchases: VAT 40 → line 20 = 23 = 40.
    # 300 − 40 = 260 to pay (line 28). Entry: D 44571 300, C 44566 40, C 44551 260.
    p = params([("20", "1000.00"), ("20", "500.00")], [("biens_services", "200.00", "20", "40.00")])
    ca3 = lignes(p)
    assert (ca3["ligne_01"], ca3["ligne_08_base"], ca3["ligne_16"]) == (
        "1500.00",
        "1500.00",
        "300.00",
    )
    assert (ca3["ligne_23"], ca3["ligne_25"], ca3["ligne_28"]) == ("40.00", "0.00", "260.00")
    assert ecriture(p) == [
        ("44571", "300.00", "0.00"),
        ("44566", "0.00", "40.00"),
        ("44551", "0.00", "260.00"),
    ]


def test_a_fixed_asset_leaves_a_credit():
    # VAT 200 on sales; a machine 5 000 HT, VAT 1 000 → line 19. 1 000 − 200 = 800 credit
    # (line 25). Entry: D 44571 200, C 44562 1 000, D 44567 800.
    p = params([("20", "1000.00")], [("immobilisation", "5000.00", "20", "1000.00")])
    ca3 = lignes(p)
    assert (ca3["ligne_19"], ca3["ligne_20"], ca3["ligne_25"], ca3["ligne_28"]) == (
        "1000.00",
        "0.00",
        "800.00",
        "0.00",
    )
    assert ecriture(p) == [
        ("44571", "200.00", "0.00"),
        ("44562", "0.00", "1000.00"),
        ("44567", "800.00", "0.00"),
    ]


def test_previous_credit_is_deducted():
    # 200 − (40 + credit 100) = 60 to pay; the old credit leaves 44567 on the credit side.
    p = params([("20", "1000.00")], [("biens_services", "200.00", "20", "40.00")], "100.00")
    ca3 = lignes(p)
    assert (ca3["ligne_22"], ca3["ligne_23"], ca3["ligne_28"]) == ("100.00", "140.00", "60.00")
    assert ("44567", "0.00", "100.00") in ecriture(p)
    forgot = {"ligne_22": "0", "ligne_23": "40"}
    assert "CREDIT_ANTERIEUR_OUBLIE" in codes(p, forgot)


def test_services_taxed_on_receipts_not_invoices():
    # Receipts TTC 1 200,00 and 1 000,01 at 20 %: bases 1 200 ÷ 1,2 = 1 000,00 and
    # 1 000,01 ÷ 1,2 = 833,3416… → 833,34; base 1 833,34, VAT 366,668 → 366,67.
    # The 5 000 HT invoiced this month and not paid are not due.
    p = params(
        [("20", "0.00")],
        encaissements=[
            {"libelle": "R1", "taux": "20", "montant_ttc": "1200.00"},
            {"libelle": "R2", "taux": "20", "montant_ttc": "1000.01"},
        ],
        prestations_facturees=[{"libelle": "F", "taux": "20", "montant_ht": "5000.00"}],
    )
    ca3 = lignes(p)
    assert (ca3["ligne_01"], ca3["ligne_08_base"], ca3["ligne_08_taxe"]) == (
        "1833.34",
        "1833.34",
        "366.67",
    )
    assert "EXIGIBILITE_FACTURATION" in codes(p, {"ligne_01": "5000.00"})
    assert "ENCAISSEMENT_TTC_COMME_HT" in codes(p, {"ligne_01": "2200.01"})


def test_intra_eu_acquisition_is_self_assessed():
    # Sales 1 000 at 20 % and goods bought in Germany 500 HT: line B2 (key ligne_03) = 500, line 08 base
    # 1 500, VAT 300 = line 16; line 17 = 100; line 20 = 40 + 100 = 140; 300 − 140 = 160.
    # Entry: D 44571 200 (300 − 100), D 4452 100, C 44566 140, C 44551 160.
    p = params(
        [("20", "1000.00")],
        [("biens_services", "200.00", "20", "40.00")],
        acquisitions_ue=[
            {"piece": "UE", "fournisseur": "DE", "libelle": "X", "montant_ht": "500.00"}
        ],
    )
    ca3 = lignes(p)
    assert (ca3["ligne_03"], ca3["ligne_08_base"], ca3["ligne_16"], ca3["ligne_17"]) == (
        "500.00",
        "1500.00",
        "300.00",
        "100.00",
    )
    assert (ca3["ligne_20"], ca3["ligne_28"]) == ("140.00", "160.00")
    assert ecriture(p) == [
        ("44571", "200.00", "0.00"),
        ("4452", "100.00", "0.00"),
        ("44566", "0.00", "140.00"),
        ("44551", "0.00", "160.00"),
    ]
    assert "AUTOLIQUIDATION_NON_DEDUITE" in codes(p, {"ligne_20": "40.00"})


def test_the_student_reads_the_line_numbers_of_the_current_form(form_html):
    # The 3310-CA3-SD in force numbers its cadre A lines A1 (sales) and B2 (intra-EU
    # acquisitions), no longer 01 and 03: the form, the statement and the diagnostic say so;
    # the JSON keys of the contract (ligne_01, ligne_03) keep their names.
    p = params(
        [("20", "1000.00")],
        acquisitions_ue=[
            {"piece": "UE", "fournisseur": "DE", "libelle": "X", "montant_ht": "500.00"}
        ],
    )
    html = form_html("declaration_tva", p, 2, AnswerForm())
    assert "Ligne A1 — Ventes" in html and "Ligne B2 — Acquisitions" in html
    assert 'name="ligne_01"' in html and 'name="ligne_03"' in html
    oubli = KIND.grade(p, {"ligne_08_base": "1000.00", "ligne_16": "200.00"}).diagnostics
    message = next(d.message for d in oubli if d.code == "AUTOLIQUIDATION_OUBLIEE")
    assert "ligne B2" in message
    enonces = [KIND.generate(seed, 3, generate_company(seed)) for seed in range(12)]
    avec_ue = next(v.enonce for v in enonces if v.params["acquisitions_ue"])
    assert "Ligne A1 :" in avec_ue and "Ligne B2 :" in avec_ue
    assert "Ligne 01" not in avec_ue and "Ligne 03" not in avec_ue


def test_a_gift_over_73_euros_is_not_deductible():
    # VAT 40 deductible + 19 on a 95 € HT gift (114 € TTC > 73 €): line 20 = 40, not 59.
    p = params(
        [("20", "1000.00")],
        [("biens_services", "200.00", "20", "40.00"), ("non_deductible", "95.00", "20", "19.00")],
    )
    assert lignes(p)["ligne_20"] == "40.00"
    assert "TVA_NON_DEDUCTIBLE_DEDUITE" in codes(p, {"ligne_20": "59.00"})


def test_fixed_asset_on_line_20_is_named():
    p = params([("20", "1000.00")], [("immobilisation", "5000.00", "20", "1000.00")])
    assert "IMMOBILISATION_EN_ABS" in codes(p, {"ligne_19": "0", "ligne_20": "1000.00"})


def test_error_carried_forward_earns_its_credit():
    # Base written 1 600 instead of 1 500: its VAT 320 and the total 320 are right from it,
    # and 320 − 40 = 280 to pay is right from those.
    p = params([("20", "1500.00")], [("biens_services", "200.00", "20", "40.00")])
    answer = {
        "ligne_08_base": "1600.00",
        "ligne_08_taxe": "320.00",
        "ligne_16": "320",
        "ligne_23": "40",
        "ligne_28": "280,00",
    }
    verdicts = {c.champ: c.correct for c in KIND.grade(p, answer).champs}
    assert verdicts == {
        "ligne_08_base": False,
        "ligne_08_taxe": True,
        "ligne_16": True,
        "ligne_23": True,
        "ligne_28": True,
    }


def test_entry_in_any_order_french_amounts_and_long_accounts():
    p = params([("20", "1000.00")], [("biens_services", "200.00", "20", "40.00")])
    answer = {
        "ecriture": [
            {"compte": "445510", "debit": "", "credit": "160,00 €"},
            {"compte": "445662", "debit": "", "credit": "40"},
            {"compte": "445710", "debit": "200", "credit": ""},
        ]
    }
    assert KIND.grade(p, answer).score == 1


def test_reversed_entry_and_swapped_accounts_are_named():
    p = params([("20", "1000.00")], [("biens_services", "200.00", "20", "40.00")])
    reversed_ = {
        "ecriture": [
            {"compte": "44571", "debit": "0", "credit": "200"},
            {"compte": "44566", "debit": "40", "credit": "0"},
            {"compte": "44551", "debit": "160", "credit": "0"},
        ]
    }
    assert "ECRITURE_SENS_INVERSE" in codes(p, reversed_)
    swapped = {"ecriture": [{"compte": "44567", "debit": "", "credit": "160"}]}
    grade = KIND.grade(p, swapped)
    assert "COMPTE_TVA_CONFONDU" in {d.code for d in grade.diagnostics}
    manquantes = [c.message for c in grade.champs if c.champ == "ecriture"]
    assert any("44551" in m for m in manquantes)  # the wrong row stands for the first one


def test_credit_written_as_vat_due_is_named():
    p = params([("20", "1000.00")], [("immobilisation", "5000.00", "20", "1000.00")])
    assert "SOLDE_INVERSE" in codes(p, {"ligne_25": "0", "ligne_28": "800.00"})


@pytest.mark.parametrize("seed", range(8))
def test_every_sector_gives_a_return_at_every_level(seed):
    organisation = generate_company(seed)
    for niveau in (1, 2, 3):
        variant = KIND.generate(seed, niveau, organisation)
        p = variant.params
        assert KIND.grade(p, KIND.solve(p)).score == 1
        assert bool(p["acquisitions_ue"]) == (niveau == 3)
        assert any(a["nature"] == "immobilisation" for a in p["achats"]) == (niveau > 1)
    if organisation.secteur == "regie_eau":
        assert {v["taux"] for v in KIND.generate(seed, 2, organisation).params["ventes"]} <= {
            "5.5",
            "10",
        }


def test_bad_params_are_refused_in_one_french_line():
    with pytest.raises(InvalidInput, match="taux"):
        KIND.check_params(params([("19.6", "100.00")]))
    with pytest.raises(InvalidInput, match="regime"):
        KIND.check_params(params([("20", "100.00")]) | {"regime": "ca4"})
