"""Planning: the statement (French Markdown) of a generated week."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from agora.calendrier import date_longue
from agora.company.model import Company
from agora.francais import de

if TYPE_CHECKING:  # generate imports this module
    from agora.exercise.kinds.planning.generate import Choix


def _heures(texte: str) -> str:
    return texte.replace(".5", " h 30").replace(".", ",") + ("" if ".5" in texte else " h")


def enonce(params: dict[str, Any], niveau: int, organisation: Company, choix: Choix) -> str:
    lundi = date.fromisoformat(params["semaine"])
    dimanche = lundi + timedelta(days=6)
    parties = [
        f"# Planning de la semaine du {_jour_planning(lundi)} au {_jour_planning(dimanche, True)}",
        _situation(organisation, len(params["salaries"]), niveau),
        _equipe(params, choix),
        _ouverture(params, lundi),
        _regles(params, niveau),
        _consignes(niveau),
    ]
    return "\n\n".join(p for p in parties if p) + "\n"


def _situation(organisation: Company, effectif: int, niveau: int) -> str:
    texte = (
        f"Vous travaillez au service administratif {de(organisation.raison_sociale, gras=True)}. "
        f"{organisation.dirigeant} ({organisation.dirigeant_fonction.lower()}) vous demande de "
        f"préparer le planning de {effectif} salariés pour la semaine prochaine. "
        "Le planning doit respecter le Code du travail, le contrat de chacun et les besoins en "
        "personnel."
    )
    if niveau == 3:
        texte += (
            " Attention : cette semaine, certains salariés ne sont pas disponibles tous les jours."
        )
    return texte


def _equipe(params: dict[str, Any], choix: Choix) -> str:
    postes = {s.id: s.emploi_libelle for s in choix.salaries}
    lignes = [
        "## L'équipe",
        "",
        "| Salarié | Emploi | Heures par semaine | Ne travaille pas le | Fin de travail la semaine d'avant |",
        "|---|---|---|---|---|",
    ]
    for s in params["salaries"]:
        nom = s["nom"] + (" (moins de 18 ans)" if s["mineur"] else "")
        absent = ", ".join(
            _jour_planning(date.fromisoformat(j))
            + (f" ({choix.motifs[s['id']]})" if s["id"] in choix.motifs else "")
            for j in s["indisponibilites"]
        )
        fin = params["fin_semaine_precedente"].get(s["id"], "")
        if fin:
            moment = date.fromisoformat(fin[:10])
            fin = f"{_jour_planning(moment)} à {_h(fin[11:16])}"
        lignes.append(
            f"| {nom} | {postes.get(s['id'], '')} | {_heures(s['contrat_heures'])} "
            f"| {absent or '—'} | {fin or '—'} |"
        )
    return "\n".join(lignes)


def _h(heure: str) -> str:
    """« 09:00 » as « 9h », « 12:30 » as « 12h30 »: the way the grid is typed."""
    h, m = heure.split(":")
    return f"{int(h)}h{m if m != '00' else ''}"


def _ouverture(params: dict[str, Any], lundi: date) -> str:
    """One row a day: its opening hours and the staff needed, one table instead of two."""
    lignes = [
        "## Les horaires et les besoins en personnel",
        "",
        "Besoins : nombre minimum de salariés au travail pendant toute la plage horaire.",
        "",
        "| Jour | Ouvert | Salariés au travail (minimum) |",
        "|---|---|---|",
    ]
    for i in range(7):
        jour = lundi + timedelta(days=i)
        plage = params["ouverture"].get(jour.isoformat())
        besoins = " ; ".join(
            f"{_h(b['debut'])}-{_h(b['fin'])} : {b['effectif']}"
            for b in params["besoins"]
            if b["jour"] == jour.isoformat()
        )
        ouvert = f"{_h(plage[0])}-{_h(plage[1])}" if plage else "fermé"
        lignes.append(f"| {_jour_planning(jour)} | {ouvert} | {besoins or '—'} |")
    return "\n".join(lignes)


def _regles(params: dict[str, Any], niveau: int) -> str:
    regles = [
        "## Les règles à respecter",
        "",
        "- Chaque salarié fait **exactement** les heures de son contrat dans la semaine.",
        "- Pas plus de **10 h** de travail par jour, ni plus de **48 h** dans la semaine.",
        "- Une **pause d'au moins 20 minutes** avant d'atteindre 6 h de travail d'affilée.",
        "- Au moins **11 h de repos** entre deux journées de travail, et depuis la fin de "
        "travail de la semaine d'avant.",
        "- Au moins **35 h de repos d'affilée** dans la semaine (24 h + 11 h), en comptant "
        "depuis la fin de travail de la semaine d'avant.",
        "- Personne ne travaille en dehors des horaires d'ouverture, ni un jour où il n'est pas "
        "disponible.",
        "- À chaque besoin, assez de salariés sont au travail en même temps.",
    ]
    if any(s["mineur"] for s in params["salaries"]):
        regles.append(
            "- **Moins de 18 ans** : 8 h par jour et 35 h par semaine au plus ; une pause d'au "
            "moins 30 minutes au-delà de 4 h 30 de travail ; 12 h de repos entre deux journées ; "
            "deux jours de repos de suite dans la semaine."
        )
    if niveau == 1:
        regles += [
            "",
            "**Aide** : 35 h, ce sont par exemple 5 journées de 7 h. Une journée de 7 h peut "
            "se faire en deux parties : 3 h 30 le matin, une pause d'une heure, puis 3 h 30 "
            "l'après-midi. Répartissez les salariés pour qu'il y ait toujours quelqu'un le matin "
            "et l'après-midi.",
        ]
    return "\n".join(regles)


def _consignes(niveau: int) -> str:
    lignes = [
        "## Ce que vous devez faire",
        "",
        "1. Dans le planning, pour chaque salarié et chaque jour d'ouverture, écrivez ses "
        "heures de travail : le matin puis l'après-midi, par exemple 9h-12h30, 13h30-17h.",
        "2. Laissez la case vide quand le salarié ne travaille pas.",
        "3. Comptez les heures de chaque salarié : le total doit être celui de son contrat.",
        "4. Vérifiez chaque besoin : combien de salariés sont au travail à chaque moment ?",
    ]
    if niveau >= 2:
        lignes.append(
            "5. Relisez les règles : pause, repos entre deux journées, repos de la semaine."
        )
    return "\n".join(lignes)


def _jour_planning(jour: date, annee: bool = False) -> str:
    return date_longue(jour, jour_semaine=True, annee=annee)
