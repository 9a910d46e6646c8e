"""The statement of a ``planning_activites`` variant, in French Markdown: the project and its
task table, the calendar, the incident (level 3), the shared resources and the requests, then
the numbered list of what to find, in the order of the form."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from agora.calendrier import date_longue
from agora.exercise.kinds.planning_activites.calendrier import feries_entre, jour_ouvre
from agora.money import euros


def en_clair(jour: date) -> str:
    """« lundi 2 mars 2026 »."""
    return date_longue(jour, jour_semaine=True)


def _heure(texte: str) -> str:
    heures, minutes = texte.split(":")
    return f"{int(heures)} h {minutes}" if minutes != "00" else f"{int(heures)} h"


def _jours(nombre: int) -> str:
    return "1 jour ouvré" if nombre == 1 else f"{nombre} jours ouvrés"


def _taches(p: dict[str, Any]) -> list[str]:
    lignes = [
        "| Tâche | Ce qu'il faut faire | Durée (jours ouvrés) | Antériorités |",
        "|---|---|---|---|",
    ]
    for t in p["taches"]:
        avant = ", ".join(t["anteriorites"]) or "—"
        lignes.append(f"| {t['lettre']} | {t['libelle']} | {t['duree']} | {avant} |")
    return lignes


def _calendrier(p: dict[str, Any], niveau: int) -> list[str]:
    debut = date.fromisoformat(p["projet"]["debut"])
    lignes = [
        "",
        "**Le calendrier.** On travaille du lundi au vendredi, sauf les jours fériés. "
        f"La date de début, {en_clair(debut)}, est le **jour 0**. Une tâche qui commence au "
        "jour 2 et dure 3 jours finit au jour 5 : elle occupe les jours 2, 3 et 4. "
        "La date de fin du projet est son dernier jour travaillé.",
    ]
    if niveau < 3:
        # Up to the end of the project were every task done one after the other.
        fin = jour_ouvre(debut, sum(t["duree"] for t in p["taches"]))
        feries = feries_entre(debut, fin)
        if feries:
            liste = ", ".join(f"{en_clair(j)} ({nom})" for j, nom in feries)
            lignes.append("")
            lignes.append(f"Jours fériés pendant la période : {liste}.")
        else:
            lignes += ["", "Aucun jour férié ne tombe pendant le projet."]
    return lignes


def _reservations(p: dict[str, Any], niveau: int) -> list[str]:
    unite = p["unite"]
    lignes = [
        "",
        f"## Les {p['famille']} à réserver",
        "",
        "Ces ressources sont partagées entre les services. Chaque ressource a une capacité "
        f"maximale ({unite}) à ne jamais dépasser."
        + (" La location se paie à l'heure." if niveau > 1 else ""),
        "",
        f"| Code | Ressource | Capacité ({unite}) |" + (" Tarif à l'heure |" if niveau > 1 else ""),
        "|---|---|---|" + ("---|" if niveau > 1 else ""),
    ]
    for r in p["ressources"]:
        tarif = f" {euros(Decimal(r['tarif_horaire']))} |" if niveau > 1 else ""
        lignes.append(f"| {r['code']} | {r['libelle']} | {r['capacite']} |{tarif}")
    lignes += [
        "",
        "Les demandes de la semaine :",
        "",
        f"| Demande | Objet | Jour | De | À | Besoin ({unite}) |",
        "|---|---|---|---|---|---|",
    ]
    for d in p["demandes"]:
        jour = en_clair(date.fromisoformat(d["jour"]))
        lignes.append(
            f"| {d['numero']} | {d['objet']} | {jour} | {_heure(d['debut'])} | "
            f"{_heure(d['fin'])} | {d['besoin']} |"
        )
    return lignes


def _travail(p: dict[str, Any], niveau: int) -> list[str]:
    guide = niveau == 1
    lignes = ["", "## Travail à faire", ""]
    aide = (
        " Début au plus tôt = la plus grande fin au plus tôt des antériorités (0 s'il n'y en a "
        "pas) ; fin au plus tôt = début au plus tôt + durée."
        if guide
        else ""
    )
    lignes.append(f"1. Pour chaque tâche, calculez le début et la fin au plus tôt.{aide}")
    aide = (
        " Fin au plus tard = le plus petit début au plus tard des tâches qui suivent (la durée "
        "du projet pour une tâche sans suivante) ; début au plus tard = fin au plus tard − "
        "durée."
        if guide
        else ""
    )
    lignes.append(
        f"2. Calculez la durée du projet (en jours ouvrés), puis le début et la fin "
        f"au plus tard de chaque tâche.{aide}"
    )
    libre = " et sa marge libre" if niveau == 3 else ""
    aide = " Marge totale = début au plus tard − début au plus tôt." if guide else ""
    lignes.append(f"3. Calculez la marge totale de chaque tâche{libre}.{aide}")
    lignes.append(
        "4. Donnez le chemin critique : les lettres des tâches de marge totale nulle "
        "(par exemple A, C, F)."
    )
    lignes.append("5. Donnez la date de fin du projet (dernier jour travaillé).")
    rang = 6
    if p.get("incident"):
        lignes.append(
            f"{rang}. Après l'incident : la nouvelle durée du projet, sa nouvelle date de fin, "
            "le nouveau chemin critique, et dites si le chemin critique a changé."
        )
        rang += 1
    lignes.append(
        f"{rang}. Attribuez une ressource à chaque demande. Ne dépassez pas sa capacité. Deux "
        "demandes qui se chevauchent ne prennent pas la même ressource."
    )
    if niveau > 1:
        lignes.append(
            f"{rang + 1}. Calculez le coût de chaque réservation : durée en heures × tarif à "
            "l'heure, arrondi au centime le plus proche (1 h 30 = 1,5 h)."
            if niveau == 2
            else f"{rang + 1}. Calculez le coût de chaque réservation, arrondi au centime."
        )
    return lignes


def enonce(org: Any, p: dict[str, Any], niveau: int) -> str:
    """The statement in Markdown: short sentences, tables, the list of what to find."""
    titre = p["projet"]["titre"]
    lignes = [
        f"# {titre}",
        "",
        f"{org.raison_sociale} prépare un projet : « {titre} ». "
        f"{org.dirigeant} ({org.dirigeant_fonction}) vous demande d'en faire le planning.",
        "",
        "## Les tâches du projet",
        "",
        *_taches(p),
        *_calendrier(p, niveau),
    ]
    incident = p.get("incident")
    if incident:
        lignes += [
            "",
            f"**Incident.** Le projet a démarré, mais {incident['motif']} : la tâche "
            f"{incident['tache']} durera {_jours(incident['retard'])} de plus que prévu.",
        ]
    lignes += _reservations(p, niveau)
    lignes += _travail(p, niveau)
    return "\n".join(lignes) + "\n"
