"""The named wrong methods of ``tableau_de_bord_social``: the answer fields each changes (where
the grader looks for it), and the message a student reads for each (messages.yaml beside)."""

from pathlib import Path

from agora.exercise.kinds.tableau_de_bord_social import solve as calc
from agora.exercise.nommes import messages_lus

# The answer fields (as patterns) whose value each wrong method changes.
_PYRAMIDE = tuple(f"pyramide.{b}.{s}" for b in calc.BANDES for s in calc.SEXE_CHAMP.values())
_ROTATION = ("rotation.taux",)
_ANOMALIES = tuple(
    f"anomalies.{c}.{champ}"
    for c in ("doublon", "age", "dates", "effectif")
    for champ in (("mois" if c == "effectif" else "ligne"), "action")
)
SIGNATURES = {
    calc.EFFECTIF_FIN_ANNEE: ("effectif.moyen", *_ROTATION),
    calc.EFFECTIF_DEBUT_FIN: ("effectif.moyen", *_ROTATION),
    calc.ABSENCE_NON_COMPTABLE_INCLUSE: ("absences.total", "absences.taux"),
    calc.ABSENTEISME_SUR_HEURES_TRAVAILLEES: ("absences.taux",),
    calc.ROTATION_NON_DIVISEE: _ROTATION,
    calc.ACCIDENT_SANS_ARRET_COMPTE: ("accidents.avec_arret", "accidents.tf"),
    calc.ACCIDENT_TRAJET_COMPTE: (
        "accidents.avec_arret",
        "accidents.jours_perdus",
        "accidents.tf",
        "accidents.tg",
    ),
    calc.TF_POUR_MILLE: ("accidents.tf",),
    calc.TG_POUR_MILLION: ("accidents.tg",),
    calc.AGE_MAUVAISE_DATE: _PYRAMIDE,
    calc.BORNES_DECALEES: _PYRAMIDE,
    calc.DOUBLON_COMPTE: _PYRAMIDE,
    calc.AGE_IMPOSSIBLE_COMPTE: _PYRAMIDE,
    calc.GRAPHIQUE_INADAPTE: tuple(f"graphiques.{g}" for g in calc.GRAPHIQUE),
    calc.ANOMALIE_NON_VUE: _ANOMALIES,
    calc.ANOMALIE_CORRIGEE_AU_JUGE: tuple(p for p in _ANOMALIES if p.endswith(".action")),
}

MESSAGES = messages_lus(Path(__file__).with_name("messages.yaml"), SIGNATURES)
