"""Grading of paid leave as read: a verdict per field, errors carried forward, named methods."""

from __future__ import annotations

from functools import cached_property, partial
from typing import Any

from agora.exercise.base import ChampResult, Grade, score_ratio
from agora.exercise.etapes import depuis_siens
from agora.exercise.fields import Field, verdict
from agora.exercise.grading import (
    candidates_par_motif,
    champs_de_la_forme,
    champs_lus,
    notes_par_competence,
)
from agora.exercise.kinds.conges_payes.answer import ANSWER_SCHEMA
from agora.exercise.kinds.conges_payes.fautes import FAUTES, MESSAGES, SIGNATURES
from agora.exercise.kinds.conges_payes.params import NAME, Conges, lire_params
from agora.exercise.kinds.conges_payes.solve import Calcul, avec_faute, calcule
from agora.exercise.nommes import Nommes
from agora.exercise.reading import Lecture, sans_index

# 3.2.1 (planning presence and leave) is proved by each employee's row; 3.2.4 (the elements of
# the payslip) by the leave pay.
PLANNING, PAIE = "3.2.1", "3.2.4"
REPORTE = "Juste à partir de vos résultats précédents (erreur reportée) : point accordé. "


class Reference:
    """What grading needs from the params alone, computed once per variant: the exercise, its
    values, each field's path and type, and the exercise done with each wrong method (lazily,
    only as far as the fields that method changes)."""

    def __init__(self, c: Conges):
        self.c = c
        self.calcul = calcule(c)
        self.champs = champs_de_la_forme(tuple(self.calcul.out), ANSWER_SCHEMA.type_of)
        self.canon = {p: t.canonical(self.calcul.out[p]) for p, _, t in self.champs}
        self.fautes = FAUTES[c.decompte]
        self._avec_faute: dict[str, dict[str, Any]] = {}

    def avec_faute(self, faute: str) -> dict[str, Any]:
        """The values of the fields this wrong method changes (``SIGNATURES``; others may be
        missing) in the exercise done that way, computed when first asked."""
        if faute not in self._avec_faute:
            self._avec_faute[faute] = avec_faute(self.c, faute)
        return self._avec_faute[faute]


def reference(params: Any) -> Reference:
    return Reference(lire_params(params))


class Cause:
    """Finds the named wrong method behind a wrong value: the whole exercise done that way
    first, then that way from the student's own earlier values."""

    def __init__(self, ref: Reference, own: dict[str, Any]):
        self.ref, self.own = ref, own
        self._propres: dict[str, Calcul | None] = {}

    def _propre(self, faute: str) -> Calcul | None:
        if faute not in self._propres:
            seulement = partial(calcule, rubriques=SIGNATURES[faute])
            self._propres[faute] = depuis_siens(seulement, self.ref.c, self.own, faute)
        return self._propres[faute]

    @cached_property
    def _siens(self) -> dict[str, list[tuple[str, Any]]]:
        """The student's values by kind of field (``salaries.acquis``): (path, value)."""
        siens: dict[str, list[tuple[str, Any]]] = {}
        for path, valeur in self.own.items():
            siens.setdefault(sans_index(path), []).append((path, valeur))
        return siens

    def _accord(self, rubrique: str, monde: dict[str, Any]) -> int:
        """How many of the student's values of this kind of field the wrong method gives."""
        return sum(1 for path, valeur in self._siens[rubrique] if monde.get(path) == valeur)

    def de(self, path: str, t: Field, valeur: Any) -> str | None:
        rubrique = sans_index(path)
        candidates = _candidates(self.ref.fautes, rubrique)
        mondes = [
            (faute, monde)
            for faute in candidates
            if path in (monde := self.ref.avec_faute(faute)) and t.same(monde[path], valeur)
        ]
        if len(mondes) == 1:
            return mondes[0][0]
        if mondes:  # several wrong methods give this value: the one the other answers follow
            return max(mondes, key=lambda fm: self._accord(rubrique, fm[1]))[0]
        for faute in candidates:
            propre = self._propre(faute)
            if propre and path in propre.out and t.same(propre.out[path], valeur):
                return faute
        return None


# The wrong methods that may change a field of this motif (a shape: found once each).
_candidates = candidates_par_motif(SIGNATURES)


def corrige(ref: Reference, lecture: Lecture) -> Grade:
    """Grade one answer as read; never raises."""
    lus, own = champs_lus(ref.champs, lecture)
    juste, attendus = ref.calcul, ref.calcul.out
    # ``same`` is == for this kind's types: the common right value needs no call.
    bons = {
        p
        for p, t, lu in lus
        if (v := lu.valeur) is not None and (v == attendus[p] or juste.accepte(t, p, v))
    }
    faux = len(bons) < len(own)
    suite = (depuis_siens(calcule, ref.c, own) if faux else None) or juste
    cause = Cause(ref, own)
    champs = [
        ChampResult(n, None, None, False, m)
        for n, m in lecture.erreurs.items()
        if n not in ref.canon
    ]
    nommes = Nommes(MESSAGES.__getitem__)
    for path, t, lu in lus:
        attendu = attendus[path]
        if lu.valeur is None:
            champs.append(verdict(path, t, attendu, lu))
        elif path in bons:
            champs.append(ChampResult(path, ref.canon[path], lu.recu, True, "Juste."))
        # Not among ``bons``: the value is not the right one, its verdict is built at once.
        elif suite.accepte(t, path, lu.valeur):
            ko = f"{REPORTE}Avec les bons résultats : {t.display(attendu)}."
            champs.append(ChampResult(path, ref.canon[path], lu.recu, True, ko))
        else:
            ko = nommes.devant(cause.de(path, t, lu.valeur), f"Attendu : {t.display(attendu)}.")
            champs.append(ChampResult(path, ref.canon[path], lu.recu, False, ko))
    return Grade(
        NAME,
        score_ratio(sum(c.correct for c in champs), len(champs)),
        champs,
        nommes.diagnostics(),
        notes_par_competence(champs, _competence, (PLANNING, PAIE)),
    )


def _competence(path: str) -> str:
    """3.2.4 for the leave pay's fields, 3.2.1 for the rest (each employee's leave)."""
    return PAIE if path.startswith("indemnite.") else PLANNING


def grade(params: dict[str, Any], lecture: Lecture) -> Grade:
    """Per-field verdicts, errors carried forward and diagnostics; never raises on the answer."""
    return corrige(reference(params), lecture)
