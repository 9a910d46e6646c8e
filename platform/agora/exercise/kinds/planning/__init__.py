"""The `planning` kind: a weekly staff schedule under the working-time rules and the coverage needs.

The rules live in ``rules`` (reading) and ``violations`` (checking), the CP-SAT search in
``solver``, the week built from the organisation in ``generate`` and the statement in
``statement``.
"""

from agora.exercise._legacy import raw_answer_kind
from agora.exercise.base import ExerciseKind
from agora.exercise.kinds.planning import answer, generate, grade, params, samples, solve

KIND = raw_answer_kind(
    ExerciseKind.from_modules(
        (params, answer, generate, solve, grade, samples),
        TITRE="Planning hebdomadaire du personnel",
        COMPETENCES=("3.2.1",),
        VERSION=2,
    ),
    answer.parse,
    grade.grade,
)
