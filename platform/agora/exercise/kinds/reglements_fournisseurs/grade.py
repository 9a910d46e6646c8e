"""Grading of a ``reglements_fournisseurs`` answer: per-field verdicts, errors carried forward
from the student's own values, the wrong method named, the entry matched row by row."""

from __future__ import annotations

from typing import Any

from agora.exercise import journal
from agora.exercise.base import ChampResult, Diagnostic, Grade
from agora.exercise.fields import Lu, account_root, verdict
from agora.exercise.grading import (
    MemoParams,
    Mondes,
    champs_lus,
    chemin,
    grade_of,
    illisibles,
    methode_fausse,
    notes_par_competence,
    verdict_reporte,
)
from agora.exercise.journal import LigneEcriture
from agora.exercise.kinds.reglements_fournisseurs import solve as calc
from agora.exercise.kinds.reglements_fournisseurs.answer import ANSWER_SCHEMA
from agora.exercise.kinds.reglements_fournisseurs.messages import MESSAGES, SIGNATURES
from agora.exercise.kinds.reglements_fournisseurs.params import NAME, Reglements, lire_params
from agora.exercise.reading import Lecture, pattern_of

# The payment procedure (schedule, bank details, escompte, amounts) proves 2.2.2; recording
# the week's bank movement (its total and the entry) proves 2.2.3.
PROCEDURE, ENREGISTREMENT = "2.2.2", "2.2.3"


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
    """What grading needs from the params alone: the answer's values, their types and
    writing, and the exercise done with each wrong method (on demand)."""

    def __init__(self, r: Reglements):
        self.r = r
        self.valeurs = calc.calcule(r)
        self.fautes = fautes_possibles(r)
        self.chemins = [p for p in self.valeurs if p != "ecriture"]
        self.types = {p: ANSWER_SCHEMA.champs[pattern_of(p)] for p in self.chemins}
        # Each field's path walked in the answer and its type, found once.
        self.attendus = [(p, chemin(p), self.types[p]) for p in self.chemins]
        self.canon = {p: self.types[p].canonical(self.valeurs[p]) for p in self.chemins}
        self.monde = Mondes(lambda faute: calc.calcule(r, faute=faute))


_MEMO = MemoParams()


def reference(params: Any) -> Reference:
    """The Reference of these params (a class grades the same params object many times)."""
    return _MEMO.obtenir(params, lambda p: Reference(lire_params(p)))


def _note(codes: list[str], code: str | None) -> str:
    """Keep the code once; the message that starts the field's verdict (empty for none)."""
    if code is None:
        return ""
    if code not in codes:
        codes.append(code)
    return f"{MESSAGES[code]} "


def _depuis(ref: Reference, own: dict[str, Any], faute: str | None = None) -> dict[str, Any]:
    """The exercise from the student's own values (a hostile huge value computes nothing)."""
    try:
        return calc.calcule(ref.r, own, faute)
    except ArithmeticError:
        return {}


def _cherche(ref: Reference, own: dict[str, Any], path: str, valeur: Any) -> str | None:
    """The known wrong method behind a wrong value."""
    motif = pattern_of(path)
    candidates = [f for f in ref.fautes if motif in SIGNATURES[f]]
    if not candidates:
        return None
    return methode_fausse(
        candidates, ref.monde, lambda faute: _depuis(ref, own, faute), path, valeur
    )


def _champ(ref: Reference, path: str, lu: Lu, ecf: dict, own: dict, codes: list[str]):
    """Right, carried forward from the student's values, or wrong with the method named."""
    field, attendu = ref.types[path], ref.valeurs[path]
    if lu.valeur == attendu:
        return ChampResult(path, ref.canon[path], lu.recu, True, "Juste.")
    if lu.valeur is None or field.same(attendu, lu.valeur):
        return verdict(path, field, attendu, lu)
    if path in ecf and lu.valeur == ecf[path]:
        return verdict_reporte(path, field, attendu, lu)
    methode = _note(codes, _cherche(ref, own, path, lu.valeur))
    return verdict(path, field, attendu, lu, ko=f"{methode}Attendu : {field.display(attendu)}.")


def _champs(ref: Reference, lecture: Lecture, codes: list[str]) -> tuple[list, dict]:
    """The verdicts on the answer's values, and the exercise computed from the student's own."""
    lus, own = champs_lus(ref.attendus, lecture)
    differe = any(ref.valeurs[p] != v for p, v in own.items())
    ecf = (_depuis(ref, own) or ref.valeurs) if differe else ref.valeurs
    return [_champ(ref, path, lu, ecf, own, codes) for path, _, lu in lus], ecf


def _message_compte(codes: list[str]):
    """The method error behind a wrong account of the entry."""

    def message(attendue: LigneEcriture, compte: str) -> str | None:
        racine = account_root(compte)
        code = None
        if attendue.compte == calc.C_ESCOMPTE and racine[:3] in ("665", "609", "709"):
            code = calc.ESCOMPTE_OBTENU_CONFONDU
        elif attendue.compte == calc.C_TVA and racine.startswith("4457"):
            code = calc.TVA_COLLECTEE_CONFONDUE
        return _note(codes, code).strip() or None

    return message


def _ecriture(ref: Reference, lecture: Lecture, ecf: dict, codes: list[str]) -> list:
    return journal.juge(
        "ecriture",
        ref.valeurs["ecriture"],
        lecture,
        ecf.get("ecriture", ()),
        _message_compte(codes),
        note=lambda code: _note(codes, code),
    )


def _competence(path: str) -> str:
    return ENREGISTREMENT if path.startswith("ecriture") or path == "total" else PROCEDURE


def corrige(ref: Reference, lecture: Lecture) -> Grade:
    """Grade one answer as read; never raises."""
    codes: list[str] = []
    champs, ecf = _champs(ref, lecture, codes)
    champs += _ecriture(ref, lecture, ecf, codes)
    champs += illisibles(champs, lecture)
    nommes = [Diagnostic(code, MESSAGES[code]) for code in codes]
    competences = notes_par_competence(champs, _competence, (PROCEDURE, ENREGISTREMENT))
    return grade_of(NAME, champs, nommes, competences)


def grade(params: dict[str, Any], lecture: Lecture) -> Grade:
    """Per-field verdicts, errors carried forward and diagnostics; never raises on the answer."""
    return corrige(reference(params), lecture)
