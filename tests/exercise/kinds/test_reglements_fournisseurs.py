"""The reglements_fournisseurs kind, beyond the shared contract: hand-checked weeks of supplier
payments (own computation, step by step in the comments, on the rules of
scenarios/baremes/reglements.yaml), the half-cent roundings, the named wrong methods, errors
carried forward, the bank-details checks, the SEPA file, what each level puts in the
exercise, and refused params."""

from __future__ import annotations

import copy

import pytest

from agora.company import generate_company
from agora.errors import InvalidInput
from agora.exercise.kinds.reglements_fournisseurs import KIND as reglements
from agora.exercise.kinds.reglements_fournisseurs import rib, sepa
from agora.exercise.kinds.reglements_fournisseurs.params import lire_params

# Valid French IBANs (RIB key and ISO 13616 check digits computed by identifiers.iban_fr).
IBAN_1 = "FR7630004000311234567890111"
IBAN_2 = "FR7630003012340005001234509"
IBAN_3 = "FR7620041010050500013026052"
IBAN_4 = "FR7610107001750001234567840"
IBAN_5 = "FR7617515900000812345678938"
# IBAN_1 with its digits « 34 » swapped to « 43 »: the modulo 97 fails.
IBAN_1_CLE_FAUSSE = "FR7630004000311243567890111"


def facture(numero, nom, jour, echeance, ht, tva, iban, bic, **autres):
    f = {
        "numero": numero,
        "fournisseur": {"code": numero[-3:], "nom": nom, "iban": iban, "bic": bic},
        "date": jour,
        "echeance": echeance,
        "montant_ht": ht,
        "taux_tva": tva,
        "iban": autres.pop("iban_facture", iban),
        "bic": autres.pop("bic_facture", bic),
    }
    f.update(autres)
    return f


# Monday 9 March 2026, week ending Friday 13; overdraft at 9 %; a company that recovers VAT.
SEMAINE = {
    "niveau": 2,
    "organisation": {
        "nom": "Boulangerie Martin",
        "iban": IBAN_2,
        "bic": "SOGEFRPPXXX",
        "assujettie_tva": True,
    },
    "date_paiement": "2026-03-09",
    "fin_semaine": "2026-03-13",
    "taux_decouvert": "9",
    "reference_remise": "VIR20260309-417",
    "factures": [
        # 500,00 HT + 20 % = 600,00 TTC, due 4 March: overdue.
        facture(
            "FA-101",
            "Moulins Durand",
            "2026-01-20",
            "2026-03-04",
            "500.00",
            "20",
            IBAN_1,
            "BNPAFRPPXXX",
        ),
        # 1 000,00 HT + 5,5 % = 1 055,00 TTC, due Thursday 12: this week.
        facture(
            "FA-102",
            "Laiterie de Rodez",
            "2026-02-10",
            "2026-03-12",
            "1000.00",
            "5.5",
            IBAN_3,
            "PSSTFRPPXXX",
        ),
        # 1 234,25 HT + 246,85 = 1 481,10 TTC, due 1 April, 2 % if paid within 10 days.
        facture(
            "FA-103",
            "Emballages Petit",
            "2026-03-02",
            "2026-04-01",
            "1234.25",
            "20",
            IBAN_4,
            "BREDFRPPXXX",
            escompte={"taux": "2", "jours": 10},
        ),
        # 300,00 HT + 60,00 = 360,00 TTC, due 21 April: later.
        facture(
            "FA-104",
            "Primeurs Roux",
            "2026-02-20",
            "2026-04-21",
            "300.00",
            "20",
            IBAN_5,
            "CEPAFRPP751",
        ),
        # 2 000,00 HT + 400,00 = 2 400,00 TTC, due Wednesday 11; the invoice shows another
        # IBAN than the supplier file: blocked.
        facture(
            "FA-105",
            "Fours Lambert",
            "2026-02-09",
            "2026-03-11",
            "2000.00",
            "20",
            IBAN_5,
            "CEPAFRPP751",
            iban_facture=IBAN_1,
            bic_facture="BNPAFRPPXXX",
        ),
    ],
}


