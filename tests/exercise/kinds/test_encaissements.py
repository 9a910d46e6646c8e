"""encaissements: hand-checked entries (the computation in comments, own computation unless
said), rounding traps at half a cent, the lettering as groups, the ageing balance and its
bands, the named method errors, carried errors, what each level contains."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from agora.company import generate_company
from agora.errors import InvalidInput
from agora.exercise.registry import get_kind

KIND = get_kind("encaissements")


def facture(numero: str, jour: str, echeance: str, *lignes: tuple, **extra: Any) -> dict:
    """An invoice document; lignes as (quantity, price HT, VAT rate)."""
    return {
        "type": "facture",
        "echeance": echeance,
        "facture": {
            "numero": numero,
            "date": jour,
            "lignes": [
                {"reference": f"R{i}", "quantite": q, "prix_unitaire_ht": p, "taux_tva": t}
                for i, (q, p, t) in enumerate(lignes)
            ],
            **extra,
        },
    }


def reglement(piece: str, jour: str, montant: str, *factures: str, mode="virement") -> dict:
    return {
        "type": "reglement",
        "piece": piece,
        "date": jour,
        "mode": mode,
        "montant": montant,
        "factures": list(factures),
    }


def avoir(piece: str, jour: str, numero: str, motif: str, taux: str, ht: str) -> dict:
    return {
        "type": "avoir",
        "piece": piece,
        "date": jour,
        "facture": numero,
        "motif": motif,
        "montants_ht": [{"taux_tva": taux, "montant_ht": ht}],
    }


def params(*documents: dict, balance: str = "2026-04-30", compte: str = "707") -> dict:
    return {
        "client": {"nom": "Hôtel du Port", "compte": "411HOTEL"},
        "compte_produits": compte,
        "date_balance": balance,
        "documents": list(documents),
    }


def lignes(p: dict, k: int = 0) -> list[tuple[str, str, str]]:
    """Entry k of the reference as (account, debit, credit)."""
    return [(r["compte"], r["debit"], r["credit"]) for r in KIND.solve(p)["ecritures"][k]["lignes"]]


def reponse(p: dict, **changes: Any) -> dict:
    """The reference answer, with some parts replaced."""
    return KIND.solve(p) | changes


def codes(p: dict, answer: dict) -> set[str]:
    return {d.code for d in KIND.grade(p, answer).diagnostics}


def champs(p: dict, answer: dict) -> dict[str, Any]:
    return {c.champ: c for c in KIND.grade(p, answer).champs}


F1 = facture("FA2026-0001", "2026-03-02", "2026-04-01", ("10", "12.35", "20"))


def test_a_sales_invoice_debits_the_customer_ttc_and_credits_sales_and_vat():
    # 10 × 12,35 = 123,50 HT ; TVA 20 % = 24,70 ; TTC 148,20.
    assert lignes(params(F1)) == [
        ("411", "148.20", "0.00"),
        ("707", "0.00", "123.50"),
        ("44571", "0.00", "24.70"),
    ]


def test_vat_rounds_half_up_at_the_half_cent():
    # 1 × 20,25 à 10 % : TVA 2,025 → 2,03 (au centime le plus proche) ; TTC 22,28.
    p = params(facture("FA2026-0002", "2026-03-02", "2026-04-01", ("1", "20.25", "10")))
    assert lignes(p) == [
        ("411", "22.28", "0.00"),
        ("707", "0.00", "20.25"),
        ("44571", "0.00", "2.03"),
    ]


def test_two_rates_give_two_vat_rows_accepted_in_any_order():
    # 3 × 10,00 à 5,5 % = 30,00, TVA 1,65 ; 2 × 7,25 à 20 % = 14,50, TVA 2,90.
    # HT 44,50 ; TVA 4,55 ; TTC 49,05.
    p = params(
        facture(
            "FA2026-0003", "2026-03-02", "2026-04-01", ("3", "10.00", "5.5"), ("2", "7.25", "20")
        )
    )
    assert lignes(p) == [
        ("411", "49.05", "0.00"),
        ("707", "0.00", "44.50"),
        ("44571", "0.00", "1.65"),
        ("44571", "0.00", "2.90"),
    ]
    juste = KIND.solve(p)
    juste["ecritures"][0]["lignes"].reverse()
    assert all(c.correct for c in KIND.grade(p, juste).champs)


def test_an_escompte_is_debited_to_665_and_reduces_the_vat_base():
    # 10 × 12,35 = 123,50 HT ; escompte 1,5 % = 1,8525 → 1,85 ; net financier 121,65 ;
    # TVA 20 % = 24,33 ; TTC 145,98. Contrôle : 145,98 + 1,85 = 147,83 = 123,50 + 24,33.
    p = params(
        facture(
            "FA2026-0004", "2026-03-02", "2026-04-01", ("10", "12.35", "20"), escompte_taux="1.5"
        )
    )
    assert lignes(p) == [
        ("411", "145.98", "0.00"),
        ("665", "1.85", "0.00"),
        ("707", "0.00", "123.50"),
        ("44571", "0.00", "24.33"),
    ]
    juste = KIND.solve(p)
    rows = juste["ecritures"][0]["lignes"]
    ventes_nettes = [
        r | {"credit": "121.65"} if r["compte"] == "707" else r
        for r in rows
        if r["compte"] != "665"
    ]
    assert "ESCOMPTE_DEDUIT_DES_VENTES" in codes(
        p, reponse(p, ecritures=[{"lignes": ventes_nettes}])
    )
    en_765 = [r | {"compte": "765"} if r["compte"] == "665" else r for r in rows]
    assert "ESCOMPTE_OBTENU_CONFONDU" in codes(p, reponse(p, ecritures=[{"lignes": en_765}]))


def test_a_rebate_credit_note_goes_to_709_or_the_sales_account_a_return_to_sales_only():
    # Rabais de 20,25 € HT à 10 % : TVA 2,025 → 2,03 ; TTC 22,28.
    rabais = params(F1, avoir("AV2026-0001", "2026-03-05", "FA2026-0001", "rabais", "10", "20.25"))
    assert lignes(rabais, 1) == [
        ("709", "20.25", "0.00"),
        ("44571", "2.03", "0.00"),
        ("411", "0.00", "22.28"),
    ]
    juste = KIND.solve(rabais)
    en_707 = [
        r | {"compte": "707"} if r["compte"] == "709" else r
        for r in juste["ecritures"][1]["lignes"]
    ]
    answer = reponse(rabais, ecritures=[juste["ecritures"][0], {"lignes": en_707}])
    assert all(c.correct for c in KIND.grade(rabais, answer).champs)
    # A return cancels part of the sale: 707; 709 is not accepted.
    retour = params(F1, avoir("AV2026-0002", "2026-03-05", "FA2026-0001", "retour", "20", "24.70"))
    assert lignes(retour, 1)[0] == ("707", "24.70", "0.00")
    juste = KIND.solve(retour)
    en_709 = [
        r | {"compte": "709"} if r["compte"] == "707" else r
        for r in juste["ecritures"][1]["lignes"]
    ]
    answer = reponse(retour, ecritures=[juste["ecritures"][0], {"lignes": en_709}])
    assert not champs(retour, answer)["ecritures.1.lignes.0.compte"].correct


ACOMPTE = {
    "type": "acompte",
    "piece": "VIR-0101",
    "date": "2026-02-20",
    "mode": "virement",
    "montant": "150.00",
    "facture": "FA2026-0010",
}
# 10 × 50,00 = 500,00 HT ; TVA 20 % = 100,00 ; TTC 600,00 ; acompte 150,00 ; reste 450,00.
F_ACOMPTE = facture(
    "FA2026-0010", "2026-03-02", "2026-04-01", ("10", "50.00", "20"), acompte="150.00"
)


def test_a_deposit_goes_to_4191_then_is_imputed_and_letters_with_the_balance():
    p = params(ACOMPTE, F_ACOMPTE, reglement("VIR-0102", "2026-03-20", "450.00", "FA2026-0010"))
    assert lignes(p, 0) == [("512", "150.00", "0.00"), ("4191", "0.00", "150.00")]
    assert lignes(p, 2) == [("4191", "150.00", "0.00"), ("411", "0.00", "150.00")]
    solution = KIND.solve(p)
    # 600,00 au débit = 150,00 + 450,00 au crédit : lettré A.
    assert [m["lettre"] for m in solution["lettrage"]] == ["A", "A", "A"]
    assert solution["balance"][0] == {
        "facture": "FA2026-0010",
        "echeance": "2026-04-01",
        "reste_du": "0.00",
        "tranche": "soldee",
    }
    mauvais = [
        r | {"compte": "411"} if r["compte"] == "4191" else r
        for r in solution["ecritures"][0]["lignes"]
    ]
    answer = reponse(p, ecritures=[{"lignes": mauvais}])
    assert codes(p, answer) == {"ACOMPTE_CONFONDU"}


def test_one_payment_of_two_invoices_letters_the_three_lines_together():
    # F1 148,20 + F2 22,28 = 170,48 payés par un seul virement : un seul groupe.
    f2 = facture("FA2026-0002", "2026-03-03", "2026-04-02", ("1", "20.25", "10"))
    p = params(F1, f2, reglement("VIR-1", "2026-03-20", "170.48", "FA2026-0001", "FA2026-0002"))
    assert [m["lettre"] for m in KIND.solve(p)["lettrage"]] == ["A", "A", "A"]
    # Any letter will do if it groups the same lines.
    assert all(c.correct for c in KIND.grade(p, {"lettrage": [{"lettre": "C"}] * 3}).champs)
    # A with F1 and the payment, B for F2: 148,20 ≠ 170,48, the group does not balance.
    faux = {"lettrage": [{"lettre": "A"}, {"lettre": "B"}, {"lettre": "A"}]}
    assert not any(c.correct for c in KIND.grade(p, faux).champs)
    assert codes(p, faux) == {"LETTRAGE_DESEQUILIBRE"}


def test_a_partial_payment_is_not_lettered_and_leaves_the_rest_due():
    # F1 148,20 ; paiement de 100,00 : reste 48,20, échéance 01/04, balance 30/04 : retard 29 j.
    p = params(F1, reglement("CHQ-1", "2026-03-20", "100.00", "FA2026-0001", mode="cheque"))
    solution = KIND.solve(p)
    assert [m["lettre"] for m in solution["lettrage"]] == ["non_lettre", "non_lettre"]
    assert solution["balance"][0]["reste_du"] == "48.20"
    assert solution["balance"][0]["tranche"] == "de_1_a_30"
    assert solution["totaux"]["de_1_a_30"] == "48.20" and solution["solde_client"] == "48.20"
    brut = reponse(p, balance=[{"reste_du": "148.20", "tranche": "de_1_a_30"}])
    assert "RESTE_DU_NON_DIMINUE" in codes(p, brut)


def test_an_overpayment_leaves_the_invoice_settled_and_a_negative_balance():
    # F1 148,20 ; virement de 150,00 : trop-perçu 1,80 ; solde 0 − 1,80 = −1,80 (créditeur).
    p = params(F1, reglement("VIR-2", "2026-03-20", "150.00", "FA2026-0001"))
    solution = KIND.solve(p)
    assert solution["balance"][0]["tranche"] == "soldee"
    assert solution["trop_percu"] == "1.80" and solution["solde_client"] == "-1.80"
    assert [m["lettre"] for m in solution["lettrage"]] == ["non_lettre", "non_lettre"]


@pytest.mark.parametrize(
    ("echeance", "tranche"),
    [
        ("2026-04-30", "non_echu"),  # 30/04 − 30/04 = 0 jour
        ("2026-03-31", "de_1_a_30"),  # 30 jours
        ("2026-03-30", "de_31_a_60"),  # 31 jours
        ("2026-03-01", "de_31_a_60"),  # 60 jours (mars 30 + avril 30)
        ("2026-02-28", "plus_de_60"),  # 61 jours
    ],
)
def test_the_band_is_counted_from_the_due_date_at_its_edges(echeance, tranche):
    p = params(facture("FA2026-0005", "2026-01-15", echeance, ("1", "100.00", "20")))
    assert KIND.solve(p)["balance"][0]["tranche"] == tranche


def test_a_band_counted_from_the_invoice_date_is_named():
    # Facture du 01/03, échéance 31/03, balance 30/04 : 30 jours depuis l'échéance (1 à 30),
    # mais 60 jours depuis la facture (31 à 60).
    p = params(facture("FA2026-0006", "2026-03-01", "2026-03-31", ("1", "100.00", "20")))
    answer = reponse(p, balance=[{"reste_du": "120.00", "tranche": "de_31_a_60"}])
    assert codes(p, answer) == {"TRANCHE_DATE_FACTURE"}


def test_the_amount_due_from_the_students_own_ttc_earns_its_credit():
    # L'élève écrit 411 au débit pour 158,20 au lieu de 148,20 ; son reste dû (158,20 − 100,00
    # = 58,20), son total et son solde sont justes d'après lui : erreur reportée.
    p = params(F1, reglement("CHQ-1", "2026-03-20", "100.00", "FA2026-0001", mode="cheque"))
    juste = KIND.solve(p)
    faux = [
        r | {"debit": "158.20"} if r["compte"] == "411" else r
        for r in juste["ecritures"][0]["lignes"]
    ]
    answer = reponse(
        p,
        ecritures=[{"lignes": faux}, juste["ecritures"][1]],
        balance=[{"reste_du": "58.20", "tranche": "de_1_a_30"}],
        totaux=juste["totaux"] | {"de_1_a_30": "58.20"},
        solde_client="58.20",
    )
    resultat = champs(p, answer)
    assert not resultat["ecritures.0.lignes.0.debit"].correct
    for nom in ("balance.0.reste_du", "totaux.de_1_a_30", "solde_client"):
        assert resultat[nom].correct and "reportée" in resultat[nom].message


def test_named_account_and_amount_errors():
    p = params(F1, reglement("VIR-3", "2026-03-20", "148.20", "FA2026-0001"))
    juste = KIND.solve(p)
    vente, banque = juste["ecritures"]

    def avec(k: int, cible: str, **valeurs: str) -> dict:
        ecritures = [vente, banque]
        lignes_k = [r | valeurs if r["compte"] == cible else r for r in ecritures[k]["lignes"]]
        ecritures[k] = {"lignes": lignes_k}
        return reponse(p, ecritures=ecritures)

    assert codes(p, avec(0, "411", debit="123.50")) == {"CLIENT_AU_HT"}
    assert codes(p, avec(0, "707", compte="706")) == {"COMPTE_PRODUIT_CONFONDU"}
    assert codes(p, avec(0, "44571", compte="44566")) == {"TVA_DEDUCTIBLE_CONFONDUE"}
    assert codes(p, avec(1, "411", compte="707")) == {"ENCAISSEMENT_EN_VENTE"}
    inverse = [r | {"debit": r["credit"], "credit": r["debit"]} for r in banque["lignes"]]
    assert codes(p, reponse(p, ecritures=[vente, {"lignes": inverse}])) == {"ECRITURE_SENS_INVERSE"}


def test_an_invoice_of_the_facture_kind_is_recorded_with_its_own_totals():
    org = generate_company(11)
    invoice = get_kind("facture").generate(11, 2, org).params | {
        "numero": "FA2026-0100",
        "date": "2026-03-02",
    }
    p = params({"type": "facture", "echeance": "2026-04-01", "facture": invoice})
    ttc = get_kind("facture").solve(invoice)["total_ttc"]
    assert lignes(p)[0] == ("411", ttc, "0.00")
    assert KIND.grade(p, KIND.solve(p)).score == 1


def test_params_are_refused_in_one_french_line():
    with pytest.raises(InvalidInput, match="absente"):
        KIND.check_params(params(F1, reglement("VIR-4", "2026-03-20", "10.00", "FA2026-9999")))
    with pytest.raises(InvalidInput, match="facture du document 1"):
        KIND.check_params(
            params(facture("FA2026-0007", "2026-03-02", "2026-04-01", ("-1", "5", "20")))
        )
    with pytest.raises(InvalidInput, match="acomptes"):
        KIND.check_params(params(F_ACOMPTE))


def _documents(variant) -> list[str]:
    return [d["type"] for d in variant.params["documents"]]


def test_level_one_has_two_invoices_at_one_rate_and_one_payment(variant):
    for seed in range(4):
        v = variant("encaissements", seed, 1)
        assert sorted(_documents(v)) == ["facture", "facture", "reglement"]
        taux = {
            ligne["taux_tva"]
            for d in v.params["documents"]
            if d["type"] == "facture"
            for ligne in d["facture"]["lignes"]
        }
        assert len(taux) == 1


def test_level_three_has_a_deposit_a_credit_note_a_partial_payment_and_an_overpayment(variant):
    for seed in range(4):
        v = variant("encaissements", seed, 3)
        assert {"acompte", "avoir", "facture", "reglement"} == set(_documents(v))
        solution = KIND.solve(v.params)
        assert Decimal(solution["trop_percu"]) > 0
        assert any(b["tranche"] != "soldee" for b in solution["balance"])


def test_an_association_outside_vat_records_no_vat_row():
    org = next(
        generate_company(s)
        for s in range(200)
        if generate_company(s).secteur == "association_sportive"
    )
    v = KIND.generate(3, 2, org)
    comptes = {r["compte"] for x in KIND.solve(v.params)["ecritures"] for r in x["lignes"]}
    assert "44571" not in comptes and "706" in comptes


def test_two_receipts_never_share_a_piece_number():
    # Found by the sector sweep: the IT firm of seed 49 drew the same transfer reference for two
    # receipts at level 2, and its own params were refused (« deux documents ont le même numéro
    # de pièce »): the student got no exercise.
    variant = KIND.generate(49, 2, generate_company(49, "informatique"))
    pieces = [d["piece"] for d in variant.params["documents"] if "piece" in d]
    assert len(pieces) == len(set(pieces))
    assert KIND.grade(variant.params, KIND.solve(variant.params)).score == 1
