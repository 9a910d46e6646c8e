"""The answer of a ``fiche_stock``: its fields and their types (form, save and grader read them)."""

from __future__ import annotations

from functools import lru_cache

from agora.exercise.answer_names import AnswerSchema
from agora.exercise.fields import (
    MONTANT,
    MONTANT_SIGNE,
    QUANTITE,
    QUANTITE_SIGNEE,
    Choice,
    Field,
)
from agora.exercise.kinds.fiche_stock.params import MAX_MOUVEMENTS
from agora.exercise.reading import pattern_of

COMMANDER = Choice({"oui": "Oui, il faut commander", "non": "Non, pas encore"})
EXPLICATION = Choice(
    {
        "casse": "De la marchandise abîmée ou périmée a été jetée sans bon de sortie",
        "sortie_non_saisie": "Une sortie a eu lieu mais n'a pas été notée sur la fiche",
        "demarque_inconnue": "Aucune trace : perte ou vol (démarque inconnue)",
        "livraison_non_saisie": "Une livraison a été reçue mais pas notée sur la fiche",
    }
)

ANSWER_SCHEMA = AnswerSchema(
    {
        "mouvements.#.entree_cout_unitaire": MONTANT,
        "mouvements.#.entree_montant": MONTANT,
        "mouvements.#.sortie_montant": MONTANT,
        "mouvements.#.stock_quantite": QUANTITE,
        "mouvements.#.stock_cout_unitaire": MONTANT,
        "mouvements.#.stock_montant": MONTANT,
        "total_entrees_quantite": QUANTITE,
        "total_entrees_montant": MONTANT,
        "cmup": MONTANT,
        "total_sorties_quantite": QUANTITE,
        "total_sorties_montant": MONTANT,
        "stock_final_quantite": QUANTITE,
        "stock_final_montant": MONTANT,
        # counted − on the card: a shortfall is below zero
        "inventaire.ecart_quantite": QUANTITE_SIGNEE,
        "inventaire.ecart_montant": MONTANT_SIGNE,
        "inventaire.explication": EXPLICATION,
        "inventaire.stock_montant": MONTANT,
        "appro.consommation_delai": QUANTITE,
        "appro.stock_alerte": QUANTITE,
        "appro.commander": COMMANDER,
        "appro.quantite": QUANTITE,
    },
    {"mouvements": MAX_MOUVEMENTS},
)


@lru_cache(maxsize=1024)
def type_champ(path: str) -> Field:
    """The type of a field the solver writes (``mouvements.3.stock_montant``), found fast."""
    return ANSWER_SCHEMA.champs[pattern_of(path)]
