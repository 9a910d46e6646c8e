"""Hand-checked reconciliations: every figure below was computed by hand in the comments."""

from __future__ import annotations

from decimal import Decimal

from agora.exercise.kinds.rapprochement import KIND as kind


def line(ident, debit="0.00", credit="0.00", libelle="Opération", ref=None, date="2026-03-10"):
    d = {"id": ident, "date": date, "libelle": libelle, "debit": debit, "credit": credit}
    return d | ({"ref": ref} if ref else {})


# Ledger: 1 000,00 + remise 200,00 − chèque 150,00 = 1 050,00.
# Statement: 1 000,00 + remise 200,00 − frais 12,50 = 1 187,50.
# Company side: 1 050,00 − 12,50 (B2) = 1 037,50 ; bank side: 1 187,50 − 150,00 (C2) = 1 037,50.
SIMPLE = {
    "periode": "2026-03",
    "solde_initial": "1000.00",
    "compte_512": [
        line("C1", debit="200.00", libelle="Remise de chèques n° 7", ref="R7"),
        line("C2", credit="150.00", libelle="Chèque n° 1234 — Durand", ref="1234"),
    ],
    "releve": [
        line("B1", credit="200.00", libelle="REMISE CHEQUES N° 7", ref="R7"),
        line("B2", debit="12.50", libelle="FRAIS TENUE DE COMPTE"),
    ],
}


def test_example_1_simple_reconciliation():
    assert kind.solve(SIMPLE) == {
        "pointage": [["C1", "B1"]],
        "solde_compte_512": "1050.00",
        "solde_releve": "1187.50",
        "cote_entreprise": {"ajouts": [], "deductions": ["B2"]},
        "cote_banque": {"ajouts": [], "deductions": ["C2"]},
        "solde_rectifie": "1037.50",
        "ecritures": [
            {"ligne": "B2", "compte_debit": "627", "compte_credit": "512", "montant": "12.50"}
        ],
    }


def test_example_2_transfer_received_and_deposit_not_yet_credited():
    # Ledger 5 000 + 300 (deposit C1, not on statement) = 5 300.
    # Statement 5 000 + 480 (transfer B1, not in ledger) = 5 480.
    # Company: 5 300 + 480 = 5 780 ; bank: 5 480 + 300 = 5 780.
    params = {
        "periode": "2026-04",
        "solde_initial": "5000.00",
        "compte_512": [line("C1", debit="300.00", libelle="Versement d'espèces")],
        "releve": [line("B1", credit="480.00", libelle="VIR SEPA RECU MARTIN FA12")],
    }
    s = kind.solve(params)
    assert s["cote_entreprise"] == {"ajouts": ["B1"], "deductions": []}
    assert s["cote_banque"] == {"ajouts": ["C1"], "deductions": []}
    assert s["solde_rectifie"] == "5780.00"
    assert s["ecritures"] == [
        {"ligne": "B1", "compte_debit": "512", "compte_credit": "411", "montant": "480.00"}
    ]


def test_example_3_urssaf_agios_interest_and_direct_debit_accounts():
    # Ledger 2 000 (no movement). Statement 2 000 − 640 − 18,40 + 3,15 − 96,80 = 1 247,95.
    # Company: 2 000 + 3,15 − 640 − 18,40 − 96,80 = 1 247,95 = statement (nothing on bank side).
    params = {
        "periode": "2026-05",
        "solde_initial": "2000.00",
        "compte_512": [],
        "releve": [
            line("B1", debit="640.00", libelle="PRLV SEPA URSSAF COTISATIONS"),
            line("B2", debit="18.40", libelle="AGIOS INTERETS DEBITEURS TRIMESTRE"),
            line("B3", credit="3.15", libelle="INTERETS CREDITEURS DU COMPTE"),
            line("B4", debit="96.80", libelle="PRLV SEPA ENGIE"),
        ],
    }
    s = kind.solve(params)
    assert s["solde_rectifie"] == s["solde_releve"] == "1247.95"
    comptes = {e["ligne"]: (e["compte_debit"], e["compte_credit"]) for e in s["ecritures"]}
    assert comptes == {
        "B1": ("431", "512"),
        "B2": ("661", "512"),
        "B3": ("512", "768"),
        "B4": ("606", "512"),  # ENGIE: energy (606); 401 is accepted too (scenarios/banque)
    }


def test_example_4_last_months_suspense_sets_the_statement_opening_balance():
    # Ledger opening 2 000. S1 cheque 500 not cashed and S2 deposit 100 not credited last month,
    # so the statement opened at 2 000 + 500 − 100 = 2 400.
    # This month the bank cashes S1 (B1 −500); S2 still waits. No ledger movement.
    # Ledger 2 000 ; statement 2 400 − 500 = 1 900 ; bank side: 1 900 + 100 (S2) = 2 000.
    params = {
        "periode": "2026-03",
        "solde_initial": "2000.00",
        "suspens_anterieurs": [
            line("S1", credit="500.00", libelle="Chèque n° 88", ref="88", date="2026-02-27"),
            line("S2", debit="100.00", libelle="Remise n° 3", ref="R3", date="2026-02-28"),
        ],
        "compte_512": [],
        "releve": [line("B1", debit="500.00", libelle="CHQ N° 88", ref="88")],
    }
    s = kind.solve(params)
    assert s["pointage"] == [["S1", "B1"]]
    assert (s["solde_compte_512"], s["solde_releve"]) == ("2000.00", "1900.00")
    assert s["cote_banque"] == {"ajouts": ["S2"], "deductions": []}
    assert s["solde_rectifie"] == "2000.00" and s["ecritures"] == []


