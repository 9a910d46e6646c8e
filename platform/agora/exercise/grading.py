"""Helpers shared by the graders: read a student's value leniently and judge one field."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from agora.errors import InvalidInput
from agora.exercise.base import ChampResult
from agora.money import euros, fmt, parse_amount, parse_decimal


def read_amount(raw: Any) -> tuple[Decimal | None, str | None]:
    """(amount, None) when ``raw`` reads as an amount, else (None, French message)."""
    if raw is None or raw == "":
        return None, "Champ non rempli."
    try:
        return parse_amount(raw), None
    except InvalidInput as error:
        return None, str(error)


def read_number(raw: Any, what: str = "nombre") -> tuple[Decimal | None, str | None]:
    """Like read_amount for rates, hours and quantities (any number of decimals)."""
    if raw is None or raw == "":
        return None, "Champ non rempli."
    try:
        return parse_decimal(raw, what), None
    except InvalidInput as error:
        return None, str(error)


def amount_field(
    champ: str, attendu: Decimal, raw: Any, ok: str = "Juste.", ko: str = ""
) -> tuple[ChampResult, Decimal | None]:
    """Judge one amount against the expected value; returns the verdict and the value read."""
    value, problem = read_amount(raw)
    recu = raw if isinstance(raw, str | int | float | type(None)) else str(raw)
    if problem:
        return ChampResult(champ, fmt(attendu), recu, False, problem), None
    correct = value == attendu
    message = ok if correct else (ko or f"Attendu : {euros(attendu)}.")
    return ChampResult(champ, fmt(attendu), recu, correct, message), value
