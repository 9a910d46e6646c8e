"""The reference solution of a ``mouvements_personnel`` exercise, and the same exercise done with
each known wrong method (what the grader compares a wrong value with). Pure; amounts in
Decimal, half up to the cent at each printed step; dates in calendar days."""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from agora.exercise.base import unflatten
from agora.exercise.grading import Etapes
from agora.exercise.kinds.mouvements_personnel.params import AUCUN, Mouvements, lire_params
from agora.exercise.kinds.mouvements_personnel.regles import load_personnel, mois_essai, piece
from agora.money import cents, cents_down, fmt

OUI, NON = "oui", "non"
DUE = "due"
CENT = Decimal(100)
JOURS_OUVRES_PAR_MOIS = 22

# The wrong methods the grader recognises (their messages are in messages.py).
DPAE_APRES = "DPAE_COMPTEE_APRES"
ESSAI_MEME_QUANTIEME = "ESSAI_MEME_QUANTIEME"
ESSAI_JOURS_OUVRES = "ESSAI_EN_JOURS_OUVRES"
RENOUVELLEMENT_NON_PERMIS = "RENOUVELLEMENT_NON_PERMIS"
VIP_PREALABLE_OUBLIEE = "VISITE_PREALABLE_OUBLIEE"
PRECARITE_SUR_SALAIRE_DE_BASE = "PRECARITE_SUR_SALAIRE_DE_BASE"
PRECARITE_CAS_EXCLU = "PRECARITE_CAS_EXCLU"
ICCP_SANS_PRECARITE = "CONGES_SANS_PRECARITE"
DOCUMENTS_A_LA_NOTIFICATION = "DOCUMENTS_DATE_DU_COURRIER"
FIN_PREVUE_RETENUE = "FIN_PREVUE_RETENUE"
CONSERVATION_DEPUIS_LE_DOCUMENT = "CONSERVATION_DEPUIS_LA_PIECE"
CONSERVATION_DIX_ANS = "CONSERVATION_DIX_ANS"
ANNONCE_CRITERE_OUBLIE = "ANNONCE_CRITERE_OUBLIE"
ANNONCE_CRITERE_EN_TROP = "ANNONCE_CRITERE_EN_TROP"
ARRONDI_TRONQUE = "ARRONDI_TRONQUE"

DOCUMENTS = ("certificat_travail", "attestation_france_travail", "solde_tout_compte")


def plus_mois(jour: date, n: int) -> date:
    """The same day ``n`` months later (the month's last day when that day does not exist)."""
    rang = jour.month - 1 + n
    annee, mois = jour.year + rang // 12, rang % 12 + 1
    if annee > date.max.year:
        return date.max  # a student's date far in the future: no later day to give
    return date(annee, mois, min(jour.day, calendar.monthrange(annee, mois)[1]))


def plus_ans(jour: date, n: int) -> date:
    """The same day ``n`` years later (28 February for a 29 February)."""
    return plus_mois(jour, 12 * n)


def fin_periode(debut: date, n: int) -> date:
    """The last day of a period of ``n`` months that starts on ``debut`` (date to date: the eve
    of the same day ``n`` months later)."""
    fin = plus_mois(debut, n)
    return fin if fin == date.max else fin - timedelta(days=1)


def jours_ouvres(debut: date, n: int) -> date:
    """The ``n``-th working day (Monday to Friday) counted from ``debut`` included."""
    jour, compte = debut, 0
    while True:
        compte += jour.weekday() < 5
        if compte >= n:
            return jour
        jour += timedelta(days=1)


def cas_indemnite(m: Mouvements) -> str:
    """Why the precariousness indemnity is not due (L1243-10), or DUE."""
    d = m.depart
    if d.rupture_anticipee:
        return "rupture_salarie"
    if d.motif == "saisonnier":
        return "saisonnier"
    if d.motif == "vacances_scolaires":
        return "etudiant_vacances"
    if d.proposition_cdi == "refusee":
        return "refus_cdi"
    return DUE


def _dixieme(base: Decimal, faute: str | None) -> Decimal:
    taux = load_personnel().fin_cdd.taux_precarite
    brut = base * taux / CENT
    return cents_down(brut) if faute == ARRONDI_TRONQUE else cents(brut)


