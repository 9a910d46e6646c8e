"""The named wrong methods of ``planning_activites``: the answer fields each changes (where the
grader looks for it), and the message a student reads for each (messages.yaml beside)."""

from pathlib import Path

from agora.exercise.kinds.planning_activites import solve as calc
from agora.exercise.nommes import messages_lus

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

# Named where no value shows them: a resource that does not exist, a critical path's tasks.
_SANS_SIGNATURE = (calc.RESSOURCE_INCONNUE, calc.CHEMIN_AVEC_MARGE, calc.CHEMIN_INCOMPLET)

MESSAGES = messages_lus(Path(__file__).with_name("messages.yaml"), (*SIGNATURES, *_SANS_SIGNATURE))
