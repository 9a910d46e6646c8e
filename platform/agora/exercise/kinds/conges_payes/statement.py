"""The statement of a paid-leave exercise, in Markdown: the team in the organisation, the rules,
the absences and requests as tables, the leave pay's figures, then numbered questions in the
order of the form (short sentences)."""

from __future__ import annotations

from datetime import date
from typing import Any

from agora.calendrier import MOIS, date_longue, mois_annee
from agora.exercise.markdown import numerotee, sections, tableau
from agora.francais import de
from agora.money import euros

# Why summer leave needs care, in the words of each sector (a sector not listed gets none).
CONTEXTE = {
    "restaurant": "L'été est la haute saison : la salle et la cuisine ne ferment pas.",
    "boulangerie": "La boulangerie reste ouverte tout l'été : il faut toujours du monde au "
    "fournil et au magasin.",
    "librairie": "En août, la librairie prépare la rentrée scolaire : l'équipe doit rester "
    "assez nombreuse.",
    "batiment": "Les chantiers continuent en juillet : les équipes ne partent pas toutes en "
    "même temps.",
    "regie_eau": "Le service de l'eau fonctionne tout l'été : les usagers doivent toujours "
    "être servis.",
    "association_sportive": "Le club organise des stages d'été pour ses adhérents : il faut "
    "assez d'encadrants.",
    "grossiste_fournitures": "Les commandes de la rentrée arrivent dès juillet : l'entrepôt "
    "doit tourner.",
    "informatique": "Les clients ont besoin du support tout l'été : l'équipe se relaie.",
}
MOTIF = {
    "maladie": "arrêt maladie (non professionnelle)",
    "maternite": "congé maternité",
    "accident_travail": "arrêt pour accident du travail",
    "sans_solde": "congé sans solde",
}
UNITE = {"ouvrables": "jours ouvrables", "ouvres": "jours ouvrés"}


def _jour(iso: str) -> str:
    return date_longue(date.fromisoformat(iso))


def _de(mot: str) -> str:
    """« de juin », « d'août » : « de » elided before a vowel."""
    return f"d'{mot}" if mot[0] in "aeiouéèâ" else f"de {mot}"


def _nom(s: dict[str, Any]) -> str:
    return f"{s['prenom']} {s['nom']}"


def _regles(p: dict[str, Any], niveau: int) -> list[str]:
    e = p["equipe"]
    unite = UNITE[p["decompte"]]
    lignes = [
        "## Les règles",
        "",
        f"- Période de référence : du {_jour(p['periode_reference']['debut'])} au "
        f"{_jour(p['periode_reference']['fin'])}.",
        "- Un mois de travail donne **2,5 jours ouvrables** de congé (30 jours au plus). Un congé "
        "maternité ou un arrêt pour accident du travail compte comme du travail.",
        "- Un mois d'arrêt maladie non professionnelle donne **2 jours ouvrables** (24 au plus). "
        "Un mois de congé sans solde ne donne rien.",
        "- Un mois incomplet donne 2,5 × jours ouvrables travaillés ÷ 24.",
        "- Un nombre de jours acquis avec une virgule s'arrondit au jour **supérieur**.",
    ]
    if p["decompte"] == "ouvrables":
        lignes.append("- Les congés se comptent en **jours ouvrables** : du lundi au samedi.")
    else:
        lignes += [
            "- Les congés se comptent en **jours ouvrés** : du lundi au vendredi.",
            "- Droits en jours ouvrés = jours ouvrables acquis × 5 ÷ 6, arrondi au jour "
            "supérieur (30 jours ouvrables = 25 jours ouvrés).",
        ]
    ordre = (
        "par **ancienneté** : la personne entrée la première passe d'abord"
        if p["priorite"] == "anciennete"
        else "par **date de la demande** : la demande la plus ancienne passe d'abord"
    )
    lignes += [
        "- Un congé va du jour du départ à la veille de la reprise.",
        f"- Les jours fériés sont chômés : ils ne comptent pas dans les {unite}.",
        "- Le congé d'été doit durer de **12 à 24 jours ouvrables** d'affilée.",
        f"- Chaque jour, au moins **{e['presents_minimum']} personnes sur {e['effectif']}** "
        "de l'équipe doivent être présentes.",
        f"- Les demandes s'étudient {ordre}.",
        "- Une demande est refusée si le congé est trop court ou trop long, si les jours "
        "acquis ne suffisent pas, ou s'il manque du monde un seul jour.",
    ]
    if niveau == 1:
        lignes += [
            "",
            "Aide : 12 mois de travail × 2,5 = 30 jours ouvrables. Pour compter les jours "
            "d'un congé, prenez un calendrier et cochez chaque jour du départ à la veille de "
            "la reprise, sauf les dimanches et les jours fériés.",
        ]
    return lignes


def _tableau(titre: str, colonnes: tuple[str, ...], rangees: list[tuple[str, ...]]) -> list[str]:
    """A titled Markdown table; a column whose name ends in « brut » is right-aligned."""
    alignement = "".join(">" if c.endswith("brut") else "<" for c in colonnes)
    return [f"## {titre}", "", *tableau(colonnes, rangees, alignement)]


