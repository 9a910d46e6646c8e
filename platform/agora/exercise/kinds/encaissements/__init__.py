"""The ``encaissements`` exercise: record a customer's sales invoices, credit notes, deposits and
receipts of the period (journals VT and BQ), letter the customer account, and draw up the
ageing balance at a date.

Contract: docs/exercices/encaissements.md. The params are read in ``params``, the entries,
lettering and balance are in ``solve``, the grading in ``grade`` (messages in ``messages``), the
story in ``generate`` and ``statement``, the accounts and rules in ``regles``.
"""

from agora.exercise.base import ExerciseKind

KIND = ExerciseKind.from_package(
    __name__,
    TITRE="Ventes et encaissements : journaux, lettrage et balance âgée",
    COMPETENCES=("1.2.3",),
    # 4: the invoices follow the sector audit's catalogue; 3: a chained invoice keeps the due date
    # its step gave, names that step and its arrhes; 2: a bookshop keeps its reductions on new books
    # within the loi Lang
    VERSION=4,
    PRODUIT="balance_agee",
    CONSOMME={"facture": "la facture de vente"},
)