def semaine(**changes):
    p = copy.deepcopy(SEMAINE)
    p.update(changes)
    return p


def test_the_week_step_by_step():
    s = reglements.solve(SEMAINE)
    assert [f["situation"] for f in s["factures"]] == [
        "echue",
        "cette_semaine",
        "plus_tard",
        "plus_tard",
        "cette_semaine",
    ]
    assert [f["rib"] for f in s["factures"]] == ["valide"] * 4 + ["a_bloquer"]
    # Escompte HT = 1 234,25 × 2 % = 24,685 → 24,69 (half a cent, rounded up).
    # Its VAT = 24,69 × 20 % = 4,938 → 4,94. Paid = 1 481,10 − 24,69 − 4,94 = 1 451,47.
    # Days early = 1 April − 9 March = 23. Overdraft = 1 451,47 × 9 % × 23 / 360
    # = 300 454,29 / 36 000 = 8,3459… → 8,35. Gain 24,69 (HT, VAT recovered) > 8,35: take it.
    assert s["escompte"] == {
        "montant_ht": "24.69",
        "tva": "4.94",
        "jours": "23",
        "cout": "8.35",
        "decision": "prendre",
    }
    assert [f["decision"] for f in s["factures"]] == [
        "payer",
        "payer",
        "payer",
        "attendre",
        "bloquer",
    ]
    assert [f.get("montant") for f in s["factures"]] == ["600.00", "1055.00", "1451.47", None, None]
    # 600,00 + 1 055,00 + 1 451,47 = 3 106,47.
    assert s["total"] == "3106.47"


def test_the_entry_of_the_week_balances():
    lignes = [(r["compte"], r["debit"], r["credit"]) for r in reglements.solve(SEMAINE)["ecriture"]]
    # Debits 600,00 + 1 055,00 + 1 481,10 = 3 136,10 = credits 24,69 + 4,94 + 3 106,47.
    assert lignes == [
        ("401", "600.00", "0.00"),
        ("401", "1055.00", "0.00"),
        ("401", "1481.10", "0.00"),
        ("765", "0.00", "24.69"),
        ("44566", "0.00", "4.94"),
        ("512", "0.00", "3106.47"),
    ]


def _escompte_seul(ht, tva, jour, echeance, taux, jours=10, **changes):
    f = facture(
        "FA-201",
        "Emballages Petit",
        jour,
        echeance,
        ht,
        tva,
        IBAN_4,
        "BREDFRPPXXX",
        escompte={"taux": taux, "jours": jours},
    )
    paye = facture(
        "FA-101",
        "Moulins Durand",
        "2026-01-20",
        "2026-03-04",
        "500.00",
        "20",
        IBAN_1,
        "BNPAFRPPXXX",
    )
    return semaine(factures=[paye, f], **changes)


def test_an_overdraft_cost_on_a_half_cent():
    # 2 493,94 HT with no VAT, 1 % → 24,9394 → 24,94; paid 2 469,00, 20 days early at 9 %:
    # 2 469,00 × 9 × 20 / 36 000 = 12,345 → 12,35 (half a cent, up); truncated it is 12,34.
    p = _escompte_seul("2493.94", "0", "2026-03-05", "2026-03-29", "1")
    s = reglements.solve(p)
    assert s["escompte"] == {
        "montant_ht": "24.94",
        "tva": "0.00",
        "jours": "20",
        "cout": "12.35",
        "decision": "prendre",
    }
    g = reglements.grade(p, _avec(s, "escompte", cout="12,34"))
    assert "ARRONDI_TRONQUE" in codes(g)
    # Over 365 days: 44 442 / 365 / 10 = 12,1758… → 12,18.
    g = reglements.grade(p, _avec(s, "escompte", cout="12.18"))
    assert "DECOUVERT_365" in codes(g)


