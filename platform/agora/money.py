"""Money as Decimal: parse French-written amounts, round half up to the cent, print contract strings."""

import re
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, InvalidOperation
from functools import lru_cache
from typing import Any

from agora.errors import InvalidInput

CENT = Decimal("0.01")
ZERO = Decimal("0.00")

# Spaces a French user (or a spreadsheet) may put between thousands.
_SPACES = str.maketrans("", "", " \u00a0\u202f\u2009\t")
# ASCII digits only: Python's \d, int() and Decimal() also read « ١٢٣ » or « １２３ » as 123.
_NUMBER = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)$", re.ASCII)
# Largest amount we accept: a hostile answer must never make Decimal work hard.
_MAX_DIGITS = 15


def cents(value: Decimal | int | str) -> Decimal:
    """Round to the cent, half up (the rounding printed on French business documents)."""
    # The rounding passed by position: as a keyword it costs twice as much, on every amount.
    if type(value) is Decimal:  # the common case, on every graded amount: no copy first
        return value.quantize(CENT, ROUND_HALF_UP)
    return Decimal(value).quantize(CENT, ROUND_HALF_UP)


def cents_down(value: Decimal) -> Decimal:
    """Cut to the cent instead of rounded: the wrong method of a student who truncates, which
    graders recognise."""
    return value.quantize(CENT, ROUND_DOWN)


def fmt(value: Decimal) -> str:
    """The contract string of an amount: two decimals, a dot, no thousands separator."""
    if type(value) is Decimal:
        texte = str(value)
        # Two decimals written already (« 1234.50 »; the exponent form ends with its exponent)
        # and at most the context's 28 digits: to the cent, rounding would change nothing (and
        # a longer one goes to ``cents``, which refuses it). Most amounts printed are so.
        if texte[-3:-2] == "." and len(texte) < 30:
            return texte
    return str(cents(value))


def parse_decimal(text: str | int | Decimal, what: str = "montant") -> Decimal:
    """Read a French- or English-written number (« 1 234,56 », « 1234.56 », « 12 € »).

    Raises InvalidInput with a French message on anything that is not a number.
    """
    if isinstance(text, bool):
        raise InvalidInput(f"Le {what} doit être un nombre.")
    if isinstance(text, (int, Decimal)):
        value = Decimal(text)
        if not value.is_finite():
            raise InvalidInput(f"Le {what} doit être un nombre.")
        if value.adjusted() >= _MAX_DIGITS:
            raise InvalidInput(f"Le {what} {value:.0f} est trop grand."[:80])
        return value
    if not isinstance(text, str):
        raise InvalidInput(f"Le {what} doit être un nombre écrit en chiffres.")
    cleaned = _cleaned(text)
    if not cleaned:
        raise InvalidInput(f"Le {what} est vide : écrivez un nombre, par exemple 1 234,56.")
    if other_digits(cleaned):
        raise InvalidInput(
            f"« {_cite(text)} » : écrivez le {what} avec les chiffres de 0 à 9, par exemple 1 234,56."
        )
    if not _NUMBER.match(cleaned):
        raise InvalidInput(
            f"« {_cite(text)} » n'est pas un {what} valide : écrivez par exemple 1 234,56."
        )
    digits = cleaned.lstrip("+-").replace(",", ".")
    if len(digits.split(".")[0]) > _MAX_DIGITS:
        raise InvalidInput(f"Le {what} « {_cite(text)} » est trop grand.")
    try:
        return Decimal(cleaned.replace(",", "."))
    except InvalidOperation as error:  # pragma: no cover - the regex already filters
        raise InvalidInput(f"« {_cite(text)} » n'est pas un {what} valide.") from error


def _cleaned(text: str) -> str:
    """``text`` without its spaces and its euro sign: the number as written."""
    return text.translate(_SPACES).removesuffix("€").removesuffix("EUR").translate(_SPACES)


# A number as the contract writes it (« 1234.50 », « -12 »), short enough for parse_decimal.
_CONTRACT_NUMBER = re.compile(r"-?\d{1,12}(?:\.\d{1,6})?", re.ASCII)


def contract_decimal(raw: Any) -> Decimal | None:
    """``raw`` read at once when it is a text written as the contract writes numbers (what
    ``parse_decimal`` would give, without its checks); None for anything else, which the
    caller reads with ``parse_decimal`` and its messages. Params hold dozens per grade."""
    if type(raw) is str and _CONTRACT_NUMBER.fullmatch(raw):
        return Decimal(raw)
    return None


def other_digits(text: str) -> bool:
    """True when ``text`` has digits other than 0-9 (Arabic-Indic, full-width, superscript…)."""
    return any(c.isdigit() and not c.isascii() for c in text)


def _cite(text: str) -> str:
    """The refused text as a message quotes it: on one line (the CLI's error is one line)."""
    return " ".join(text.split())[:30]


# « 1.234 », « 12.500 »: a dot before three digits may be English-style thousands (1 234 €).
_POINT_MILLIERS = re.compile(r"[+-]?[1-9]\d{0,2}\.\d{3}", re.ASCII)


def parse_amount(text: str | int | Decimal) -> Decimal:
    """Read an amount in euros (« 1 234,56 € », « 1234.56 »): at most two decimals.

    « 1.234 » or « 12.500 » is refused without a guess: the writer may mean thousands
    (1 234 €, 12 500 €) or cents (1,23 €, 12,50 €).
    """
    value = parse_decimal(text, "montant")
    if isinstance(text, str) and _POINT_MILLIERS.fullmatch(_cleaned(text)):
        milliers = f"{int(value * 1000):,}".replace(",", "\u00a0")
        centimes = euros(value, symbol=False)
        raise InvalidInput(
            f"Le montant « {_cite(text)} » est ambigu : en France, le point ne sépare pas "
            f"les milliers. Pour {milliers} €, écrivez {milliers} ; "
            f"pour {centimes} €, écrivez {centimes}."
        )
    if value != cents(value):
        raise InvalidInput(
            f"Le montant « {str(text).strip()[:30]} » a plus de deux décimales : "
            "arrondissez au centime."
        )
    return cents(value)


@lru_cache(maxsize=8192)  # graders print the same expected amounts over and over
def euros(value: Decimal | str | int, symbol: bool = True) -> str:
    """An amount the French way for a reader: « 1 234,56 € » (non-breaking spaces)."""
    text = f"{cents(Decimal(value)):,.2f}".replace(",", "\u00a0").replace(".", ",")
    return f"{text}\u00a0€" if symbol else text
