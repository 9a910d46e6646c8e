"""Bank reconciliation (état de rapprochement) from the 512 ledger and the bank statement.

Competencies 2.2.1 (établir un état de rapprochement) and 2.2.3 (suivi des enregistrements de
trésorerie). The calculation lives in ``solve``, the story in ``tirage`` and ``statement``
(``generate`` draws it, or starts from an earlier step's transfers), the grading in ``grade``
(the adjusting entries in ``ecritures``, the explanations in ``messages``).
"""

from agora.exercise.base import ExerciseKind

KIND = ExerciseKind.from_package(
    __name__,
    TITRE="État de rapprochement bancaire",
    COMPETENCES=("2.2.1", "2.2.3"),
    # 5: the bank books on business days; 4: the statement names no internal field name
    VERSION=5,
    CONSOMME={"virements": "les virements aux fournisseurs de la semaine"},
)
