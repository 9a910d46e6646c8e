"""The statement of a ``prise_en_charge`` exercise, in Markdown: the situation at the
organisation's desk, the message quoted as it arrived, the organisation's rules (urgent cases,
handling times, hour limit, public holidays ahead), the internal directory, then what to fill
in, in the order of the fiche (short sentences)."""

from __future__ import annotations

from typing import Any

from agora.calendrier import date_longue, heure_dite
from agora.exercise.kinds.prise_en_charge.params import Fiche, lire_params
from agora.exercise.kinds.prise_en_charge.situations import FONCTIONS
from agora.exercise.markdown import cellule, section, tableau

CANAUX = {
    "telephone": "Vous tenez le standard téléphonique",
    "messagerie": "En arrivant, vous écoutez la messagerie du standard",
    "courriel": "Vous relevez la boîte de courriel de l'accueil",
    "accueil": "Vous tenez l'accueil",
}


def _message(p: dict[str, Any]) -> list[str]:
    lignes = ["## Le message", ""]
    for ligne in p["message"]:
        lignes += [f"> {ligne}", ">"]
    return [*lignes[:-1], ""]


def _regles(d: Fiche) -> list[str]:
    lignes = [
        "Sont **urgents** :",
        "",
        *(f"- {regle}" for regle in d.urgences),
        "",
        "Délais :",
        "",
        f"- Une demande urgente est traitée en **{d.delai_urgent} jour ouvré** ; toute autre "
        f"demande en **{d.delai_normal} jours ouvrés**.",
        "- Les jours ouvrés vont du lundi au vendredi, sans les jours fériés. Le jour où la "
        "demande est reçue ne compte pas.",
        f"- Une demande arrivée après **{heure_dite(d.heure_limite)}**, un samedi, un dimanche ou "
        "un jour férié compte comme reçue le jour ouvré suivant.",
    ]
    if d.feries:
        jours = ", ".join(date_longue(j, jour_semaine=True) for j in sorted(d.feries))
        lignes.append(f"- Jours fériés à venir : {jours}.")
    return section("## Les règles de prise en charge de l'organisation", *lignes)


def _annuaire(d: Fiche) -> list[str]:
    colonnes = ("Service", "Personne", "Emploi", "S'occupe de")
    membres = [
        (cellule(m.service), cellule(m.nom), cellule(m.emploi), FONCTIONS[m.fonction])
        for m in d.annuaire
    ]
    return section("## L'annuaire interne", *tableau(colonnes, membres))


def _questions(d: Fiche, niveau: int) -> list[str]:
    guide = niveau == 1
    lignes = [
        "## À faire : remplissez la fiche de prise en charge",
        "",
        "1. Qui demande : civilité, nom"
        + (", organisation ou service" if d.demandeur.organisation else "")
        + ", téléphone"
        + (", adresse électronique" if d.demandeur.courriel else "")
        + ".",
        "2. La demande : date et heure d'arrivée, objet, référence citée, urgence.",
        "3. Le besoin exprimé par la personne et son besoin réel.",
        "4. La suite : à quel service transmettre, quelle action, avant quelle date.",
    ]
    if guide:
        lignes += [
            "",
            "Aide : notez le numéro de téléphone deux chiffres par deux chiffres. Cherchez "
            "l'urgence dans la liste des cas urgents. Pour l'échéance, partez du jour de "
            "réception et avancez jour ouvré par jour ouvré.",
        ]
    return lignes


def enonce(org: Any, params: dict[str, Any], niveau: int) -> str:
    """The statement of these params (drawn at this level) in the organisation."""
    d = lire_params(params)
    tete = [
        f"Vous travaillez à l'accueil, chez **{org.raison_sociale}** ({org.secteur_libelle}). "
        f"{CANAUX[d.canal]} : notez la demande sur la fiche de prise en charge, pour la "
        "transmettre au bon service.",
        "",
    ]
    corps = _message(params) + _regles(d) + _annuaire(d)
    return "\n".join(tete + corps + _questions(d, niveau)) + "\n"
