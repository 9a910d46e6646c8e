"""Kind ``mouvements_personnel``: one arrival and one departure in the organisation.

The hiring's dates (DPAE window, end of the trial period and its renewal, the information and
prevention visit), the end of a fixed-term contract (total gross pay, precariousness indemnity
or the case without it, paid-leave compensation, the documents and their date), the staff
register and the retention dates of personnel-file items, and a job ad to check for the
criteria article L1132-1 of the Code du travail forbids. The public contract is
docs/exercices/mouvements_personnel.md; each module does one step of the exercise.
"""

from agora.exercise.base import ExerciseKind

KIND = ExerciseKind.from_package(
    __name__,
    TITRE="Entrées et sorties du personnel : embauche, fin de CDD, dossiers, annonce",
    COMPETENCES=("3.1.1", "3.1.2"),
    # 4: a job agrees with whoever holds it (« vendeuse »); 3: a CDD never takes an
    # apprentice's rate; 2: the régie's director is its dirigeant
    VERSION=4,
)
