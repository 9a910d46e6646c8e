"""Grading of a cash budget as read: a verdict per field, errors carried forward (a total, a
net or a balance right from the student's own earlier values earns its point), named wrong
methods."""

from __future__ import annotations

from decimal import DecimalException
from typing import Any

from agora.exercise.base import ChampResult, Diagnostic, Grade, score_ratio
from agora.exercise.fields import verdict
from agora.exercise.grading import (
    MemoParams,
    champs_lus,
    chemin,
    illisibles,
    methode_fausse,
    verdict_nomme,
    verdict_reporte,
)
from agora.exercise.kinds.budget_tresorerie.answer import type_champ
from agora.exercise.kinds.budget_tresorerie.messages import (
    MESSAGES,
    SIGNATURES,
    fautes_possibles,
    signature,
)
from agora.exercise.kinds.budget_tresorerie.params import NAME, Budget, lire_params
from agora.exercise.kinds.budget_tresorerie.solve import calcule
from agora.exercise.reading import Lecture

COMPETENCE = "2.2.5"  # every field: the cash budget and its reading


class Reference:
    """What grading needs from the params alone, once per variant: the budget done right, each
    field with its path and type, and (on demand) the budget done each wrong way."""

    def __init__(self, b: Budget):
        self.b = b
        self.valeurs = calcule(b).valeurs
        self.champs = [(path, chemin(path), type_champ(path)) for path in self.valeurs]
        self.canon = {path: f.canonical(self.valeurs[path]) for path, _, f in self.champs}
        self.fautes = fautes_possibles(b)
        self._mondes: dict[str, dict[str, Any]] = {}

    def monde(self, faute: str) -> dict[str, Any]:
        if faute not in self._mondes:
            self._mondes[faute] = calcule(self.b, faute=faute).valeurs
        return self._mondes[faute]


_MEMO = MemoParams()


def reference(params: Any) -> Reference:
    """What these params give (a class grades the same params object many times)."""
    return _MEMO.obtenir(params, lambda p: Reference(lire_params(p)))


def _depuis(b: Budget, own: dict[str, Any], faute: str | None = None) -> dict[str, Any]:
    """The budget carried on from the student's own values ({} if they are absurdly large)."""
    try:
        return calcule(b, own, faute).valeurs
    except (DecimalException, OverflowError):
        return {}


def grade(params: dict[str, Any], lecture: Lecture) -> Grade:
    """Per-field verdicts, errors carried forward and diagnostics; never raises on the answer."""
    ref = reference(params)
    lus, own = champs_lus(ref.champs, lecture)
    faux = any(ref.valeurs[p] != v for p, v in own.items())
    suite = _depuis(ref.b, own) if faux else ref.valeurs
    siens: dict[str, dict[str, Any]] = {}

    def depuis_siens(faute: str) -> dict[str, Any]:
        if faute not in siens:
            siens[faute] = _depuis(ref.b, own, faute)
        return siens[faute]

    codes: list[str] = []
    champs: list[ChampResult] = []
    for path, field, lu in lus:
        attendu, valeur = ref.valeurs[path], lu.valeur
        if valeur == attendu:
            champs.append(ChampResult(path, ref.canon[path], lu.recu, True, "Juste."))
        elif valeur is None:
            champs.append(verdict(path, field, attendu, lu))
        elif suite.get(path) == valeur:
            champs.append(verdict_reporte(path, field, attendu, lu))
        else:
            nom = signature(path)
            candidates = [f for f in ref.fautes if SIGNATURES[f] == nom]
            code = methode_fausse(candidates, ref.monde, depuis_siens, path, valeur)
            if code and code not in codes:
                codes.append(code)
            champs.append(verdict_nomme(path, field, attendu, lu, MESSAGES.get(code or "")))
    champs += illisibles(champs, lecture)
    score = score_ratio(sum(c.correct for c in champs), len(champs))
    competences = [(COMPETENCE, score)] if champs else []
    return Grade(NAME, score, champs, [Diagnostic(c, MESSAGES[c]) for c in codes], competences)
