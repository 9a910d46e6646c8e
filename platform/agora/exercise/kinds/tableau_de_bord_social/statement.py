"""The French statement of a ``tableau_de_bord_social`` variant: the situation, the monthly
headcounts, the hours and absences, the accidents, the staff register, the rules (with the
method at level 1), then the numbered list of what to fill in, in the form's order."""

from __future__ import annotations

from datetime import date
from typing import Any

from agora.calendrier import date_courte, date_longue
from agora.exercise.enonce import au_service, tete
from agora.exercise.kinds.tableau_de_bord_social.params import MOTIFS, Donnees, lire_params
from agora.exercise.markdown import cellule, milliers, numerotee, section, tableau, texte

MOIS = (
    "Janvier",
    "Février",
    "Mars",
    "Avril",
    "Mai",
    "Juin",
    "Juillet",
    "Août",
    "Septembre",
    "Octobre",
    "Novembre",
    "Décembre",
)
INDICATEURS_GRAPHIQUES = {
    "evolution_effectif": "l'évolution de l'effectif mois par mois",
    "pyramide_ages": "la répartition du personnel par âge et par sexe",
    "absences_par_motif": "la part de chaque motif dans les heures d'absence",
    "absenteisme_par_service": "le taux d'absentéisme de chaque service, côte à côte",
}
# Level 1 writes out how each indicator is computed.
METHODE = (
    "- Effectif moyen = somme des 12 effectifs de fin de mois ÷ 12.",
    "- Taux d'absentéisme = heures d'absence ÷ heures théoriques × 100.",
    "- Taux de rotation = ((entrées + sorties) ÷ 2) ÷ effectif moyen × 100.",
    "- Taux de fréquence (TF) = accidents du travail avec arrêt × 1 000 000 ÷ heures travaillées.",
    "- Taux de gravité (TG) = jours d'arrêt × 1 000 ÷ heures travaillées.",
    "- Une personne de 25 ans est dans la tranche « 25 à 34 ans ».",
    "- Graphiques : une courbe montre une évolution ; une pyramide, les âges par sexe.",
)
CONTROLES = {
    "doublon": "une personne écrite deux fois dans le registre (même matricule)",
    "age": "une date de naissance impossible (moins de 16 ans ou plus de 70 ans au 31/12)",
    "dates": "une date de sortie avant la date d'entrée",
    "effectif": "un mois où l'effectif de fin de mois n'est pas égal à l'effectif du mois "
    "précédent + entrées − sorties",
}


def _jour(jour: date | None) -> str:
    return date_courte(jour) if jour else ""


def _nombre(valeur: Any) -> str:
    texte = milliers(valeur).replace(".", ",")
    return texte.removesuffix(",00").removesuffix(",0")


def _situation(org: Any, d: Donnees) -> list[str]:
    return [
        au_service(org, "des ressources humaines"),
        f"Nous sommes le {date_longue(d.date_bilan)}.",
        f"La direction veut le **tableau de bord social de l'année {d.annee}**.",
        "Vous partez des données du logiciel de paie et du registre du personnel.",
        "Avant de calculer, vous contrôlez ces données : elles peuvent contenir des erreurs.",
    ]


def _effectifs(d: Donnees) -> list[str]:
    colonnes = ("Mois", "Entrées", "Sorties", "Effectif en fin de mois")
    rangees = [(MOIS[k], m.entrees, m.sorties, m.effectif_fin) for k, m in enumerate(d.mois)]
    return section(
        "### Les effectifs de l'année",
        f"Effectif au 1er janvier {d.annee} : **{d.effectif_debut}** personnes.",
        "",
        *tableau(colonnes, rangees, "<>>>"),
    )


