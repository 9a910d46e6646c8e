"""Reading a kind's params by hand: the checks every kind makes of a value, each refusing with
one French line that says where (``Paramètres : ligne 2 — …``), as the CLI prints it."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from agora.errors import InvalidInput
from agora.money import cents, parse_decimal

HUNDRED = Decimal(100)
# Above any amount a school exercise uses; refusing it keeps hostile params from huge sums.
MONTANT_MAX = Decimal(10**9)
PAS_UN_OBJET = "Paramètres : un objet JSON {…} est attendu."

Modele = TypeVar("Modele", bound=BaseModel)


def valide(
    modele: type[Modele],
    params: Any,
    message: Callable[[ValidationError], str],
    contexte: dict[str, Any] | None = None,
) -> Modele:
    """Params read by a kind's pydantic model; InvalidInput with the kind's one French line
    (``message``: the line that names the first refusal)."""
    if not isinstance(params, dict):
        raise InvalidInput(PAS_UN_OBJET)
    try:
        return modele.model_validate(params, context=contexte)
    except ValidationError as error:
        raise InvalidInput(message(error)) from None


def taux_str(taux: Decimal) -> str:
    """A rate as the contract prints it: "20", "5.5", "2.1" (no trailing zeros, no exponent)."""
    return f"{taux.normalize():f}"


def lire_nombre(raw: Any, where: str, what: str = "nombre") -> Decimal:
    """A number written as the contract writes it (a string or an integer)."""
    if isinstance(raw, bool) or not isinstance(raw, str | int):
        raise InvalidInput(f"Paramètres : {where} manquant ou illisible.")
    try:
        return parse_decimal(str(raw), what)
    except InvalidInput as error:
        raise InvalidInput(f"Paramètres : {where} — {error}") from error


def lire_montant(raw: Any, where: str) -> Decimal:
    """An amount in euros, positive, to the cent."""
    value = lire_nombre(raw, where, "montant")
    if value < 0 or value != cents(value) or value >= MONTANT_MAX:
        raise InvalidInput(f"Paramètres : {where} doit être un montant positif au centime.")
    return value


def lire_objet(raw: Any, where: str) -> dict[str, Any]:
    """A JSON object."""
    if not isinstance(raw, dict):
        raise InvalidInput(f"Paramètres : {where} doit être un objet {{…}}.")
    return raw


def lire_liste(raw: Any, where: str, maximum: int, minimum: int = 0) -> list[Any]:
    """A JSON list of ``minimum`` to ``maximum`` items."""
    if not isinstance(raw, list) or not minimum <= len(raw) <= maximum:
        raise InvalidInput(
            f"Paramètres : « {where} » doit être une liste de {minimum} à {maximum}."
        )
    return raw
