"""Kind ``planning_activites``: plan a project of the organisation and book its shared resources.

The tasks with their durations and predecessors give, by the forward and backward passes, each
task's earliest and latest dates and its slacks, the critical path, the project's duration and
its end date in working days; at level 3 an incident delays a task. Then the week's requests
for the shared rooms or vehicles get a resource each, without overlap nor overcrowding, and
their cost. The public contract is docs/exercices/planning_activites.md.
"""

from agora.exercise.base import ExerciseKind

KIND = ExerciseKind.from_package(
    __name__,
    TITRE="Planification d'un projet : dates au plus tôt et au plus tard, marges, chemin "
    "critique ; réservation des ressources partagées",
    COMPETENCES=("2.1.5", "2.3.1"),
    VERSION=1,
    PRODUIT="projet",  # the project's start: a mission's next step starts its own then
    CONSOMME={"projet": "le projet de l'étape précédente"},
)
