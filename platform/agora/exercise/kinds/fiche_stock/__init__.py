"""Kind ``fiche_stock``: keep an article's stock card for a month.

Receipts are valued at their purchase cost, issues and stock by the article's method (CMUP of
the period, CMUP after each receipt, or PEPS); then the final stock, the reorder point and the
order to place and, at level 3, the stock-taking against the card. The public contract is
docs/exercices/fiche_stock.md; each module of the package does one step of the exercise's life.
"""

from agora.exercise.base import ExerciseKind, KindOption
from agora.exercise.kinds.fiche_stock import params

# A mission may fix the valuation method; by default each student draws one.
METHODE = KindOption(
    libelle="Méthode de valorisation des sorties de stock",
    valeurs={"au_choix": "Tirée au hasard pour chaque élève", **params.METHODES},
    defaut="au_choix",
)

KIND = ExerciseKind.from_package(
    __name__,
    TITRE="Fiche de stock : CMUP ou PEPS, stock d'alerte et commande, inventaire",
    COMPETENCES=("2.1.1", "2.3.1"),
    # 3: stock moves on open days; « du Mans »; 2: the régie's director is its dirigeant; no «
    # municipale »
    VERSION=3,
    OPTIONS={"methode": METHODE},
    PRODUIT="fiche_stock",  # the valued card, for a later step (the inventory entries)
)