def test_an_escompte_not_worth_it_waits_for_the_due_date():
    # 800,00 HT, 0,5 % → 4,00 ; VAT 0,80 ; paid 955,20, 40 days early at 12 %:
    # 955,20 × 12 × 40 / 36 000 = 12,736 → 12,74 > 4,00: keep the money, pay on 18 April.
    p = _escompte_seul("800.00", "20", "2026-03-03", "2026-04-18", "0.5", taux_decouvert="12")
    s = reglements.solve(p)
    assert s["escompte"]["cout"] == "12.74"
    assert s["escompte"]["decision"] == "ne_pas_prendre"
    assert s["factures"][1]["decision"] == "attendre"
    assert s["total"] == "600.00"
    assert [r["compte"] for r in s["ecriture"]] == ["401", "512"]


def test_an_organisation_outside_vat_gains_the_whole_escompte():
    # 1 000,00 HT, 1 % → 10,00 ; VAT 2,00 ; paid 1 188,00, 33 days early at 10 %:
    # 1 188 × 10 × 33 / 36 000 = 10,89. A company recovering VAT gains 10,00 < 10,89: no;
    # an association that does not gains 12,00 > 10,89: yes, and 765 takes the 12,00.
    args = ("1000.00", "20", "2026-03-04", "2026-04-11", "1")
    p = _escompte_seul(*args, taux_decouvert="10")
    assert reglements.solve(p)["escompte"]["decision"] == "ne_pas_prendre"
    g = reglements.grade(p, _avec(reglements.solve(p), "escompte", decision="prendre"))
    assert "GAIN_TTC" in codes(g)
    association = copy.deepcopy(p)
    association["organisation"]["assujettie_tva"] = False
    s = reglements.solve(association)
    assert s["escompte"]["cout"] == "10.89"
    assert s["escompte"]["decision"] == "prendre"
    assert [(r["compte"], r["debit"], r["credit"]) for r in s["ecriture"]] == [
        ("401", "600.00", "0.00"),
        ("401", "1200.00", "0.00"),
        ("765", "0.00", "12.00"),
        ("512", "0.00", "1788.00"),
    ]


def test_level_3_deducts_the_credit_note_and_the_part_paid():
    p = semaine(niveau=3)
    # 1 000,00 HT at 5,5 %: 1 055,00 TTC; credit note 150,10 HT, VAT 8,2555 → 8,26,
    # so 158,36 TTC: still due 1 055,00 − 158,36 = 896,64.
    p["factures"][1]["avoir"] = {"numero": "AV-7", "montant_ht": "150.10"}
    # 360,00 TTC with 100,00 already paid: 260,00 still due (paid later: not this week).
    p["factures"][3]["deja_paye"] = "100.00"
    s = reglements.solve(p)
    assert [f["reste_du"] for f in s["factures"]] == [
        "600.00",
        "896.64",
        "1481.10",
        "260.00",
        "2400.00",
    ]
    assert s["factures"][1]["montant"] == "896.64"
    g = reglements.grade(p, _avec(s, "factures", 1, reste_du="1055.00"))
    assert "AVOIR_NON_DEDUIT" in codes(g)
    g = reglements.grade(p, _avec(s, "factures", 3, reste_du="360.00"))
    assert "ACOMPTE_NON_DEDUIT" in codes(g)


def test_the_due_situation_at_the_edges_of_the_week():
    r = lire_params(SEMAINE)
    from agora.exercise.kinds.reglements_fournisseurs.solve import situation

    def sur(echeance):
        f = r.factures[0]
        return situation(r, type(f)(**{**f.__dict__, "echeance": echeance}))

    from datetime import date

    assert sur(date(2026, 3, 8)) == "echue"  # the day before the payment day
    assert sur(date(2026, 3, 9)) == "cette_semaine"  # the payment day itself
    assert sur(date(2026, 3, 13)) == "cette_semaine"  # Friday
    assert sur(date(2026, 3, 14)) == "plus_tard"  # Saturday


