"""Bank reconciliation (état de rapprochement) from the 512 ledger and the bank statement.

Competencies 2.2.1 (établir un état de rapprochement) and 2.2.3 (suivi des enregistrements de
trésorerie). The calculation lives in ``solve``, the story in ``generate`` and ``statement``, the
grading in ``grade`` (the adjusting entries in ``ecritures``, the explanations in ``messages``).
"""

from agora.exercise.base import ExerciseKind
from agora.exercise.kinds.rapprochement import answer, generate, grade, params, samples, solve

KIND = ExerciseKind(
    NAME=params.NAME,
    TITRE="État de rapprochement bancaire",
    COMPETENCES=("2.2.1", "2.2.3"),
    VERSION=1,
    ANSWER_SCHEMA=answer.ANSWER_SCHEMA,
    check_params=params.check_params,
    generate=generate.generate,
    parse=answer.parse,
    solve=solve.solve,
    grade=grade.grade,
    sample_answers=samples.sample_answers,
    validate_field=answer.validate_field,
)
