"""What the student reads for each method error of ``planning_activites``, and the answer
fields each wrong method changes (where the grader looks for it)."""

from agora.exercise.kinds.planning_activites import solve as calc

MESSAGES = {
    calc.DEBUT_SOMME_DES_FINS: (
        "Une tâche commence quand toutes ses antériorités sont finies : début au plus tôt = "
        "la plus grande de leurs fins au plus tôt, pas leur somme."
    ),
    calc.ANTERIORITE_OUBLIEE: (
        "Toutes les antériorités comptent : la tâche attend la fin de la dernière d'entre "
        "elles, pas seulement celle de la première de la liste."
    ),
    calc.FIN_TARD_MAXIMUM: (
        "Fin au plus tard = le plus petit des débuts au plus tard des tâches qui suivent "
        "(sinon l'une d'elles serait en retard), pas le plus grand."
    ),
    calc.MARGE_FIN_TARD_MOINS_DEBUT_TOT: (
        "Marge totale = début au plus tard − début au plus tôt (ou fin au plus tard − fin au "
        "plus tôt), pas fin au plus tard − début au plus tôt."
    ),
    calc.MARGE_LIBRE_EGALE_TOTALE: (
        "La marge libre ne retarde pas les tâches suivantes : plus petit début au plus tôt des "
        "tâches qui suivent − fin au plus tôt de la tâche. Elle peut être plus petite que la "
        "marge totale."
    ),
    calc.JOUR_EN_TROP: (
        "La date de début est le jour n° 0 : un projet de 10 jours finit le jour ouvré n° 9, "
        "pas le n° 10."
    ),
    calc.WEEKENDS_COMPTES: (
        "Le samedi et le dimanche ne sont pas travaillés : comptez les jours ouvrés, du lundi "
        "au vendredi."
    ),
    calc.FERIE_IGNORE: "Un jour férié de la période n'est pas travaillé : il décale la fin d'un jour.",
    calc.RETARD_AJOUTE_A_LA_FIN: (
        "Le retard d'une tâche est d'abord absorbé par sa marge : refaites les dates au plus "
        "tôt avec la nouvelle durée au lieu d'ajouter le retard à la fin du projet."
    ),
    calc.DUREE_SEXAGESIMALE: (
        "Une heure compte 60 minutes : 1 h 30 = 1,5 h (et non 1,30 h) ; 2 h 45 = 2,75 h."
    ),
    calc.ARRONDI_TRONQUE: "Les centimes ont été coupés au lieu d'être arrondis au plus proche.",
    calc.CAPACITE_IGNOREE: (
        "Cette ressource est trop petite pour la demande : sa capacité doit être au moins égale "
        "au besoin."
    ),
    calc.RESERVATIONS_CHEVAUCHEES: (
        "Cette ressource est déjà prise sur ce créneau par une autre demande : deux "
        "réservations de la même ressource ne se chevauchent pas."
    ),
    calc.RESSOURCE_INCONNUE: "Ce code ne correspond à aucune ressource de la liste.",
    calc.CHEMIN_AVEC_MARGE: (
        "Le chemin critique ne contient que les tâches de marge totale nulle : une tâche qui a "
        "de la marge n'en fait pas partie."
    ),
    calc.CHEMIN_INCOMPLET: "Il manque au chemin critique une tâche de marge totale nulle.",
}

# The answer fields (as patterns) whose value each wrong method changes.
_TOT = ("taches.#.debut_tot", "taches.#.fin_tot", "duree_projet", "date_fin")
_TARD = ("taches.#.debut_tard", "taches.#.fin_tard")
_MARGES = ("taches.#.marge_totale", "taches.#.marge_libre", "chemin_critique")
_DATES = ("date_fin", "incident.date_fin")
_RESERVATION = ("reservations.#.ressource", "reservations.#.cout")
SIGNATURES = {
    calc.DEBUT_SOMME_DES_FINS: (*_TOT, *_TARD, *_MARGES),
    calc.ANTERIORITE_OUBLIEE: (*_TOT, *_TARD, *_MARGES),
    calc.FIN_TARD_MAXIMUM: (*_TARD, *_MARGES),
    calc.MARGE_FIN_TARD_MOINS_DEBUT_TOT: ("taches.#.marge_totale",),
    calc.MARGE_LIBRE_EGALE_TOTALE: ("taches.#.marge_libre",),
    calc.JOUR_EN_TROP: _DATES,
    calc.WEEKENDS_COMPTES: _DATES,
    calc.FERIE_IGNORE: _DATES,
    calc.RETARD_AJOUTE_A_LA_FIN: ("incident.duree_projet", "incident.date_fin"),
    calc.DUREE_SEXAGESIMALE: ("reservations.#.cout",),
    calc.ARRONDI_TRONQUE: ("reservations.#.cout",),
    calc.CAPACITE_IGNOREE: _RESERVATION,
    calc.RESERVATIONS_CHEVAUCHEES: _RESERVATION,
}
