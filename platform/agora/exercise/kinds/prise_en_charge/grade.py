"""Grading of a ``prise_en_charge`` answer: per-field verdicts, the deadline credited when it is
right from the student's own date, time and urgency (error carried forward), the method error
named, and a score for each of the two competencies."""

from __future__ import annotations

from typing import Any

from agora.exercise.etapes import ReferenceCalculee, correcteur
from agora.exercise.fields import piece_key
from agora.exercise.kinds.prise_en_charge import solve as calc
from agora.exercise.kinds.prise_en_charge.answer import ANSWER_SCHEMA
from agora.exercise.kinds.prise_en_charge.messages import MESSAGES
from agora.exercise.kinds.prise_en_charge.params import NAME, Fiche, lire_params

IDENTIFIER, REPONDRE = "1.1.1", "1.1.2"  # the request's characteristics; the answer given


def competence_de(path: str) -> str:
    """The follow-up (to whom, what, by when) is the answer to the request (1.1.2); the rest of
    the fiche identifies the request (1.1.1)."""
    return REPONDRE if path.startswith("suite.") else IDENTIFIER


def fautes_possibles(d: Fiche) -> list[str]:
    """The wrong methods that could change some value of this fiche, in the order tried."""
    fautes = [calc.TELEPHONE_CHIFFRES]
    if d.demandeur.telephone_dit:
        fautes.insert(0, calc.TELEPHONE_AVANT_CORRECTION)
    if d.demandeur.courriel:
        fautes.append(calc.COURRIEL_MAL_NOTE)
    if d.leurre:
        fautes.append(calc.REFERENCE_HORS_SUJET)
    fautes += [calc.REFERENCE_MAL_COPIEE, calc.URGENCE_INVERSEE]
    if d.besoin_exprime != d.besoin_reel:
        fautes.append(calc.BESOIN_EXPRIME_RETENU)
    return [*fautes, calc.SERVICE_ERRONE, *calc.ECHEANCES]


def _regle(d: Fiche, path: str, valeur: Any) -> str | None:
    """The mistake a wrong value of a copied or chosen field shows, whatever it is."""
    if path == "demandeur.telephone":
        dit = valeur == d.demandeur.telephone_dit
        return calc.TELEPHONE_AVANT_CORRECTION if dit else calc.TELEPHONE_CHIFFRES
    if path == "demande.reference":
        leurre = d.leurre and piece_key(valeur) == piece_key(d.leurre)
        return calc.REFERENCE_HORS_SUJET if leurre else calc.REFERENCE_MAL_COPIEE
    if path == "besoin.reel":
        return calc.BESOIN_EXPRIME_RETENU if valeur == d.besoin_exprime else None
    return {
        "demandeur.courriel": calc.COURRIEL_MAL_NOTE,
        "demande.urgence": calc.URGENCE_INVERSEE,
        "suite.destinataire": calc.SERVICE_ERRONE,
    }.get(path)


def _cherche(ref: ReferenceCalculee, own: dict[str, Any], path: str, valeur: Any) -> str | None:
    """The known wrong method behind a wrong value: a field's own mistake, else a deadline
    counted a wrong way (the whole fiche that way, then from the student's own values)."""
    if path != "suite.echeance":
        return _regle(ref.d, path, valeur)
    return ref.methode(list(calc.ECHEANCES), own, path, valeur)


# Per-field verdicts, errors carried forward and diagnostics; never raises on the answer.
grade = correcteur(
    NAME,
    lambda params: ReferenceCalculee(
        lire_params(params), calc.calcule, ANSWER_SCHEMA.type_of, competence_de
    ),
    _cherche,
    MESSAGES,
    (IDENTIFIER, REPONDRE),
)
