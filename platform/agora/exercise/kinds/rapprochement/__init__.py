"""Bank reconciliation (état de rapprochement) from the 512 ledger and the bank statement.

Competencies 2.2.1 (établir un état de rapprochement) and 2.2.3 (suivi des enregistrements de
trésorerie). The calculation lives in ``solve``, the story in ``generate`` and ``statement``, the
grading in ``grade`` (the adjusting entries in ``ecritures``, the explanations in ``messages``);
``reprise`` is its generate step, which can also start from an earlier step's transfers.
"""

from agora.exercise.base import ExerciseKind
from agora.exercise.kinds.rapprochement import answer, grade, params, reprise, samples, solve

KIND = ExerciseKind.from_modules(
    (params, answer, reprise, solve, grade, samples),
    TITRE="État de rapprochement bancaire",
    COMPETENCES=("2.2.1", "2.2.3"),
    VERSION=4,  # 4: the statement names no internal field name
    CONSOMME={"virements": "les virements aux fournisseurs de la semaine"},
)
