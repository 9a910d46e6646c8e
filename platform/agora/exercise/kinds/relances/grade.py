"""Grading of an ageing balance as read: a verdict per field, errors carried forward, the named
wrong methods, and the letter's automatic checks."""

from __future__ import annotations

from collections.abc import Callable
from decimal import DecimalException
from functools import lru_cache
from itertools import repeat
from operator import itemgetter
from typing import Any, NamedTuple

from agora.exercise.base import ChampResult, Diagnostic, Grade, champ_result, score_ratio
from agora.exercise.fields import EMPTY, MONTANT, QUANTITE, TAUX, Field, Lu, verdict
from agora.exercise.grading import REPORTE, justes
from agora.exercise.kinds.relances.answer import ANSWER_SCHEMA
from agora.exercise.kinds.relances.lettre import manques
from agora.exercise.kinds.relances.messages import FAUTES, LETTRE_INCOMPLETE, MESSAGES, SIGNATURES
from agora.exercise.kinds.relances.params import NAME, lire_params
from agora.exercise.kinds.relances.solve import Calcul, calcule, reporte
from agora.exercise.reading import Lecture, sans_index
from agora.money import euros

COMPETENCE = "1.2.4"  # Assurer le suivi des relances clients: every field proves it
LETTRE_OK = (
    "Vérification automatique réussie : chaque facture en retard est citée avec son numéro, "
    "son montant et son échéance. Votre professeur corrigera le reste de la lettre."
)


class Attendu:
    """What grading needs from the params alone, computed for each answer: the balance, its
    values, the form's shape (each field's path, type and place in the answer), and the rates
    done each wrong way (on demand). (The contract writing of a value is computed when a
    verdict reports it, not for every field beforehand: a wrong field's verdict writes its
    own.)"""

    def __init__(self, params: Any):
        self.b = lire_params(params)
        self.calcul = calcule(self.b)
        self.forme = _forme(tuple(self.calcul.valeurs))
        self._taux_faux: dict[str, Calcul] = {}

    def fautive(self, faute: str, path: str) -> Any:
        """The value of the field ``path`` in the balance done with this wrong method (None if
        that balance has no such field): the rates done that way the first time they are asked
        for, an invoice's field then worked out alone from them, not the whole balance (the
        wrong methods of a field are tested at each of its rows)."""
        calcul = self._taux_faux.get(faute)
        if calcul is None:
            calcul = self._taux_faux[faute] = calcule(self.b, faute=faute, taux_seuls=True)
        ligne = _ligne(path)
        if ligne is None:
            return calcul.valeurs.get(path)
        return calcul.valeur_seule(*ligne, self.calcul.echeances)


class Forme(NamedTuple):
    """The fields of a balance, in form order (the reference's): their paths and types, and
    where the answer holds them: the rates at its root, each invoice's fields in its row."""

    paths: tuple[str, ...]
    types: tuple[Field, ...]
    ecrits: tuple[Callable[[Any], str], ...]  # how each one's expected value is written
    racine: tuple[str, ...]  # the rates' names
    lignes: tuple[tuple[str, ...], ...]  # each invoice's field names, by row


@lru_cache(maxsize=256)  # built once per shape (number of invoices, fields asked of each)
def _forme(paths: tuple[str, ...]) -> Forme:
    lignes: list[list[str]] = []
    for ligne in filter(None, map(_ligne, paths)):
        if ligne[0] == len(lignes):
            lignes.append([])
        lignes[-1].append(ligne[1])
    racine = tuple(p for p in paths if _ligne(p) is None)
    types = tuple(map(ANSWER_SCHEMA.type_of, paths))
    ecrits = tuple(map(_ecrivain, paths, types))
    return Forme(paths, types, ecrits, racine, tuple(map(tuple, lignes)))


def _lus(forme: Forme, arbre: dict[str, Any]) -> list[Lu]:
    """Each field of the form as the answer read gives it (``ABSENT`` when it has none), in
    form order: the rates from the root, each invoice's fields from its row, each row found
    once."""
    lus: list[Lu] = list(map(arbre.get, forme.racine, repeat(ABSENT)))
    rangees = arbre.get("factures")
    if not isinstance(rangees, list):
        rangees = []
    for i, noms in enumerate(forme.lignes):
        rangee = rangees[i] if i < len(rangees) else None
        lus += (
            map(rangee.get, noms, repeat(ABSENT))
            if isinstance(rangee, dict)
            else repeat(ABSENT, len(noms))
        )
    return lus


