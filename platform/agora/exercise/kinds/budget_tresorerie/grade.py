"""Grading of a cash budget as read: a verdict per field, errors carried forward (a total, a
net or a balance right from the student's own earlier values earns its point), named wrong
methods."""

from __future__ import annotations

from decimal import DecimalException
from functools import lru_cache
from typing import Any

from agora.exercise.base import ChampResult, Grade, champ_result
from agora.exercise.fields import MONTANT, Field, Lu, verdict
from agora.exercise.grading import REPORTE, grade_final, methode_fausse, une_competence
from agora.exercise.kinds.budget_tresorerie.answer import REMEDE, type_champ
from agora.exercise.kinds.budget_tresorerie.messages import (
    MESSAGES,
    fautes_par_champ,
    signature,
)
from agora.exercise.kinds.budget_tresorerie.params import NAME, Budget, lire_params
from agora.exercise.kinds.budget_tresorerie.solve import CHEMINS, LIGNE_FAUSSE, LIGNES, calcule
from agora.exercise.reading import Lecture
from agora.money import euros

COMPETENCE = "2.2.5"  # every field: the cash budget and its reading


class Reference:
    """What grading needs from the params alone: the budget done right, the fields of each
    month, and (on demand) the budget done each wrong way."""

    def __init__(self, b: Budget):
        self.b = b
        juste = calcule(b)
        self.valeurs = juste.valeurs
        self.lignes = juste.lignes
        self.par_mois = _par_mois(tuple(self.valeurs), b.n)
        self.fautes = fautes_par_champ(b)
        self._mondes: dict[str, dict[str, Any]] = {}

    def monde(self, faute: str) -> dict[str, Any]:
        """The budget done with this wrong method (computed the first time asked): of a wrong
        method of a row, only that row (the one field it is looked for in); of the others,
        the whole budget from the right rows."""
        if faute not in self._mondes:
            ligne = LIGNE_FAUSSE.get(faute)
            if ligne is None:
                self._mondes[faute] = calcule(self.b, faute=faute, lignes=self.lignes).valeurs
            else:
                fausse = LIGNES[ligne](self.b, faute)
                self._mondes[faute] = {CHEMINS[j][ligne]: v for j, v in enumerate(fausse)}
        return self._mondes[faute]

    def depuis(self, own: dict[str, Any], faute: str | None = None) -> dict[str, Any]:
        """The budget carried on from the student's own values ({} if they are absurdly
        large), with this wrong method. A wrong method of a row gives {}: from the student's
        values the rows are theirs, so it computes no row, the one field it is looked for in."""
        if faute in LIGNE_FAUSSE:
            return {}
        try:
            return calcule(self.b, own, faute, self.lignes).valeurs
        except (DecimalException, OverflowError):
            return {}


@lru_cache(maxsize=256)
def _par_mois(paths: tuple[str, ...], n: int) -> list[list[tuple[str, str, Field]]]:
    """The fields of each month (path, name in the month's row, type), to walk the rows once;
    found once per shape of budget (its paths: months and rows), whatever its amounts."""
    par_mois: list[list[tuple[str, str, Field]]] = [[] for _ in range(n)]
    for path in paths:
        parcours = path.split(".")
        if len(parcours) == 3:
            par_mois[int(parcours[1])].append((path, parcours[2], type_champ(path)))
    return par_mois


def reference(params: dict[str, Any]) -> Reference:
    """The Reference of these params (built at each grade: params come fresh from the
    database, a memo by params object would never hit)."""
    return Reference(lire_params(params))


