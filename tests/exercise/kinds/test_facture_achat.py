"""facture_achat: hand-checked invoices (the calculation in comments, own computation), the
rounding traps at half a cent, the discrepancy and decision rules, the entry in the purchases
journal (purchases, fixed asset, EU purchase, VAT not recoverable), the named wrong methods,
carried errors, and what each level puts in the exercise."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from agora.company import generate_company
from agora.content.secteurs import load_secteurs
from agora.errors import InvalidInput
from agora.exercise.kinds.facture_achat.regles import load_regles
from agora.exercise.registry import get_kind
from agora.francais import prepose

KIND = get_kind("facture_achat")


def ligne(
    commande: tuple | None,
    livree: str,
    facture: tuple,
    montant: str,
    compte: str = "601",
    ref: str = "A1",
) -> dict[str, Any]:
    """A line: commande and facture as (quantité, prix, remise, taux)."""

    def cond(c: tuple) -> dict[str, str]:
        return dict(zip(("quantite", "prix_unitaire_ht", "remise", "taux_tva"), c, strict=True))

    return {
        "reference": ref,
        "designation": f"Article {ref}",
        "compte": compte,
        "comptes_acceptes": [compte],
        "commande": cond(commande) if commande else None,
        "quantite_livree": livree,
        "facture": cond(facture) | {"montant_ht": montant},
    }


def params(*lignes: dict, escompte: str = "0", port: str = "0.00", **autres: Any) -> dict:
    return {
        "fournisseur": {"nom": "Moulins Martin", "pays": "France"},
        "tva_recuperable": True,
        "intracommunautaire": False,
        "commande": {"numero": "BC2026-0031", "date": "2026-03-02"},
        "livraison": {"numero": "BL-4471", "date": "2026-03-05"},
        "facture": {
            "numero": "FC2026-00815",
            "date": "2026-03-06",
            "escompte_taux": escompte,
            "port_ht": port,
        },
        "lignes": list(lignes),
        **autres,
    }


def ecriture(p: dict) -> list[tuple[str, str, str]]:
    return [(r["compte"], r["debit"], r["credit"]) for r in KIND.solve(p)["ecriture"]]


def codes(p: dict, answer: dict) -> set[str]:
    return {d.code for d in KIND.grade(p, answer).diagnostics}


def champ(p: dict, answer: dict, nom: str):
    return next(c for c in KIND.grade(p, answer).champs if c.champ == nom)


# Own computation: 20 sacs commandés à 18,40 € remise 5 %, 18 livrés, 20 facturés.
# Facture imprimée : 20 × 18,40 = 368,00 ; remise 18,40 ; 349,60.
# Corrigé : 18 × 18,40 = 331,20 ; remise 5 % = 16,56 ; 314,64.
# Escompte 2 % : 314,64 × 0,02 = 6,2928 → 6,29 ; net financier 308,35 ; + port 25,00 = 333,35.
# TVA 5,5 % : 333,35 × 0,055 = 18,33425 → 18,33 ; net à payer 351,68 ; coût 333,35.
FARINE = params(
    ligne(("20", "18.40", "5", "5.5"), "18", ("20", "18.40", "5", "5.5"), "349.60"),
    escompte="2",
    port="25.00",
)


def test_a_quantity_invoiced_above_the_delivery_is_corrected_to_the_delivered_one():
    s = KIND.solve(FARINE)
    assert s["lignes"] == [{"reference": "A1", "ecart": "quantite", "montant_corrige": "314.64"}]
    assert s["decision"] == "demander_avoir"


def test_the_foot_deducts_the_escompte_before_vat_and_adds_the_port():
    s = KIND.solve(FARINE)
    assert (s["net_commercial"], s["escompte"], s["net_financier"]) == ("314.64", "6.29", "308.35")
    assert s["total_ht"] == "333.35"
    assert s["tva"] == [{"taux": "5.5", "base": "333.35", "montant": "18.33"}]
    assert (s["total_tva"], s["net_a_payer"], s["cout_achat"]) == ("18.33", "351.68", "333.35")
    # Avoir à demander : 387,83 facturé (voir l'écriture ci-dessous) − 351,68 dû = 36,15.
    assert s["montant_avoir"] == "36.15"


def test_the_credit_note_asked_follows_the_students_own_net_to_pay():
    # Net à payer de l'élève 350,00 (faux) : son avoir 387,83 − 350,00 = 37,83 est crédité.
    grade = KIND.grade(FARINE, {"net_a_payer": "350.00", "montant_avoir": "37.83"})
    assert [c.correct for c in grade.champs] == [False, True]


def test_the_entry_records_the_invoice_as_received_with_the_escompte_obtained():
    # Imprimé : net commercial 349,60 ; escompte 349,60 × 2 % = 6,992 → 6,99 ; net financier
    # 342,61 ; + port 25 = 367,61 ; TVA 367,61 × 5,5 % = 20,21855 → 20,22 ; TTC 387,83.
    # Débit 601 349,60 + 6241 25,00 + 44566 20,22 = 394,82 = crédit 765 6,99 + 401 387,83.
    assert ecriture(FARINE) == [
        ("601", "349.60", "0.00"),
        ("6241", "25.00", "0.00"),
        ("44566", "20.22", "0.00"),
        ("765", "0.00", "6.99"),
        ("401", "0.00", "387.83"),
    ]


def test_half_a_cent_of_remise_rounds_up_and_truncating_is_named():
    # 7 × 2,35 = 16,45 ; remise 10 % = 1,645 → 1,65 (demi-centime : au-dessus) ; 14,80.
    # En tronquant : 1,64 et 14,81.
    p = params(ligne(("7", "2.35", "10", "20"), "7", ("7", "2.35", "10", "20"), "14.80"))
    assert KIND.solve(p)["lignes"][0]["montant_corrige"] == "14.80"
    answer = {"lignes": [{"montant_corrige": "14.81"}]}
    assert codes(p, answer) == {"ARRONDI_TRONQUE"}


def test_half_a_cent_of_vat_rounds_up():
    # 10 × 31,90 = 319,00 ; TVA 5,5 % : 319 × 0,055 = 17,545 → 17,55 (tronqué : 17,54).
    p = params(ligne(("10", "31.90", "0", "5.5"), "10", ("10", "31.90", "0", "5.5"), "319.00"))
    s = KIND.solve(p)
    assert (s["tva"][0]["montant"], s["net_a_payer"], s["decision"]) == (
        "17.55",
        "336.55",
        "accepter",
    )
    assert codes(p, {"tva": [{"montant": "17.54"}]}) == {"ARRONDI_TRONQUE"}


def test_a_price_above_the_order_is_corrected_to_the_ordered_price():
    # 12 × 4,80 = 57,60 commandé ; facturé 12 × 5,28 = 63,36.
    p = params(ligne(("12", "4.80", "0", "5.5"), "12", ("12", "5.28", "0", "5.5"), "63.36"))
    s = KIND.solve(p)
    assert (s["lignes"][0]["ecart"], s["lignes"][0]["montant_corrige"]) == ("prix", "57.60")
    assert codes(p, {"lignes": [{"montant_corrige": "63.36"}]}) == {"MONTANT_FACTURE_RECOPIE"}


def test_a_forgotten_remise_is_named():
    # 6 × 45,00 = 270,00 ; remise de la commande 10 % = 27,00 ; 243,00. Facturé sans remise.
    p = params(ligne(("6", "45.00", "10", "20"), "6", ("6", "45.00", "0", "20"), "270.00"))
    s = KIND.solve(p)
    assert (s["lignes"][0]["ecart"], s["lignes"][0]["montant_corrige"]) == ("remise", "243.00")
    assert codes(p, {"lignes": [{"montant_corrige": "270.00"}]}) == {"REMISE_OUBLIEE"}


def test_a_wrong_line_total_is_a_calculation_error():
    # 8 × 12,50 = 100,00, imprimé 109,00.
    p = params(ligne(("8", "12.50", "0", "20"), "8", ("8", "12.50", "0", "20"), "109.00"))
    assert KIND.solve(p)["lignes"][0] | {} == {
        "reference": "A1",
        "ecart": "calcul",
        "montant_corrige": "100.00",
    }


def test_a_partial_delivery_rightly_invoiced_is_no_discrepancy():
    # 10 commandés, 8 livrés, 8 facturés à 5,00 : 40,00, rien à redire. 10 × 5 = 50 : nommé.
    p = params(ligne(("10", "5.00", "0", "20"), "8", ("8", "5.00", "0", "20"), "40.00"))
    s = KIND.solve(p)
    assert (s["lignes"][0]["ecart"], s["decision"]) == ("aucun", "accepter")
    answer = {"lignes": [{"ecart": "quantite", "montant_corrige": "50.00"}]}
    assert codes(p, answer) == {"QUANTITE_COMMANDEE", "ECART_IMAGINAIRE"}


def test_an_article_never_ordered_costs_nothing_and_the_invoice_is_refused():
    p = params(
        ligne(("5", "10.00", "0", "20"), "5", ("5", "10.00", "0", "20"), "50.00"),
        ligne(None, "0", ("2", "30.00", "0", "20"), "60.00", ref="X9"),
    )
    s = KIND.solve(p)
    assert [x["ecart"] for x in s["lignes"]] == ["aucun", "reference"]
    assert s["lignes"][1]["montant_corrige"] == "0.00"
    assert (s["total_ht"], s["decision"], s["ecriture"]) == ("50.00", "refuser", [])
    assert s["montant_avoir"] == "0.00"  # a refused invoice is replaced, not credited
    # A row written for a refused invoice is one too many.
    assert not champ(
        p, {"ecriture": [{"compte": "601", "debit": "110"}]}, "ecriture.0.compte"
    ).correct


def test_a_wrong_vat_rate_is_refused_and_the_order_rate_applies():
    # Farine à 5,5 % facturée à 20 % : 40 × 20,00 = 800,00 ; TVA juste 44,00 (à 20 % : 160,00).
    p = params(ligne(("40", "20.00", "0", "5.5"), "40", ("40", "20.00", "0", "20"), "800.00"))
    s = KIND.solve(p)
    assert (s["lignes"][0]["ecart"], s["tva"][0]["montant"], s["decision"]) == (
        "taux_tva",
        "44.00",
        "refuser",
    )
    assert codes(p, {"tva": [{"montant": "160.00"}]}) == {"TVA_TAUX_FACTURE"}


def test_the_supplier_sub_account_is_accepted_and_a_reversed_entry_named():
    p = params(ligne(("10", "31.90", "0", "5.5"), "10", ("10", "31.90", "0", "5.5"), "319.00"))
    juste = [
        {"compte": "601", "debit": "319,00"},
        {"compte": "44566", "debit": "17,55"},
        {"compte": "401MARTIN", "credit": "336,55"},
    ]
    assert KIND.grade(p, {"ecriture": juste}).score == 1
    inverse = [
        {"compte": r["compte"], "credit": r.get("debit"), "debit": r.get("credit")} for r in juste
    ]
    assert "ECRITURE_SENS_INVERSE" in codes(p, {"ecriture": inverse})
    assert "COMPTE_ACHAT_CONFONDU" in codes(p, {"ecriture": [{"compte": "607", "debit": "319"}]})


def test_a_fixed_asset_and_its_port_go_to_class_2_with_44562_and_404():
    # Pétrin 1 × 6 000,00 remise 5 % = 5 700,00 ; port 120,00 → 2154 = 5 820,00 ;
    # TVA 20 % = 1 164,00 ; TTC 6 984,00.
    p = params(
        ligne(("1", "6000.00", "5", "20"), "1", ("1", "6000.00", "5", "20"), "5700.00", "2154"),
        port="120.00",
    )
    assert ecriture(p) == [
        ("2154", "5820.00", "0.00"),
        ("44562", "1164.00", "0.00"),
        ("404", "0.00", "6984.00"),
    ]
    assert "IMMOBILISATION_EN_CHARGE" in codes(
        p, {"ecriture": [{"compte": "6063", "debit": "5820"}]}
    )


def test_an_eu_purchase_is_paid_ht_and_its_vat_self_assessed():
    # 30 × 25,00 = 750,00 HT ; TVA française 20 % = 150,00, due (4452) et déductible (445662).
    p = params(
        ligne(("30", "25.00", "0", "20"), "30", ("30", "25.00", "0", "20"), "750.00", "607"),
        intracommunautaire=True,
    )
    s = KIND.solve(p)
    assert (s["total_tva"], s["net_a_payer"]) == ("150.00", "750.00")
    assert ecriture(p) == [
        ("607", "750.00", "0.00"),
        ("445662", "150.00", "0.00"),
        ("4452", "0.00", "150.00"),
        ("401", "0.00", "750.00"),
    ]
    assert codes(p, {"net_a_payer": "900.00"}) == {"AUTOLIQUIDATION_PAYEE"}
    sans = [{"compte": "607", "debit": "750"}, {"compte": "401", "credit": "750"}]
    assert "AUTOLIQUIDATION_OUBLIEE" in codes(p, {"ecriture": sans})


def test_a_body_outside_vat_records_the_purchase_ttc():
    # Association : 20 ballons × 21,00 = 420,00 ; TVA 84,00 non récupérable → 6063 504,00.
    p = params(
        ligne(("20", "21.00", "0", "20"), "20", ("20", "21.00", "0", "20"), "420.00", "6063"),
        tva_recuperable=False,
    )
    assert KIND.solve(p)["cout_achat"] == "504.00"
    assert ecriture(p) == [("6063", "504.00", "0.00"), ("401", "0.00", "504.00")]


def test_an_error_carried_forward_earns_its_credit():
    # Élève : net commercial 324,64 (10 de trop). Avec l'escompte juste sur son montant :
    # 324,64 × 2 % = 6,4928 → 6,49 ; net financier 318,15 ; total HT 343,15 ;
    # TVA 343,15 × 5,5 % = 18,87325 → 18,87 : comptés justes.
    answer = {
        "net_commercial": "324.64",
        "escompte": "6.49",
        "net_financier": "318.15",
        "total_ht": "343.15",
        "tva": [{"base": "343.15", "montant": "18.87"}],
    }
    grade = KIND.grade(FARINE, answer)
    verdicts = {c.champ: c.correct for c in grade.champs}
    assert verdicts == {
        "net_commercial": False,
        "escompte": True,
        "net_financier": True,
        "total_ht": True,
        "tva.0.base": True,
        "tva.0.montant": True,
    }


def test_a_decision_consistent_with_the_students_own_discrepancies_earns_its_credit():
    answer = {"lignes": [{"ecart": "aucun"}], "decision": "accepter"}
    assert champ(FARINE, answer, "decision").correct
    assert codes(FARINE, answer) == {"ECART_NON_VU"}
    assert codes(FARINE, {"decision": "refuser"}) == {"DECISION_INADAPTEE"}


def test_bad_params_are_refused_in_one_french_line():
    with pytest.raises(InvalidInput, match="un seul taux"):
        KIND.check_params(
            params(
                ligne(("1", "1.00", "0", "20"), "1", ("1", "1.00", "0", "20"), "1.00"),
                ligne(("1", "1.00", "0", "5.5"), "1", ("1", "1.00", "0", "5.5"), "1.00", ref="B"),
                port="5.00",
            )
        )
    with pytest.raises(InvalidInput, match="remise"):
        KIND.check_params(
            params(ligne(("1", "1.00", "150", "20"), "1", ("1", "1.00", "0", "20"), "1.00"))
        )


def test_each_level_puts_what_it_promises():
    for seed in range(12):
        org = generate_company(seed)
        un = KIND.generate(seed, 1, org).params
        assert len(un["lignes"]) == 2 and un["facture"]["escompte_taux"] == "0"
        assert un["facture"]["port_ht"] == "0.00"
        trois = KIND.generate(seed, 3, org)
        s = KIND.solve(trois.params)
        comptes = {r["compte"] for r in s["ecriture"]}
        assert (
            trois.params["intracommunautaire"]
            or s["decision"] == "refuser"
            or any(c.startswith("2") for c in comptes)
        )


@pytest.mark.parametrize("secteur", sorted(load_secteurs()))
def test_every_sector_buys_what_it_needs_from_its_own_suppliers(secteur):
    org = generate_company(3, secteur=secteur)
    for niveau in (1, 2, 3):
        variant = KIND.generate(3, niveau, org)
        assert KIND.grade(variant.params, KIND.solve(variant.params)).score == 1
        # « du **Pain de Paul Roux** » for « Le Pain de Paul Roux »: the article contracts.
        assert prepose("de", org.raison_sociale)[1] in variant.enonce


def test_every_fixed_asset_drawn_is_above_the_capitalisation_threshold():
    # BOI-BIC-CHG-20-30-10 : au-delà de 500 € HT l'unité, un bien durable s'immobilise.
    seuil = load_regles().seuil_immobilisation_ht.valeur
    for seed in range(30):
        p = KIND.generate(seed, 3, generate_company(seed)).params
        for x in p["lignes"]:
            if x["compte"].startswith("2") and x["reference"] != "INS-MES":
                assert Decimal(x["commande"]["prix_unitaire_ht"]) > seuil


def test_the_autonomous_level_grades_the_date_and_the_document_number():
    p = FARINE | {"colonnes_notees": ["date", "piece"]}
    ligne_401 = {
        "compte": "401",
        "credit": "387,83",
        "date": "06/03/2026",
        "piece": "fc 2026 00815",
    }
    verdicts = {c.champ: c.correct for c in KIND.grade(p, {"ecriture": [ligne_401]}).champs}
    assert verdicts["ecriture.0.date"] and verdicts["ecriture.0.piece"]
    faux = ligne_401 | {"date": "05/03/2026", "piece": "BL-4471"}
    verdicts = {c.champ: c.correct for c in KIND.grade(p, {"ecriture": [faux]}).champs}
    assert not verdicts["ecriture.0.date"] and not verdicts["ecriture.0.piece"]
    assert all(KIND.generate(s, 3, generate_company(s)).params["colonnes_notees"] for s in range(3))
    assert not KIND.generate(1, 2, generate_company(1)).params["colonnes_notees"]
