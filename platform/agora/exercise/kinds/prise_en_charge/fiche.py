"""The student's fiche as the real document: the « fiche de prise en charge » the colleague
receives, filled with what the student wrote (their own values, each as a French reader reads
it: « 06 12 34 56 78 », « 07/05/2026 », the boxes of the urgency ticked), with the
organisation's name and the services of its directory. What the attempt page shows."""

from __future__ import annotations

from typing import Any

from agora.exercise.kinds.prise_en_charge.answer import ANSWER_SCHEMA
from agora.exercise.kinds.prise_en_charge.situations import URGENCES
from agora.exercise.reading import Lecture
from agora.exercise.reading import pattern_of as _motif

CANAUX = {
    "telephone": "Appel téléphonique",
    "messagerie": "Message vocal",
    "courriel": "Courriel",
    "accueil": "Visite à l'accueil",
}
RUBRIQUES = (
    ("Demandeur", (
        ("demandeur.civilite", "Civilité"),
        ("demandeur.nom", "Nom"),
        ("demandeur.organisation", "Organisation / service"),
        ("demandeur.telephone", "Téléphone"),
        ("demandeur.courriel", "Courriel"),
    )),
    ("Demande", (
        ("demande.date", "Reçue le"),
        ("demande.heure", "À"),
        ("demande.objet", "Objet"),
        ("demande.reference", "Référence"),
    )),
    ("Besoin", (
        ("besoin.exprime", "Besoin exprimé"),
        ("besoin.reel", "Besoin réel"),
    )),
    ("Suite à donner", (
        ("suite.destinataire", "Transmis à"),
        ("suite.action", "Action"),
        ("suite.echeance", "Avant le"),
    )),
)  # fmt: skip
VIDE = "—"


def _ecrit(lecture: Lecture, path: str) -> str:
    """What the student wrote in a field, as a reader reads it (as typed when unreadable)."""
    lu = lecture.lu(*path.split("."))
    if lu is None or lu.brut in (None, ""):
        return VIDE
    if lu.valeur is None:
        return str(lu.brut)
    return ANSWER_SCHEMA.champs[_motif(path)].display(lu.valeur)


def _demande(params: dict[str, Any], path: str) -> bool:
    """Whether the fiche of these params has this field (the organisation and the e-mail only
    when the message gives them)."""
    cle = {"demandeur.organisation": "organisation", "demandeur.courriel": "courriel"}.get(path)
    return cle is None or bool(params["demandeur"].get(cle))


def _service(params: dict[str, Any], lecture: Lecture) -> str:
    fonction = lecture.valeur("suite", "destinataire")
    for m in params["annuaire"]:
        if m["fonction"] == fonction:
            return f"{m['service']} — {m['nom']}"
    return _ecrit(lecture, "suite.destinataire")


def apercu(params: dict[str, Any], organisation: Any, lecture: Lecture) -> dict[str, Any]:
    """The filled fiche: its heading, its sections of (label, value) and the urgency boxes."""
    rubriques = []
    for titre, champs in RUBRIQUES:
        lignes = [
            (
                libelle,
                _service(params, lecture) if p == "suite.destinataire" else _ecrit(lecture, p),
            )
            for p, libelle in champs
            if _demande(params, p)
        ]
        rubriques.append((titre, lignes))
    urgence = lecture.valeur("demande", "urgence")
    return {
        "organisation": organisation.raison_sociale,
        "canal": CANAUX.get(params.get("canal"), ""),
        "rubriques": rubriques,
        "urgences": [(libelle, code == urgence) for code, libelle in URGENCES.items()],
    }
