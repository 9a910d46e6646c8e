"""The answer of a ``planning_activites``: each task's dates and slacks, the project's duration,
critical path and end date, the incident (level 3), the resource of each booking request and
its cost, with their types (form, save and grader read them)."""

from __future__ import annotations

import re
from typing import Any

from agora.errors import InvalidInput
from agora.exercise.answer_names import AnswerSchema
from agora.exercise.fields import JOUR, MONTANT, QUANTITE, Choice, Field, LineRef, cite
from agora.exercise.kinds.planning_activites.params import LETTRES, MAX_DEMANDES, MAX_TACHES

_SEPARATEURS = re.compile(r"[\s,;/>→–—-]+")


class ListeTaches(Field):
    """A set of tasks written by their letters: « A, C, F », « A-C-F », « ACF » → ("A", "C",
    "F") in the alphabet's order (a path is a set of tasks: the order typed does not count)."""

    def convert(self, raw: Any) -> tuple[str, ...]:
        if not isinstance(raw, str):
            raise InvalidInput("Écrivez les lettres des tâches, par exemple A, C, F.")
        texte = _SEPARATEURS.sub("", raw[:80].upper())
        if not texte or any(c not in LETTRES for c in texte):
            raise InvalidInput(
                f"« {cite(raw, 20)} » : écrivez seulement les lettres des tâches (A, C, F)."
            )
        return tuple(sorted(set(texte)))

    def canonical(self, value: tuple[str, ...]) -> str:
        return ", ".join(value)


TACHES = ListeTaches()
OUI_NON = Choice({"oui": "Oui", "non": "Non"})
RESSOURCE = LineRef("S1 ou V2")
# A task's row, in days from the start, in the order of the form's columns and of the solver.
CHAMPS_TACHE = ("debut_tot", "fin_tot", "debut_tard", "fin_tard", "marge_totale", "marge_libre")

ANSWER_SCHEMA = AnswerSchema(
    {
        **{f"taches.#.{champ}": QUANTITE for champ in CHAMPS_TACHE},
        "duree_projet": QUANTITE,
        "chemin_critique": TACHES,
        "date_fin": JOUR,
        "incident.duree_projet": QUANTITE,
        "incident.date_fin": JOUR,
        "incident.chemin_critique": TACHES,
        "incident.chemin_change": OUI_NON,
        "reservations.#.ressource": RESSOURCE,
        "reservations.#.cout": MONTANT,
    },
    {"taches": MAX_TACHES, "reservations": MAX_DEMANDES},
)
