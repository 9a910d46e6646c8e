"""The answer of ``relances``: its fields and their types (form, save and grader read them)."""

from __future__ import annotations

from agora.exercise.answer_names import AnswerSchema
from agora.exercise.fields import JOUR, MONTANT, QUANTITE, TAUX, Choice, LongText
from agora.exercise.kinds.relances.params import MAX_FACTURES

NIVEAU = Choice(
    {
        "aucune": "Aucune relance pour l'instant",
        "relance_amiable": "Relance amiable",
        "deuxieme_relance": "Deuxième relance",
        "mise_en_demeure": "Mise en demeure",
    }
)
DELAI_LEGAL = Choice({"oui": "Oui, il respecte la loi", "non": "Non, il dépasse le plafond légal"})
LETTRE = LongText(4000)

ANSWER_SCHEMA = AnswerSchema(
    {
        "taux_cgv": TAUX,
        "taux_plancher": TAUX,
        "taux_contrat": TAUX,
        "factures.#.echeance": JOUR,
        "factures.#.jours_retard": QUANTITE,
        "factures.#.niveau": NIVEAU,
        "factures.#.delai_legal": DELAI_LEGAL,
        "factures.#.reste_du": MONTANT,
        "factures.#.penalites": MONTANT,
        "factures.#.indemnite": MONTANT,
        "lettre": LETTRE,
    },
    {"factures": MAX_FACTURES},
)