def _heures(d: Donnees) -> list[str]:
    rangees = [(MOTIFS[a.motif], _nombre(a.heures)) for a in d.absences]
    return section(
        "### Les heures et les absences de l'année",
        f"- Heures théoriques (prévues par les contrats, congés payés déjà retirés) : "
        f"**{_nombre(d.heures_theoriques)} h**.",
        f"- Heures réellement travaillées (heures supplémentaires comprises) : "
        f"**{_nombre(d.heures_travaillees)} h**.",
        "",
        *tableau(("Motif", "Heures"), rangees, "<>"),
    )


def _accidents(d: Donnees) -> list[str]:
    if not d.accidents:
        return section("### Les accidents", "Aucun accident cette année.")
    colonnes = ("Date", "Salarié", "Nature", "Arrêt de travail", "Jours d'arrêt")
    rangees = [
        (
            _jour(a.jour),
            cellule(a.salarie),
            "accident du travail" if a.nature == "travail" else "accident de trajet",
            "oui" if a.arret else "non",
            a.jours_perdus,
        )
        for a in d.accidents
    ]
    return section("### Les accidents déclarés", *tableau(colonnes, rangees, "<<<<>"))


def _registre(d: Donnees) -> list[str]:
    colonnes = ("Matricule", "Nom", "Prénom", "Sexe", "Date de naissance", "Entrée", "Sortie")
    rangees = [
        (
            cellule(p.matricule),
            cellule(p.nom),
            cellule(p.prenom),
            p.sexe,
            _jour(p.naissance),
            _jour(p.entree),
            _jour(p.sortie),
        )
        for p in d.personnel
    ]
    return section("### Le registre du personnel", *tableau(colonnes, rangees))


def _regles(d: Donnees) -> list[str]:
    regles = [
        "- Arrondissez l'effectif moyen et chaque taux à **2 décimales** (au plus proche).",
        f"- Les âges se calculent au **{_jour(d.date_reference)}** (jour de référence), en "
        "années révolues.",
        "- Pyramide : moins de 25 ans, 25 à 34 ans, 35 à 44 ans, 45 à 54 ans, 55 ans et plus.",
        "- Dans la pyramide : les personnes présentes au jour de référence, chacune une fois ; "
        "une ligne à faire vérifier (âge impossible, dates inversées) n'est pas comptée.",
        "- Calculez avec les chiffres tels qu'ils sont donnés : une anomalie se signale.",
    ]
    if d.niveau < 3:
        regles.append(
            "- Absences comptées : maladie, accidents, absences injustifiées (pas les congés "
            "payés ni la formation)."
        )
    lignes = section("### Les règles", *regles)
    return lignes + section("### Méthode", *METHODE) if d.niveau == 1 else lignes


def a_faire(d: Donnees) -> list[str]:
    """The numbered list of what to do, in the order of the form."""
    graphiques = " ; ".join(INDICATEURS_GRAPHIQUES[g] for g in d.graphiques)
    controles = " ; ".join(CONTROLES[c] for c in d.controles)
    etapes = [
        "L'effectif moyen de l'année.",
        "Le total des heures d'absence, puis le taux d'absentéisme (en %).",
        "Le nombre d'entrées et de sorties de l'année, puis le taux de rotation (en %).",
        "Le nombre d'accidents du travail avec arrêt, le nombre de jours perdus, puis le taux "
        "de fréquence et le taux de gravité.",
        "La pyramide des âges : le nombre de femmes et d'hommes dans chaque tranche.",
        f"Le graphique qui convient pour montrer : {graphiques}.",
        f"Les contrôles des données : {controles}. Pour chacun, le matricule (ou le mois) "
        "concerné, « aucune » s'il n'y en a pas, et ce qu'il faut faire.",
    ]
    return ["### À faire", "", *numerotee(etapes)]


def enonce(org: Any, p: dict[str, Any], niveau: int) -> str:
    """The French Markdown statement."""
    d = lire_params(p)
    corps = (_effectifs(d), _heures(d), _accidents(d), _registre(d), _regles(d), a_faire(d))
    return texte(tete(f"## Le tableau de bord social {d.annee}", *_situation(org, d)), *corps)
