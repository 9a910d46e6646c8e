"""The French Markdown statement of a ``formation`` variant: the training plan of the year in
the organisation, its sessions and budget, the convocation to prepare, the training
contribution and the staff's social budgets, then what to compute in the order of the form."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from agora.exercise.kinds.formation.catalogue import ELEMENTS
from agora.exercise.markdown import milliers, numerotee
from agora.francais import a, de
from agora.money import euros

UNITES = {"jour": "par jour", "participant": "par participant", "session": "la session"}


def _nombre(valeur: Any) -> str:
    return milliers(valeur, "\u202f")


def _taux(texte: str) -> str:
    return f"{Decimal(texte).normalize():f}".replace(".", ",") + "\u00a0%"


def situation(org: Any, p: dict[str, Any]) -> list[str]:
    return [
        f"Vous êtes assistant ou assistante RH chez **{org.raison_sociale}**, "
        f"{a(org.adresse.ville)}. Secteur : {org.secteur_libelle.lower()}.",
        f"L'organisation compte {len(org.salaries)} salariés.",
        f"Votre responsable vous confie le suivi du **plan de développement des compétences** "
        f"{p['annee']} : les formations prévues pour le personnel.",
        f"Le budget de formation de l'année est de **{euros(p['budget'])}**.",
        "",
    ]


def tableau_sessions(p: dict[str, Any]) -> list[str]:
    niveau3 = p["arbitrage"]
    tete = "| Priorité | Formation | Organisme | Jours | Participants | Tarif | Frais par participant |"
    lignes = ["### Les formations prévues", "", tete + (" Obligatoire |" if niveau3 else "")]
    lignes.append("|---:|---|---|---:|---:|---:|---:|" + ("---|" if niveau3 else ""))
    for s in p["sessions"]:
        modalite = " (à distance)" if s["distanciel"] else ""
        ligne = (
            f"| {s['priorite']} | {s['intitule']}{modalite} | {s['organisme']} | {s['jours']} "
            f"| {s['participants']} | {euros(s['tarif'])} {UNITES[s['tarif_par']]} "
            f"| {euros(s['frais_par_participant'])} |"
        )
        lignes.append(ligne + (f" {'oui' if s['obligatoire'] else 'non'} |" if niveau3 else ""))
    lignes += [
        "",
        "Frais par participant : trajet et repas de chaque participant pour toute la session "
        "(aucun pour une formation à distance).",
        "",
    ]
    if p["cout_horaire"] is not None:
        lignes += [
            f"Pendant la formation, les participants restent payés. Une journée de formation "
            f"compte {p['heures_par_jour']} heures ; le coût horaire moyen d'un salarié, "
            f"charges comprises, est de {euros(p['cout_horaire'])}.",
            "",
        ]
    return lignes


def regles(p: dict[str, Any], niveau: int) -> list[str]:
    lignes = [
        "### Les règles de calcul",
        "",
        "- Coût pédagogique : tarif par jour × nombre de jours ; tarif par participant × "
        "nombre de participants ; tarif de la session tel quel.",
        "- Frais = frais par participant × nombre de participants.",
    ]
    if p["cout_horaire"] is not None:
        lignes.append(
            "- Salaires maintenus = participants × jours × heures par jour × coût horaire."
        )
        lignes.append("- Coût total de la session = coût pédagogique + frais + salaires.")
    else:
        lignes.append("- Coût total de la session = coût pédagogique + frais.")
    lignes += [
        "- Coût par participant = coût total de la session ÷ nombre de participants.",
        "- Arrondissez chaque montant au centime le plus proche (0,005 € monte au centime "
        "supérieur).",
    ]
    if niveau > 1:
        lignes.append(
            "- Coût moyen par participant = coût total du plan ÷ nombre total de participants."
        )
    lignes += [
        "- Écart = coût réalisé − budget ; écart en % = écart ÷ budget × 100, arrondi au centième.",
        "- Une dépense au-dessus de son budget donne un écart **défavorable** ; en dessous (ou "
        "égale), **favorable**.",
    ]
    if p["arbitrage"]:
        lignes.append(
            "- Si le plan dépasse le budget, reportez à l'an prochain les formations **non "
            "obligatoires**, en commençant par la moins prioritaire (le plus grand numéro), "
            "jusqu'à ce que le coût des formations maintenues tienne dans le budget."
        )
    if niveau == 1:
        lignes += [
            "",
            "Exemple : 1 000,00 € pour 3 participants : 1 000 ÷ 3 = 333,333… → 333,33 € ; "
            "budget 5 000 €, réalisé 5 150 € : écart 150 €, soit 150 ÷ 5 000 × 100 = 3 % "
            "défavorable.",
        ]
    return [*lignes, ""]


def convocation(p: dict[str, Any]) -> list[str]:
    c = p["convocation"]
    session = p["sessions"][c["session"]]
    lignes = [
        "### La convocation",
        "",
        f"Vous préparez la convocation {de(c['participant'], gras=True)} à la formation "
        f"« {session['intitule']} ». Pour chaque information, dites si elle doit figurer "
        "dans la convocation.",
        "",
    ]
    lignes += numerotee(ELEMENTS[code][0] for code in c["elements"])
    return [*lignes, ""]


def contribution(p: dict[str, Any]) -> list[str]:
    c = p["contribution"]
    if c is None:
        return []
    return [
        "### La contribution à la formation professionnelle",
        "",
        f"Effectif : {c['effectif']} salariés. Masse salariale brute de l'année (salaires bruts "
        f"déclarés en DSN) : {euros(c['masse_salariale_brute'])}.",
        "Taux : 0,55 % de la masse salariale brute sous 11 salariés ; 1 % à partir de 11 "
        "salariés (Code du travail, art. L6331-1 et L6331-3).",
        "",
    ]


def _cse_situation(c: dict[str, Any]) -> list[str]:
    effectif = _nombre(c["effectif"])
    if c["hypothetique"]:
        return [
            "Un projet est à l'étude : l'organisation va être regroupée avec d'autres structures "
            f"du même secteur. L'ensemble comptera **{effectif} salariés**. Votre responsable "
            "veut connaître les budgets de son comité social et économique (CSE).",
        ]
    if c["effectif"] >= 50:
        return [f"L'organisation compte {effectif} salariés : son CSE a deux budgets."]
    instance = (
        "Son comité social et économique (CSE, obligatoire dès 11 salariés) n'a pas de budget "
        "versé par l'employeur"
        if c["effectif"] >= 11
        else "Elle n'a pas de comité social et économique (CSE : obligatoire dès 11 salariés)"
    )
    return [
        f"Avec {effectif} salariés, l'organisation a moins de 50 salariés. {instance} : la "
        "direction finance elle-même les activités sociales et culturelles du personnel.",
    ]


def cse(p: dict[str, Any]) -> list[str]:
    c = p["cse"]
    lignes = ["### Les budgets sociaux du personnel", "", *_cse_situation(c), ""]
    lignes.append(
        f"- Masse salariale brute de l'année (brut déclaré en DSN) : "
        f"{euros(c['masse_salariale_brute'])}."
    )
    if c["masse_salariale_nette"] is not None:
        lignes.append(f"- Salaires nets versés dans l'année : {euros(c['masse_salariale_nette'])}.")
    lignes.append(
        f"- Activités sociales et culturelles (ASC) : {_taux(c['taux_asc'])} de la masse "
        "salariale brute ("
        + ("accord d'entreprise" if c["effectif"] >= 50 else "décision de la direction")
        + ")."
    )
    if c["fonctionnement"]:
        lignes.append(
            "- Budget de fonctionnement du CSE : 0,20 % de la masse salariale brute de 50 à "
            "1 999 salariés, 0,22 % à partir de 2 000 salariés, rien sous 50 salariés (Code du "
            "travail, art. L2315-61)."
        )
    quand = "prévues" if c["hypothetique"] else "de l'année"
    lignes += ["", f"Les dépenses des activités sociales {quand} :", ""]
    lignes += ["| Activité | Montant |", "|---|---:|"]
    lignes += [f"| {a['libelle']} | {euros(a['montant'])} |" for a in c["activites"]]
    return [*lignes, ""]


def a_faire(p: dict[str, Any], niveau: int) -> list[str]:
    etapes = [
        "Pour chaque formation, le **coût pédagogique**, les **frais**"
        + (", les **salaires maintenus**" if p["cout_horaire"] is not None else "")
        + ", le **coût total** et le **coût par participant**.",
        "Le **coût total du plan**"
        + (" et le **coût moyen par participant**" if niveau > 1 else "")
        + ".",
        "L'**écart** avec le budget, en euros et en %, et son **sens**.",
    ]
    if p["arbitrage"]:
        etapes.append("Pour chaque formation : la **maintenir** ou la **reporter**.")
    etapes.append("Pour chaque information : doit-elle figurer dans la **convocation** ?")
    if p["contribution"] is not None:
        etapes.append("Le montant de la **contribution à la formation professionnelle**.")
    if p["cse"]["fonctionnement"]:
        etapes.append("Le **budget de fonctionnement** du CSE (0,00 € s'il n'est pas dû).")
    etapes += [
        "Le **budget des activités sociales et culturelles**, le total des **dépenses** des "
        "activités, l'**écart** (dépenses − budget) et son **sens**.",
    ]
    return ["### À faire", "", *numerotee(etapes), ""]


def enonce(org: Any, p: dict[str, Any], niveau: int) -> str:
    """The French Markdown statement of the variant."""
    lignes = ["## Le plan de formation de l'année", "", "### La situation", ""]
    lignes += situation(org, p) + tableau_sessions(p) + regles(p, niveau) + convocation(p)
    lignes += contribution(p) + cse(p) + a_faire(p, niveau)
    return "\n".join(lignes).rstrip("\n") + "\n"