def _embauche(m: Mouvements, e: Etapes, faute: str | None) -> None:
    emb = m.embauche
    avant = timedelta(days=load_personnel().dpae.jours_avant)
    apres = faute == DPAE_APRES
    e.put("embauche.dpae_au_plus_tot", emb.debut if apres else emb.debut - avant)
    e.put("embauche.dpae_au_plus_tard", emb.debut + avant if apres else emb.debut)
    n = mois_essai(emb.categorie)
    fin = fin_periode(emb.debut, n)
    if faute == ESSAI_MEME_QUANTIEME:
        fin = plus_mois(emb.debut, n)
    elif faute == ESSAI_JOURS_OUVRES:
        fin = jours_ouvres(emb.debut, n * JOURS_OUVRES_PAR_MOIS)
    fin = e.put("embauche.fin_essai", fin)
    permis = m.renouvellement_permis and emb.renouvellement_au_contrat
    renouvelable = e.put(
        "embauche.renouvelable", OUI if permis or faute == RENOUVELLEMENT_NON_PERMIS else NON
    )
    maximum = fin
    if renouvelable == OUI and fin < date.max:
        maximum = fin_periode(fin + timedelta(days=1), n)
    e.put("embauche.fin_essai_maximale", maximum)
    prealable = (emb.mineur or emb.travail_de_nuit) and faute != VIP_PREALABLE_OUBLIEE
    delai = load_personnel().visite_information.mois
    e.put("embauche.visite_au_plus_tard", emb.debut if prealable else plus_mois(emb.debut, delai))


def _fin_contrat(m: Mouvements, faute: str | None) -> date:
    if faute == DOCUMENTS_A_LA_NOTIFICATION:
        return m.depart.courrier
    return m.depart.fin_prevue if faute == FIN_PREVUE_RETENUE else m.depart.fin


def _depart(m: Mouvements, e: Etapes, faute: str | None) -> None:
    d = m.depart
    total = e.put("depart.total_brut", sum((x.base + x.autres for x in d.mois), Decimal(0)))
    cas = e.put("depart.indemnite_cas", DUE if faute == PRECARITE_CAS_EXCLU else cas_indemnite(m))
    if faute == PRECARITE_SUR_SALAIRE_DE_BASE:
        total_base = sum((x.base for x in d.mois), Decimal(0))
        precarite = _dixieme(total_base, faute) if cas == DUE else Decimal(0)
    else:
        precarite = _dixieme(total, faute) if cas == DUE else Decimal(0)
    precarite = e.put("depart.indemnite_precarite", precarite)
    assiette = total if faute == ICCP_SANS_PRECARITE else total + precarite
    e.put("depart.iccp", _dixieme(assiette, faute))
    fin = _fin_contrat(m, faute) if faute != DOCUMENTS_A_LA_NOTIFICATION else d.fin
    documents = _fin_contrat(m, faute)
    for nom in DOCUMENTS:
        e.put(f"documents.{nom}", documents)
    e.put("registre.entree", m.embauche.debut)
    e.put("registre.sortie", fin)


def _conservation(m: Mouvements, e: Etapes, faute: str | None) -> None:
    sortie = e.own.get("registre.sortie", e.out["registre.sortie"])
    for i, p in enumerate(m.pieces):
        regle = piece(p.code)
        depuis_depart = (
            regle.point_de_depart == "depart" and faute != CONSERVATION_DEPUIS_LE_DOCUMENT
        )
        debut = sortie if depuis_depart else p.date_piece
        annees = 10 if faute == CONSERVATION_DIX_ANS else regle.annees
        e.put(f"conservation.{i}.jusqu_au", plus_ans(debut, annees))


def _annonce(m: Mouvements, e: Etapes, faute: str | None) -> None:
    for i, p in enumerate(m.phrases):
        critere = p.critere
        if faute == ANNONCE_CRITERE_OUBLIE:
            critere = AUCUN
        elif faute == ANNONCE_CRITERE_EN_TROP and critere == AUCUN:
            critere = "age"
        e.put(f"annonce.{i}.critere", critere)


def calcule(
    m: Mouvements, own: Mapping[str, Any] | None = None, faute: str | None = None
) -> dict[str, Any]:
    """Every answer value by path (typed), each step continuing from the student's own value
    when ``own`` gives one; with ``faute``, the exercise done with that wrong method."""
    e = Etapes(own)
    _embauche(m, e, faute)
    _depart(m, e, faute)
    _conservation(m, e, faute)
    _annonce(m, e, faute)
    return e.out


def _texte(valeur: Any) -> str:
    if isinstance(valeur, date):
        return valeur.isoformat()
    return fmt(valeur) if isinstance(valeur, Decimal) else str(valeur)


def document(valeurs: Mapping[str, Any]) -> dict[str, Any]:
    """The contract JSON of an answer from its values by path (nested as the form posts it)."""
    return unflatten({path: _texte(v) for path, v in valeurs.items()})


def solve(params: dict[str, Any]) -> dict[str, Any]:
    """The reference solution, contract JSON."""
    return document(calcule(lire_params(params)))
