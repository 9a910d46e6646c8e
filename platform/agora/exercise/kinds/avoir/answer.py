"""The answer of an ``avoir``: its fields and their types (the one schema form and grader read)."""

from __future__ import annotations

from agora.exercise.answer_names import AnswerSchema
from agora.exercise.fields import MONTANT, NUMERO, Choice
from agora.exercise.kinds.avoir.params import CODES_MENTIONS, MAX_LIGNES
from agora.exercise.kinds.facture.answer import corps

# The choices and their labels, as the form's lists show them.
NATURE = Choice(
    dict(
        retour="Retour de marchandises",
        rabais="Rabais (défaut, retard, non-conformité)",
        ristourne="Ristourne de fin d'année",
        trop_facture="Quantité facturée en trop (erreur de facturation)",
    )
)
ETAT = Choice(
    dict(
        presente="Présente",
        manquante="Manquante : à ajouter",
        non_exigee="Pas obligatoire sur cette facture",
    )
)
CHAMPS_GROUPE = (
    "chiffre_affaires_ht",
    "montant_brut_ht",
    "net_commercial",
    "escompte",
    "net_financier",
)
TOTAUX = ("total_ht", "total_tva", "total_ttc")

ANSWER_SCHEMA = AnswerSchema(
    {
        "reference_facture": NUMERO,
        "nature": NATURE,
        # The invoice's body; a reduction's nature as the solution writes it, not graded.
        **corps(CHAMPS_GROUPE),
        **dict.fromkeys(TOTAUX, MONTANT),
        **{f"mentions.{code}": ETAT for code in CODES_MENTIONS},
    },
    {"lignes": MAX_LIGNES, "groupes": 5, "groupes.#.reductions": 10, "tva": 5},
    # Written by the form (hidden), never typed: the invoice's lines, rates and reductions.
    donnes=(
        "lignes.#.reference",
        "groupes.#.taux_tva",
        "groupes.#.reductions.#.nature",
        "groupes.#.reductions.#.taux",
        "tva.#.taux",
    ),
)
