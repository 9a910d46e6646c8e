"""The reference fiche of a ``prise_en_charge`` exercise, and the same fiche filled with each
known wrong method (what the grader compares a wrong value with). Pure: the deadline is counted
in working days (Monday to Friday, the public holidays the params list left out) from the day
the request counts as received."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from agora.exercise.grading import Etapes, document_json
from agora.exercise.kinds.prise_en_charge.answer import ANSWER_SCHEMA
from agora.exercise.kinds.prise_en_charge.params import Fiche, lire_params

URGENTE, NORMALE = "urgente", "normale"
UN_JOUR = timedelta(days=1)

# The wrong methods the grader recognises (their messages are in messages.py).
TELEPHONE_CHIFFRES = "TELEPHONE_MAL_NOTE"
TELEPHONE_AVANT_CORRECTION = "TELEPHONE_AVANT_CORRECTION"
COURRIEL_MAL_NOTE = "COURRIEL_MAL_NOTE"
REFERENCE_MAL_COPIEE = "REFERENCE_MAL_COPIEE"
REFERENCE_HORS_SUJET = "REFERENCE_HORS_SUJET"
URGENCE_INVERSEE = "URGENCE_INVERSEE"
BESOIN_EXPRIME_RETENU = "BESOIN_EXPRIME_PRIS_POUR_REEL"
SERVICE_ERRONE = "TRANSMIS_AU_MAUVAIS_SERVICE"
ECHEANCE_CALENDAIRE = "ECHEANCE_EN_JOURS_CALENDAIRES"
ECHEANCE_SANS_DECALAGE = "ECHEANCE_DEPUIS_L_ARRIVEE"
ECHEANCE_FERIE_OUVRE = "ECHEANCE_FERIE_COMPTE"
ECHEANCE_JOUR_COMPTE = "ECHEANCE_JOUR_DE_RECEPTION_COMPTE"
ECHEANCES = (
    ECHEANCE_CALENDAIRE,
    ECHEANCE_SANS_DECALAGE,
    ECHEANCE_FERIE_OUVRE,
    ECHEANCE_JOUR_COMPTE,
)


def ouvre(jour: date, feries: frozenset[date]) -> bool:
    """A working day: Monday to Friday, not a public holiday."""
    return jour.weekday() < 5 and jour not in feries


def reception(d: Fiche, jour: date, heure: int, faute: str | None = None) -> date:
    """The day a request counts as received: its day, or the next working day when it arrives
    after the hour limit, on a weekend or on a public holiday."""
    if faute == ECHEANCE_SANS_DECALAGE:
        return jour
    if heure > d.heure_limite:
        jour += UN_JOUR
    while not ouvre(jour, d.feries):
        jour += UN_JOUR
    return jour


def echeance(d: Fiche, recu: date, delai: int, faute: str | None = None) -> date:
    """The ``delai``-th working day after the day received (that day not counted)."""
    if faute == ECHEANCE_CALENDAIRE:
        return recu + timedelta(days=delai)
    feries = frozenset() if faute == ECHEANCE_FERIE_OUVRE else d.feries
    jour, compte = recu, 1 if faute == ECHEANCE_JOUR_COMPTE and delai > 1 else 0
    while compte < delai:
        jour += UN_JOUR
        compte += ouvre(jour, feries)
    return jour


def _flip(valeur: str) -> str:
    return NORMALE if valeur == URGENTE else URGENTE


def _telephone(d: Fiche, faute: str | None) -> str:
    tel = d.demandeur.telephone
    if faute == TELEPHONE_AVANT_CORRECTION and d.demandeur.telephone_dit:
        return d.demandeur.telephone_dit
    if faute == TELEPHONE_CHIFFRES:
        for i in range(8, 1, -1):  # two neighbouring digits inverted: « 67 » heard for « 76 »
            if tel[i] != tel[i + 1]:
                return tel[:i] + tel[i + 1] + tel[i] + tel[i + 2 :]
        return tel[:9] + ("1" if tel[9] == "0" else "0")
    return tel


def _reference(d: Fiche, faute: str | None) -> str:
    ref = d.reference.upper()
    if faute == REFERENCE_HORS_SUJET and d.leurre:
        return d.leurre.upper()
    if faute == REFERENCE_MAL_COPIEE:  # the last digit miscopied
        return ref[:-1] + ("1" if ref[-1] == "0" else "0")
    return ref


def _demandeur(d: Fiche, e: Etapes, faute: str | None) -> None:
    q = d.demandeur
    e.put("demandeur.civilite", q.civilite)
    e.put("demandeur.nom", q.nom)
    if q.organisation is not None:
        e.put("demandeur.organisation", q.organisation)
    e.put("demandeur.telephone", _telephone(d, faute))
    if q.courriel is not None:
        faux = faute == COURRIEL_MAL_NOTE
        e.put("demandeur.courriel", q.courriel.replace("@", "s@", 1) if faux else q.courriel)


def _suite(d: Fiche, e: Etapes, faute: str | None) -> None:
    destinataire = d.destinataire
    if faute == SERVICE_ERRONE:
        autres = [m.fonction for m in d.annuaire if m.fonction != d.destinataire]
        destinataire = autres[0] if autres else destinataire
    e.put("suite.destinataire", destinataire)
    e.put("suite.action", d.action)


def calcule(
    d: Fiche, own: Mapping[str, Any] | None = None, faute: str | None = None
) -> dict[str, Any]:
    """Every field of the fiche by path (typed), the deadline from the student's own date, time
    and urgency when ``own`` gives them; with ``faute``, the fiche filled that wrong way."""
    e = Etapes(own)
    _demandeur(d, e, faute)
    jour = e.put("demande.date", d.jour)
    heure = e.put("demande.heure", d.heure)
    e.put("demande.objet", d.objet)
    e.put("demande.reference", _reference(d, faute))
    urgence = URGENTE if d.urgente else NORMALE
    urgence = e.put("demande.urgence", _flip(urgence) if faute == URGENCE_INVERSEE else urgence)
    e.put("besoin.exprime", d.besoin_exprime)
    reel = d.besoin_exprime if faute == BESOIN_EXPRIME_RETENU else d.besoin_reel
    e.put("besoin.reel", reel)
    _suite(d, e, faute)
    delai = d.delai_urgent if urgence == URGENTE else d.delai_normal
    try:
        fin = echeance(d, reception(d, jour, heure, faute), delai, faute)
    except OverflowError:  # a student's date at the end of the calendar: no deadline to give
        fin = None
    e.put("suite.echeance", fin)
    return e.out


def document(valeurs: Mapping[str, Any]) -> dict[str, Any]:
    """The contract JSON of a fiche from its values by path (a value None is left out)."""
    return document_json(valeurs, ANSWER_SCHEMA.type_of)


def solve(params: dict[str, Any]) -> dict[str, Any]:
    """The reference fiche, contract JSON."""
    return document(calcule(lire_params(params)))
