"""parse_amount and cents: how every amount a user types is read and rounded."""

from decimal import Decimal

import pytest

from agora.errors import InvalidInput
from agora.money import cents, contract_decimal, fmt, parse_amount, parse_decimal


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1 234,56 €", "1234.56"),
        ("1234.56", "1234.56"),
        ("1\u00a0234,56", "1234.56"),
        ("1\u202f234,56 €", "1234.56"),
        ("1 234.56", "1234.56"),
        ("12", "12.00"),
        ("-45,5", "-45.50"),
        (" 0,07 ", "0.07"),
        ("1234,56EUR", "1234.56"),
        (",5", "0.50"),
    ],
)
def test_parse_amount_reads_french_and_english_writing(text, expected):
    assert parse_amount(text) == Decimal(expected)


@pytest.mark.parametrize(
    "text", ["", "abc", "1.234,56", "12,3,4", "1e5", "NaN", "Infinity", "--3", "12 € 50", "1" * 40]
)
def test_parse_amount_rejects_what_is_not_an_amount(text):
    with pytest.raises(InvalidInput) as error:
        parse_amount(text)
    assert "\n" not in str(error.value)


def test_parse_amount_refuses_more_than_two_decimals():
    with pytest.raises(InvalidInput, match="centime"):
        parse_amount("12,345")


@pytest.mark.parametrize(
    ("text", "milliers", "centimes"),
    [
        ("1.234", "1\u00a0234", "1,23"),
        ("12.500", "12\u00a0500", "12,50"),
        ("999.999 €", "999\u00a0999", "1\u00a0000,00"),
        ("-1.234", "-1\u00a0234", "-1,23"),
    ],
)
def test_a_dot_before_three_digits_is_ambiguous_and_refused_with_both_writings(
    text, milliers, centimes
):
    # « 1.234 »: the student may mean 1 234 € (English-style thousands), not a rounding.
    with pytest.raises(InvalidInput) as error:
        parse_amount(text)
    message = str(error.value)
    assert "arrondissez" not in message
    assert (
        f"Pour {milliers} €, écrivez {milliers} ; pour {centimes} €, écrivez {centimes}." in message
    )


@pytest.mark.parametrize("text", ["12,345", "1234.567", "1.2345", "0.005"])
def test_other_amounts_with_three_decimals_still_ask_to_round(text):
    with pytest.raises(InvalidInput, match="arrondissez au centime"):
        parse_amount(text)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("0.005", "0.01"), ("2.675", "2.68"), ("-0.005", "-0.01"), ("7.7049", "7.70")],
)
def test_cents_rounds_half_up(value, expected):
    assert cents(Decimal(value)) == Decimal(expected)


def test_fmt_prints_contract_strings():
    assert fmt(Decimal("1234.5")) == "1234.50"
    assert fmt(Decimal("7.695")) == "7.70"


@pytest.mark.parametrize("value", [10**26, Decimal("1E+30"), -(10**40)])
def test_parse_amount_refuses_huge_numbers_given_as_numbers(value):
    with pytest.raises(InvalidInput, match="trop grand"):
        parse_amount(value)


@pytest.mark.parametrize("text", ["١٢٣", "１２３,４５", "۱۲۳", "12²", "१२३.४५", "1 ２34,56 €"])
def test_other_digits_are_a_format_message_never_a_silent_conversion(text):
    # Decimal("١٢٣") is 123: the student must see what the platform cannot read.
    with pytest.raises(InvalidInput, match="chiffres de 0 à 9"):
        parse_amount(text)


def test_a_refused_amount_is_quoted_on_one_line():
    # Found by hypothesis: « 0\n0 » came back with its newline, and the CLI's error (and the
    # message beside a form field) must stay one line.
    with pytest.raises(InvalidInput) as refused:
        parse_amount("0\n0")
    assert "\n" not in str(refused.value) and "« 0 0 »" in str(refused.value)


@pytest.mark.parametrize("text", ["0", "12", "-12", "1234.50", "0.055", "999999999999.999999"])
def test_contract_decimal_reads_the_contract_writing_as_parse_decimal_does(text):
    value = contract_decimal(text)
    assert value == parse_decimal(text) and str(value) == str(parse_decimal(text))


@pytest.mark.parametrize("raw", ["1 234,50", "12,5", "+3", ".5", "1e3", "١٢", "", None, 12, 1.5])
def test_contract_decimal_leaves_any_other_writing_to_parse_decimal(raw):
    assert contract_decimal(raw) is None
