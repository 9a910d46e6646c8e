"""The ``declaration_tva`` exercise: from the month's sales, receipts and purchase invoices to the
CA3 return (VAT by rate, deductible VAT on fixed assets and on other purchases, previous credit,
VAT due or credit) and the entry that settles the VAT accounts; or, with the option ``regime:
ca12``, the annual CA12 of the régime simplifié with its two acomptes.

Contract: docs/exercices/declaration_tva.md. The params are read in ``params``, the calculation
is in ``solve`` (the CA12's in ``ca12``), the grading in ``grade``, the story in ``generate`` and
``statement`` (``statement_ca12``).
"""

from agora.exercise.base import ExerciseKind, KindOption
from agora.exercise.kinds.declaration_tva import params

# A mission may ask for the annual return of the régime simplifié; the monthly CA3 by default.
REGIME = KindOption(
    libelle="Déclaration de TVA à remplir", valeurs=params.REGIMES, defaut=params.CA3
)

KIND = ExerciseKind.from_package(
    __name__,
    TITRE="Déclaration de TVA (CA3 ou CA12) et écriture de liquidation",
    COMPETENCES=("2.2.4",),
    # 2: each purchase from a seller of it; amounts to the cent; the CA12 is an option: the default
    # CA3 variants are unchanged
    # 3: a club not liable to VAT files no return: its student prepares a sponsor's
    VERSION=3,
    OPTIONS={"regime": REGIME},
    PRODUIT="declaration_tva",
    CONSOMME={"facture": "la facture de vente", "facture_achat": "la facture d'achat contrôlée"},
)
