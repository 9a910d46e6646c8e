"""The answer of a ``qualite_donnees``: its fields and their types (form, save and grader read them)."""

from __future__ import annotations

from agora.exercise.answer_names import AnswerSchema
from agora.exercise.fields import Choice, Number
from agora.exercise.kinds.qualite_donnees.controles import ACTIONS, PROBLEMES
from agora.exercise.kinds.qualite_donnees.params import CATEGORIES, MAX_LIGNES, ROLES

PROBLEME = Choice(PROBLEMES)
ACTION = Choice(ACTIONS)
DROIT = Choice(
    {"aucun": "Aucun accès", "lecture": "Lecture seule", "modification": "Lecture et modification"}
)
NUMERO_LIGNE = Number("numéro de ligne")

ANSWER_SCHEMA = AnswerSchema(
    {
        "lignes.#.probleme": PROBLEME,
        "lignes.#.probleme_2": PROBLEME,
        "lignes.#.action": ACTION,
        "lignes.#.fusion_avec": NUMERO_LIGNE,
        **{f"droits.{role}.{categorie}": DROIT for role in ROLES for categorie in CATEGORIES},
    },
    {"lignes": MAX_LIGNES},
)
