"""Grading of a ``suivi_prospection`` answer: per-field verdicts, errors carried forward (rates
and costs from the student's own contacts reached, the best channel from their own costs),
the follow-up of each prospect with the RGPD opposition named, diagnostics."""

from __future__ import annotations

from typing import Any

from agora.exercise.base import ChampResult
from agora.exercise.fields import Lu, verdict
from agora.exercise.grading import (
    MemoParams,
    Mondes,
    champs_lus,
    chemin,
    grade_final,
    methode_fausse,
    par_competence,
    verdict_nomme,
    verdict_reporte,
)
from agora.exercise.kinds.suivi_prospection import solve as calc
from agora.exercise.kinds.suivi_prospection.answer import ANSWER_SCHEMA
from agora.exercise.kinds.suivi_prospection.messages import MESSAGES, SIGNATURES
from agora.exercise.kinds.suivi_prospection.params import NAME, Campagne, lire_params
from agora.exercise.reading import Lecture, pattern_of

PROSPECTION, MISE_A_JOUR = "1.1.4", "1.3.1"  # the campaign's follow-up; the file updated


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


class Reference:
    """What grading needs from the params alone: the answer's values, each field's type and
    writing, and the exercise done with each wrong method (on demand)."""

    def __init__(self, d: Campagne):
        self.d = d
        self.valeurs = calc.calcule(d)
        self.fautes = fautes_possibles(d)
        self.champs = [(p, chemin(p), ANSWER_SCHEMA.type_of(p)) for p in self.valeurs]
        self.canon = {p: f.canonical(self.valeurs[p]) for p, _, f in self.champs}
        self.monde = Mondes(lambda faute: calc.calcule(d, faute=faute))


_MEMO = MemoParams()


def reference(params: Any) -> Reference:
    """The Reference of these params (a class grades the same params object many times)."""
    return _MEMO.obtenir(params, lambda p: Reference(lire_params(p)))


def _regle_rgpd(ref: Reference, path: str) -> str | None:
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


def _cherche(ref: Reference, own: dict[str, Any], path: str, valeur: Any) -> str | None:
    """The known wrong method behind a wrong value: the RGPD rule on a choice, else the whole
    exercise done that way, then that way from the student's own earlier values."""
    regle = _regle_rgpd(ref, path)
    if regle:
        return regle
    motif = pattern_of(path)
    candidates = [f for f in ref.fautes if motif in SIGNATURES[f]]
    siens = lambda faute: calc.calcule(ref.d, own, faute)  # noqa: E731 (read as a name)
    return methode_fausse(candidates, ref.monde, siens, path, valeur)


def _champ(ref: Reference, path: str, field: Any, lu: Lu, ecf: dict, own: dict, codes: list):
    """Right, carried forward from the student's values, or wrong with the method named."""
    attendu = ref.valeurs[path]
    if lu.valeur is not None and field.same(attendu, lu.valeur):
        return ChampResult(path, ref.canon[path], lu.recu, True, "Juste.")
    if lu.valeur is None:
        return verdict(path, field, attendu, lu)
    carried = ecf.get(path)
    if carried is not None and field.same(carried, lu.valeur):
        return verdict_reporte(path, field, attendu, lu)
    code = _cherche(ref, own, path, lu.valeur)
    if code and code not in codes:
        codes.append(code)
    return verdict_nomme(path, field, attendu, lu, MESSAGES[code] if code else None)


def corrige(ref: Reference, lecture: Lecture):
    """Grade one answer as read; never raises."""
    donnes, own = champs_lus(ref.champs, lecture)
    differe = any(ref.valeurs[p] != v for p, v in own.items())
    ecf = calc.calcule(ref.d, own) if differe else ref.valeurs
    codes: list[str] = []
    champs = [_champ(ref, p, f, lu, ecf, own, codes) for p, f, lu in donnes]
    notes = par_competence(competence_de, (PROSPECTION, MISE_A_JOUR))
    return grade_final(NAME, champs, lecture, codes, MESSAGES, notes)


def grade(params: dict[str, Any], lecture: Lecture):
    """Per-field verdicts, errors carried forward and diagnostics; never raises on the answer."""
    return corrige(reference(params), lecture)
