"""Kind ``suivi_prospection``: the follow-up of a prospecting campaign (e-mailing, mailing,
phone, stand): the open, click, response and conversion rates, the cost per contact, response
and contact won, the most profitable channel, the follow-up of each prospect and the update of
the prospect file (NPAI, opposition). The public contract is docs/exercices/suivi_prospection.md.
"""

from agora.exercise.base import ExerciseKind

KIND = ExerciseKind.from_package(
    __name__,
    TITRE="Suivi d'une campagne de prospection : taux, coûts, relances, fichier",
    COMPETENCES=("1.1.4", "1.3.1"),
    # 3: « au Mans »; 2: a returned mail (NPAI) only with undelivered mail in the figures
    VERSION=3,
)
