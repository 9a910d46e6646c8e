"""Kind ``conges_payes``: the summer leave of a few employees of the organisation.

Days acquired over the reference period (2,5 jours ouvrables a month of work, 2 a month of sick
leave, a part month pro rata, rounded up), days each request uses (jours ouvrables or ouvrés,
public holidays left out), each request granted or refused against the team's rules in the
stated priority order, the days left, and the leave pay (the tenth rule against salary
maintenance, the larger paid). The public contract is docs/exercices/conges_payes.md; each
module of the package does one step of the exercise's life.
"""

from agora.exercise.base import ExerciseKind, KindOption
from agora.exercise.kinds.conges_payes import params

# A mission may fix how days are counted; by default the level chooses (see generate).
OPTIONS = {
    "decompte": KindOption(
        "Décompte des jours de congé",
        {"au_choix": "Selon le niveau (ouvrables au niveau 1, ouvrés au niveau 3)"}
        | params.DECOMPTES,
        "au_choix",
    )
}

KIND = ExerciseKind.from_package(
    __name__,
    TITRE="Congés payés : droits acquis, demandes de congé d'été et indemnité",
    COMPETENCES=("3.2.1", "3.2.4"),
    # 4: a job agrees with whoever holds it (« vendeuse »); 3: apprentices paid their legal
    # minimum; 2: the régie's director is its dirigeant
    VERSION=4,
    OPTIONS=OPTIONS,
)
