"""What a student reads of each rule of the week when a teacher gives a remediation for it.

A graded planning names each breach with its own figures (« Léa travaille 11 h le mardi… »,
agora.exercise.kinds.planning.violations); these are the rules themselves, without a case.
"""

MESSAGES = {
    "CONTRAT": (
        "Chaque salarié travaille exactement les heures de son contrat dans la semaine. Les "
        "pauses ne sont pas du temps de travail : ne les comptez pas."
    ),
    "DUREE_QUOTIDIENNE": (
        "Un salarié ne dépasse pas la durée maximale de travail d'une journée, plus courte pour "
        "un jeune de moins de 18 ans : additionnez ses créneaux de la journée."
    ),
    "DUREE_HEBDOMADAIRE": (
        "Un salarié ne dépasse pas la durée maximale de travail de la semaine, plus courte pour "
        "un jeune de moins de 18 ans : additionnez ses heures de la semaine."
    ),
    "PAUSE": (
        "Au-delà d'un certain temps de travail d'affilée, une pause est obligatoire (plus tôt "
        "pour un jeune de moins de 18 ans) : coupez la journée en deux créneaux."
    ),
    "REPOS_QUOTIDIEN": (
        "Entre deux journées de travail, il faut au moins 11 h de repos d'affilée (12 h pour un "
        "jeune de moins de 18 ans) : qui finit tard le soir ne reprend pas tôt le lendemain."
    ),
    "REPOS_HEBDOMADAIRE": (
        "Chaque semaine, un salarié a 35 h de repos d'affilée (24 h de repos hebdomadaire plus "
        "11 h de repos quotidien) ; un jeune de moins de 18 ans, deux jours de suite."
    ),
    "INDISPONIBLE": "Un salarié indisponible un jour ne travaille pas ce jour-là.",
    "HORS_OUVERTURE": "On ne place personne en dehors des heures d'ouverture, ni un jour de fermeture.",
    "COUVERTURE": (
        "Chaque besoin en personnel doit être couvert : à chaque moment demandé, comptez les "
        "salariés au travail."
    ),
    "CRENEAU_ILLISIBLE": "Écrivez chaque créneau avec son début et sa fin, par exemple 9h-12h30.",
}
