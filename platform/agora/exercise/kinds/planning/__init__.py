"""The `planning` kind: a weekly staff schedule under the working-time rules and the coverage needs.

The params are read in ``params`` (typed models), the answer in ``answer`` (its schema and the
créneaux read once), the week and its legal limits in ``rules``, the checks in ``violations``;
the CP-SAT search is in ``solver``, the week built from the organisation in ``generate`` and
the statement in ``statement``, the form's grid in ``grille``.
"""

from agora.exercise.base import ExerciseKind
from agora.exercise.kinds.planning import grille

KIND = ExerciseKind.from_package(
    __name__,
    TITRE="Planning hebdomadaire du personnel",
    COMPETENCES=("3.2.1",),
    VERSION=4,  # 4: a job agrees with whoever holds it (« vendeuse »)
    formulaire=grille.grille,
)
