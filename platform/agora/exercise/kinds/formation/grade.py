"""Grading of a ``formation`` answer: per-field verdicts, errors carried forward (a session's
total from the student's own parts, the plan's total, variance and postponements from their
own session costs, the ASC variance from their own budget), the rules of the convocation and of
the mandatory trainings named, diagnostics."""

from __future__ import annotations

from typing import Any

from agora.exercise.base import ChampResult, Diagnostic
from agora.exercise.fields import Lu, verdict
from agora.exercise.grading import (
    MemoParams,
    Mondes,
    champs_lus,
    chemin,
    grade_of,
    illisibles,
    methode_fausse,
    notes_par_competence,
    verdict_nomme,
    verdict_reporte,
)
from agora.exercise.kinds.formation import solve as calc
from agora.exercise.kinds.formation.answer import ANSWER_SCHEMA
from agora.exercise.kinds.formation.catalogue import ELEMENTS
from agora.exercise.kinds.formation.messages import MESSAGES, SIGNATURES
from agora.exercise.kinds.formation.params import NAME, Plan, lire_params
from agora.exercise.reading import Lecture, pattern_of

FORMATION, CSE = "3.1.3", "3.3.2"  # the training plan; the staff's social budgets


def competence_de(path: str) -> str:
    """The CSE's budgets prove 3.3.2; the plan, the convocation and the contribution 3.1.3."""
    return CSE if path.startswith("cse.") else FORMATION


def fautes_possibles(d: Plan) -> list[str]:
    """The wrong methods that could change some value of this exercise, in the order tried."""
    fautes = []
    if any(s.tarif_par != "session" for s in d.sessions):
        fautes.append(calc.TARIF_NON_MULTIPLIE)
    if any(s.participants > 1 and s.frais_par_participant for s in d.sessions):
        fautes.append(calc.FRAIS_NON_MULTIPLIES)
    if d.cout_horaire is not None:
        fautes.append(calc.SALAIRES_OUBLIES)
    fautes.append(calc.ARRONDI_TRONQUE)
    if d.niveau > 1:
        fautes.append(calc.COUT_MOYEN_PAR_SESSIONS)
    fautes += [calc.ECART_SIGNE_INVERSE, calc.ECART_PCT_SUR_REALISE, calc.SENS_INVERSE]
    if d.arbitrage:
        fautes.append(calc.REPORT_OBLIGATOIRE)
    fautes += [calc.CONVOCATION_ELEMENT_MANQUANT, calc.CONVOCATION_ELEMENT_INUTILE]
    if d.contribution is not None:
        fautes.append(calc.CONTRIBUTION_TAUX_CONFONDU)
    if d.cse.fonctionnement:
        fautes += [calc.FONCTIONNEMENT_SOUS_50, calc.TAUX_FONCTIONNEMENT_CONFONDU]
    if d.cse.masse_nette is not None:
        fautes.append(calc.MASSE_NETTE)
    return fautes


class Reference:
    """What grading needs from the params alone: the answer's values, each field's type and
    writing, and the exercise done with each wrong method (on demand)."""

    def __init__(self, d: Plan):
        self.d = d
        self.valeurs = calc.calcule(d)
        self.fautes = fautes_possibles(d)
        self.champs = [(p, chemin(p), ANSWER_SCHEMA.type_of(p)) for p in self.valeurs]
        self.canon = {p: f.canonical(self.valeurs[p]) for p, _, f in self.champs}
        self.competence = {p: competence_de(p) for p in self.valeurs}
        self.monde = Mondes(lambda faute: calc.calcule(d, faute=faute))


_MEMO = MemoParams()


def reference(params: Any) -> Reference:
    """The Reference of these params (a class grades the same params object many times)."""
    return _MEMO.obtenir(params, lambda p: Reference(lire_params(p)))


def _regle(ref: Reference, path: str, valeur: Any) -> str | None:
    """A wrong choice that breaks a rule, whatever else was done: an item of the convocation
    left out or added, a mandatory training postponed."""
    if path.startswith("convocation."):
        requis = ELEMENTS[ref.d.elements[int(path.split(".")[1])]][1]
        return calc.CONVOCATION_ELEMENT_MANQUANT if requis else calc.CONVOCATION_ELEMENT_INUTILE
    if path.endswith(".decision") and valeur == "reporter":
        if ref.d.sessions[int(path.split(".")[1])].obligatoire:
            return calc.REPORT_OBLIGATOIRE
    return None


def _cherche(ref: Reference, own: dict[str, Any], path: str, valeur: Any) -> str | None:
    """The known wrong method behind a wrong value: a rule broken, else the whole exercise done
    that way, then that way from the student's own earlier values."""
    regle = _regle(ref, path, valeur)
    if regle:
        return regle
    motif = pattern_of(path)
    candidates = [f for f in ref.fautes if motif in SIGNATURES[f]]
    siens = lambda faute: calc.calcule(ref.d, own, faute)  # noqa: E731 (read as a name)
    return methode_fausse(candidates, ref.monde, siens, path, valeur)


def _champ(ref: Reference, path: str, field: Any, lu: Lu, ecf: dict, own: dict, codes: list):
    """Right, carried forward from the student's values, or wrong with the method named."""
    attendu = ref.valeurs[path]
    if lu.valeur is not None and (lu.valeur == attendu or field.same(attendu, lu.valeur)):
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
    ecf = calc.calcule(ref.d, own, complet=False) if differe else ref.valeurs
    codes: list[str] = []
    champs = [_champ(ref, p, f, lu, ecf, own, codes) for p, f, lu in donnes]
    champs += illisibles(champs, lecture)
    nommes = [Diagnostic(code, MESSAGES[code]) for code in codes]
    competence = ref.competence.get
    notes = notes_par_competence(champs, lambda p: competence(p, FORMATION), (FORMATION, CSE))
    return grade_of(NAME, champs, nommes, notes)


def grade(params: dict[str, Any], lecture: Lecture):
    """Per-field verdicts, errors carried forward and diagnostics; never raises on the answer."""
    return corrige(reference(params), lecture)
