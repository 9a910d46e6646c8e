"""Planning: each value of the params read and checked, with its French message.

The models (``params``) and the straight reading at each grade read values with the same
functions, so both accept the same params and refuse the others with the same words.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from pydantic_core import PydanticCustomError

from agora.errors import InvalidInput
from agora.exercise.fields import HORAIRE, cite
from agora.exercise.kinds.planning.rules import heure

MAX_SALARIES, MAX_BESOINS = 50, 500  # a bound on the work one request may ask for

# A message follows the place of its field (« salaries.0.id : … ») or, when it names its own
# place or is a time's message (« « 25:00 » n'existe pas… »), stands whole.
_A_SA_PLACE, _ENTIER = "planning", "planning_entier"


def _erreur(message: str, entier: bool = False) -> PydanticCustomError:
    # The text travels in the context: as a template, its « { » would read as a placeholder.
    return PydanticCustomError(_ENTIER if entier else _A_SA_PLACE, "{texte}", {"texte": message})


def _date(texte: Any) -> date:
    try:
        return date.fromisoformat(texte)
    except (TypeError, ValueError):
        raise _erreur(f"« {cite(texte)} » n'est pas une date AAAA-MM-JJ.") from None


def _lundi(texte: Any) -> date:
    lundi = _date(texte)
    if lundi.weekday():
        raise _erreur(f"le {lundi} n'est pas un lundi.")
    return lundi


def _jour_de(texte: Any, lundi: date | None) -> date:
    jour = _date(texte)
    if lundi is not None and not 0 <= (jour - lundi).days < 7:
        raise _erreur(f"le {cite(texte)} n'est pas dans la semaine du {lundi}.")
    return jour


def _jours_de(valeur: Any, lundi: date | None) -> tuple[date, ...]:
    if not isinstance(valeur, list):
        raise _erreur("une liste de dates est attendue.")
    return tuple(_jour_de(texte, lundi) for texte in valeur)


def _heure(texte: Any) -> int:
    """Minutes after midnight, read as an answer's times are (« 09:00 », « 9h30 »)."""
    minutes = _MINUTES.get(texte) if type(texte) is str else None
    if minutes is not None:  # the contract's own writing (HORAIRE gives the same minutes)
        return minutes
    try:
        return HORAIRE.convert(texte)
    except InvalidInput as error:
        raise _erreur(str(error), entier=True) from None


# Each time as the contract writes it (« 00:00 » to « 24:00 ») with its minutes: a table, not a
# memo (it holds every such time from the start, whatever the params).
_MINUTES = {heure(minutes): minutes for minutes in range(24 * 60 + 1)}


def _heures_contrat(valeur: Any) -> Decimal:
    try:
        heures = Decimal(str(valeur).replace(",", "."))
    except InvalidOperation:
        raise _erreur("un nombre d'heures est attendu.") from None
    if not heures.is_finite() or not 0 < heures <= 48:
        raise _erreur("entre 0 et 48 heures par semaine.")
    return heures


def _identifiant(valeur: Any) -> str:
    if not isinstance(valeur, str) or not valeur.strip():
        raise _erreur("un identifiant comme « E1 » est attendu.")
    return valeur


def _booleen(valeur: Any) -> bool:
    if not isinstance(valeur, bool):
        raise _erreur("true ou false est attendu.")
    return valeur


def _effectif(valeur: Any) -> int:
    if isinstance(valeur, bool) or not isinstance(valeur, int) or not 0 <= valeur <= 1000:
        raise _erreur("un nombre entier de personnes (0 ou plus) est attendu.")
    return valeur


def _un_objet(data: Any, premier: str) -> Any:
    """The fields of one row; a row that is not an object lacks its first field."""
    if not isinstance(data, dict):
        raise _erreur(f"le champ « {premier} » manque.")
    return data


def _plage(jour: Any, valeur: Any) -> tuple[int, int]:
    """A day's opening hours, in minutes; the message names the day as it is written."""
    if not isinstance(valeur, (list, tuple)) or len(valeur) != 2:
        raise _erreur(
            f"ouverture {cite(jour)} : une plage [« 09:00 », « 19:00 »] est attendue.", entier=True
        )
    debut, fin = _heure(valeur[0]), _heure(valeur[1])
    if fin <= debut:
        raise _erreur(
            f"ouverture {cite(jour)} : la fin ({cite(valeur[1])}) doit être après le début"
            f" ({cite(valeur[0])}).",
            entier=True,
        )
    return debut, fin


def _ouverture_de(valeur: Any, lundi: date | None) -> dict[date, tuple[int, int]]:
    if not isinstance(valeur, dict):
        raise _erreur("un objet {« AAAA-MM-JJ »: [début, fin]} est attendu.")
    return {_jour_de(jour, lundi): _plage(jour, plage) for jour, plage in valeur.items()}


def _salaries(valeur: Any) -> Any:
    if not isinstance(valeur, list) or not valeur:
        raise _erreur("une liste d'au moins un salarié est attendue.")
    if len(valeur) > MAX_SALARIES:
        raise _erreur(f"{MAX_SALARIES} salariés au plus dans un planning.")
    return valeur


def _besoins(valeur: Any) -> Any:
    if not isinstance(valeur, list) or len(valeur) > MAX_BESOINS:
        raise _erreur(f"une liste de {MAX_BESOINS} besoins au plus est attendue.")
    return valeur


def _fins_de(valeur: Any, ids: list[str]) -> dict[str, datetime]:
    """Last week's end of each employee, read in the employees' order; only known employees."""
    valeur = valeur or {}
    if not isinstance(valeur, dict):
        raise _erreur("un objet {« E1 »: « AAAA-MM-JJTHH:MM »} est attendu.")
    fins = {ident: _moment(valeur[ident]) for ident in ids if ident in valeur}
    if inconnus := sorted(set(valeur) - set(ids)):
        raise _erreur(f"salarié inconnu « {cite(inconnus[0])} ».")
    return fins


def _moment(texte: Any) -> datetime:
    try:
        return datetime.fromisoformat(texte)
    except (TypeError, ValueError):
        raise _erreur(f"« {cite(texte)} » n'est pas une date-heure AAAA-MM-JJTHH:MM.") from None
