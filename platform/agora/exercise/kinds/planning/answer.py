"""Planning: the answer's field names, and the créneaux read as typed values."""

from __future__ import annotations

from datetime import date
from typing import Any

from agora.errors import InvalidInput
from agora.exercise.answer_names import AnswerSchema
from agora.exercise.base import FormatErrors
from agora.exercise.fields import HORAIRE, JOUR, Text
from agora.exercise.kinds.planning.params import MAX_SALARIES, lire_semaine
from agora.exercise.kinds.planning.rules import heure, lire_creneaux, lire_heure

# The names of an answer: créneaux of every employee, every day of the week, a few a day (the
# form gives two periods a day, more when a stored answer has more).
PERIODES_PAR_JOUR = 4
ANSWER_SCHEMA = AnswerSchema(
    {
        "creneaux.#.salarie": Text(20),
        "creneaux.#.jour": JOUR,
        "creneaux.#.debut": HORAIRE,
        "creneaux.#.fin": HORAIRE,
    },
    {"creneaux": MAX_SALARIES * 7 * PERIODES_PAR_JOUR},
)


def parse(answer: dict[str, Any], params: dict[str, Any] | None = None) -> dict[str, Any]:
    """The créneaux typed cleanly (times as HH:MM); empty ones dropped. FormatErrors on a bad
    time, an end before the start, or, when params are given, an unknown employee or day."""
    if not isinstance(answer, dict):
        raise FormatErrors({"creneaux": "La réponse doit contenir une liste de créneaux."})
    semaine = lire_semaine(params) if params is not None else None
    lus, erreurs, _ = lire_creneaux(semaine, answer.get("creneaux", []))
    if erreurs:
        raise FormatErrors(erreurs)
    brut = answer["creneaux"] if lus else []
    creneaux = []
    for i, c in lus:
        jour = date.fromisoformat(brut[i]["jour"]).isoformat()
        creneaux.append(
            {"salarie": c.salarie, "jour": jour, "debut": heure(c.debut), "fin": heure(c.fin)}
        )
    return {"creneaux": creneaux}


def validate_field(champ: str, valeur: str) -> str | None:
    """The format message of a start or end time while it is typed (None when readable or empty)."""
    if not champ.endswith((".debut", ".fin")) or not isinstance(valeur, str) or not valeur.strip():
        return None
    try:
        lire_heure(valeur)
    except InvalidInput as error:
        return str(error)
    return None
