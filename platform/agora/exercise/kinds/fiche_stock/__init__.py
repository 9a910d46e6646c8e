"""The ``fiche_stock`` exercise: a month of receipts and issues valued by CMUP (of the period or
after each receipt) or PEPS, the final stock, the reorder point and the order to place, and at
level 3 the stock-taking against the card.

Contract: docs/exercices/fiche_stock.md. The params are read in ``params``, the calculation is in
``solve``, the grading in ``grade``, the story in ``generate`` and ``statement``.
"""

from agora.exercise.base import ExerciseKind, KindOption
from agora.exercise.kinds.fiche_stock import answer, generate, grade, params, samples, solve

KIND = ExerciseKind.from_modules(
    (params, answer, generate, solve, grade, samples),
    TITRE="Fiche de stock : CMUP ou PEPS, stock d'alerte et commande, inventaire",
    COMPETENCES=("2.1.1", "2.3.1"),
    VERSION=1,
    OPTIONS={
        "methode": KindOption(
            libelle="Méthode de valorisation des sorties de stock",
            valeurs={
                "au_choix": "Tirée au hasard pour chaque élève",
                **params.METHODES,
            },
            defaut="au_choix",
        )
    },
    PRODUIT="fiche_stock",  # the valued card: a later step (the inventory entries) may take it
)
