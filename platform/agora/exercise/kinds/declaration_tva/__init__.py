"""The ``declaration_tva`` exercise: from the month's sales, receipts and purchase invoices to the
CA3 return (VAT by rate, deductible VAT on fixed assets and on other purchases, previous credit,
VAT due or credit) and the entry that settles the VAT accounts.

Contract: docs/exercices/declaration_tva.md. The params are read in ``params``, the calculation
is in ``solve``, the grading in ``grade``, the story in ``generate`` and ``statement``.
"""

from agora.exercise.base import ExerciseKind

KIND = ExerciseKind.from_package(
    __name__,
    TITRE="Déclaration de TVA (CA3) et écriture de liquidation",
    COMPETENCES=("2.2.4",),
    VERSION=1,
    PRODUIT="declaration_tva",
    CONSOMME={"facture": "la facture de vente", "facture_achat": "la facture d'achat contrôlée"},
)