def test_example_5_customer_cheques_entered_540_instead_of_450():
    # Ledger 1 000 + 540 = 1 540 ; statement 1 000 + 450 = 1 450.
    # The ledger shows 90 too much: company side deduction C1 (90) -> 1 450 = statement.
    params = {
        "periode": "2026-03",
        "solde_initial": "1000.00",
        "compte_512": [line("C1", debit="540.00", libelle="Remise de chèques n° 9", ref="R9")],
        "releve": [line("B1", credit="450.00", libelle="REMISE CHEQUES N° 9", ref="R9")],
    }
    s = kind.solve(params)
    assert s["pointage"] == [["C1", "B1"]]
    assert s["cote_entreprise"] == {"ajouts": [], "deductions": ["C1"]}
    assert s["solde_rectifie"] == "1450.00"
    assert s["ecritures"] == [
        {"ligne": "C1", "compte_debit": "411", "compte_credit": "512", "montant": "90.00"}
    ]
    full = {**s, "ecritures": [{**s["ecritures"][0], "montant": "540.00"}]}
    assert "ERREUR_MONTANT_COMPLET" in {d.code for d in kind.grade(params, full).diagnostics}


def test_example_6_supplier_cheque_entered_1520_instead_of_1250():
    # Ledger 3 000 − 1 520 = 1 480 ; statement 3 000 − 1 250 = 1 750.
    # The ledger took 270 too much out: company side addition C1 (270): 1 480 + 270 = 1 750.
    params = {
        "periode": "2026-03",
        "solde_initial": "3000.00",
        "compte_512": [line("C1", credit="1520.00", libelle="Chèque n° 41", ref="41")],
        "releve": [line("B1", debit="1250.00", libelle="CHQ N° 41", ref="41")],
    }
    s = kind.solve(params)
    assert s["cote_entreprise"] == {"ajouts": ["C1"], "deductions": []}
    assert s["solde_rectifie"] == "1750.00"
    assert s["ecritures"][0] == {
        "ligne": "C1", "compte_debit": "512", "compte_credit": "401", "montant": "270.00"
    }  # fmt: skip


def test_example_7_error_carried_forward_on_the_rectified_balance():
    # The student did not point C1↔B1 and listed B1 (+200) company side, C1 (+200) bank side:
    # company 1 050 + 200 − 12,50 = 1 237,50 ; bank 1 187,50 + 200 − 150 = 1 237,50.
    # Both own sides agree on 1 237,50: the rectified balance earns its 2 points.
    answer = {
        "cote_entreprise": {"ajouts": ["B1"], "deductions": ["B2"]},
        "cote_banque": {"ajouts": ["C1"], "deductions": ["C2"]},
        "solde_rectifie": "1 237,50 €",
    }
    grade = kind.grade(SIMPLE, answer)
    rectifie = next(c for c in grade.champs if c.champ == "solde_rectifie")
    assert not rectifie.correct and "erreur reportée" in rectifie.message
    # cote_entreprise: 1 hit − 1 wrong = 0/1; cote_banque: 0/1; solde_rectifie 1 -> 2/6.
    assert grade.score == Decimal("0.3333")
    assert "LIGNE_POINTABLE_EN_SUSPENS" in {d.code for d in grade.diagnostics}


def test_example_8_half_credit_when_the_two_own_sides_disagree():
    # solde_compte_512 typed 1 150 (100 too much): company side 1 150 − 12,50 = 1 137,50;
    # bank side 1 187,50 − 150 = 1 037,50. 1 137,50 matches one side only: half of 2 points.
    answer = {
        "solde_compte_512": "1150.00",
        "solde_releve": "1187.50",
        "cote_entreprise": {"ajouts": [], "deductions": ["B2"]},
        "cote_banque": {"ajouts": [], "deductions": ["C2"]},
        "solde_rectifie": "1137.50",
    }
    grade = kind.grade(SIMPLE, answer)
    # Points: 512 0/1, relevé 1/1, sides 2+2, rectifié 1/2 -> 6/8 = 0.75.
    assert grade.score == Decimal("0.7500")
    assert "SOLDES_RECTIFIES_DIFFERENTS" in {d.code for d in grade.diagnostics}


