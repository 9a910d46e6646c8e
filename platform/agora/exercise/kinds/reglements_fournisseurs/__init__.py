"""Kind ``reglements_fournisseurs``: the supplier payments of the week.

The schedule of open supplier invoices at a Monday: what is overdue or falls due by Friday,
the check of each supplier's bank details (``rib``: schwifty's rules and registry), whether
the escompte offered is worth more than the overdraft costs, the amounts transferred and
their entry (401 / 765 / 44566 / 512); the chosen transfers as a SEPA credit-transfer file
(``sepa``, pain.001.001.03). The public contract is docs/exercices/reglements_fournisseurs.md.
"""

from agora.exercise.base import ExerciseKind

from . import grade

# The payment procedure proves 2.2.2, the record of the bank movement 2.2.3 (grade.py).
TITRE = "Règlements fournisseurs : échéancier, escompte, virements SEPA"
KIND = ExerciseKind.from_package(
    __name__,
    TITRE=TITRE,
    COMPETENCES=grade.COMPETENCES,
    # 2: each invoice at its supplier's VAT rate
    VERSION=2,
    PRODUIT="virements",  # the week's remittance, for a later step (the bank reconciliation)
)
