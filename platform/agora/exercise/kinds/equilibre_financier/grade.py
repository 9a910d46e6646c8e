"""Grading of a functional analysis as read: a verdict per field, errors carried forward (a
value right from the student's own earlier values earns its point), named wrong methods."""

from __future__ import annotations

from typing import Any

from agora.exercise.base import ChampResult, Grade, champ_result, score_ratio
from agora.exercise.etapes import depuis_siens
from agora.exercise.fields import Field, Lu, verdict
from agora.exercise.grading import (
    Mondes,
    champs_de_la_forme,
    champs_lus,
    justes,
    verdict_reporte,
)
from agora.exercise.kinds.equilibre_financier.answer import type_champ
from agora.exercise.kinds.equilibre_financier.messages import FAUTES, MESSAGES, SIGNATURES
from agora.exercise.kinds.equilibre_financier.params import NAME, Bilan, lire_params
from agora.exercise.kinds.equilibre_financier.solve import Calcul, calcule
from agora.exercise.nommes import Nommes
from agora.exercise.reading import Lecture, sans_index

COMPETENCE = "2.2.6"  # every field: reporting on the organisation's financial balance


class Reference:
    """What grading needs from the params alone: the analysis done right, each field with its
    path and type, and (on demand) the analysis done each wrong way."""

    def __init__(self, bilan: Bilan):
        self.bilan = bilan
        self.juste = calcule(bilan)
        self.champs = champs_de_la_forme(tuple(self.juste.valeurs), type_champ)
        self.fautes = FAUTES[bilan.presentation]
        # The whole analysis done with a wrong method (computed the first time asked).
        self.faux = Mondes(lambda faute: calcule(bilan, faute=faute))


def reference(params: dict[str, Any]) -> Reference:
    """The Reference of these params (built at each grade: params come fresh from the
    database, a memo by params object would never hit)."""
    return Reference(lire_params(params))


def _vaut(field: Field, calcul: Calcul | None, path: str, valeur: Any) -> bool:
    """The value is the one this calculation gives the field (or its other accepted writing)."""
    if calcul is None or calcul.valeurs.get(path) is None:
        return False
    autre = calcul.autres.get(path)
    return field.same(calcul.valeurs[path], valeur) or (
        autre is not None and field.same(autre, valeur)
    )


class Copie:
    """One answer being graded: the fields read, the student's values, the analysis carried on
    from them, and the named wrong methods found so far."""

    def __init__(self, ref: Reference, lecture: Lecture):
        self.ref = ref
        self.lus, self.own = champs_lus(ref.champs, lecture)
        self.nommes = Nommes(MESSAGES.__getitem__)
        self._siens: dict[str | None, Calcul | None] = {}  # None: no wrong method, own values

    @property
    def suite(self) -> Calcul | None:
        """The analysis carried on from the student's values (done once, when a value is wrong)."""
        if None not in self._siens:
            self._siens[None] = depuis_siens(calcule, self.ref.bilan, self.own)
        return self._siens[None]

    def juge(self, path: str, field: Field, lu: Lu) -> ChampResult:
        attendu, valeur = self.ref.juste.valeurs[path], lu.valeur
        if valeur is None:
            return verdict(path, field, attendu, lu)
        if valeur == attendu or _vaut(field, self.ref.juste, path, valeur):  # or its other writing
            return champ_result((path, field.canonical(attendu), lu.recu, True, "Juste."))
        if _vaut(field, self.suite, path, lu.valeur):
            return verdict_reporte(path, field, attendu, lu)
        code = self.cause(path, field, lu.valeur)
        if code is None:
            return verdict(path, field, attendu, lu)
        ko = self.nommes.devant(code, f"Attendu : {field.display(attendu)}.")
        return verdict(path, field, attendu, lu, ko=ko)

    def cause(self, path: str, field: Field, valeur: Any) -> str | None:
        """The named wrong method that gives this value: done all the way that way first, then
        that way from the student's own earlier values."""
        noeud = sans_index(path)
        candidates = [f for f in self.ref.fautes if noeud in SIGNATURES[f]]
        for faute in candidates:
            if _vaut(field, self.ref.faux(faute), path, valeur):
                return faute
        for faute in candidates:
            if faute not in self._siens:
                self._siens[faute] = depuis_siens(calcule, self.ref.bilan, self.own, faute)
            if _vaut(field, self._siens[faute], path, valeur):
                return faute
        return None


def grade(params: dict[str, Any], lecture: Lecture) -> Grade:
    """Per-field verdicts, errors carried forward and diagnostics; never raises on the answer."""
    ref = reference(params)
    copie = Copie(ref, lecture)
    attendus = ref.juste.valeurs
    champs = [
        ChampResult(nom, None, None, False, message)
        for nom, message in lecture.erreurs.items()
        if nom not in attendus
    ]
    for path, field, lu in copie.lus:
        attendu = attendus[path]
        if lu.valeur == attendu and attendu is not None:  # most fields: judged right here
            brut = lu.brut  # what was typed: a text, most often, reported as it is (Lu.recu)
            recu = brut if type(brut) is str else lu.recu
            champs.append(champ_result((path, field.canonical(attendu), recu, True, "Juste.")))
        else:
            champs.append(copie.juge(path, field, lu))
    score = score_ratio(justes(champs), len(champs))
    competences = [(COMPETENCE, score)] if champs else []
    diagnostics = copie.nommes.diagnostics()
    return Grade(NAME, score, champs, diagnostics, competences)
