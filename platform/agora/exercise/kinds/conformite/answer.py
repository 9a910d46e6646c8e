"""The answer of a ``conformite``: its fields and their types (form, save and grader read them)."""

from __future__ import annotations

from agora.exercise.answer_names import AnswerSchema
from agora.exercise.fields import Choice
from agora.exercise.kinds.conformite.controles import ACTIONS, ANOMALIES, ANOMALIES_FOURNISSEUR
from agora.exercise.kinds.conformite.params import MAX_FOURNISSEURS, MAX_LIGNES

ANOMALIE = Choice(ANOMALIES)
ANOMALIE_FOURNISSEUR = Choice(ANOMALIES_FOURNISSEUR)
ACTION = Choice(ACTIONS)

ANSWER_SCHEMA = AnswerSchema(
    {
        "lignes.#.anomalie": ANOMALIE,
        "lignes.#.action": ACTION,
        "fournisseurs.#.anomalie": ANOMALIE_FOURNISSEUR,
        "fournisseurs.#.action": ACTION,
    },
    {"lignes": MAX_LIGNES, "fournisseurs": MAX_FOURNISSEURS},
)
