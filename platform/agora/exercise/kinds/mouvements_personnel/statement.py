"""The statement of a ``mouvements_personnel`` exercise, in Markdown: the arrival and the
departure in the organisation, the pay of the ending contract, the items to file and the job
ad as tables, then numbered questions in the order of the form (short sentences)."""

from __future__ import annotations

from typing import Any

from agora.calendrier import date_courte
from agora.exercise.enonce import au_service
from agora.exercise.kinds.mouvements_personnel.params import Mouvements, lire_params
from agora.exercise.kinds.mouvements_personnel.regles import mois_essai, piece
from agora.exercise.markdown import cellule, numerotee, section, tableau, texte
from agora.money import euros

CATEGORIES = {
    "employe": "ouvrier ou employé",
    "agent_maitrise": "agent de maîtrise ou technicien",
    "cadre": "cadre",
}
MOTIFS = {
    "accroissement": "un surcroît temporaire d'activité",
    "remplacement": "le remplacement d'un salarié absent",
    "saisonnier": "la saison (emploi saisonnier)",
    "vacances_scolaires": "un emploi d'été, pendant ses vacances d'études",
}


def _arrivee(m: Mouvements, guide: bool) -> list[str]:
    e = m.embauche
    renouvelle = "permet" if m.renouvellement_permis else "ne permet pas"
    contrat = "prévoit" if e.renouvellement_au_contrat else "ne prévoit pas"
    colonnes = ("Nouveau salarié", "Emploi", "Catégorie", "Contrat", "Premier jour", "Né le")
    embauche = (
        cellule(e.salarie),
        cellule(e.emploi),
        CATEGORIES[e.categorie],
        "CDI",
        date_courte(e.debut),
        date_courte(e.date_naissance),
    )
    lignes = [
        *tableau(colonnes, [embauche]),
        "",
        f"- La convention collective ({cellule(m.convention)}) **{renouvelle}** de renouveler "
        "la période d'essai une fois.",
        f"- Le contrat de travail **{contrat}** ce renouvellement.",
    ]
    if e.travail_de_nuit:
        lignes.append(f"- {e.salarie} travaillera **de nuit** (fournil).")
    if guide:
        n = mois_essai(e.categorie)
        lignes += [
            f"- Aide : la période d'essai d'un {CATEGORIES[e.categorie]} dure **{n} mois**. "
            "Elle se compte de date à date et finit la veille du même jour du mois.",
            "- Aide : la DPAE se fait au plus tôt 8 jours **avant** le premier jour.",
        ]
    return section("## 1. Une arrivée", *lignes)


def _depart(m: Mouvements, guide: bool) -> list[str]:
    d = m.depart
    lignes = [
        f"{d.salarie} ({cellule(d.emploi)}) a un **CDD** du {date_courte(d.debut)} au "
        f"{date_courte(d.fin_prevue)}, conclu pour {MOTIFS[d.motif]}.",
    ]
    if d.proposition_cdi == "refusee":
        lignes.append(
            f"Avant la fin, l'organisation a proposé à {d.salarie} un CDI au même poste, au "
            "même salaire : la proposition a été refusée."
        )
    if d.rupture_anticipee:
        lignes.append(
            f"{d.salarie} a trouvé un CDI ailleurs et a demandé à partir plus tôt (lettre du "
            f"{date_courte(d.courrier)}) : son dernier jour est le **{date_courte(d.fin)}**."
        )
    else:
        lignes.append(
            f"Un courrier du {date_courte(d.courrier)} lui a rappelé la date de fin du contrat."
        )
    colonnes = ("Mois", "Salaire de base brut", "Heures supplémentaires et primes")
    paies = [(f"{x.mois[5:]}/{x.mois[:4]}", euros(x.base), euros(x.autres)) for x in d.mois]
    lignes += ["Aucun jour de congé n'a été pris pendant le contrat.", ""]
    lignes += tableau(colonnes, paies, "<>>")
    if guide:
        lignes += [
            "",
            "Aide : l'indemnité de fin de contrat (prime de précarité) vaut 10 % du total brut ; "
            "l'indemnité de congés payés vaut 10 % du total brut **plus** cette indemnité.",
        ]
    return section("## 2. Un départ", *lignes)


def _dossiers(m: Mouvements, guide: bool) -> list[str]:
    pieces = [
        (i, f"{piece(p.code).libelle} — {_qui(m, p.code)}", date_courte(p.date_piece))
        for i, p in enumerate(m.pieces, start=1)
    ]
    lignes = [
        "Vous mettez à jour le registre unique du personnel et vous notez jusqu'à quand garder "
        "ces pièces :",
        "",
        *tableau(("N°", "Pièce", "Date de la pièce"), pieces, ">"),
    ]
    if guide:
        lignes += [
            "",
            "Aide : bulletins de paie, 5 ans ; registre du personnel, 5 ans après le départ.",
        ]
    return section("## 3. Les dossiers du personnel", *lignes)


def _qui(m: Mouvements, code: str) -> str:
    return f"candidat au poste « {m.poste} »" if code == "cv" else m.depart.salarie


def _annonce(m: Mouvements) -> list[str]:
    phrases = [(i, cellule(p.texte)) for i, p in enumerate(m.phrases, start=1)]
    return section(
        "## 4. L'annonce",
        f"Pour le poste « {m.poste} », un collègue a écrit cette annonce :",
        "",
        *tableau(("N°", "Phrase"), phrases, ">"),
    )


def _questions(m: Mouvements) -> list[str]:
    etapes = [
        "Donnez la première et la dernière date pour faire la DPAE.",
        "Donnez la date de fin de la période d'essai, dites si elle peut être renouvelée, et "
        "donnez sa date de fin au plus tard (renouvellement compris s'il est possible).",
        "Donnez la date limite de la visite d'information et de prévention.",
        "Calculez le total brut du CDD, dites si l'indemnité de fin de contrat est due, puis "
        "calculez-la (0 si elle n'est pas due) et l'indemnité compensatrice de congés payés. "
        "Arrondissez au centime le plus proche.",
        "Datez le certificat de travail, l'attestation France Travail et le reçu pour solde "
        "de tout compte.",
        "Registre du personnel : date d'entrée du nouveau salarié, date de sortie du CDD.",
        f"Pour chacune des {len(m.pieces)} pièces, la date jusqu'à laquelle la garder.",
        "Pour chaque phrase de l'annonce, dites si elle est permise ou quel critère interdit "
        "elle utilise (article L1132-1 du Code du travail).",
    ]
    return ["## À faire", "", *numerotee(etapes)]


def enonce(org: Any, params: dict[str, Any], niveau: int) -> str:
    """The statement of these params (drawn at this level) in the organisation."""
    m = lire_params(params)
    guide = niveau == 1
    tete = [
        f"{au_service(org, 'du personnel')} Cette semaine, une personne arrive et une autre part.",
        "",
    ]
    corps = _arrivee(m, guide), _depart(m, guide), _dossiers(m, guide), _annonce(m)
    return texte(tete, *corps, _questions(m))