# A field the answer does not have (told apart from any field read by identity).
ABSENT = Lu(None, None, None)


def _siens(forme: Forme, lus: list[Lu]) -> dict[str, Any]:
    """The values the student wrote, by path (what their errors are carried forward from)."""
    return {p: v for p, v in zip(forme.paths, map(_VALEUR, lus), strict=True) if v is not None}


_VALEUR = itemgetter(1)  # Lu.valeur, of each field read


@lru_cache(maxsize=1024)  # the same paths in every variant
def _ligne(path: str) -> tuple[int, str] | None:
    """An invoice's field path as (the invoice's index, the field's name); None for a rate."""
    parts = path.split(".")
    return (int(parts[1]), parts[2]) if parts[0] == "factures" else None


@lru_cache(maxsize=1024)  # the same paths in every variant
def _fautes_du_champ(path: str) -> tuple[str, ...]:
    noeud = sans_index(path)
    return tuple(f for f in FAUTES if noeud in SIGNATURES[f])


def attendu(params: Any) -> Attendu:
    """What grading needs from these params. Built at every grade: params come fresh from the
    database, so a memo of the params object would only cost a copy of them."""
    return Attendu(params)


def _refait(a: Attendu, own: dict[str, Any], faute: str | None = None) -> Calcul | None:
    """The balance from the student's own values (None when they are absurdly large)."""
    try:
        return calcule(a.b, own, faute)
    except (DecimalException, OverflowError, ValueError):
        return None


def _reportee(a: Attendu, own: dict[str, Any]) -> Calcul | None:
    """``_refait(a, own)``, from the reference's values where the student's are the same."""
    try:
        return reporte(a.calcul, own)
    except (DecimalException, OverflowError, ValueError):
        return None


class Enquete:
    """What a wrong value is checked against, each worked out the first time one needs it: the
    balance from the student's own values (their error carried forward), then the named wrong
    methods, the field done that way (``Attendu.fautive``), then the balance done that way from
    the student's own earlier values."""

    def __init__(self, a: Attendu, lus: list[Lu]):
        self.a, self.lus = a, lus
        self._own: dict[str, Any] | None = None
        self._suite: dict[str, Any] | None = None
        self._siens: dict[str, Calcul | None] = {}

    @property
    def own(self) -> dict[str, Any]:
        """The student's values by path, gathered when a wrong value first asks for them (an
        answer without one never needs them)."""
        if self._own is None:
            self._own = _siens(self.a.forme, self.lus)
        return self._own

    def reporte(self, path: str) -> Any:
        """The value of ``path`` from the student's own earlier values, asked only for a value
        that differs from the reference: an answer with none gets no second pass."""
        if self._suite is None:
            self._suite = (_reportee(self.a, self.own) or self.a.calcul).valeurs
        return self._suite.get(path)

    def _sien(self, faute: str) -> Calcul | None:
        if faute not in self._siens:
            self._siens[faute] = _refait(self.a, self.own, faute)
        return self._siens[faute]

    def cause(self, path: str, field: Field, valeur: Any) -> str | None:
        candidates = _fautes_du_champ(path)
        for faute in candidates:
            fautive = self.a.fautive(faute, path)
            if fautive is not None and field.same(fautive, valeur):
                return faute
        for faute in candidates:
            sien = self._sien(faute)
            if sien and path in sien.valeurs and field.same(sien.valeurs[path], valeur):
                return faute
        return None


def _lettre(a: Attendu, lu: Lu, codes: list[str]) -> ChampResult:
    """The letter's automatic checks (numbers, amounts, due dates cited)."""
    if lu.valeur is None or not isinstance(lu.valeur, str):
        return ChampResult("lettre", None, lu.recu, False, lu.erreur or EMPTY)
    oublis = manques(a.b, lu.valeur, a.calcul.echeances)
    if not oublis:
        return ChampResult("lettre", None, lu.recu, True, LETTRE_OK)
    codes.append(LETTRE_INCOMPLETE)
    message = f"{MESSAGES[LETTRE_INCOMPLETE]} Il manque : {' ; '.join(oublis)}."
    return ChampResult("lettre", None, lu.recu, False, message)


