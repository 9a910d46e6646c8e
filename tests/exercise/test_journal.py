"""The neutral journal entry: its JSON, and each student row judged against the row it stands for."""

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest

from agora.exercise import journal
from agora.exercise.answer_names import AnswerSchema
from agora.exercise.journal import LigneEcriture
from agora.money import ZERO

SCHEMA = AnswerSchema(journal.schema("ecriture"), {"ecriture": 10})
D = Decimal

# A sale of 1 000 € HT at 20 %: 411 debit 1 200, 707 credit 1 000, 44571 credit 200.
VENTE = (
    LigneEcriture("411", debit=D("1200.00"), piece="FA2026-0042", libelle="Facture Durand"),
    LigneEcriture("707", credit=D("1000.00"), acceptes=frozenset({"707", "701"})),
    LigneEcriture("44571", credit=D("200.00")),
)


def juge(rows, attendues=VENTE, **kw):
    notes = []
    champs = journal.juge(
        "ecriture", attendues, SCHEMA.read({"ecriture": rows}), note=notes.append, **kw
    )
    return {c.champ: c for c in champs}, notes


def test_a_row_is_the_neutral_erp_shape():
    ligne = LigneEcriture("411", D("12.5"), piece="FA1", journal="VT", date=dt.date(2026, 3, 2))
    assert ligne.to_json() == {
        "date": "2026-03-02",
        "journal": "VT",
        "piece": "FA1",
        "compte": "411",
        "libelle": "",
        "debit": "12.50",
        "credit": "0.00",
    }
    assert journal.equilibree(VENTE)
    assert not journal.equilibree(VENTE[:2])


def test_a_row_is_an_immutable_value_once_judged():
    ligne = LigneEcriture("707", credit=D("1000.00"), acceptes=frozenset({"707", "701"}))
    juge([{"compte": "701", "credit": "1000"}], attendues=(ligne,))  # its accounts now computed
    pareille = LigneEcriture("707", ZERO, D("1000.00"), acceptes=frozenset({"707", "701"}))
    assert ligne == pareille and hash(ligne) == hash(pareille)
    assert dataclasses.replace(ligne, credit=D("5.00")).credit == D("5.00")
    with pytest.raises(dataclasses.FrozenInstanceError):
        ligne.credit = D("5.00")


def test_rows_in_any_order_with_sub_accounts_and_blank_sides_are_right():
    champs, notes = juge(
        [
            {"compte": "44571000", "credit": "200"},
            {"compte": "701", "credit": "1 000,00 €"},
            {"compte": "411DURAND", "debit": "1200", "credit": ""},
        ]
    )
    assert all(c.correct for c in champs.values()), champs
    assert champs["ecriture.0.compte"].attendu == "44571"
    assert champs["ecriture.1.compte"].attendu == "707"  # the shown account, 701 accepted
    assert notes == []


def test_a_missing_row_and_an_extra_row_are_named():
    champs, _ = juge(
        [
            {"compte": "411", "debit": "1200"},
            {"compte": "707", "credit": "1000"},
            {"compte": "627", "debit": "5"},
            {"compte": "", "debit": "", "credit": ""},  # a blank row of the form
        ],
        attendues=VENTE[:2],
    )
    assert champs["ecriture.2.compte"].message == journal.LIGNE_EN_TROP
    assert "ecriture.3.compte" not in champs
    champs, _ = juge([{"compte": "411", "debit": "1200"}])
    assert champs["ecriture"].message == "Il manque la ligne du compte 44571 dans l'écriture."


def test_swapped_sides_are_noted_once_per_row_in_order():
    champs, notes = juge(
        [
            {"compte": "411", "credit": "1200"},
            {"compte": "707", "debit": "1000"},
            {"compte": "44571", "credit": "200"},
        ]
    )
    assert not champs["ecriture.0.debit"].correct
    assert notes == [journal.SENS_INVERSE, journal.SENS_INVERSE]


def test_an_amount_right_from_the_students_own_results_earns_its_credit():
    # The student found 180 € of VAT upstream: 44571 at 180 is right from their own figures.
    propres = (LigneEcriture("44571", credit=D("180.00")),)
    champs, _ = juge([{"compte": "44571", "credit": "180"}], propres=propres)
    assert champs["ecriture.0.credit"].correct
    assert champs["ecriture.0.credit"].message.startswith(journal.REPORTE)
    champs, _ = juge([{"compte": "44571", "credit": "170"}], propres=propres)
    assert not champs["ecriture.0.credit"].correct


