"""The answer of a ``budget_tresorerie``: its fields and their types (form, save and grader)."""

from __future__ import annotations

from agora.exercise.answer_names import AnswerSchema
from agora.exercise.fields import MONTANT, MONTANT_SIGNE, Choice, Field
from agora.exercise.kinds.budget_tresorerie.params import MAX_MOIS

# The rows of the budget, in the order of the table: receipts, then payments.
ENCAISSEMENTS = ("ventes", "subvention")
DECAISSEMENTS = (
    "achats",
    "salaires",
    "charges_sociales",
    "tva",
    "emprunt",
    "charges_fixes",
    "investissement",
)
CALCULS = ("total_encaissements", "total_decaissements", "solde_mois")
SOLDES = ("tresorerie_debut", "tresorerie_fin")
# A month in strain: its net and its cash may be below zero.
SIGNES = ("solde_mois", *SOLDES)

TENSION = Choice({"oui": "Oui : sous le seuil", "non": "Non"})
REMEDE = Choice(
    {
        "aucune": "Aucune mesure : la trésorerie reste au-dessus du seuil chaque mois",
        "decouvert": "Demander un découvert autorisé à la banque (besoin court et limité)",
        "report_investissement": "Reporter l'investissement prévu",
        "affacturage": "Mobiliser les créances clients (escompte, affacturage)",
        "apport": "Trouver un financement durable (apport, avance, emprunt à moyen terme)",
    }
)

ANSWER_SCHEMA = AnswerSchema(
    {
        **{f"mois.#.{ligne}": MONTANT for ligne in ENCAISSEMENTS + DECAISSEMENTS},
        **{f"mois.#.{ligne}": MONTANT for ligne in CALCULS if ligne not in SIGNES},
        **{f"mois.#.{ligne}": MONTANT_SIGNE for ligne in SIGNES},
        "mois.#.tension": TENSION,
        "remede": REMEDE,
    },
    {"mois": MAX_MOIS},
)


def type_champ(path: str) -> Field:
    """The type of a field the solver writes (``mois.2.tension``, ``remede``…)."""
    if path == "remede":
        return REMEDE
    return TENSION if path.endswith(".tension") else MONTANT
