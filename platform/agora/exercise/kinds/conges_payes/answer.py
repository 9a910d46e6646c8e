"""The answer of a ``conges_payes``: its fields and their types (form, save and grader read them)."""

from __future__ import annotations

from agora.exercise.answer_names import AnswerSchema
from agora.exercise.fields import MONTANT, QUANTITE, Choice
from agora.exercise.kinds.conges_payes.params import MAX_SALARIES
from agora.exercise.kinds.conges_payes.solve import DECISIONS

ANSWER_SCHEMA = AnswerSchema(
    {
        "salaries.#.acquis": QUANTITE,
        "salaries.#.acquis_ouvres": QUANTITE,
        "salaries.#.pris": QUANTITE,
        "salaries.#.decision": Choice(DECISIONS),
        "salaries.#.reste": QUANTITE,
        "indemnite.dixieme_total": MONTANT,
        "indemnite.dixieme": MONTANT,
        "indemnite.jours_mois": QUANTITE,
        "indemnite.valeur_jour": MONTANT,
        "indemnite.maintien": MONTANT,
        "indemnite.montant": MONTANT,
    },
    {"salaries": MAX_SALARIES},
)
