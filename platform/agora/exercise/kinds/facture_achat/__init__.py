"""The ``facture_achat`` exercise: check a supplier invoice against the order and the delivery
note (discrepancies line by line, amounts owed, decision), then record it in the purchases
journal (HA) — purchases by nature, fixed assets, EU purchases with autoliquidation.

Contract: docs/exercices/facture_achat.md. The params are read in ``params``, the calculation
is in ``solve``, the wrong methods in ``methodes``, the grading in ``grade``, the story in
``achats`` and ``generate``, the statement in ``statement``.
"""

from agora.exercise.base import ExerciseKind

KIND = ExerciseKind.from_package(
    __name__,
    TITRE="Contrôle et enregistrement d'une facture d'achat",
    COMPETENCES=("2.1.2", "2.2.3"),
    # 2: a fixed asset from a seller of its trade
    VERSION=2,
    PRODUIT="facture_achat",  # the accepted invoice as recorded: what a VAT return deducts
)