def _lus(ref: Reference, lecture: Lecture) -> tuple[list[tuple[str, Field, Lu]], dict, bool]:
    """The expected fields the answer gives, as read; the student's typed values by path
    (``grading.champs_lus`` for this answer's one shape: a row per month, and the remedy);
    and whether one of those values differs from the reference (told as each is read, not
    by a second pass over them)."""
    donnes: list[tuple[str, Field, Lu]] = []
    siens: dict[str, Any] = {}
    differe = False
    valeurs = ref.valeurs
    arbre = lecture.arbre
    lignes = arbre.get("mois") if isinstance(arbre, dict) else None
    if isinstance(lignes, list):
        for rangee, champs in zip(lignes, ref.par_mois, strict=False):
            if not isinstance(rangee, dict):
                continue
            for path, nom, field in champs:
                lu = rangee.get(nom)  # a month's row as read holds a Lu for each field it gives
                if lu is not None:
                    donnes.append((path, field, lu))
                    valeur = lu.valeur
                    if valeur is not None:
                        siens[path] = valeur
                        differe = differe or valeur != valeurs[path]
    lu = arbre.get("remede") if isinstance(arbre, dict) else None
    if isinstance(lu, Lu):
        donnes.append(("remede", REMEDE, lu))
        if lu.valeur is not None:
            siens["remede"] = lu.valeur
            differe = differe or lu.valeur != valeurs["remede"]
    return donnes, siens, differe


def _ecrit(field: Field, attendu: Any) -> str:
    """``field.canonical(attendu)``, read off its str when that is already the contract's
    writing: a choice's code, an amount to the cent (« 1234.50 », as every amount of a budget
    is, read to the cent and only added up); ``canonical`` rounds it again, four times dearer,
    on every field of a grade."""
    if type(attendu) is str:
        return attendu
    texte = str(attendu)
    return texte if texte[-3:-2] == "." else field.canonical(attendu)


def _montre(field: Field, attendu: Any, texte: str) -> str:
    """``field.display(attendu)``; of an amount, its French writing found from its contract
    writing ``texte``: ``euros`` keeps the amounts it has written, and a text is found among
    them far cheaper than a Decimal (hashed anew each time, a grade's dearest call)."""
    return euros(texte) if field is MONTANT else field.display(attendu)


def grade(params: dict[str, Any], lecture: Lecture) -> Grade:
    """Per-field verdicts, errors carried forward and diagnostics; never raises on the answer."""
    ref = reference(params)
    lus, own, faux = _lus(ref, lecture)
    suite = ref.depuis(own) if faux else ref.valeurs
    siens: dict[str, dict[str, Any]] = {}

    def depuis_siens(faute: str) -> dict[str, Any]:
        if faute not in siens:
            siens[faute] = ref.depuis(own, faute)
        return siens[faute]

    codes: list[str] = []
    champs: list[ChampResult] = []
    valeurs, ajoute = ref.valeurs, champs.append
    for path, field, lu in lus:
        attendu, valeur = valeurs[path], lu.valeur
        if valeur is None:  # left empty, or unreadable: said so
            ajoute(verdict(path, field, attendu, lu))
            continue
        # Any other verdict built at once, from the expected value's writing and what was
        # typed, each found once (``verdict_nomme`` would compare the value again, and write
        # the expected amount twice more, through ``euros``' cache keyed by a Decimal).
        texte = str(attendu)  # the contract's writing of an amount to the cent, at once
        if texte[-3:-2] != ".":  # not such an amount (a choice's code…): as _ecrit writes it
            texte = _ecrit(field, attendu)
        recu = lu.brut if type(lu.brut) is str else lu.recu  # ``lu.recu``, at once for a text
        if valeur == attendu:
            ajoute(champ_result((path, texte, recu, True, "Juste.")))
        elif suite.get(path) == valeur:  # right from the student's own earlier values
            reporte = f"{REPORTE}Avec les bons résultats : {_montre(field, attendu, texte)}."
            ajoute(champ_result((path, texte, recu, True, reporte)))
        else:
            candidates = ref.fautes.get(signature(path), [])
            code = methode_fausse(candidates, ref.monde, depuis_siens, path, valeur)
            if code and code not in codes:
                codes.append(code)
            ko = f"Attendu : {_montre(field, attendu, texte)}."
            ajoute(
                champ_result((path, texte, recu, False, f"{MESSAGES[code]} {ko}" if code else ko))
            )
    return grade_final(NAME, champs, lecture, codes, MESSAGES, une_competence(COMPETENCE))
