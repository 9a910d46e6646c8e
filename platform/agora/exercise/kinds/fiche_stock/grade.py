"""Grading of a stock card as read: a verdict per field, errors carried forward, named methods."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from agora.exercise.base import ChampResult, Grade, score_ratio
from agora.exercise.etapes import depuis_siens
from agora.exercise.fields import Field, verdict
from agora.exercise.grading import champs_de_la_forme, champs_lus, justes, verdict_reporte
from agora.exercise.kinds.fiche_stock.answer import type_champ
from agora.exercise.kinds.fiche_stock.messages import FAUTES, MESSAGES, SIGNATURES
from agora.exercise.kinds.fiche_stock.params import NAME, Fiche, lire_params
from agora.exercise.kinds.fiche_stock.solve import Calcul, calcule
from agora.exercise.nommes import Nommes
from agora.exercise.reading import Lecture, pattern_of

# 2.3.1 (supplies: when and how much to order) is proved by the reorder fields; every other
# field (valuation, stock card, stock-taking) proves 2.1.1.
APPRO = "2.3.1"


class Attendu:
    """What grading needs from the params alone: the card, its values, each field with its
    type, and the card done with each wrong method (on demand)."""

    def __init__(self, fiche: Fiche):
        self.fiche = fiche
        self.calcul = calcule(fiche)
        self.champs = champs_de_la_forme(tuple(self.calcul.valeurs), type_champ)
        self.fautes = FAUTES[fiche.methode]
        self._mondes: dict[str, dict[str, Any]] = {}

    def monde(self, faute: str) -> dict[str, Any]:
        """The card done with this wrong method, computed the first time it is asked for."""
        monde = self._mondes.get(faute)
        if monde is None:
            monde = self._mondes[faute] = calcule(self.fiche, faute=faute).valeurs
        return monde


def attendu(params: dict[str, Any]) -> Attendu:
    """The Attendu of these params (built at each grade: params come fresh from the
    database, a memo by params object would never hit)."""
    return Attendu(lire_params(params))


def _juste(field: Field, calcul: Calcul, path: str, valeur: Any) -> bool:
    """The value is the field's, or the other rounding the contract accepts for it."""
    autre = calcul.autres.get(path)
    return field.same(calcul.valeurs[path], valeur) or (
        autre is not None and field.same(autre, valeur)
    )


class Enquete:
    """Looks for the named wrong method behind a wrong value (the whole card done that way
    first, then that way from the student's own earlier values)."""

    def __init__(self, a: Attendu, own: dict[str, Any]):
        self.a, self.own = a, own
        self._siens: dict[str, Calcul | None] = {}

    def cause(self, path: str, field: Field, valeur: Any) -> str | None:
        noeud = pattern_of(path).replace(".#", "")
        candidates = [f for f in self.a.fautes if noeud in SIGNATURES[f]]
        for faute in candidates:
            if path in self.a.monde(faute) and field.same(self.a.monde(faute)[path], valeur):
                return faute
        for faute in candidates:
            if faute not in self._siens:
                self._siens[faute] = depuis_siens(calcule, self.a.fiche, self.own, faute)
            sien = self._siens[faute]
            if sien and path in sien.valeurs and field.same(sien.valeurs[path], valeur):
                return faute
        return None


def corrige(a: Attendu, lecture: Lecture) -> Grade:
    """Grade one answer as read; never raises."""
    lus, own = champs_lus(a.champs, lecture)
    # Each value read judged once: whether any is wrong decides the carried-forward run. The
    # value itself first (these types' ``same`` is equality): most are right, with no call.
    valeurs = a.calcul.valeurs
    exacts = [
        lu.valeur is not None and (lu.valeur == valeurs[p] or _juste(f, a.calcul, p, lu.valeur))
        for p, f, lu in lus
    ]
    faux = any(lu.valeur is not None and not ok for (_, _, lu), ok in zip(lus, exacts, strict=True))
    suite = (depuis_siens(calcule, a.fiche, own) if faux else None) or a.calcul
    enquete = Enquete(a, own)
    champs = [
        ChampResult(n, None, None, False, m) for n, m in lecture.erreurs.items() if not _connu(n, a)
    ]
    nommes = Nommes(MESSAGES.__getitem__)
    for (path, field, lu), exact in zip(lus, exacts, strict=True):
        if lu.valeur is None:
            champs.append(verdict(path, field, valeurs[path], lu))
        elif exact:
            canon = field.canonical(valeurs[path])
            champs.append(ChampResult(path, canon, lu.recu, True, "Juste."))
        elif _juste(field, suite, path, lu.valeur):
            champs.append(verdict_reporte(path, field, valeurs[path], lu))
        else:
            champs.append(_nomme(path, field, lu, a, enquete, nommes))
    diagnostics = nommes.diagnostics()
    score = score_ratio(justes(champs), len(champs))
    return Grade(NAME, score, champs, diagnostics, _competences(champs))


def _connu(nom: str, a: Attendu) -> bool:
    return nom in a.calcul.valeurs


def _nomme(
    path: str, field: Field, lu: Any, a: Attendu, enquete: Enquete, nommes: Nommes
) -> ChampResult:
    """A wrong value, with the wrong method that explains it when one does."""
    attendu_ = a.calcul.valeurs[path]
    code = enquete.cause(path, field, lu.valeur)
    ko = nommes.devant(code, f"Attendu : {field.display(attendu_)}.")
    return verdict(path, field, attendu_, lu, ko=ko)


def _competences(champs: list[ChampResult]) -> list[tuple[str, Decimal]]:
    """2.1.1 then 2.3.1, each scored on its own fields; absent when none of them was graded."""
    stock: list[bool] = []
    appro: list[bool] = []
    for c in champs:
        (appro if c.champ.startswith("appro.") else stock).append(c.correct)
    notes = (("2.1.1", stock), (APPRO, appro))
    return [(code, score_ratio(sum(n), len(n))) for code, n in notes if n]


def grade(params: dict[str, Any], lecture: Lecture) -> Grade:
    """Per-field verdicts, error carried forward and diagnostics; never raises on the answer."""
    return corrige(attendu(params), lecture)
