"""Grading of a ``frais_deplacement`` answer: per-field verdicts, errors carried forward, the
decision on each receipt named by its reason, the entry matched row by row, diagnostics."""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache
from itertools import compress
from operator import itemgetter, methodcaller
from typing import Any

from agora.exercise import journal
from agora.exercise.base import ChampResult, Diagnostic, Grade, champ_result, score_ratio
from agora.exercise.fields import Lu, verdict
from agora.exercise.grading import (
    Mondes,
    champs_lus,
    chemin,
    illisibles,
    justes,
    methode_fausse,
)
from agora.exercise.kinds.frais_deplacement import solve as calc
from agora.exercise.kinds.frais_deplacement.answer import ANSWER_SCHEMA
from agora.exercise.kinds.frais_deplacement.messages import MESSAGES, SIGNATURES
from agora.exercise.kinds.frais_deplacement.params import NAME, Note, lire_params
from agora.exercise.reading import Lecture, pattern_of

BUDGET, NOTE_DE_FRAIS = "3.2.2", "3.2.3"  # the travel order's budget; the expense report


def fautes_possibles(n: Note) -> list[str]:
    """The wrong methods that could change some value of this exercise, in the order tried."""
    return list(_fautes(n.niveau, n.tva_recuperable))


@lru_cache(maxsize=8)  # one list per level, with or without deductible VAT
def _fautes(niveau: int, tva_recuperable: bool) -> tuple[str, ...]:
    fautes = [calc.NUITS_COMPTEES_EN_JOURS, calc.IK_SANS_CUMUL, calc.IK_FORFAIT_SUR_LE_TRAJET]
    fautes += [calc.IK_DEJA_REMBOURSE_OUBLIE, *calc.MOTIFS.values(), calc.PLAFOND_IGNORE]
    if tva_recuperable and niveau > 1:
        fautes.append(calc.TVA_NON_DEDUCTIBLE_DEDUITE)
    if niveau > 1:
        fautes.append(calc.ECART_INVERSE)
    return (*fautes, calc.AVANCE_OUBLIEE, calc.ARRONDI_TRONQUE)


@lru_cache(maxsize=256)
def _candidates(motif: str, niveau: int, tva_recuperable: bool) -> tuple[str, ...]:
    """The wrong methods that change the answer fields of this pattern, in the order tried
    (the same for every variant of this level: found once, not at each wrong value)."""
    return tuple(f for f in _fautes(niveau, tva_recuperable) if motif in SIGNATURES[f])


class Reference:
    """What grading needs from the params alone: the answer's values, and the exercise done
    with each wrong method (on demand)."""

    def __init__(self, n: Note):
        self.n = n
        self.valeurs = calc.calcule(n)
        forme = _forme(tuple(self.valeurs))
        self.types, self.champs = forme.types, forme.champs
        self.monde = Mondes(lambda faute: calc.calcule(n, faute=faute, avec_ecriture=False))
        # A budget field done wrong needs only the budget, not the whole report (most often
        # the nights counted as days).
        self.budget = Mondes(lambda faute: calc.budget(n, faute))


class _Forme:
    """What the answer's list of paths alone gives (the same for every variant with as many
    receipts at this level): each path's type, and the fields to read (path, path walked,
    type). The entry's rows are judged apart."""

    def __init__(self, chemins: tuple[str, ...]):
        chemins = tuple(p for p in chemins if p != "ecriture")
        self.types = {p: ANSWER_SCHEMA.champs[pattern_of(p)] for p in chemins}
        self.champs = [(p, chemin(p), self.types[p]) for p in chemins]


@lru_cache(maxsize=256)
def _forme(chemins: tuple[str, ...]) -> _Forme:
    return _Forme(chemins)


def reference(params: Any) -> Reference:
    return Reference(lire_params(params))


def _note(codes: list[str], code: str | None) -> str:
    """Keep the code once; the message that starts the field's verdict (empty for none)."""
    if code is None:
        return ""
    if code not in codes:
        codes.append(code)
    return f"{MESSAGES[code]} "


def _code_decision(ref: Reference, path: str, choix: str) -> str | None:
    """The rule a wrong decision on a receipt breaks: its reason of refusal, or the ceiling."""
    j = ref.n.justificatifs[int(path.split(".")[1])]
    attendu = ref.valeurs[path]
    motif = calc.motif_refus(ref.n, j)
    if attendu == calc.REFUSE and motif:
        return calc.MOTIFS[motif]
    if attendu == calc.PLAFONNE and choix == calc.REMBOURSE:
        return calc.PLAFOND_IGNORE
    return None


