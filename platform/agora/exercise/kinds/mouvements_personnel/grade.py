"""Grading of a ``mouvements_personnel`` answer: per-field verdicts, errors carried forward (the
indemnities from the student's own total, the retention dates from their own exit date), the
method error named, and a score for each of the two competencies."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from agora.exercise.base import ChampResult, Grade
from agora.exercise.etapes import ReferenceCalculee
from agora.exercise.fields import Field, Lu, verdict
from agora.exercise.grading import (
    champs_lus,
    grade_final,
    par_competence,
    verdict_nomme,
    verdict_reporte,
)
from agora.exercise.kinds.mouvements_personnel import solve as calc
from agora.exercise.kinds.mouvements_personnel.answer import ANSWER_SCHEMA
from agora.exercise.kinds.mouvements_personnel.messages import MESSAGES, SIGNATURES
from agora.exercise.kinds.mouvements_personnel.params import AUCUN, NAME, Mouvements, lire_params
from agora.exercise.reading import Lecture

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


def reference(params: Any) -> ReferenceCalculee:
    """What grading needs from the params alone: the answer's values, each field's type and
    writing, and the exercise done with each wrong method (on demand)."""
    m = lire_params(params)
    return ReferenceCalculee(
        m, calc.calcule, ANSWER_SCHEMA.type_of, competence_de, fautes_possibles(m)
    )


def code_annonce(attendu: str, choisi: str) -> str | None:
    """A discriminatory sentence let through, or an allowed one flagged (a wrong criterion for
    a discriminatory sentence is only wrong)."""
    if choisi == AUCUN:
        return calc.ANNONCE_CRITERE_OUBLIE
    return calc.ANNONCE_CRITERE_EN_TROP if attendu == AUCUN else None


class Correction:
    """One answer being graded: its verdicts, its named errors, the student's own values."""

    def __init__(self, ref: ReferenceCalculee, own: dict[str, Any]):
        self.ref, self.own, self.codes = ref, own, []
        self._ecf: Mapping[str, Any] | None = None

    def reporte(self, path: str) -> Any:
        """The value of a field computed from the student's own earlier values (worked out
        once, and only for a wrong field that depends on earlier ones)."""
        if not path.startswith(REPORTABLES):
            return None
        if self._ecf is None:
            self._ecf = self.ref.reporte(self.own)
        return self._ecf.get(path)

    def nomme(self, code: str | None) -> str | None:
        if code is not None and code not in self.codes:
            self.codes.append(code)
        return MESSAGES[code] if code else None

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
            code = ref.signee(SIGNATURES, self.own, path, lu.valeur)
        return verdict_nomme(path, field, attendu, lu, self.nomme(code))


def corrige(ref: ReferenceCalculee, lecture: Lecture) -> Grade:
    """Grade one answer as read; never raises."""
    donnes, own = champs_lus(ref.champs, lecture)
    correction = Correction(ref, own)
    champs = [correction.champ(path, field, lu) for path, field, lu in donnes]
    notes = par_competence(competence_de, (ENTREES_SORTIES, DOSSIERS))
    return grade_final(NAME, champs, lecture, correction.codes, MESSAGES, notes)


def grade(params: dict[str, Any], lecture: Lecture) -> Grade:
    """Per-field verdicts, errors carried forward and diagnostics; never raises on the answer."""
    return corrige(reference(params), lecture)
