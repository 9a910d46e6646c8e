"""The campaign's figures and the prospect follow-up, run right or with one typical mistake.

``calcule``, the step-by-step calculation of agora.exercise.etapes, walks each channel from the
contacts reached to the cost per customer won, picks the best channel, and decides each
prospect's follow-up and file update.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from typing import Any

from agora.exercise.grading import Etapes
from agora.exercise.kinds.suivi_prospection.answer import ANSWER_SCHEMA, COUTS_CANAL, TAUX_CANAL
from agora.exercise.kinds.suivi_prospection.params import (
    MAX_CANAUX,
    MAX_PROSPECTS,
    Campagne,
    Canal,
    Prospect,
    lire_params,
)
from agora.exercise.params import HUNDRED
from agora.money import cents, cents_down

# The wrong methods calcule can run (codes of the public diagnostics).
NON_DISTRIBUES_COMPTES = "NON_DISTRIBUES_COMPTES"
CLIC_SUR_OUVERTURES = "CLIC_SUR_OUVERTURES"
TRANSFORMATION_SUR_CONTACTS = "TRANSFORMATION_SUR_CONTACTS"
TAUX_TRONQUE = "TAUX_TRONQUE"
ARRONDI_TRONQUE = "ARRONDI_TRONQUE"
MEILLEUR_CANAL_COUT_TOTAL = "MEILLEUR_CANAL_COUT_TOTAL"
MEILLEUR_CANAL_COUT_CONTACT = "MEILLEUR_CANAL_COUT_CONTACT"
OPPOSITION_RECONTACTEE = "OPPOSITION_RECONTACTEE"
NPAI_CONSERVE = "NPAI_CONSERVE"
RELANCE_DEPUIS_CAMPAGNE = "RELANCE_DEPUIS_CAMPAGNE"

DIXIEME = Decimal("0.1")
# Each return of the campaign: the follow-up action and the file update (the rule of the
# statement; an opposition is final: RGPD art. 21, CNIL).
SUITE = {
    "ouvert_sans_reponse": ("relancer_telephone", "conserver"),
    "demande_info": ("envoyer_offre", "conserver"),
    "desabonne": ("ne_plus_contacter", "opposition"),
    "npai": ("rien", "corriger_adresse"),
    "non_ouvert": ("rien", "conserver"),
    "devenu_client": ("rien", "passer_client"),
}


def _taux(num: Any, den: Any, faute: str | None) -> Decimal | None:
    """num / den in percent to 0.1 % half up (cut with TAUX_TRONQUE); None when the student's
    own denominator makes it impossible (zero, absurd)."""
    arrondi = ROUND_DOWN if faute == TAUX_TRONQUE else ROUND_HALF_UP
    try:
        # The rounding mode without its keyword: quantize parses it in half the time.
        return (Decimal(num) * HUNDRED / Decimal(den)).quantize(DIXIEME, arrondi)
    except (ArithmeticError, TypeError):
        return None


def _cout(cout: Decimal, den: Any, faute: str | None) -> Decimal | None:
    """A cost per unit, to the cent half up (cut with ARRONDI_TRONQUE); None when impossible."""
    try:
        valeur = cout / Decimal(den)
        return cents_down(valeur) if faute == ARRONDI_TRONQUE else cents(valeur)
    except (ArithmeticError, TypeError):
        return None


# The answer paths of each channel and each prospect, by its place (a constant table: paths
# are not rebuilt at each of the three calculations of a grade).
_CHEMINS_CANAL = tuple(
    tuple(f"canaux.{i}.{champ}" for champ in ("touches", *TAUX_CANAL, *COUTS_CANAL))
    for i in range(MAX_CANAUX)
)
_CHEMINS_PROSPECT = tuple(
    tuple(f"prospects.{k}.{champ}" for champ in ("action", "date_relance", "fichier"))
    for k in range(MAX_PROSPECTS)
)


def _canal(c: Canal, chemins: tuple[str, ...], put: Any, out: dict, faute: str | None) -> Any:
    """The figures of one channel; returns its contacts reached (the student's if given). The
    rates are leaves, no later step starts from them: written to ``out`` straight."""
    envoyes, touches = Decimal(c.envoyes), Decimal(c.envoyes - c.non_distribues)
    touches = put(chemins[0], envoyes if faute == NON_DISTRIBUES_COMPTES else touches)
    if c.ouvertures is not None:
        out[chemins[1]] = _taux(c.ouvertures, touches, faute)
        base_clic = c.ouvertures if faute == CLIC_SUR_OUVERTURES else touches
        out[chemins[2]] = _taux(c.clics, base_clic, faute)
    out[chemins[3]] = _taux(c.reponses, touches, faute)
    base = touches if faute == TRANSFORMATION_SUR_CONTACTS else c.reponses
    out[chemins[4]] = _taux(c.gagnes, base, faute)
    return touches


def _couts(c: Canal, chemins: tuple[str, ...], touches: Any, put: Any, out: dict, faute):
    """The costs of one channel: per contact and per customer won (the student's if given:
    the best channel is chosen from them), per reply (a leaf)."""
    par_contact = put(chemins[5], _cout(c.cout, touches, faute))
    out[chemins[6]] = _cout(c.cout, c.reponses, faute)
    return put(chemins[7], _cout(c.cout, c.gagnes, faute)), par_contact


def _meilleur(d: Campagne, par_client: list[Any], par_contact: list[Any], faute: str | None):
    """The channel with the lowest cost per customer won (from the student's own costs)."""
    if faute == MEILLEUR_CANAL_COUT_TOTAL:
        critere: list[Any] = [c.cout for c in d.canaux]
    elif faute == MEILLEUR_CANAL_COUT_CONTACT:
        critere = par_contact
    else:
        critere = par_client
    candidats = [(v, i) for i, v in enumerate(critere) if isinstance(v, Decimal)]
    if not candidats:
        return None
    return d.canaux[min(candidats)[1]].canal


def _suite(d: Campagne, pr: Prospect, faute: str | None) -> tuple[str, str]:
    action, fichier = SUITE[pr.retour]
    if faute == OPPOSITION_RECONTACTEE and pr.retour == "desabonne":
        return "relancer_telephone", "conserver"
    if faute == NPAI_CONSERVE and pr.retour == "npai":
        return action, "conserver"
    return action, fichier


def _prospect(
    d: Campagne, k: int, delai: dict[str, int | None], put: Any, out: dict, faute: str | None
) -> None:
    """A prospect's follow-up; ``delai``: the days each action with a follow-up date waits.
    Only the action is a step a later one starts from; the date and the file are leaves."""
    pr = d.prospects[k]
    c_action, c_date, c_fichier = _CHEMINS_PROSPECT[k]
    action, fichier = _suite(d, pr, faute)
    if d.delai_relance is not None:
        action = put(c_action, action)
        if SUITE[pr.retour][0] in delai:
            depart = d.date_campagne if faute == RELANCE_DEPUIS_CAMPAGNE else pr.jour
            # The student's own action sets the delay (carried); one without a delay, the rule's.
            jours = delai.get(action, delai[SUITE[pr.retour][0]])
            out[c_date] = depart + timedelta(jours)  # days, given without a keyword
    out[c_fichier] = fichier


def calcule(d: Campagne, own: Mapping[str, Any] | None = None, faute: str | None = None) -> dict:
    """Every value of the answer by its path (``canaux.0.taux_clic``…); ``own`` holds the
    student's values each later step starts from, ``faute`` runs one known wrong method."""
    etapes = Etapes(own)
    out = etapes.out
    put = etapes.ecrire
    par_client, par_contact = [], []
    for c, chemins in zip(d.canaux, _CHEMINS_CANAL, strict=False):  # rows for MAX_CANAUX
        touches = _canal(c, chemins, put, out, faute)
        if d.couts:
            client, contact = _couts(c, chemins, touches, put, out, faute)
            par_client.append(client)
            par_contact.append(contact)
    if d.couts and len(d.canaux) > 1:
        put("meilleur_canal", _meilleur(d, par_client, par_contact, faute))
    delai = {"relancer_telephone": d.delai_relance, "envoyer_offre": d.delai_offre}
    for k in range(len(d.prospects)):
        _prospect(d, k, delai, put, out, faute)
    return out


def document(d: Campagne, v: Mapping[str, Any]) -> dict[str, Any]:
    """The contract JSON of the answer from its values by path (a value None is left out)."""
    result: dict[str, Any] = {"canaux": [{} for _ in d.canaux]}
    if d.prospects:
        result["prospects"] = [{} for _ in d.prospects]
    for path, valeur in v.items():
        if valeur is None:
            continue
        texte = ANSWER_SCHEMA.type_of(path).canonical(valeur)
        racine, _, reste = path.partition(".")
        if not reste:
            result[racine] = texte
            continue
        index, _, champ = reste.partition(".")
        result[racine][int(index)][champ] = texte
    return result


def solve(params: dict[str, Any]) -> dict[str, Any]:
    """The reference solution, contract JSON."""
    d = lire_params(params)
    return document(d, calcule(d))