def _cherche(ref: Reference, own: dict[str, Any], path: str, valeur: Any) -> str | None:
    """The known wrong method behind a wrong value: first the whole exercise done that way,
    then that way from the student's own earlier values."""
    candidates = _candidates(pattern_of(path), ref.n.niveau, ref.n.tva_recuperable)

    def depuis_les_siennes(faute: str) -> dict[str, Any]:
        return calc.calcule(ref.n, own, faute, avec_ecriture=False)

    monde = ref.budget if path in calc.CHAMPS_DU_BUDGET else ref.monde
    return methode_fausse(candidates, monde, depuis_les_siennes, path, valeur)


def _champ(ref: Reference, path: str, lu: Lu, ecf: dict, own: dict, codes: list[str]):
    """The verdict on a field not right: carried forward from the student's values, or wrong
    with the method error named when one explains it."""
    field, attendu = ref.types[path], ref.valeurs[path]
    if lu.valeur is None or field.same(attendu, lu.valeur):
        return verdict(path, field, attendu, lu)
    # A readable wrong value: its verdict built at once, as ``verdict`` writes it.
    canon, ecrit = field.canonical(attendu), field.display(attendu)
    if path.endswith(".decision"):
        code = _code_decision(ref, path, lu.valeur)
    elif lu.valeur == ecf.get(path):
        ko = f"{journal.REPORTE} Avec les bons résultats : {ecrit}."
        return champ_result((path, canon, lu.recu, True, ko))
    else:
        code = _cherche(ref, own, path, lu.valeur)
    return champ_result((path, canon, lu.recu, False, f"{_note(codes, code)}Attendu : {ecrit}."))


def _champs(ref: Reference, lecture: Lecture, codes: list[str]) -> tuple[list, dict]:
    """The verdicts on the answer's values, and the exercise computed from the student's own."""
    # Each row of the answer walked to once (``champs_lus``), not once per field.
    donnes, own = champs_lus(ref.champs, lecture)  # each path once (the keys of the values)
    valeurs = ref.valeurs
    # The common case first, right, without the call of a judge; the others (None here) once
    # the exercise is carried on from the values the student got wrong.
    verdicts = [
        champ_result((path, field.canonical(valeurs[path]), lu.recu, True, "Juste."))
        if lu.valeur == valeurs[path]
        else None
        for path, field, lu in donnes
    ]
    autres = [(i, donne) for i, donne in enumerate(donnes) if verdicts[i] is None]
    faux = [path for _, (path, _, lu) in autres if lu.valeur is not None]
    ecf = calc.reporte(ref.n, valeurs, own, faux)
    for i, (path, _, lu) in autres:
        verdicts[i] = _champ(ref, path, lu, ecf, own, codes)
    return verdicts, ecf


def _ecriture(ref: Reference, lecture: Lecture, ecf: dict, codes: list[str]) -> list:
    if "ecriture" not in ref.valeurs:
        return []  # level 1 asks no entry
    return journal.juge(
        "ecriture",
        ref.valeurs["ecriture"],
        lecture,
        ecf.get("ecriture", ()),
        note=lambda code: _note(codes, code),
    )


def _competences(champs: list[ChampResult], n_justes: int) -> list[tuple[str, Decimal]]:
    """Each competency scored on its own fields: the budget proves 3.2.2, the rest 3.2.3
    (``n_justes``: the right verdicts among all)."""
    # Split in one pass of C calls (a grade has some sixty verdicts).
    budget = list(compress(champs, map(_DU_BUDGET, map(_NOM, champs))))
    n_budget, justes_budget = len(budget), justes(budget)
    n_autres, justes_autres = len(champs) - n_budget, n_justes - justes_budget
    scores = []
    if n_budget:
        scores.append((BUDGET, score_ratio(justes_budget, n_budget)))
    if n_autres:
        scores.append((NOTE_DE_FRAIS, score_ratio(justes_autres, n_autres)))
    return scores


_NOM = itemgetter(0)  # ChampResult.champ
_DU_BUDGET = methodcaller("startswith", "budget.")


def corrige(ref: Reference, lecture: Lecture) -> Grade:
    """Grade one answer as read; never raises."""
    codes: list[str] = []
    champs, ecf = _champs(ref, lecture, codes)
    champs += _ecriture(ref, lecture, ecf, codes)
    champs += illisibles(champs, lecture)
    nommes = [Diagnostic(code, MESSAGES[code]) for code in codes]
    n_justes = justes(champs)
    score = score_ratio(n_justes, len(champs))
    return Grade(NAME, score, champs, nommes, _competences(champs, n_justes))


def grade(params: dict[str, Any], lecture: Lecture) -> Grade:
    """Per-field verdicts, errors carried forward and diagnostics; never raises on the answer."""
    return corrige(reference(params), lecture)