def test_example_9_every_accepted_account_is_accepted():
    for debit, credit in (("6278", "512"), ("627", "5121")):
        answer = {"ecritures": [{"ligne": "B2", "compte_debit": debit, "compte_credit": credit,
                                 "montant": "12,50"}]}  # fmt: skip
        assert kind.grade(SIMPLE, answer).score == 1
    params = {
        "periode": "2026-03",
        "solde_initial": "100.00",
        "compte_512": [],
        "releve": [
            line("B1", debit="9.99", libelle="AGIOS INTERETS DEBITEURS"),
            line("B2", credit="75.00", libelle="VIR SEPA RECU DUPONT"),
        ],
    }
    answer = {
        "ecritures": [
            {"ligne": "B1", "compte_debit": "6616", "compte_credit": "512", "montant": "9.99"},
            {"ligne": "B2", "compte_debit": "512", "compte_credit": "411DUPONT", "montant": "75"},
        ]
    }
    assert kind.grade(params, answer).score == 1
    answer["ecritures"][0]["compte_debit"] = "627"
    assert "COMPTE_INCORRECT" in {d.code for d in kind.grade(params, answer).diagnostics}


def test_example_10_amounts_at_half_a_cent_are_refused_not_rounded():
    # 1 037,505 is not an amount to the cent: a format message, no point, no crash.
    grade = kind.grade(SIMPLE, {"solde_rectifie": "1037,505", "solde_releve": "1 187,50 €"})
    verdicts = {c.champ: c for c in grade.champs}
    assert not verdicts["solde_rectifie"].correct
    assert "centime" in verdicts["solde_rectifie"].message
    assert verdicts["solde_releve"].correct
    # Points: relevé 1/1, rectifié 0/2 -> 1/3.
    assert grade.score == Decimal("0.3333")


def test_example_11_statement_read_from_the_banks_side():
    # Reading the statement's debit as money in: 1 000 − 200 + 12,50 = 812,50.
    grade = kind.grade(SIMPLE, {"solde_releve": "812.50"})
    assert grade.score == 0
    assert [d.code for d in grade.diagnostics] == ["SENS_RELEVE_INVERSE"]


def test_example_12_any_valid_matching_of_equal_amounts_is_accepted():
    # Two cheques of 100,00 each: either pairing is a valid pointage.
    params = {
        "periode": "2026-03",
        "solde_initial": "500.00",
        "compte_512": [line("C1", credit="100.00"), line("C2", credit="100.00")],
        "releve": [line("B1", debit="100.00"), line("B2", debit="100.00")],
    }
    assert kind.grade(params, {"pointage": [["C1", "B2"], ["C2", "B1"]]}).score == 1
    twice = kind.grade(params, {"pointage": [["C1", "B1"], ["C2", "B1"]]})
    # One valid pair, one reusing B1: (1 − 1) / 2 = 0.
    assert twice.score == 0 and twice.diagnostics[0].code == "POINTAGE_INCORRECT"


def test_example_13_deposit_and_cheque_misplaced_on_the_bank_side():
    params = {**SIMPLE, "compte_512": [*SIMPLE["compte_512"], line("C3", debit="75.00")]}
    answer = {"cote_banque": {"ajouts": ["C2"], "deductions": ["C3"]}}
    codes = {d.code for d in kind.grade(params, answer).diagnostics}
    assert {"DEPOT_NON_CREDITE_MAL_PLACE", "CHEQUE_NON_ENCAISSE_MAL_PLACE"} <= codes


def test_example_14_a_pair_written_statement_first_is_still_a_pair():
    assert kind.grade(SIMPLE, {"pointage": [["B1", "C1"]]}).score == 1


def test_example_15_an_account_padded_with_zeros_is_the_same_account():
    # Accounting software pads accounts to six digits: « 627000 » is 627, « 627800 » is 6278.
    for debit, credit in (
        ("627000", "512000"),
        ("6270", "512"),
        ("627800", "5121"),
        ("627 000", "512"),
    ):
        answer = {"ecritures": [{"ligne": "B2", "compte_debit": debit, "compte_credit": credit,
                                 "montant": "12,50"}]}  # fmt: skip
        assert kind.grade(SIMPLE, answer).score == 1, debit
    # Another account of the class is still another account: 6271 is not 627 nor 6278.
    answer = {"ecritures": [{"ligne": "B2", "compte_debit": "6271", "compte_credit": "512",
                             "montant": "12,50"}]}  # fmt: skip
    grade = kind.grade(SIMPLE, answer)
    assert grade.score == 0 and [d.code for d in grade.diagnostics] == ["COMPTE_INCORRECT"]


def test_example_16_the_whole_answer_written_the_french_way_scores_one():
    # The solution of example 1 as a French student types it: « 1 050,00 € », « b 1 », a list as
    # one text, an amount without its cents.
    answer = {
        "pointage": [["c1", "b 1"]],
        "solde_compte_512": "1 050,00 €",
        "solde_releve": "1187,5",
        "cote_entreprise": {"ajouts": "", "deductions": "b2"},
        "cote_banque": {"ajouts": [], "deductions": "C2 ;"},
        "solde_rectifie": "1\u00a0037,50\u00a0€",
        "ecritures": [{"ligne": " b2", "compte_debit": "627", "compte_credit": "512",
                       "montant": "12,5 €"}],
    }  # fmt: skip
    grade = kind.grade(SIMPLE, answer)
    assert grade.score == 1, [c for c in grade.champs if not c.correct]