def test_each_of_several_rows_of_one_account_is_credited_from_its_own_carried_value():
    # Three suppliers paid in one transfer: three 401 debit rows. The student got the second
    # amount wrong upstream (1 000 instead of 1 100) and carried it into its row and the bank's.
    # That row is right from their own figures; it used to be compared with the last 401 row.
    attendues = (
        LigneEcriture("401", debit=D("500.00"), libelle="Dupont"),
        LigneEcriture("401", debit=D("1100.00"), libelle="Martin"),
        LigneEcriture("401", debit=D("300.00"), libelle="Bernard"),
        LigneEcriture("512", credit=D("1900.00")),
    )
    propres = (
        LigneEcriture("401", debit=D("500.00")),
        LigneEcriture("401", debit=D("1000.00")),
        LigneEcriture("401", debit=D("300.00")),
        LigneEcriture("512", credit=D("1800.00")),
    )
    rows = [
        {"compte": "401", "debit": "500"},
        {"compte": "401", "debit": "1000"},
        {"compte": "401", "debit": "300"},
        {"compte": "512", "credit": "1800"},
    ]
    champs, _ = juge(rows, attendues, propres=propres)
    assert champs["ecriture.1.debit"].correct, champs["ecriture.1.debit"]
    assert champs["ecriture.1.debit"].message.startswith(journal.REPORTE)
    assert champs["ecriture.3.credit"].correct
    # Bernard's 300 written twice: the second stands for Martin's row, the only one left, and
    # is no carried error of it (it used to be credited, being the last row's own value).
    rows[1]["debit"] = "300"
    champs, _ = juge(rows, attendues, propres=propres)
    assert champs["ecriture.1.debit"].correct  # Bernard's row, found by its amount
    assert not champs["ecriture.2.debit"].correct


def test_a_wrong_account_gets_the_kinds_method_message():
    def confondu(attendue, compte):
        return "Compte de TVA confondu." if compte.startswith("445") else None

    champs, _ = juge([{"compte": "44566", "credit": "200"}], message_compte=confondu)
    # 44566 matches no expected account: the row stands for the first free one (411).
    assert champs["ecriture.0.compte"].message == "Compte de TVA confondu. Attendu : 411."
    champs, _ = juge([{"compte": "606", "debit": "1200"}], message_compte=confondu)
    assert champs["ecriture.0.compte"].message == "Attendu : 411."


def test_two_invoices_on_one_account_are_told_apart_by_their_number():
    attendues = (
        LigneEcriture("411", debit=D("100.00"), piece="FA-1", date=dt.date(2026, 3, 2)),
        LigneEcriture("411", debit=D("250.00"), piece="FA-2", date=dt.date(2026, 3, 9)),
    )
    rows = [
        {"compte": "411", "debit": "250", "piece": "fa 2", "date": "09/03/2026"},
        {"compte": "411", "debit": "100", "piece": "FA1", "date": "2026-03-03"},
    ]
    champs, _ = juge(rows, attendues=attendues, notes=("date", "piece"))
    assert champs["ecriture.0.debit"].correct and champs["ecriture.0.piece"].correct
    assert champs["ecriture.0.date"].correct
    assert champs["ecriture.1.debit"].correct and champs["ecriture.1.piece"].correct
    assert not champs["ecriture.1.date"].correct  # 3 March written for 2 March


def test_unreadable_cells_are_wrong_with_their_format_message_and_never_raise():
    champs, _ = juge([{"compte": "quatre", "debit": "12,3,4"}])
    assert not champs["ecriture.0.compte"].correct
    assert not champs["ecriture.0.debit"].correct
    assert champs["ecriture.0.debit"].message != "Juste."
    assert journal.juge("ecriture", VENTE, SCHEMA.read({"ecriture": "x"})) == []


def test_two_vat_rows_of_one_account_are_told_apart_by_their_amounts():
    # An invoice at two rates: 44571 credit 20,00 (20 %) and 5,50 (5,5 %); the student writes
    # the 5,5 % row first. Matched on account and side alone, it would be judged against the
    # 20 % row and both would be wrong.
    attendues = (
        LigneEcriture("411", debit=D("125.50")),
        LigneEcriture("707", credit=D("200.00")),
        LigneEcriture("44571", credit=D("20.00")),
        LigneEcriture("44571", credit=D("5.50")),
    )
    rows = [
        {"compte": "411", "debit": "125,50"},
        {"compte": "707", "credit": "200"},
        {"compte": "44571", "credit": "5,50"},
        {"compte": "44571", "credit": "20"},
    ]
    champs, _ = juge(rows, attendues)
    assert all(c.correct for c in champs.values()), champs


def test_the_rows_of_one_entry_among_several_are_judged_under_a_nested_prefix():
    schema = AnswerSchema(
        journal.schema("ecritures.#.lignes"), {"ecritures": 3, "ecritures.#.lignes": 5}
    )
    reponse = {
        "ecritures": [
            {"lignes": [{"compte": "512", "debit": "50"}, {"compte": "411", "credit": "50"}]},
            {"lignes": [{"compte": "411", "debit": "1200"}, {"compte": "707", "credit": "1000"}]},
        ]
    }
    champs = journal.juge("ecritures.1.lignes", VENTE, schema.read(reponse))
    par_nom = {c.champ: c for c in champs}
    assert par_nom["ecritures.1.lignes.0.debit"].correct
    assert par_nom["ecritures.1.lignes.1.credit"].correct
    assert not par_nom["ecritures.1.lignes"].correct  # the 44571 row is missing
    assert "44571" in par_nom["ecritures.1.lignes"].message
    assert journal.juge("ecritures.2.lignes", VENTE, schema.read(reponse)) == []
