"""Grading of a ``formation`` answer: per-field verdicts, errors carried forward (a session's
total from the student's own parts, the plan's total, variance and postponements from their
own session costs, the ASC variance from their own budget), the rules of the convocation and of
the mandatory trainings named, diagnostics."""

from __future__ import annotations

from functools import cache, lru_cache, partial
from typing import Any

from agora.exercise.etapes import ReferenceCalculee, correcteur
from agora.exercise.grading import Mondes, candidates_par_motif
from agora.exercise.kinds.formation import solve as calc
from agora.exercise.kinds.formation.answer import ANSWER_SCHEMA
from agora.exercise.kinds.formation.catalogue import ELEMENTS
from agora.exercise.kinds.formation.messages import MESSAGES, SIGNATURES
from agora.exercise.kinds.formation.params import NAME, Plan, lire_params
from agora.exercise.reading import pattern_of

FORMATION, CSE = "3.1.3", "3.3.2"  # the training plan; the staff's social budgets


def competence_de(path: str) -> str:
    """The CSE's budgets prove 3.3.2; the plan, the convocation and the contribution 3.1.3."""
    return CSE if path.startswith("cse.") else FORMATION


def fautes_possibles(d: Plan) -> tuple[str, ...]:
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
    return tuple(fautes)


class Reference(ReferenceCalculee):
    """The reference of one variant, its wrong methods and the competency of each field."""

    def __init__(self, d: Plan):
        super().__init__(d, calc.calcule, _type_of, competence_de, fautes_possibles(d))
        # A wrong method's values from the right ones, with only the steps it changes done again.
        self.monde = Mondes(partial(calc.avec_faute, d, self.valeurs))
        # A look-up per field graded, rather than the test of its path.
        self.competence_de = _competences(tuple(self.valeurs)).__getitem__

    def reporte(self, own: dict[str, Any]) -> dict[str, Any]:
        """The steps that start from earlier values, from the student's own where they differ
        from the right ones."""
        return calc.depuis_les_siens(self.d, own, self.valeurs)


# The type of a reference's path, found once per name (the same names in every variant; the
# schema's check of a name walks its tree).
_type_of = cache(ANSWER_SCHEMA.type_of)


class _Competences(dict):
    """The competency of each field of the reference; 3.1.3 for any other name (an unreadable
    field the answer adds)."""

    def __missing__(self, path: str) -> str:
        return FORMATION


@lru_cache(maxsize=256)
def _competences(paths: tuple[str, ...]) -> _Competences:
    """The _Competences of a reference of these paths, found once per shape (the number of
    sessions, of items of the convocation…) whatever the values, and shared (never changed)."""
    return _Competences((p, competence_de(p)) for p in paths)


def _regle(ref: Reference, path: str, valeur: Any) -> str | None:
    """A wrong choice that breaks a rule, whatever else was done: an item of the convocation
    left out or added, a mandatory training postponed."""
    if path.startswith("convocation."):
        requis = ELEMENTS[ref.d.elements[int(path.split(".")[1])]][1]
        return calc.CONVOCATION_ELEMENT_MANQUANT if requis else calc.CONVOCATION_ELEMENT_INUTILE
    reporte = path.endswith(".decision") and valeur == "reporter"
    if reporte and ref.d.sessions[int(path.split(".")[1])].obligatoire:
        return calc.REPORT_OBLIGATOIRE
    return None


def _cherche(ref: Reference, own: dict[str, Any], path: str, valeur: Any) -> str | None:
    """The known wrong method behind a wrong value: a rule broken, else the whole exercise done
    that way, then that way from the student's own earlier values."""
    regle = _regle(ref, path, valeur)
    return regle or ref.methode(_candidates(ref.fautes, pattern_of(path)), own, path, valeur)


# The wrong methods that may change a field of this motif (a shape: found once each).
_candidates = candidates_par_motif(SIGNATURES)


# Per-field verdicts, errors carried forward and diagnostics; never raises on the answer.
grade = correcteur(
    NAME,
    lambda params: Reference(lire_params(params)),
    _cherche,
    MESSAGES,
    (FORMATION, CSE),
)