def _equipe(p: dict[str, Any]) -> list[str]:
    colonnes = ("Salarié", "Emploi", "Entrée", "Salaire mensuel brut")
    rangees = [
        (_nom(s), s["emploi"], _jour(s["date_entree"]), euros(s["salaire_mensuel"]))
        for s in p["salaries"]
    ]
    lignes = _tableau("L'équipe", colonnes, rangees)
    autres = p["equipe"]["autres"]
    if autres:
        lignes += ["", f"Restent présents tout l'été : {', '.join(autres)}."]
    return lignes


def _absences(p: dict[str, Any]) -> list[str]:
    lignes = ["## Les absences pendant la période de référence", ""]
    faits = []
    for s in p["salaries"]:
        for a in s.get("absences", []):
            faits.append(
                f"- {_nom(s)} : {MOTIF[a['motif']]} du {_jour(a['debut'])} au {_jour(a['fin'])}."
            )
        m = s.get("mois_incomplet")
        if m:
            pourquoi = (
                "entrée en cours de mois" if m.get("raison") == "entree" else "congé sans solde"
            )
            jours = m["jours_travailles"]
            travailles = (
                f"{jours} jours ouvrables travaillés" if jours else "aucun jour ouvrable travaillé"
            )
            faits.append(f"- {_nom(s)} : {pourquoi} ; en {mois_annee(m['mois'])}, {travailles}.")
    return lignes + (faits or ["Aucune absence : tout le monde a travaillé toute la période."])


def _demandes(p: dict[str, Any]) -> list[str]:
    colonnes = ("Salarié", "Demande faite le", "Départ (1er jour de congé)", "Reprise du travail")
    rangees = [
        (
            _nom(s),
            _jour(s["demande"]["date"]),
            date_longue(date.fromisoformat(s["demande"]["depart"]), True),
            date_longue(date.fromisoformat(s["demande"]["reprise"]), True),
        )
        for s in p["salaries"]
    ]
    lignes = _tableau("Les demandes de congé d'été", colonnes, rangees)
    feries = ", ".join(f"{f['nom']} ({_jour(f['date'])})" for f in p["jours_feries"])
    return [*lignes, "", f"Jours fériés de l'été : {feries}."]


def paie_de(p: dict[str, Any]) -> dict[str, Any]:
    """The employee whose leave pay is computed."""
    return next(s for s in p["salaries"] if s["id"] == p["indemnite"]["salarie"])


def _indemnite(p: dict[str, Any]) -> list[str]:
    s, unite = paie_de(p), UNITE[p["decompte"]]
    mois = MOIS[date.fromisoformat(s["demande"]["depart"]).month - 1]
    return [
        f"## L'indemnité de congés payés {de(_nom(s))}",
        "",
        f"- Salaire brut de la période de référence, retenu par la paie (primes comprises) : "
        f"{euros(p['indemnite']['brut_reference'])}.",
        f"- Salaire mensuel brut : {euros(s['salaire_mensuel'])}.",
        f"- Règle du dixième : brut de la période ÷ 10, puis × jours pris ÷ jours acquis "
        f"(en {unite}).",
        f"- Maintien de salaire : salaire mensuel ÷ nombre de {unite} du mois {_de(mois)} "
        "(jours fériés exclus), puis × jours pris.",
        "- Le salarié reçoit le montant le plus favorable des deux.",
    ]


def _questions(p: dict[str, Any]) -> list[str]:
    s, unite = paie_de(p), UNITE[p["decompte"]]
    q = ["Pour chaque salarié, calculez les **jours ouvrables acquis**."]
    if p["decompte"] == "ouvres":
        q.append("Convertissez-les en **jours ouvrés**.")
    q += [
        f"Pour chaque demande, comptez les **{unite}** de congé.",
        "Étudiez les demandes dans l'ordre de priorité : chacune est-elle **accordée** ou "
        "**refusée**, et pourquoi ?",
        f"Donnez les **{unite} restants** de chaque salarié après l'été.",
        f"Pour {_nom(s)}, calculez le **dixième** du brut de la période, puis le dixième "
        "**pour ce congé**.",
        f"Comptez les **{unite} du mois** du congé, la **valeur d'une journée**, puis le "
        "**maintien de salaire**.",
        "Donnez l'**indemnité** versée : la plus favorable.",
    ]
    return numerotee(q)


def enonce(p: dict[str, Any], organisation: Any, niveau: int) -> str:
    """The statement of these params for the organisation, in Markdown."""
    service = p["equipe"]["service"]
    equipe = f"l'équipe « {service} »" if service else "l'équipe"
    situation = [
        f"# Les congés d'été de {equipe}",
        "",
        f"Vous travaillez chez **{organisation.raison_sociale}** ({organisation.secteur_libelle}).",
        CONTEXTE.get(organisation.secteur, "Il faut organiser les départs en vacances."),
        f"{organisation.dirigeant} ({organisation.dirigeant_fonction.lower()}) vous confie les "
        f"demandes de congé d'été de {equipe}.",
    ]
    travail = ["## Travail à faire", "", "Arrondissez chaque montant au centime le plus proche."]
    texte = sections(
        situation,
        _regles(p, niveau),
        _equipe(p),
        _absences(p),
        _demandes(p),
        _indemnite(p),
        travail,
        _questions(p),
    )
    return "\n".join(texte) + "\n"
