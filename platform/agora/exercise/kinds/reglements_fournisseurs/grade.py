"""Grading of a ``reglements_fournisseurs`` answer: per-field verdicts, errors carried forward
from the student's own values, the wrong method named, the entry matched row by row."""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache
from itertools import compress
from operator import itemgetter
from typing import Any

from agora.exercise import grading as kit
from agora.exercise import journal
from agora.exercise.base import ChampResult, Diagnostic, Grade, champ_result, score_ratio
from agora.exercise.fields import Lu, account_root, verdict
from agora.exercise.journal import LigneEcriture
from agora.exercise.kinds.reglements_fournisseurs import solve as calc
from agora.exercise.kinds.reglements_fournisseurs.answer import ANSWER_SCHEMA
from agora.exercise.kinds.reglements_fournisseurs.messages import MESSAGES, SIGNATURES
from agora.exercise.kinds.reglements_fournisseurs.params import NAME, Reglements, lire_params
from agora.exercise.reading import Lecture, pattern_of

# The payment procedure (schedule, bank details, escompte, amounts) proves 2.2.2; recording
# the week's bank movement (its total and the entry) proves 2.2.3.
PROCEDURE, ENREGISTREMENT = "2.2.2", "2.2.3"
COMPETENCES = (PROCEDURE, ENREGISTREMENT)
SITUATION = "factures.#.situation"


def fautes_possibles(r: Reglements) -> list[str]:
    """The wrong methods that could change some value of this exercise, in the order tried."""
    fautes = [calc.ECHUE_NON_VUE, calc.FIN_DE_SEMAINE_OUBLIEE, calc.RIB_NON_CONTROLE]
    if r.niveau == 3:
        fautes += [calc.AVOIR_NON_DEDUIT, calc.ACOMPTE_NON_DEDUIT]
    if r.rang_escompte is not None:
        # The decision alone first: a decision wrong with every amount right is the gain.
        fautes += [calc.GAIN_TTC] if r.assujettie else []
        fautes += [calc.ESCOMPTE_SUR_TTC, calc.ESCOMPTE_SANS_TVA, calc.JOURS_DEPUIS_FACTURE]
        fautes += [calc.DECOUVERT_365, calc.COUT_SUR_TTC, calc.ARRONDI_TRONQUE]
    return fautes


class Reference:
    """The params' own results, for one answer: the right values by path (with their type and
    their path in the answer) and the exercise done with each wrong method, computed the first
    time a grader asks for it."""

    def __init__(self, r: Reglements):
        self.r = r
        self.valeurs = valeurs = calc.calcule(r)
        self.fautes = tuple(fautes_possibles(r))
        champs = tuple(path for path in valeurs if path != "ecriture")
        self.attendus = kit.champs_de_la_forme(champs, type_champ)
        self.monde = kit.Mondes(self._monde)

    def _monde(self, faute: str) -> dict[str, Any]:
        """The exercise done with this wrong method; of one that changes the situations alone
        (ECHUE_NON_VUE), only them: it is looked for nowhere else."""
        r = self.r
        if SIGNATURES[faute] == (SITUATION,):
            return {
                chemins[0]: calc.situation(r, f, faute)
                for f, chemins in zip(r.factures, calc.CHEMINS, strict=False)
            }
        return calc.calcule(r, faute=faute, avec_ecriture=False)


