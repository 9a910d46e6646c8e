"""The answer of a ``conges_payes``: its fields and their types (form, save and grader read them)."""

from __future__ import annotations

from functools import lru_cache

from agora.exercise.answer_names import AnswerSchema
from agora.exercise.fields import MONTANT, QUANTITE, Choice, Field, pattern_of
from agora.exercise.kinds.conges_payes.params import MAX_SALARIES

DECISION = Choice(
    {
        "accorde": "Accordé",
        "refuse_duree": "Refusé : le congé d'été doit durer de 12 à 24 jours ouvrables",
        "refuse_droits": "Refusé : pas assez de jours acquis",
        "refuse_effectif": "Refusé : trop peu de personnes présentes",
    }
)

ANSWER_SCHEMA = AnswerSchema(
    {
        "salaries.#.acquis": QUANTITE,
        "salaries.#.acquis_ouvres": QUANTITE,
        "salaries.#.pris": QUANTITE,
        "salaries.#.decision": DECISION,
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


@lru_cache(maxsize=256)
def type_champ(path: str) -> Field:
    """The type of a field the solver writes (``salaries.1.pris``), found fast."""
    return ANSWER_SCHEMA.champs[pattern_of(path)]
