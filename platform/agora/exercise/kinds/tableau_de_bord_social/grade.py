"""Grading of a ``tableau_de_bord_social`` answer: per-field verdicts, errors carried forward
(a rate right from the student's own totals), the wrong method named, diagnostics, and a score
for each competency (the indicators prove 3.3.3, the checks of the data 1.3.1)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from agora.exercise.base import ChampResult, Grade, champ_result, score_ratio
from agora.exercise.fields import Field, Lu, verdict
from agora.exercise.grading import (
    ReferenceEtapes,
    champs_lus,
    grade_final,
    methode_fausse,
    verdict_nomme,
    verdict_reporte,
)
from agora.exercise.kinds.tableau_de_bord_social import solve as calc
from agora.exercise.kinds.tableau_de_bord_social.answer import ANSWER_SCHEMA
from agora.exercise.kinds.tableau_de_bord_social.messages import MESSAGES, SIGNATURES
from agora.exercise.kinds.tableau_de_bord_social.params import NAME, Donnees, lire_params
from agora.exercise.kinds.tableau_de_bord_social.regles import motif_compte
from agora.exercise.reading import Lecture, pattern_of

INDICATEURS, DONNEES = "3.3.3", "1.3.1"  # the social dashboard; the checks of the data
COMPETENCES = (INDICATEURS, DONNEES)
# The parts of the answer each wrong method changes: the exercise done that way is worked out
# for them alone (the grader asks a method only for the fields it changes).
_PARTIES = {faute: frozenset(p.split(".")[0] for p in paths) for faute, paths in SIGNATURES.items()}


def fautes_possibles(d: Donnees) -> list[str]:
    """The wrong methods that could change some value of this exercise, in the order tried."""
    fautes = [calc.EFFECTIF_FIN_ANNEE, calc.EFFECTIF_DEBUT_FIN]
    if any(not motif_compte(a.motif) for a in d.absences):
        fautes.append(calc.ABSENCE_NON_COMPTABLE_INCLUSE)
    fautes += [calc.ABSENTEISME_SUR_HEURES_TRAVAILLEES, calc.ROTATION_NON_DIVISEE]
    fautes += [calc.ACCIDENT_SANS_ARRET_COMPTE, calc.ACCIDENT_TRAJET_COMPTE]
    fautes += [calc.TF_POUR_MILLE, calc.TG_POUR_MILLION]
    fautes += [calc.DOUBLON_COMPTE, calc.AGE_IMPOSSIBLE_COMPTE]
    fautes += [calc.BORNES_DECALEES, calc.AGE_MAUVAISE_DATE]
    return [*fautes, calc.GRAPHIQUE_INADAPTE, calc.ANOMALIE_NON_VUE, calc.ANOMALIE_CORRIGEE_AU_JUGE]


class Reference(ReferenceEtapes):
    """What grading needs from the params alone: the answer's values, each field's place and
    type, and the exercise done with each wrong method (on demand, only the parts it changes)."""

    def __init__(self, d: Donnees):
        super().__init__(
            calc.calcule(d),
            ANSWER_SCHEMA.type_of,
            lambda faute: calc.calcule(d, faute=faute, parties=_PARTIES[faute]),
        )
        self.d = d
        self.fautes = fautes_possibles(d)

    def candidats(self, path: str) -> list[str]:
        """The wrong methods that may explain a wrong value of ``path``, in the order tried
        (asked for a wrong field only)."""
        pattern = pattern_of(path)
        return [f for f in self.fautes if pattern in SIGNATURES[f]]


def reference(params: Any) -> Reference:
    """The Reference of these params."""
    return Reference(lire_params(params))


def _code_choix(path: str, valeur: Any) -> str | None:
    """The rule a wrong choice breaks: the chart, or a correction made without checking."""
    if path.startswith("graphiques."):
        return calc.GRAPHIQUE_INADAPTE
    if valeur == calc.CORRIGER_SEUL:
        return calc.ANOMALIE_CORRIGEE_AU_JUGE
    return None


def _champ(ref: Reference, path: str, field: Field, lu: Lu, ecf: dict, own: dict, codes: list[str]):
    """The verdict on a field not right as such: empty, carried forward from the student's
    values, or wrong with the method error named when one explains it."""
    attendu = ref.valeurs[path]
    if lu.valeur is None:
        return verdict(path, field, attendu, lu)
    if lu.valeur == ecf.get(path):
        return verdict_reporte(path, field, attendu, lu)
    code = _code_choix(path, lu.valeur) or methode_fausse(
        ref.candidats(path),
        ref.monde,
        lambda faute: calc.calcule(ref.d, own, faute, calc.INDICATEURS),
        path,
        lu.valeur,
    )
    if code and code not in codes:
        codes.append(code)
    return verdict_nomme(path, field, attendu, lu, MESSAGES[code] if code else None)


def corrige(ref: Reference, lecture: Lecture) -> Grade:
    """Grade one answer as read; never raises."""
    donnes, own = champs_lus(ref.champs, lecture)
    differe = any(ref.valeurs[p] != v for p, v in own.items())
    ecf = calc.calcule(ref.d, own, parties=calc.INDICATEURS) if differe else ref.valeurs
    codes: list[str] = []
    valeurs, canon = ref.valeurs, ref.canon
    # Most fields are right: their verdict built here as the named tuple it is, with no call.
    champs = [
        champ_result((path, canon[path], lu.recu, True, "Juste."))
        if lu.valeur == valeurs[path]
        else _champ(ref, path, field, lu, ecf, own, codes)
        for path, field, lu in donnes
    ]
    return grade_final(NAME, champs, lecture, codes, MESSAGES, _competences)


def _competences(champs: list[ChampResult]) -> list[tuple[str, Decimal]]:
    """3.3.3 scored on the indicators, 1.3.1 on the checks of the data (``anomalies.*``)."""
    notes = {INDICATEURS: [0, 0], DONNEES: [0, 0]}
    for c in champs:
        note = notes[DONNEES if c.champ.startswith("anomalies.") else INDICATEURS]
        note[0] += c.correct
        note[1] += 1
    return [(code, score_ratio(*notes[code])) for code in COMPETENCES if notes[code][1]]


def grade(params: dict[str, Any], lecture: Lecture) -> Grade:
    """Per-field verdicts, errors carried forward and diagnostics; never raises on the answer."""
    return corrige(reference(params), lecture)