def test_the_bank_details_checks():
    assert rib.motifs_refus(IBAN_1, "BNPAFRPPXXX", IBAN_1, "BNPAFRPPXXX") == ()
    # Another valid IBAN on the invoice than in the file: a changed RIB, not confirmed.
    assert rib.motifs_refus(IBAN_5, "CEPAFRPP751", IBAN_1, "BNPAFRPPXXX") == ("iban_modifie",)
    # Two digits swapped: the check digits no longer match (modulo 97 ≠ 1).
    assert rib.motifs_refus(IBAN_1_CLE_FAUSSE, "BNPAFRPPXXX", IBAN_1_CLE_FAUSSE, "BNPAFRPPXXX") == (
        "cle_iban",
    )
    # A German BIC (letters 5-6 « DE ») for a French IBAN.
    assert rib.motifs_refus(IBAN_1, "DEUTDEFFXXX", IBAN_1, "DEUTDEFFXXX") == ("bic_pays",)


def _avec(solution, *chemin, **valeurs):
    answer = copy.deepcopy(solution)
    node = answer
    for part in chemin:
        node = node[part]
    node.update(valeurs)
    return answer


def codes(g):
    return {d.code for d in g.diagnostics}


def test_the_escompte_methods_are_named():
    s = reglements.solve(SEMAINE)
    # 2 % of the TTC 1 481,10 = 29,622 → 29,62.
    assert "ESCOMPTE_SUR_TTC" in codes(
        reglements.grade(SEMAINE, _avec(s, "escompte", montant_ht="29.62"))
    )
    assert "ESCOMPTE_SANS_TVA" in codes(reglements.grade(SEMAINE, _avec(s, "escompte", tva="0")))
    # 9 March − 2 March = 7 days since the invoice, instead of 23 to its due date.
    assert "JOURS_DEPUIS_FACTURE" in codes(
        reglements.grade(SEMAINE, _avec(s, "escompte", jours="7"))
    )
    # On the TTC: 1 481,10 × 9 × 23 / 36 000 = 8,5163… → 8,52.
    assert "COUT_SUR_TTC" in codes(reglements.grade(SEMAINE, _avec(s, "escompte", cout="8.52")))


def test_the_schedule_and_bank_errors_are_named():
    s = reglements.solve(SEMAINE)
    g = reglements.grade(SEMAINE, _avec(s, "factures", 0, situation="cette_semaine"))
    assert "ECHUE_NON_VUE" in codes(g)
    g = reglements.grade(SEMAINE, _avec(s, "factures", 1, situation="plus_tard"))
    assert "FIN_DE_SEMAINE_OUBLIEE" in codes(g)
    g = reglements.grade(SEMAINE, _avec(s, "factures", 4, rib="valide", decision="payer"))
    assert "RIB_NON_CONTROLE" in codes(g)
    assert g.score < 1


def test_a_wrong_escompte_is_carried_to_its_vat_the_amount_and_the_entry():
    s = reglements.solve(SEMAINE)
    answer = _avec(s, "escompte", montant_ht="25.00", tva="5.00")  # 25,00 × 20 % = 5,00
    answer["factures"][2]["montant"] = "1 451,10 €"  # 1 481,10 − 25,00 − 5,00
    answer["total"] = "3106.10"
    for row in answer["ecriture"]:
        row["credit"] = {"24.69": "25.00", "4.94": "5.00", "3106.47": "3106.10"}.get(
            row["credit"], row["credit"]
        )
    g = reglements.grade(SEMAINE, answer)
    faux = [c.champ for c in g.champs if not c.correct]
    assert faux == ["escompte.montant_ht"]


def test_the_entry_accounts_confused_are_named():
    s = reglements.solve(SEMAINE)
    answer = copy.deepcopy(s)
    answer["ecriture"][3]["compte"] = "665"
    answer["ecriture"][4]["compte"] = "445710"
    g = reglements.grade(SEMAINE, answer)
    assert {"ESCOMPTE_OBTENU_CONFONDU", "TVA_COLLECTEE_CONFONDUE"} <= codes(g)
    competences = dict(g.competences)
    assert competences["2.2.2"] == 1 and competences["2.2.3"] < 1


