"""The job ad to check: sentences drawn from a bank, each either allowed or showing one
criterion article L1132-1 of the Code du travail forbids; at level 3 allowed sentences that
look suspicious (they mention a disability or beginners) are traps."""

from __future__ import annotations

import random
from typing import Any

from agora.content.secteurs import Emploi
from agora.exercise.kinds.mouvements_personnel.params import AUCUN
from agora.francais import a, de

DISCRIMINANTES = {
    "age": (
        "Vous avez entre 25 et 35 ans.",
        "Candidat de moins de 30 ans souhaité, pour une équipe jeune.",
        "Les candidats de plus de 50 ans ne seront pas retenus.",
    ),
    "sexe": (
        "Nous recherchons un homme pour ce poste.",
        "Poste réservé à une femme.",
    ),
    "origine": (
        "Nationalité française exigée.",
        "Candidats d'origine européenne de préférence.",
    ),
    "situation_famille": (
        "Personne sans enfant de préférence, pour être disponible.",
        "Pas de projet de grossesse dans les deux ans.",
    ),
    "apparence": (
        "Physique agréable exigé.",
        "Taille minimum : 1,75 m.",
    ),
    "residence": (
        "Vous habitez obligatoirement dans le centre-ville {de_ville}.",
        "Les candidatures venant de certains quartiers ne seront pas étudiées.",
    ),
    "sante_handicap": (
        "Personnes en situation de handicap s'abstenir.",
        "Vous n'avez jamais eu d'arrêt maladie.",
    ),
    "convictions": (
        "Candidat sans engagement politique.",
        "Aucun signe religieux accepté chez le candidat.",
    ),
}

PERMISES = (
    "{organisation} recrute {poste} en CDI, {a_ville}.",
    "Le poste est à temps plein : 35 heures par semaine.",
    "Le salaire suit la convention collective, selon l'expérience.",
    "Une première expérience sur un poste semblable est appréciée.",
    "Vous êtes rigoureux ou rigoureuse, organisé et vous aimez travailler en équipe.",
    "Envoyez votre CV et votre lettre de motivation à {email}.",
)
PIEGES = (
    "Poste ouvert à tous, y compris aux personnes en situation de handicap.",
    "Débutants acceptés : une formation est prévue à l'arrivée.",
    "Un diplôme de niveau bac, ou une expérience équivalente, est demandé.",
)
NOMBRES = {1: (4, 2), 2: (6, 2), 3: (8, 3)}  # sentences, of which discriminatory


def phrases(rng: random.Random, niveau: int, org: Any, poste: Emploi) -> list[dict[str, str]]:
    """The ad's numbered sentences: the allowed ones in their order, the discriminatory ones
    (criteria all different) placed among them."""
    total, n_disc = NOMBRES[niveau]
    criteres = rng.sample(sorted(DISCRIMINANTES), n_disc)
    mauvaises = [(rng.choice(DISCRIMINANTES[c]), c) for c in criteres]
    pieges = list(rng.sample(PIEGES, 2)) if niveau == 3 else []
    bonnes = [PERMISES[0], *rng.sample(PERMISES[1:-1], total - n_disc - len(pieges) - 2)]
    corps = [(t, AUCUN) for t in bonnes[1:] + pieges] + mauvaises
    rng.shuffle(corps)
    ordre = [(bonnes[0], AUCUN), *corps, (PERMISES[-1], AUCUN)]
    valeurs = {
        "organisation": org.raison_sociale,
        "poste": _un_ou_une(poste),
        "a_ville": a(org.adresse.ville),
        "de_ville": de(org.adresse.ville),
    }
    valeurs["email"] = org.email
    return [{"texte": t.format(**valeurs), "critere": c} for t, c in ordre]


def _un_ou_une(poste: Emploi) -> str:
    """Whom the ad seeks, a man or a woman, each with the job's agreed form: « un vendeur ou une
    vendeuse », « un ou une comptable »."""
    masculin, feminin = poste.intitule.lower(), poste.feminin.lower()
    return f"un ou une {masculin}" if masculin == feminin else f"un {masculin} ou une {feminin}"
