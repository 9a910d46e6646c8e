"""Grading of a ``mouvements_personnel`` answer: per-field verdicts, errors carried forward (the
indemnities from the student's own total, the retention dates from their own exit date), the
method error named, and a score for each of the two competencies."""

from __future__ import annotations

from typing import Any

from agora.exercise.base import ChampResult, Grade
from agora.exercise.fields import Field, Lu, verdict
from agora.exercise.grading import (
    Mondes,
    champs_de_la_forme,
    champs_lus,
    grade_final,
    methode_fausse,
    par_competence,
    verdict_nomme,
    verdict_reporte,
)
from agora.exercise.kinds.mouvements_personnel import solve as calc
from agora.exercise.kinds.mouvements_personnel.answer import ANSWER_SCHEMA
from agora.exercise.kinds.mouvements_personnel.messages import MESSAGES, SIGNATURES
from agora.exercise.kinds.mouvements_personnel.params import AUCUN, NAME, Mouvements, lire_params
from agora.exercise.reading import Lecture, pattern_of

ENTREES_SORTIES, DOSSIERS = "3.1.1", "3.1.2"  # hiring and leaving; the personnel records
# The fields computed from earlier answers (the others come from the params alone).
REPORTABLES = (
    "embauche.fin_essai_maximale",
    "depart.indemnite_precarite",
    "depart.iccp",
    "conservation.",
)


def competence_de(path: str) -> str:
    """The register and the retention dates keep the personnel records up to date (3.1.2);
    everything else applies the hiring and leaving procedures (3.1.1)."""
    return DOSSIERS if path.startswith(("registre.", "conservation.")) else ENTREES_SORTIES


def fautes_possibles(m: Mouvements) -> list[str]:
    """The wrong methods that could change some value of this exercise, in the order tried."""
    fautes = [calc.DPAE_APRES, calc.ESSAI_MEME_QUANTIEME, calc.ESSAI_JOURS_OUVRES]
    if not (m.renouvellement_permis and m.embauche.renouvellement_au_contrat):
        fautes.append(calc.RENOUVELLEMENT_NON_PERMIS)
    if m.embauche.mineur or m.embauche.travail_de_nuit:
        fautes.append(calc.VIP_PREALABLE_OUBLIEE)
    if calc.cas_indemnite(m) != calc.DUE:
        fautes.append(calc.PRECARITE_CAS_EXCLU)
    fautes += [calc.PRECARITE_SUR_SALAIRE_DE_BASE, calc.ICCP_SANS_PRECARITE]
    if m.depart.fin != m.depart.fin_prevue:
        fautes.append(calc.FIN_PREVUE_RETENUE)
    fautes += [calc.DOCUMENTS_A_LA_NOTIFICATION, calc.CONSERVATION_DEPUIS_LE_DOCUMENT]
    return [*fautes, calc.CONSERVATION_DIX_ANS, calc.ARRONDI_TRONQUE]


class Reference:
    """What grading needs from the params alone: the answer's values, each field's type and
    writing, and the exercise done with each wrong method (on demand)."""

    def __init__(self, m: Mouvements):
        self.m = m
        self.valeurs = calc.calcule(m)
        self.fautes = fautes_possibles(m)
        self.champs = champs_de_la_forme(tuple(self.valeurs), ANSWER_SCHEMA.type_of)
        self.canon = {p: field.canonical(self.valeurs[p]) for p, _, field in self.champs}
        self.monde = Mondes(lambda faute: calc.calcule(m, faute=faute))

    def candidates(self, path: str) -> list[str]:
        """The wrong methods that may explain a wrong value of ``path``, in the order tried
        (asked for a wrong field only)."""
        motif = pattern_of(path)
        return [f for f in self.fautes if motif in SIGNATURES[f]]


def reference(params: Any) -> Reference:
    return Reference(lire_params(params))


def code_annonce(attendu: str, choisi: str) -> str | None:
    """A discriminatory sentence let through, or an allowed one flagged (a wrong criterion for
    a discriminatory sentence is only wrong)."""
    if choisi == AUCUN:
        return calc.ANNONCE_CRITERE_OUBLIE
    return calc.ANNONCE_CRITERE_EN_TROP if attendu == AUCUN else None


class Correction:
    """One answer being graded: its verdicts, its named errors, the student's own values."""

    def __init__(self, ref: Reference, own: dict[str, Any]):
        self.ref, self.own, self.codes = ref, own, []
        self._ecf: dict[str, Any] | None = None

    def reporte(self, path: str) -> Any:
        """The value of a field computed from the student's own earlier values (worked out
        once, and only for a wrong field that depends on earlier ones)."""
        if not path.startswith(REPORTABLES):
            return None
        if self._ecf is None:
            self._ecf = calc.calcule(self.ref.m, self.own)
        return self._ecf.get(path)

    def nomme(self, code: str | None) -> str | None:
        if code is not None and code not in self.codes:
            self.codes.append(code)
        return MESSAGES[code] if code else None

    def depuis_siens(self, faute: str) -> dict[str, Any]:
        return calc.calcule(self.ref.m, self.own, faute)

    def champ(self, path: str, field: Field, lu: Lu) -> ChampResult:
        ref = self.ref
        attendu = ref.valeurs[path]
        if lu.valeur == attendu:
            return ChampResult(path, ref.canon[path], lu.recu, True, "Juste.")
        if lu.valeur is None or field.same(attendu, lu.valeur):
            return verdict(path, field, attendu, lu)
        if path.startswith("annonce."):
            code = code_annonce(attendu, lu.valeur)
        elif lu.valeur == self.reporte(path):
            return verdict_reporte(path, field, attendu, lu)
        else:
            candidates = ref.candidates(path)
            code = methode_fausse(candidates, ref.monde, self.depuis_siens, path, lu.valeur)
        return verdict_nomme(path, field, attendu, lu, self.nomme(code))


def corrige(ref: Reference, lecture: Lecture) -> Grade:
    """Grade one answer as read; never raises."""
    donnes, own = champs_lus(ref.champs, lecture)
    correction = Correction(ref, own)
    champs = [correction.champ(path, field, lu) for path, field, lu in donnes]
    notes = par_competence(competence_de, (ENTREES_SORTIES, DOSSIERS))
    return grade_final(NAME, champs, lecture, correction.codes, MESSAGES, notes)


def grade(params: dict[str, Any], lecture: Lecture) -> Grade:
    """Per-field verdicts, errors carried forward and diagnostics; never raises on the answer."""
    return corrige(reference(params), lecture)
