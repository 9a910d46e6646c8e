"""The `planning` kind: a weekly staff schedule under the working-time rules and the coverage needs.

The rules live in ``rules`` (reading) and ``violations`` (checking), the CP-SAT search in
``solver``, the week built from the organisation in ``generate`` and the statement in
``statement``.
"""

from agora.exercise.base import ExerciseKind
from agora.exercise.kinds.planning import answer, generate, grade, params, samples, solve

KIND = ExerciseKind(
    NAME=params.NAME,
    TITRE="Planning hebdomadaire du personnel",
    COMPETENCES=("3.2.1",),
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