def test_the_sepa_file_of_the_week():
    xml = sepa.fichier_reference(SEMAINE)
    sepa.valide(xml)
    texte = xml.decode()
    assert "<MsgId>VIR20260309-417</MsgId>" in texte
    assert "<CreDtTm>2026-03-09T08:00:00</CreDtTm>" in texte
    assert "<NbOfTxs>3</NbOfTxs><CtrlSum>3106.47</CtrlSum>" in texte
    assert '<InstdAmt Ccy="EUR">1451.47</InstdAmt>' in texte
    assert "Fours Lambert" not in texte  # blocked
    assert sepa.fichier_reference(copy.deepcopy(SEMAINE)) == xml  # same bytes
    # The student who pays the blocked invoice puts it in their file (to the file's IBAN).
    answer = _avec(reglements.solve(SEMAINE), "factures", 4, decision="payer", montant="2400")
    eleve = sepa.fichier_eleve(SEMAINE, answer)
    sepa.valide(eleve)
    assert "Fours Lambert" in eleve.decode() and "<CtrlSum>5506.47</CtrlSum>" in eleve.decode()


@pytest.mark.parametrize("niveau", [1, 2, 3])
def test_each_level_puts_its_traps_in_the_exercise(niveau):
    org = generate_company(11)
    v = reglements.generate(5, niveau, org)
    r = lire_params(v.params)
    s = reglements.solve(v.params)
    assert len(r.factures) == {1: 3, 2: 5, 3: 6}[niveau]
    assert r.rang_escompte is not None
    assert "a_bloquer" in [f["rib"] for f in s["factures"]]
    assert ("reste_du" in s["factures"][0]) == (niveau == 3)
    if niveau == 3:
        assert any(f.avoir for f in r.factures) and any(f.deja_paye for f in r.factures)
        assert "cle_iban" in {
            m
            for f in r.factures
            for m in rib.motifs_refus(f.iban_fichier, f.bic_fichier, f.iban, f.bic)
        }


@pytest.mark.parametrize(
    "change",
    [
        {"fin_semaine": "2026-03-01"},
        {"taux_decouvert": "0"},
        {"factures": []},
        {"reference_remise": "é" * 5},
    ],
)
def test_refused_params_say_why_in_french(change):
    with pytest.raises(InvalidInput, match=r"^Paramètres"):
        reglements.check_params(semaine(**change))


def test_two_escomptes_are_refused():
    p = semaine()
    p["factures"][0]["escompte"] = {"taux": "1", "jours": 10}
    with pytest.raises(InvalidInput, match="une seule facture"):
        reglements.check_params(p)


@pytest.mark.slow
def test_the_sepa_files_of_100_seeds_validate_against_the_pain_001_schema():
    org = generate_company(3)
    for seed in range(100):
        for niveau in (1, 2, 3):
            params = reglements.generate(seed, niveau, org).params
            sepa.valide(sepa.fichier_reference(params))


def test_a_long_remittance_reference_and_odd_amounts_still_give_a_valid_file():
    p = semaine(reference_remise="R" * 35)
    answer = reglements.solve(p)
    answer["factures"][0]["montant"] = "0"  # nothing to send
    answer["factures"][1]["montant"] = "1055,005"  # unreadable (three decimals): left out
    xml = sepa.fichier_eleve(p, answer)
    sepa.valide(xml)  # the payment block's id stays within 35 characters
    assert "<NbOfTxs>1</NbOfTxs>" in xml.decode()
    assert '<InstdAmt Ccy="EUR">1451.47</InstdAmt>' in xml.decode()
    assert sepa.fichier_eleve(p, {"factures": [{"decision": "attendre"}]}) is None