class Correction:
    """One answer being graded: the student's own values, the exercise redone from them, the
    method errors named so far (each once, in the order met)."""

    def __init__(self, ref: Reference, own: dict[str, Any]):
        self.ref, self.own = ref, own
        self.codes: list[str] = []
        valeurs = ref.valeurs
        # The few values other than the right ones, picked out first in one comprehension.
        autres = [(p, v) for p, v in own.items() if valeurs[p] != v]
        differe = any(_change_la_suite(p, valeurs[p], v) for p, v in autres)
        self.siennes = (self.depuis(None) or ref.valeurs) if differe else ref.valeurs

    def depuis(self, faute: str | None) -> dict[str, Any]:
        """The exercise from the student's own values (a hostile huge value computes nothing)."""
        try:
            return calc.calcule(self.ref.r, self.own, faute, avec_ecriture=faute is None)
        except ArithmeticError:
            return {}

    def nomme(self, code: str | None) -> str:
        """Keep the code once; the message that starts the field's verdict (empty for none)."""
        if code is None:
            return ""
        if code not in self.codes:
            self.codes.append(code)
        return MESSAGES[code] + " "

    def methode(self, path: str, valeur: Any) -> str | None:
        """The known wrong method behind a wrong value, among those that change this field."""
        fautes = _candidates(self.ref.fautes, pattern_of(path))
        return (
            fautes and kit.methode_fausse(fautes, self.ref.monde, self.depuis, path, valeur)
        ) or None

    def champ(self, path: str, field: Any, lu: Lu) -> ChampResult:
        """A value other than the right one (``corrige`` judges those at once): empty or the
        same amount written otherwise, carried forward from the student's values, or wrong with
        the method named."""
        attendu = self.ref.valeurs[path]
        if lu.valeur is None or field.same(attendu, lu.valeur):
            return verdict(path, field, attendu, lu)
        if lu.valeur == self.siennes.get(path, attendu):
            return kit.verdict_reporte(path, field, attendu, lu)
        explication = self.nomme(self.methode(path, lu.valeur))
        return verdict(
            path, field, attendu, lu, ko=f"{explication}Attendu : {field.display(attendu)}."
        )

    def compte(self, attendue: LigneEcriture, compte: str) -> str | None:
        """The method error behind a wrong account of the entry."""
        racine = account_root(compte)
        code = None
        if attendue.compte == calc.C_ESCOMPTE and racine[:3] in ("665", "609", "709"):
            code = calc.ESCOMPTE_OBTENU_CONFONDU
        elif attendue.compte == calc.C_TVA and racine.startswith("4457"):
            code = calc.TVA_COLLECTEE_CONFONDUE
        return self.nomme(code).strip() or None


_candidates = kit.candidates_par_motif(SIGNATURES)


def _change_la_suite(path: str, juste: Any, sienne: Any) -> bool:
    """Whether the student's value, not the right one, leads the later steps elsewhere: an
    overdue invoice said due this week is paid all the same, and the exercise redone from it
    is the reference (the run is not made for nothing)."""
    vu = calc.VU_DE_LA_SUITE.get(pattern_of(path))
    return vu is None or vu(sienne) != vu(juste)


def type_champ(path: str) -> Any:
    """The type of an answer field by its path (``factures.2.montant``…)."""
    return ANSWER_SCHEMA.champs[pattern_of(path)]


@lru_cache(maxsize=1024)  # the same few paths at every grade
def _competence(path: str) -> str:
    return ENREGISTREMENT if path.startswith("ecriture") or path == "total" else PROCEDURE


@lru_cache(maxsize=256)  # by the graded fields' names: a shape of answer, not an answer
def _champs_des_competences(noms: tuple[str, ...]) -> tuple[tuple[str, tuple[bool, ...], int], ...]:
    """Each competency the graded fields prove, in order: its code, which of the fields are
    its own (a mask over them), how many they are."""
    competences = []
    for code in COMPETENCES:
        masque = tuple(_competence(nom) == code for nom in noms)
        if any(masque):
            competences.append((code, masque, sum(masque)))
    return tuple(competences)


def _notes(champs: list[ChampResult]) -> list[tuple[str, Decimal]]:
    """``kit.notes_par_competence``, the fields of each competency found once per shape."""
    justes = list(map(_CORRECT, champs))
    return [
        (code, score_ratio(sum(compress(justes, masque)), n))
        for code, masque, n in _champs_des_competences(tuple(map(_NOM, champs)))
    ]


_NOM, _CORRECT = itemgetter(0), itemgetter(3)  # ChampResult.champ, ChampResult.correct


def corrige(ref: Reference, lecture: Lecture) -> Grade:
    """Grade one answer as read; never raises."""
    lus, own = kit.champs_lus(ref.attendus, lecture)
    c = Correction(ref, own)
    valeurs = ref.valeurs
    champs = [
        # The common case, right: its verdict built as the named tuple it is, with no call but
        # the expected value's writing (worked out only for the fields the answer gives).
        champ_result((path, field.canonical(valeurs[path]), lu.recu, True, "Juste."))
        if lu.valeur == valeurs[path]
        else c.champ(path, field, lu)
        for path, field, lu in lus
    ]
    propres = c.siennes.get("ecriture", ())
    champs += journal.juge("ecriture", ref.valeurs["ecriture"], lecture, propres, c.compte, c.nomme)
    champs += kit.illisibles(champs, lecture)
    nommes = [Diagnostic(code, MESSAGES[code]) for code in c.codes]
    competences = _notes(champs)
    return kit.grade_of(NAME, champs, nommes, competences)


def grade(params: dict[str, Any], lecture: Lecture) -> Grade:
    """Per-field verdicts, errors carried forward and diagnostics; never raises on the answer."""
    ref = Reference(lire_params(params))  # params come fresh from the database: no memo
    return corrige(ref, lecture)