def corrige(a: Attendu, lecture: Lecture) -> Grade:
    """Grade one answer as read; never raises. Each verdict is built at once: ``same`` is ==
    for this kind's types, and the expected value is written once (its contract writing, from
    which an amount's French one is found)."""
    forme = a.forme
    lus = _lus(forme, lecture.arbre)
    enquete, codes = Enquete(a, lus), []
    champs = [
        ChampResult(n, None, None, False, m)
        for n, m in lecture.erreurs.items()
        if n not in a.calcul.valeurs and n != "lettre"
    ]
    ajoute = champs.append
    valeurs = a.calcul.valeurs.values()
    for p, f, ecrit, attendu_, lu in zip(*forme[:3], valeurs, lus, strict=True):
        if lu is ABSENT:  # not in the answer: no verdict
            continue
        brut, valeur, _ = lu
        if valeur is None:  # left empty, or unreadable: said so
            ajoute(verdict(p, f, attendu_, lu))
            continue
        canon = ecrit(attendu_)
        recu = brut if type(brut) is str else lu.recu  # ``lu.recu``, at once for a text
        if valeur == attendu_:
            ajoute(champ_result((p, canon, recu, True, "Juste.")))
        elif enquete.reporte(p) == valeur:  # right from the student's own earlier values
            ko = f"{REPORTE}Avec les bons résultats : {_montre(f, attendu_, canon)}."
            ajoute(champ_result((p, canon, recu, True, ko)))
        else:
            code = enquete.cause(p, f, valeur)
            if code and code not in codes:
                codes.append(code)
            ko = f"Attendu : {_montre(f, attendu_, canon)}."
            ajoute(champ_result((p, canon, recu, False, f"{MESSAGES[code]} {ko}" if code else ko)))
    lettre = lecture.lu("lettre")
    if lettre is not None:
        ajoute(_lettre(a, lettre, codes))
    score = score_ratio(justes(champs), len(champs))
    competences = [(COMPETENCE, score)] if champs else []
    diagnostics = [Diagnostic(code, MESSAGES[code]) for code in codes]
    return Grade(NAME, score, champs, diagnostics, competences)


def _ecrivain(path: str, field: Field) -> Callable[[Any], str]:
    """How the reference's value of the field ``path`` is written: ``field.canonical``, taken
    from its str when that is already the contract's writing (an amount to the cent « 12.30 »,
    a whole number of days « 14 »): ``canonical`` would round or format it again, on every
    field of a grade."""
    if sans_index(path) in _ECRITS_PAR_STR:
        return str
    if field is MONTANT:

        def montant(attendu: Any) -> str:
            texte = str(attendu)
            return texte if texte[-3:-2] == "." else field.canonical(attendu)

        return montant
    if field is QUANTITE or field is TAUX:

        def nombre(attendu: Any) -> str:
            texte = str(attendu)
            return texte if texte.isdigit() else field.canonical(attendu)

        return nombre
    return str  # a Choice's canonical is its str, a Day's its ISO writing


# The reference's fields whose str is always their contract writing: penalties rounded to the
# cent, and days late, a whole number from 0 (what ``_ecrivain`` would check at each grade).
_ECRITS_PAR_STR = frozenset({"factures.penalites", "factures.jours_retard"})


def _montre(field: Field, attendu: Any, texte: str) -> str:
    """``field.display(attendu)``; of an amount, its French writing found from its contract
    writing ``texte`` (``euros`` keeps those it has written: a text is found among them far
    cheaper than a Decimal)."""
    return euros(texte) if field is MONTANT else field.display(attendu)


def grade(params: dict[str, Any], lecture: Lecture) -> Grade:
    """Per-field verdicts, error carried forward and diagnostics; never raises on the answer."""
    return corrige(attendu(params), lecture)
