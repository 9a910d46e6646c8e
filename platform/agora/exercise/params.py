"""Reading a kind's params by hand: the checks every kind makes of a value, each refusing with
one French line that says where (``Paramètres : ligne 2 — …``), as the CLI prints it."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from agora.errors import InvalidInput
from agora.money import cents, contract_decimal, parse_decimal

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
    valeur = contract_decimal(raw)  # the contract's own writing (« 12.50 »), read at once
    if valeur is not None:
        return valeur
    if isinstance(raw, bool) or not isinstance(raw, (str, int)):
        raise InvalidInput(f"Paramètres : {where} manquant ou illisible.")
    try:
        return parse_decimal(str(raw), what)
    except InvalidInput as error:
        raise InvalidInput(f"Paramètres : {where} — {error}") from error


# An amount as the contract writes it (« 1234.50 »), positive, to the cent and below
# MONTANT_MAX: valid at sight, one regex instead of the reading and the three checks below
# (params hold dozens). Kinds whose params are read at every grade test it before their readers.
MONTANT_ECRIT = re.compile(r"\d{1,9}(?:\.\d{1,2})?", re.ASCII)


def lire_montant(raw: Any, where: str) -> Decimal:
    """An amount in euros, positive, to the cent."""
    if type(raw) is str and MONTANT_ECRIT.fullmatch(raw):
        return Decimal(raw)
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


def lire_entier(raw: Any, where: str, maximum: int) -> int:
    """A whole number from 0 to ``maximum`` (days, thresholds)."""
    if type(raw) is int and 0 <= raw <= maximum:
        return raw  # a JSON integer in range: the common case, no text to parse
    value = lire_nombre(raw, where)
    if value != value.to_integral_value() or not 0 <= value <= maximum:
        raise InvalidInput(f"Paramètres : {where} doit être un nombre entier de 0 à {maximum}.")
    return int(value)


def lire_jour(raw: Any, where: str) -> date:
    """A day written as the contract writes it (ISO, « 2026-06-30 »)."""
    try:
        return date.fromisoformat(raw)
    except (TypeError, ValueError):
        raise InvalidInput(f"Paramètres : {where} doit être une date AAAA-MM-JJ.") from None


def lire_booleen(raw: Any, where: str) -> bool:
    """true or false (a JSON boolean, not a text)."""
    if not isinstance(raw, bool):
        raise InvalidInput(f"Paramètres : {where} doit valoir true ou false.")
    return raw


def lire_taux(raw: Any, where: str) -> Decimal:
    """A rate in percent, from 0 to 100."""
    value = lire_nombre(raw, where, "taux")
    if not 0 <= value <= HUNDRED:
        raise InvalidInput(f"Paramètres : {where} doit être un taux de 0 à 100.")
    return value


def lire_texte(raw: Any, where: str, longueur: int = 160) -> str:
    """A short text, not blank, of at most ``longueur`` characters (a name, a title)."""
    if not isinstance(raw, str) or not raw.strip() or len(raw) > longueur:
        raise InvalidInput(f"Paramètres : {where} doit être un texte court (1 à {longueur}).")
    return raw


def lire_parmi(raw: Any, where: str, valeurs: tuple[str, ...]) -> str:
    """One of the contract's codes (a unit, a category)."""
    if not isinstance(raw, str) or raw not in valeurs:
        raise InvalidInput(f"Paramètres : {where} doit valoir {' ou '.join(valeurs)}.")
    return raw


def code_connu(raw: Any, valeurs: Collection[str], inconnu: str) -> str:
    """One of the contract's codes; else refused as ``inconnu`` (« « statut » inconnu »), with
    the codes it may be."""
    if isinstance(raw, str) and raw in valeurs:
        return raw
    raise InvalidInput(f"Paramètres : {inconnu} ({', '.join(valeurs)}).")


# The readers below refuse with what is expected after the place: « Paramètres : depart.motif —
# valeur attendue parmi … . », the wording of the kinds that read their params this way.


def refus(ou: str, quoi: str) -> InvalidInput:
    """The refusal of the param at ``ou``, saying what was expected (``quoi``)."""
    return InvalidInput(f"Paramètres : {ou} — {quoi}.")


def texte_attendu(raw: Any, ou: str, longueur: int = 160) -> str:
    """A short non-blank text (a name, a job, a sentence)."""
    if isinstance(raw, str) and raw.strip() and len(raw) <= longueur:
        return raw
    raise refus(ou, "un texte court est attendu")


def code_attendu(raw: Any, ou: str, valeurs: tuple[str, ...]) -> str:
    """One of the codes the contract lists (a str checked before it is looked up)."""
    if isinstance(raw, str) and raw in valeurs:
        return raw
    raise refus(ou, f"valeur attendue parmi {', '.join(valeurs)}")


def jour_entre(raw: Any, ou: str, premiere_annee: int, derniere_annee: int = 2100) -> date:
    """An ISO day (``lire_jour``) of a year the exercise can tell a story in."""
    jour = lire_jour(raw, ou)
    if not premiere_annee <= jour.year <= derniere_annee:
        raise refus(ou, f"une date de {premiere_annee} à {derniere_annee} est attendue")
    return jour


def niveau_attendu(raw: Any) -> int:
    """The params' ``niveau``: 1, 2 or 3."""
    niveau = lire_entier(raw, "niveau", 3)
    if niveau < 1:
        raise refus("niveau", "1, 2 ou 3 est attendu")
    return niveau


@dataclass(slots=True)
class Memoire:
    """Typed params that keep what the solver derives from them alone (successors, orders…):
    a grade computes the exercise several times (right, from the student's values, with wrong
    methods). Found by identity, where an lru_cache would hash the whole params each time.
    ``memo`` is keyword-only: a kind builds its params with its own fields, in their order."""

    memo: dict[Any, Any] = field(default_factory=dict, compare=False, repr=False, kw_only=True)

    def garde(self, cle: Any, construire: Callable[[], Any]) -> Any:
        """The value kept under ``cle``, built the first time it is asked for."""
        if cle not in self.memo:
            self.memo[cle] = construire()
        return self.memo[cle]
