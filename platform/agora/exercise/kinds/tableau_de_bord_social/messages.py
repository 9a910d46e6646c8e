"""What the student reads for each method error of ``tableau_de_bord_social``, and the answer
fields each wrong method changes (where the grader looks for it)."""

from agora.exercise.kinds.tableau_de_bord_social import solve as calc

MESSAGES = {
    calc.EFFECTIF_FIN_ANNEE: (
        "L'effectif moyen n'est pas l'effectif du 31 décembre : c'est la moyenne des 12 "
        "effectifs de fin de mois (somme ÷ 12)."
    ),
    calc.EFFECTIF_DEBUT_FIN: (
        "L'effectif moyen ne se calcule pas avec le début et la fin d'année seulement : "
        "additionnez les 12 effectifs de fin de mois, puis divisez par 12."
    ),
    calc.ABSENCE_NON_COMPTABLE_INCLUSE: (
        "Les congés payés et la formation ne sont pas des absences : ne comptez que la "
        "maladie, les accidents et les absences injustifiées."
    ),
    calc.ABSENTEISME_SUR_HEURES_TRAVAILLEES: (
        "Le taux d'absentéisme se calcule sur les heures théoriques (prévues par les "
        "contrats), pas sur les heures travaillées."
    ),
    calc.ROTATION_NON_DIVISEE: (
        "Le taux de rotation fait la moyenne des entrées et des sorties : "
        "(entrées + sorties) ÷ 2, puis ÷ effectif moyen × 100."
    ),
    calc.ACCIDENT_SANS_ARRET_COMPTE: (
        "Un accident sans arrêt de travail ne compte pas dans le taux de fréquence."
    ),
    calc.ACCIDENT_TRAJET_COMPTE: (
        "Un accident de trajet (entre la maison et le travail) se compte à part : il n'entre "
        "pas dans le taux de fréquence ni dans le taux de gravité."
    ),
    calc.TF_POUR_MILLE: (
        "Le taux de fréquence se calcule pour 1 million d'heures : accidents avec arrêt "
        "× 1 000 000 ÷ heures travaillées."
    ),
    calc.TG_POUR_MILLION: (
        "Le taux de gravité se calcule pour 1 000 heures : jours perdus × 1 000 ÷ heures "
        "travaillées."
    ),
    calc.AGE_MAUVAISE_DATE: (
        "Les âges se calculent au jour de référence du tableau de bord (le 31 décembre), "
        "pas au jour où vous faites le travail."
    ),
    calc.BORNES_DECALEES: (
        "Une personne de 25 ans est dans la tranche « 25 à 34 ans », pas « moins de 25 ans » "
        "(de même à 35, 45 et 55 ans)."
    ),
    calc.DOUBLON_COMPTE: (
        "Une ligne en double dans le registre est la même personne : elle ne compte qu'une fois."
    ),
    calc.AGE_IMPOSSIBLE_COMPTE: (
        "Une date de naissance impossible (moins de 16 ans ou plus de 70 ans) se fait vérifier "
        "avant de compter la personne : elle n'entre pas dans la pyramide."
    ),
    calc.GRAPHIQUE_INADAPTE: (
        "Ce graphique ne convient pas : une courbe montre une évolution dans le temps, des "
        "barres comparent des catégories, des secteurs montrent les parts d'un tout, la "
        "pyramide montre les âges par sexe."
    ),
    calc.ANOMALIE_NON_VUE: (
        "Une anomalie n'a pas été vue : contrôlez les doublons, les âges possibles "
        "(16 à 70 ans), l'ordre des dates d'entrée et de sortie, et chaque effectif du mois "
        "(mois précédent + entrées − sorties)."
    ),
    calc.ANOMALIE_CORRIGEE_AU_JUGE: (
        "On ne corrige pas une donnée au jugé : on la signale au service RH, qui vérifie la "
        "pièce d'origine (contrat, pièce d'identité, registre)."
    ),
}

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
