"""Grading of a cash budget as read: a verdict per field, errors carried forward (a total, a
net or a balance right from the student's own earlier values earns its point), named wrong
methods."""

from __future__ import annotations

from decimal import DecimalException
from functools import lru_cache
from typing import Any

from agora.exercise.base import ChampResult, Grade, champ_result
from agora.exercise.fields import MONTANT, Field, verdict
from agora.exercise.grading import REPORTE, grade_final, methode_fausse, une_competence
from agora.exercise.kinds.budget_tresorerie.answer import CALCULS, REMEDE, SOLDES, type_champ
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
# The message of a field right from the student's own earlier values, but its amount.
_REPORTE = f"{REPORTE}Avec les bons résultats : "


class Reference:
    """What grading needs from the params alone: the budget done right, the fields of each
    month, and (on demand) the budget done each wrong way."""

    def __init__(self, b: Budget):
        self.b = b
        juste = calcule(b)
        self.valeurs = juste.valeurs
        self.lignes = juste.lignes
        self.par_mois = _par_mois(b.rangees, b.n)
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
def _par_mois(
    rangees: tuple[tuple[str, ...], tuple[str, ...]], n: int
) -> list[list[tuple[str, str, Field]]]:
    """The fields of each month (path, name in the month's row, type) in the order the budget
    computes them (its rows, then the totals, balances and strain), to walk the rows once;
    found once per shape of budget (its rows and months), whatever its amounts."""
    noms = (*rangees[0], *rangees[1], *CALCULS, *SOLDES, "tension")
    return [[(CHEMINS[j][nom], nom, type_champ(CHEMINS[j][nom])) for nom in noms] for j in range(n)]


def reference(params: dict[str, Any]) -> Reference:
    """The Reference of these params (built at each grade: params come fresh from the
    database, a memo by params object would never hit)."""
    return Reference(lire_params(params))


# The one field outside the months (path, name in its row, type): the root of the answer is
# walked as a row of its own after the months.
_RACINE = (("remede", "remede", REMEDE),)


def _rangees(ref: Reference, arbre: Any) -> list[tuple[Any, list[tuple[str, str, Field]]]]:
    """The rows of the answer as read, each with the expected fields it may give: a month's
    row by month, then the root (the remedy). A row that is no object is walked as none."""
    if not isinstance(arbre, dict):
        return []
    lignes = arbre.get("mois")
    rangees = list(zip(lignes, ref.par_mois, strict=False)) if isinstance(lignes, list) else []
    rangees.append((arbre, _RACINE))
    return rangees


def _premier_passage(ref: Reference, lecture: Lecture) -> tuple[list, dict, list]:
    """The expected fields the answer gives, in order, in one pass: the verdict of each one
    left empty, unreadable or right (most of them), a place kept for each other one; the
    student's typed values by path; and the differing fields, each with its place and what
    its verdict needs (judged once every value is known: the carried-forward run starts from
    all of them)."""
    champs: list[ChampResult | None] = []
    siens: dict[str, Any] = {}
    ecarts: list[tuple] = []
    valeurs, ajoute = ref.valeurs, champs.append
    for rangee, attendus in _rangees(ref, lecture.arbre):
        if not isinstance(rangee, dict):
            continue
        for path, nom, field in attendus:
            lu = rangee.get(nom)  # a row as read holds a Lu for each field it gives
            if lu is None:
                continue
            brut, valeur, _ = lu  # a Lu unpacked once, not read field by field
            attendu = valeurs[path]
            if valeur is None:  # left empty, or unreadable: said so
                ajoute(verdict(path, field, attendu, lu))
                continue
            siens[path] = valeur
            # The verdict built at once, from the expected value's writing and what was typed,
            # each found once (``verdict_nomme`` would compare the value again, and write the
            # expected amount twice more, through ``euros``' cache keyed by a Decimal).
            texte = str(attendu)  # the contract's writing of an amount to the cent, at once
            if texte[-3:-2] != ".":  # not such an amount (a choice's code…): as _ecrit writes it
                texte = _ecrit(field, attendu)
            recu = brut if type(brut) is str else lu.recu  # ``lu.recu``, at once for a text
            if valeur == attendu:
                ajoute(champ_result((path, texte, recu, True, "Juste.")))
            else:
                ecarts.append((len(champs), path, field, attendu, texte, recu, valeur))
                ajoute(None)
    return champs, siens, ecarts


def _ecrit(field: Field, attendu: Any) -> str:
    """``field.canonical(attendu)``, read off its str when that is already the contract's
    writing: a choice's code, an amount to the cent (« 1234.50 », as every amount of a budget
    is, read to the cent and only added up); ``canonical`` rounds it again, four times dearer,
    on every field of a grade."""
    if type(attendu) is str:
        return attendu
    texte = str(attendu)
    return texte if texte[-3:-2] == "." else field.canonical(attendu)


def _juge_ecarts(ref: Reference, own: dict, ecarts: list, champs: list, codes: list[str]) -> None:
    """The verdicts of the differing fields, put in their places: right from the student's own
    earlier values (error carried forward), or wrong, with the wrong method that gives the
    value (its code added to ``codes`` the first time)."""
    suite = ref.depuis(own)
    siens: dict[str, dict[str, Any]] = {}

    def depuis_siens(faute: str) -> dict[str, Any]:
        if faute not in siens:
            siens[faute] = ref.depuis(own, faute)
        return siens[faute]

    reporte, fautes, monde = suite.get, ref.fautes, ref.monde
    for i, path, field, attendu, texte, recu, valeur in ecarts:
        # ``field.display(attendu)``; of an amount, its French writing found from its contract
        # writing ``texte``: ``euros`` keeps the amounts it has written, and a text is found
        # among them far cheaper than a Decimal (hashed anew each time).
        montre = euros(texte) if field is MONTANT else field.display(attendu)
        if reporte(path) == valeur:  # right from the student's own earlier values
            champs[i] = champ_result((path, texte, recu, True, f"{_REPORTE}{montre}."))
            continue
        candidates = fautes.get(signature(path), [])
        code = methode_fausse(candidates, monde, depuis_siens, path, valeur)
        if code and code not in codes:
            codes.append(code)
        ko = f"Attendu : {montre}."
        champs[i] = champ_result(
            (path, texte, recu, False, f"{MESSAGES[code]} {ko}" if code else ko)
        )


def grade(params: dict[str, Any], lecture: Lecture) -> Grade:
    """Per-field verdicts, errors carried forward and diagnostics; never raises on the answer."""
    ref = reference(params)
    champs, own, ecarts = _premier_passage(ref, lecture)
    codes: list[str] = []
    if ecarts:
        _juge_ecarts(ref, own, ecarts, champs, codes)
    return grade_final(NAME, champs, lecture, codes, MESSAGES, une_competence(COMPETENCE))
