"""The ``journal_paie`` exercise: from the month's payslips, the payroll entry (641, 645, 421,
425, 431, 437, 4421, 708 for a benefit in kind), the amount and due date for each body (URSSAF, AGIRC-ARRCO, prévoyance,
DGFiP) and the payment of the net salaries (421 / 512).

Contract: docs/exercices/journal_paie.md. The params are read in ``params``, the entries and
amounts in ``solve`` (with each named wrong method, ``methodes``), the grading in ``grade``, the
payslips drawn by the ``bulletin_paie`` kind in ``generate``, the story in ``statement``, the
bodies, accounts and due dates in ``regles`` (scenarios/baremes/paie_versements.yaml).
"""

from agora.exercise.base import ExerciseKind
from agora.exercise.kinds.bulletin_paie import MOIS_DU_BULLETIN

KIND = ExerciseKind.from_package(
    __name__,
    TITRE="Journal de paie : l'écriture de paie et le paiement des organismes",
    COMPETENCES=("3.2.5",),
    # 5: a job agrees with whoever holds it (« vendeuse »); 4: a chained statement names the
    # payslip's step; 3: a restaurant's staff are fed (benefit in kind, 708); 2: the régie's
    # director is its dirigeant, no « municipale »
    VERSION=5,
    OPTIONS={"mois": MOIS_DU_BULLETIN},
    CONSOMME={"bulletin_paie": "les bulletins de paie du mois"},
)
