"""The answer toolkit: each field type reads what a French person writes, explains what it cannot
read, prints itself canonically and compares as the graders need."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from agora.errors import InvalidInput
from agora.exercise.answer_names import AnswerSchema, check_fields
from agora.exercise.fields import (
    _MEMO_MAX,
    COMPTE,
    EMPTY,
    HEURES,
    HORAIRE,
    JOUR,
    LIGNE,
    MONTANT,
    MONTANT_SIGNE,
    NUMERO,
    QUANTITE,
    QUANTITE_SIGNEE,
    TAUX,
    TAUX_SIGNE,
    TEXTE,
    Amount,
    Choice,
    LongText,
    Lu,
    verdict,
)
from agora.exercise.reading import pattern_of


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("1 234,56 €", "1234.56"),
        ("1\u202f234,56", "1234.56"),
        ("1234.5", "1234.50"),
        ("-12", "-12.00"),
        (45, "45.00"),
        ("0,10 EUR", "0.10"),
    ],
)
def test_an_amount_is_read_the_french_way(typed, expected):
    assert MONTANT.read(typed).valeur == Decimal(expected)
    assert MONTANT.canonical(MONTANT.read(typed).valeur) == expected


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("12,345", "plus de deux décimales"),
        ("douze", "n'est pas un montant valide"),
        ("١٢", "chiffres de 0 à 9"),
        (True, "nombre écrit en chiffres"),
        ({"a": 1}, "pas une liste ni un objet"),
    ],
)
def test_an_unreadable_amount_gets_a_french_message_and_no_value(typed, message):
    lu = MONTANT.read(typed)
    assert lu.valeur is None
    assert message in lu.erreur


def test_an_empty_field_reads_as_nothing_without_a_message():
    for empty in (None, "", "   ", [], {}):
        assert MONTANT.read(empty) == Lu(empty, None, None)


def test_a_json_float_is_read_from_its_shortest_writing_never_as_a_binary_fraction():
    assert MONTANT.read(0.1).valeur == Decimal("0.10")
    assert MONTANT.read(float("nan")).valeur is None


@pytest.mark.parametrize(
    ("signed", "plain"), [(MONTANT_SIGNE, MONTANT), (TAUX_SIGNE, TAUX), (QUANTITE_SIGNEE, QUANTITE)]
)
def test_a_type_that_may_be_below_zero_reads_prints_and_compares_as_its_plain_one(signed, plain):
    # Only the box's keyboard changes (widgets.champ): a grade is the same either way.
    assert signed.negatif and not plain.negatif
    for typed in ("-1 250,40", "12,5 %", "-3", "abc", "", 7):
        assert signed.read(typed) == plain.read(typed)
    value = plain.read("-1 250,4").valeur
    assert signed.canonical(value) == plain.canonical(value)
    assert signed.display(value) == plain.display(value)
    assert signed.same(value, value) and not signed.same(value, -value)


def test_a_rate_accepts_the_percent_sign_and_prints_without_useless_zeros():
    assert TAUX.read("12,5 %").valeur == Decimal("12.5")
    assert TAUX.canonical(Decimal("20.00")) == "20"
    assert TAUX.canonical(Decimal("5.50")) == "5.5"
    assert TAUX.display(Decimal("5.5")) == "5,5\u00a0%"
    assert QUANTITE.read("151,67").valeur == Decimal("151.67")


@pytest.mark.parametrize(
    ("typed", "hours"),
    [("8 h 30", "8.50"), ("8h", "8"), ("8:15", "8.25"), ("151,67", "151.67"), ("7,5 h", "7.5")],
)
def test_hours_are_read_in_decimal_or_in_hours_and_minutes(typed, hours):
    assert HEURES.read(typed).valeur == Decimal(hours)


def test_hours_with_sixty_minutes_or_more_are_refused():
    assert "00 à 59" in HEURES.read("8 h 75").erreur


def test_a_time_of_day_is_minutes_after_midnight():
    assert HORAIRE.read("9h30").valeur == 570
    assert HORAIRE.canonical(570) == "09:30"
    assert "n'existe pas" in HORAIRE.read("25:00").erreur
    assert "09:00" in HORAIRE.read("neuf heures").erreur


@pytest.mark.parametrize("typed", ["03/12/2026", "3.12.2026", "2026-12-03", " 03 / 12 / 2026 "])
def test_a_day_is_read_in_the_french_or_the_iso_writing(typed):
    assert JOUR.read(typed).valeur == date(2026, 12, 3)


def test_a_day_that_does_not_exist_is_named_so():
    assert "n'existe pas" in JOUR.read("30/02/2026").erreur
    assert JOUR.display(date(2026, 12, 3)) == "03/12/2026"


def test_an_account_padded_with_zeros_is_the_same_account():
    assert COMPTE.same("401", COMPTE.read("401000").valeur)
    assert COMPTE.same("44566", COMPTE.read("4456600").valeur)
    assert not COMPTE.same("401", COMPTE.read("411").valeur)
    assert COMPTE.same({"6226", "622"}, COMPTE.read("622").valeur)
    assert COMPTE.read(" 411 dupont ").valeur == "411DUPONT"
    assert "numéro de compte" in COMPTE.read("quatre cent un").erreur


def test_a_line_reference_is_upper_cased_and_checked():
    assert LIGNE.read("c 3").valeur == "C3"
    assert "numéro de ligne" in LIGNE.read("troisième").erreur


@pytest.mark.parametrize("typed", ["FA2026-0042", "fa 2026-0042", "n° FA2026-0042", "FA 2026/0042"])
def test_a_document_number_is_the_same_whatever_its_case_spaces_or_dashes(typed):
    assert NUMERO.same("FA2026-0042", NUMERO.read(typed).valeur)


def test_a_document_number_differs_by_a_digit_and_must_hold_one():
    assert not NUMERO.same("FA2026-0042", NUMERO.read("FA2026-042").valeur)
    assert NUMERO.read("NC2026-7").valeur == "NC2026-7"  # a number may start with N
    assert "n'est pas un numéro" in NUMERO.read("facture").erreur
    assert "n'est pas un numéro" in NUMERO.read("FA2026#0042").erreur


def test_a_choice_accepts_only_its_values():
    nature = Choice({"remise": "Remise", "rabais": "Rabais"})
    assert nature.read(" rabais ").valeur == "rabais"
    assert "n'est pas un choix proposé" in nature.read("ristourne").erreur
    assert nature.display("remise") == "Remise"


def test_a_text_is_trimmed_and_bounded():
    assert TEXTE.read("  Bon pour accord ").valeur == "Bon pour accord"
    assert "dépasse" in TEXTE.read("x" * 201).erreur


def test_a_verdict_says_unfilled_unreadable_right_or_wrong():
    attendu = Decimal("26.70")
    assert verdict("a", MONTANT, attendu, None).message == EMPTY
    assert verdict("a", MONTANT, attendu, MONTANT.read("x")).message.startswith("« x »")
    juste = verdict("a", MONTANT, attendu, MONTANT.read("26,70 €"))
    assert juste.correct and juste.recu == "26,70 €" and juste.attendu == "26.70"
    faux = verdict("a", MONTANT, attendu, MONTANT.read("26,07"))
    assert not faux.correct and faux.message == "Attendu : 26,70\u00a0€."


SCHEMA = AnswerSchema(
    {"lignes.#.montant": MONTANT, "lignes.#.taux": TAUX, "total": MONTANT}, {"lignes": 5}
)


def test_a_schema_reads_an_answer_once_into_typed_values_and_format_errors():
    lecture = SCHEMA.read(
        {"lignes": [{"montant": "10,00", "taux": "20 %"}, {"montant": "abc"}], "total": "12"}
    )
    assert lecture.valeur("lignes", 0, "montant") == Decimal("10.00")
    assert lecture.valeur("lignes", 0, "taux") == Decimal("20")
    assert lecture.valeur("total") == Decimal("12.00")
    assert list(lecture.erreurs) == ["lignes.1.montant"]
    assert lecture.lu("lignes", 7, "montant") is None


def test_a_schema_reads_lists_of_values_nested_rows_and_names_that_are_numbers():
    schema = AnswerSchema(
        {
            "comptes.#": COMPTE,
            "groupes.#.lignes.#.montant": MONTANT,
            "trimestres.1": MONTANT,
            "total": MONTANT,
        },
        {"comptes": 5, "groupes": 3, "groupes.#.lignes": 3},
    )
    lecture = schema.read(
        {
            "comptes": ["411000", 627, ["512"]],
            "groupes": [{"lignes": [{"montant": "1,50"}, "7"]}, None],
            "trimestres": {1: "2,00"},  # a Python dict's name that is no text: read as its text
            "total": {"montant": "3"},
        }
    )
    assert [lu.valeur for lu in lecture.arbre["comptes"]] == ["411000", "627", None]
    assert lecture.valeur("groupes", 0, "lignes", 0, "montant") == Decimal("1.50")
    assert lecture.arbre["groupes"][0]["lignes"][1] is None
    assert lecture.arbre["groupes"][1] is None  # an empty row: nothing read, nothing wrong
    assert lecture.valeur("trimestres", "1") == Decimal("2.00")
    assert list(lecture.erreurs) == ["comptes.2", "groupes.0.lignes.1", "total"]


def test_a_field_type_remembers_a_bounded_number_of_texts():
    montant = Amount()
    assert montant.read("1,50") is montant.read("1,50")  # read once, then looked up
    for cents_ in range(2 * _MEMO_MAX):
        montant.read(f"{cents_ / 100:.2f}")
    assert len(montant.memo) <= _MEMO_MAX


def test_a_schema_reports_a_value_where_rows_are_expected_and_ignores_unknown_names():
    lecture = SCHEMA.read({"lignes": "10,00", "inconnu": "1"})
    assert "lignes" in lecture.erreurs
    assert "inconnu" not in lecture.arbre


def test_a_schema_gives_the_message_of_one_field_while_it_is_typed():
    assert SCHEMA.validate("lignes.2.montant", "12,5") is None
    assert "deux décimales" in SCHEMA.validate("lignes.2.montant", "12,555")
    assert SCHEMA.validate("lignes.9.montant", "1").startswith("Champ inconnu")
    assert SCHEMA.type_of("lignes.0.taux") is TAUX


def test_pattern_of_replaces_row_indexes_only():
    assert pattern_of("groupes.0.reductions.12.montant") == "groupes.#.reductions.#.montant"
    assert pattern_of("solde_512") == "solde_512"


@pytest.mark.parametrize("field", [MONTANT, TAUX, QUANTITE])
def test_a_json_number_too_large_or_not_a_number_gets_a_message_that_says_so(field):
    # Before: « ???????????????? » n'est pas un montant valide — quoting a placeholder.
    for huge in (10**20, -(10**16), 1e300):
        assert field.read(huge).erreur.endswith("est trop grand : 15 chiffres au plus.")
    for nan in (float("nan"), float("inf")):
        assert field.read(nan).erreur.endswith("doit être un nombre écrit en chiffres.")
    assert field.read(12345678901234).valeur == 12345678901234


def test_a_long_text_holds_a_letter_and_a_save_accepts_its_own_length():
    lettre = LongText(1000)
    schema = AnswerSchema({"lettre": lettre, "total": MONTANT}, {})
    texte = "Madame, Monsieur,\n" + "x" * 600
    assert lettre.read(f"  {texte} ").valeur == texte
    assert check_fields(schema, {"lettre": texte}) == {"lettre": texte}
    assert "dépasse 1000" in lettre.read("x" * 1001).erreur
    with pytest.raises(InvalidInput, match="dépasse 200"):
        check_fields(schema, {"total": "1" * 201})  # an amount keeps the short limit
