"""Grading of a ``suivi_prospection`` answer: per-field verdicts, errors carried forward (rates
and costs from the student's own contacts reached, the best channel from their own costs),
the follow-up of each prospect with the RGPD opposition named, diagnostics."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from agora.exercise.etapes import ReferenceCalculee, correcteur
from agora.exercise.kinds.suivi_prospection import solve as calc
from agora.exercise.kinds.suivi_prospection.answer import ANSWER_SCHEMA
from agora.exercise.kinds.suivi_prospection.messages import MESSAGES, SIGNATURES
from agora.exercise.kinds.suivi_prospection.params import NAME, Campagne, lire_params

PROSPECTION, MISE_A_JOUR = "1.1.4", "1.3.1"  # the campaign's follow-up; the file updated


@lru_cache(maxsize=1024)  # the same few hundred paths at every grade: one look-up a verdict
def competence_de(path: str) -> str:
    """Updating the prospect file proves 1.3.1; every other field, the campaign's follow-up."""
    return MISE_A_JOUR if path.endswith(".fichier") else PROSPECTION


def fautes_possibles(d: Campagne) -> list[str]:
    """The wrong methods that could change some value of this exercise, in the order tried."""
    fautes = []
    if any(c.non_distribues for c in d.canaux):
        fautes.append(calc.NON_DISTRIBUES_COMPTES)
    if any(c.ouvertures is not None for c in d.canaux):
        fautes.append(calc.CLIC_SUR_OUVERTURES)
    fautes += [calc.TRANSFORMATION_SUR_CONTACTS, calc.TAUX_TRONQUE]
    if d.couts:
        fautes.append(calc.ARRONDI_TRONQUE)
        if len(d.canaux) > 1:
            fautes += [calc.MEILLEUR_CANAL_COUT_TOTAL, calc.MEILLEUR_CANAL_COUT_CONTACT]
    retours = {p.retour for p in d.prospects}
    if "desabonne" in retours:
        fautes.append(calc.OPPOSITION_RECONTACTEE)
    if "npai" in retours:
        fautes.append(calc.NPAI_CONSERVE)
    if d.delai_relance is not None:
        fautes.append(calc.RELANCE_DEPUIS_CAMPAGNE)
    return fautes


def reference(params: Any) -> ReferenceCalculee:
    """What grading needs from the params alone."""
    d = lire_params(params)
    return ReferenceCalculee(
        d, calc.calcule, ANSWER_SCHEMA.type_of, competence_de, fautes_possibles(d)
    )


def _regle_rgpd(ref: ReferenceCalculee, path: str) -> str | None:
    """A wrong choice on a prospect who opposed or whose address came back: the rule broken,
    whatever the other choice made."""
    if not path.startswith("prospects.") or path.endswith(".date_relance"):
        return None
    retour = ref.d.prospects[int(path.split(".")[1])].retour
    if retour == "desabonne":
        return calc.OPPOSITION_RECONTACTEE
    if retour == "npai" and path.endswith(".fichier"):
        return calc.NPAI_CONSERVE
    return None


def _cherche(ref: ReferenceCalculee, own: dict[str, Any], path: str, valeur: Any) -> str | None:
    """The known wrong method behind a wrong value: the RGPD rule on a choice, else the whole
    exercise done that way, then that way from the student's own earlier values."""
    regle = _regle_rgpd(ref, path)
    if regle:
        return regle
    return ref.signee(SIGNATURES, own, path, valeur)


# Per-field verdicts, errors carried forward and diagnostics; never raises on the answer.
grade = correcteur(NAME, reference, _cherche, MESSAGES, (PROSPECTION, MISE_A_JOUR))
