"""The answer of an ``encaissements``: the entries' rows, the letters, the ageing balance, with their types."""

from __future__ import annotations

from agora.exercise import journal
from agora.exercise.answer_names import AnswerSchema
from agora.exercise.fields import JOUR, MONTANT, MONTANT_SIGNE, Choice, Text
from agora.exercise.kinds.encaissements.params import MAX_DOCUMENTS
from agora.exercise.kinds.encaissements.solve import LETTRES, NON_LETTRE, SOLDEE, TRANCHES

# The choices and their labels, as the form's lists show them.
LETTRE = Choice({NON_LETTRE: "Non lettré", **{lettre: lettre for lettre in LETTRES}})
TRANCHE = Choice(
    {
        "non_echu": "Non échu",
        "de_1_a_30": "Échu de 1 à 30 jours",
        "de_31_a_60": "Échu de 31 à 60 jours",
        "plus_de_60": "Échu depuis plus de 60 jours",
        SOLDEE: "Soldée (plus rien à payer)",
    }
)
# Rows of one entry a student may write (an invoice at four VAT rates has eight).
MAX_LIGNES = 12

ANSWER_SCHEMA = AnswerSchema(
    {
        # Given by the form, not graded: the entry's journal, document, date and label.
        "ecritures.#.journal": Text(10),
        "ecritures.#.piece": Text(40),
        "ecritures.#.date": JOUR,
        "ecritures.#.libelle": Text(80),
        **journal.schema("ecritures.#.lignes"),
        "lettrage.#.piece": Text(40),
        "lettrage.#.libelle": Text(80),
        "lettrage.#.lettre": LETTRE,
        "balance.#.facture": Text(40),
        "balance.#.echeance": JOUR,
        "balance.#.reste_du": MONTANT,
        "balance.#.tranche": TRANCHE,
        **{f"totaux.{code}": MONTANT for code, _ in TRANCHES},
        "trop_percu": MONTANT,
        "solde_client": MONTANT_SIGNE,  # the dues less an overpayment: may be below zero
    },
    {
        "ecritures": 2 * MAX_DOCUMENTS,
        "ecritures.#.lignes": MAX_LIGNES,
        "lettrage": 2 * MAX_DOCUMENTS,
        "balance": MAX_DOCUMENTS,
    },
)
