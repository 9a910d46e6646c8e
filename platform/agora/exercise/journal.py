"""Journal entries in one neutral shape — date, journal, pièce, compte, libellé, débit, crédit —
the shape of an ERP move line (Tryton's account.move.line): their answer fields, their JSON,
and their grading row by row, for every kind that asks for an entry.

A student writes the rows of an entry in any order; each row is matched to the expected row it
stands for (same accepted account, then same document number, then same side), so a row out of
place is never judged against the wrong one. A blank side counts as 0. A row whose amounts are
right from the student's own earlier results (``propres``) earns its credit: the error was
already counted where it was made.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Any

from agora.exercise.base import ChampResult, champ_result
from agora.exercise.fields import (
    COMPTE,
    EMPTY,
    JOUR,
    MONTANT,
    Field,
    Lu,
    Text,
    account_root,
    piece_key,
    verdict,
)
from agora.exercise.reading import Lecture
from agora.money import ZERO, euros, fmt

# The collective third-party accounts whose rows take a sub-account per customer or supplier.
COMPTES_COLLECTIFS = frozenset({"401", "404", "411", "416", "421", "467"})
REPORTE = "Calcul juste à partir de vos résultats précédents (erreur reportée) : point accordé."
LIGNE_EN_TROP = "Cette ligne est de trop dans l'écriture."
_ZERO_ECRIT = fmt(ZERO)
# A side expected blank but written: the same words every time (a row written the wrong way
# round has one on each row), spelled out once.
_ZERO_ATTENDU = f"Attendu : {euros(_ZERO_ECRIT)}."


class _une_fois:
    """``functools.cached_property`` without its lock: computed at the first read, then kept in
    the instance. Python 3.11's takes a lock at each first read, and with params fresh from the
    database every row of an entry is new at every grade."""

    def __init__(self, calcul: Callable[[Any], Any]):
        self.calcul = calcul

    def __set_name__(self, owner: type, nom: str) -> None:
        self.nom = nom

    def __get__(self, ligne: Any, owner: type | None = None) -> Any:
        if ligne is None:
            return self
        valeur = ligne.__dict__[self.nom] = self.calcul(ligne)
        return valeur


@dataclass(frozen=True)
class LigneEcriture:
    """One row of an entry. ``acceptes``: every account accepted for it (empty: ``compte``
    alone, or any of its sub-accounts as ``COMPTE`` compares them)."""

    compte: str
    debit: Decimal = ZERO
    credit: Decimal = ZERO
    libelle: str = ""
    piece: str = ""
    journal: str = ""
    date: dt.date | None = None
    acceptes: frozenset[str] = frozenset()

    # Written out, not generated: a frozen dataclass's own __init__ sets each field through
    # object.__setattr__, three times slower, and a grader builds every row anew at each grade.
    def __init__(
        self,
        compte: str,
        debit: Decimal = ZERO,
        credit: Decimal = ZERO,
        libelle: str = "",
        piece: str = "",
        journal: str = "",
        date: dt.date | None = None,
        acceptes: frozenset[str] = frozenset(),
    ):
        self.__dict__.update(
            compte=compte,
            debit=debit,
            credit=credit,
            libelle=libelle,
            piece=piece,
            journal=journal,
            date=date,
            acceptes=acceptes,
        )

    def accepte(self, compte: str, racine: str | None = None) -> bool:
        """Is this account right for the row? A customer or supplier row also takes the
        third party's own sub-account (« 411DURAND », « 4010012 »), as a PGI keeps them.
        (``racine``: the account's ``account_root``, when the caller has it already.)"""
        acceptes, racines, collectif = self._regle
        if compte in acceptes:
            return True  # (``COMPTE.same`` against the accepted set, its roots kept per row)
        if (racine or account_root(compte)) in racines:
            return True
        return collectif and compte.startswith(self.compte)

    # A row is asked about every written account: what it accepts is worked out once per row
    # (kept in the instance, outside the dataclass fields: equality and hashing are unchanged).
    @_une_fois
    def _regle(self) -> tuple[frozenset[str], frozenset[str], bool]:
        return _regle_compte(self.compte, self.acceptes)

    @property
    def cle(self) -> str:
        """The account and the side: what a row computed from the student's own values is
        looked up by."""
        return self.compte + ("D" if self.debit else "C")

    def to_json(self) -> dict[str, str]:
        """The contract JSON of the row: ISO date, amounts with two decimals."""
        return {
            "date": self.date.isoformat() if self.date else "",
            "journal": self.journal,
            "piece": self.piece,
            "compte": self.compte,
            "libelle": self.libelle,
            "debit": fmt(self.debit),
            "credit": fmt(self.credit),
        }


@lru_cache(maxsize=1024)  # a few accounts and accepted sets, the same at every grade
def _regle_compte(
    compte: str, acceptes: frozenset[str]
) -> tuple[frozenset[str], frozenset[str], bool]:
    """What a row of ``compte`` accepts: its accepted accounts, their roots, and whether it
    is a collective account (its sub-accounts accepted too)."""
    acceptes = acceptes or frozenset({compte})
    racines = frozenset(account_root(a) for a in acceptes)
    return acceptes, racines, compte in COMPTES_COLLECTIFS


def schema(prefixe: str) -> dict[str, Field]:
    """The answer fields of an entry's rows under ``prefixe`` (``ecriture.#.compte``…)."""
    return {
        f"{prefixe}.#.date": JOUR,
        f"{prefixe}.#.journal": Text(10),
        f"{prefixe}.#.piece": Text(40),
        f"{prefixe}.#.libelle": Text(80),
        f"{prefixe}.#.compte": COMPTE,
        f"{prefixe}.#.debit": MONTANT,
        f"{prefixe}.#.credit": MONTANT,
    }


def equilibree(lignes: Sequence[LigneEcriture]) -> bool:
    """Total debits equal total credits."""
    return sum((r.debit for r in lignes), ZERO) == sum((r.credit for r in lignes), ZERO)


# The method error of a row written with its debit and credit swapped (each kind words its
# message); ``juge`` notes it through the kind's ``note``, in the order of the rows.
SENS_INVERSE = "ECRITURE_SENS_INVERSE"

# What a kind says of a wrong but readable account: a message naming its method error (the kind
# notes the diagnostic), or None for the plain « Attendu : … ».
MessageCompte = Callable[[LigneEcriture, str], str | None]


def juge(
    prefixe: str,
    attendues: Sequence[LigneEcriture],
    lecture: Lecture,
    propres: Sequence[LigneEcriture] = (),
    message_compte: MessageCompte | None = None,
    note: Callable[[str], None] | None = None,
    notes: tuple[str, ...] = (),
) -> list[ChampResult]:
    """Judge the rows the student wrote under ``prefixe`` against the expected rows.

    ``notes`` names the other columns graded too (``"date"``, ``"piece"``); the journal and
    the label are never graded (their wording is free)."""
    rangees = _noeud(lecture, _chemin(prefixe))
    if not isinstance(rangees, list):
        return []
    propre_de = _propres_par_rang(attendues, propres) if propres else None
    regles = [a._regle for a in attendues]
    libres = list(range(len(attendues)))
    champs: list[ChampResult] = []
    for i, rangee in enumerate(rangees):
        cellules = _cellules(rangee, notes)
        if cellules is None:
            continue  # a blank row of the form
        compte, debit, credit, piece = cellules[:4]
        noms = _noms(prefixe, i)
        # Each side as written: a blank cell is 0, an unreadable one is no value.
        cotes = (
            ZERO if debit is None or (debit[1] is None and not debit[2]) else debit[1],
            ZERO if credit is None or (credit[1] is None and not credit[2]) else credit[1],
        )
        k, compte_juste = _rang(attendues, regles, libres, compte, cotes, piece)
        if k is None:
            recu = compte.recu if compte else None
            champs.append(ChampResult(noms[0], None, recu, False, LIGNE_EN_TROP))
            continue
        libres.remove(k)
        attendue = attendues[k]
        propre = propre_de[k] if propre_de else None
        if compte_juste:  # (found by its account, which was read: the common case, no call)
            recu = compte[0] if type(compte[0]) is str else compte.recu
            verdict_compte = champ_result((noms[0], attendue.compte, recu, True, "Juste."))
        else:
            verdict_compte = _compte(noms[0], attendue, compte, message_compte)
        champs += (
            verdict_compte,
            juge_cote(noms[1], attendue.debit, propre and propre.debit, debit),
            juge_cote(noms[2], attendue.credit, propre and propre.credit, credit),
        )
        if notes:
            if "date" in notes:
                lu = cellules[4 + notes.index("date")]
                champs.append(verdict(noms[3], JOUR, attendue.date, lu))
            if "piece" in notes:
                champs.append(_piece(noms[4], attendue.piece, piece))
        # (Written out, not a call: the sides swapped, which juge notes.)
        au_debit, au_credit = cotes
        inverse = au_debit == attendue.credit and au_credit == attendue.debit
        if note and inverse and au_debit != au_credit:
            note(SENS_INVERSE)
    for k in libres:
        compte = attendues[k].compte
        message = f"Il manque la ligne du compte {compte} dans l'écriture."
        champs.append(ChampResult(prefixe, compte, None, False, message))
    return champs


def _propres_par_rang(
    attendues: Sequence[LigneEcriture], propres: Sequence[LigneEcriture]
) -> list[LigneEcriture | None]:
    """The row computed from the student's own values beside each expected row: the n-th of
    its account and side for the n-th expected one (one transfer pays several suppliers, each
    on its own 401 row), None when the student's own entry has no such row."""
    par_cle: dict[str, list[LigneEcriture]] = {}
    for ligne in propres:
        par_cle.setdefault(ligne.cle, []).append(ligne)
    vus: dict[str, int] = {}
    beside: list[LigneEcriture | None] = []
    for attendue in attendues:
        cle = attendue.cle
        rang = vus[cle] = vus.get(cle, -1) + 1
        memes = par_cle.get(cle, ())
        beside.append(memes[rang] if rang < len(memes) else None)
    return beside


@lru_cache(maxsize=1024)  # the same few prefixes at every grade
def _chemin(prefixe: str) -> tuple[str | int, ...]:
    """A dotted prefix as a path: ``ecritures.2.lignes`` → ("ecritures", 2, "lignes"), so the
    rows of one entry among several can be judged."""
    return tuple(int(p) if p.isdigit() else p for p in prefixe.split("."))


@lru_cache(maxsize=4096)  # the same prefixes and rows at every grade
def _noms(prefixe: str, i: int) -> tuple[str, str, str, str, str]:
    """The dotted names of the graded cells of row ``i``: account, debit, credit, date, piece."""
    return tuple(f"{prefixe}.{i}.{nom}" for nom in ("compte", "debit", "credit", "date", "piece"))


def _cellules(rangee: Any, notes: tuple[str, ...]) -> tuple[Lu | None, ...] | None:
    """The cells of a row as read (None when absent): account, debit, credit, piece, then the
    ``notes``; None for a blank row (nothing typed in the account, the sides or the notes).
    One pass per row, written out: an entry's form has many rows, some blank."""
    if not isinstance(rangee, dict):
        return None
    get = rangee.get
    compte, debit, credit, piece = get("compte"), get("debit"), get("credit"), get("piece")
    cellules = (
        compte if isinstance(compte, Lu) else None,
        debit if isinstance(debit, Lu) else None,
        credit if isinstance(credit, Lu) else None,
        piece if isinstance(piece, Lu) else None,
    )
    compte, debit, credit = cellules[:3]
    if (
        (compte is not None and (compte[1] is not None or compte[2]))
        or (debit is not None and (debit[1] is not None or debit[2]))
        or (credit is not None and (credit[1] is not None or credit[2]))
    ):
        return cellules + tuple(map(_cellule, map(get, notes))) if notes else cellules
    if notes:
        autres = tuple(map(_cellule, map(get, notes)))
        for lu in autres:
            if lu is not None and (lu[1] is not None or lu[2]):
                return cellules + autres
    return None


def _cellule(lu: Any) -> Lu | None:
    return lu if isinstance(lu, Lu) else None


def _noeud(lecture: Lecture, chemin: tuple[str | int, ...]) -> Any:
    noeud: Any = lecture.arbre
    for part in chemin:
        if isinstance(noeud, dict) and isinstance(part, str):
            noeud = noeud.get(part)
        elif isinstance(noeud, list) and isinstance(part, int) and part < len(noeud):
            noeud = noeud[part]
        else:
            return None
    return noeud


def _rang(
    attendues: Sequence[LigneEcriture],
    regles: list[tuple[frozenset[str], frozenset[str], bool]],
    libres: list[int],
    compte: Lu | None,
    cotes: tuple[Decimal | None, Decimal | None],
    piece: Lu | None,
) -> tuple[int | None, bool]:
    """The expected row this student row stands for: same account (then same document, then
    the side written, then the amount written: two VAT rows of one account are told apart by
    their amounts, whatever their order), else the first row still free; None when none is
    left. And whether the account is right for it (found by it). (``regles``: each expected
    row's ``_regle``, so that ``accepte`` is asked without a call per row.)"""
    valeur = compte.valeur if compte else None
    if valeur is not None:
        # An account not ending in 0 is its own root (« 411 », « 44571 »): most of them.
        racine = valeur if valeur[-1:] != "0" else account_root(valeur)
        memes = []
        for k in libres:
            acceptes, racines, collectif = regles[k]
            if (
                valeur in acceptes
                or racine in racines
                or (collectif and valeur.startswith(attendues[k].compte))
            ):
                memes.append(k)
        if len(memes) > 1 and piece and piece.valeur:
            cle = piece_key(piece.valeur)
            memes = [k for k in memes if piece_key(attendues[k].piece) == cle] or memes
        if len(memes) > 1:
            return departage(
                memes, lambda k: (attendues[k].debit, attendues[k].credit), cotes
            ), True
        if memes:
            return memes[0], True
    return (libres[0] if libres else None), False


def departage(memes: list[int], cotes_de: Callable[[int], tuple], cotes: tuple) -> int:
    """Among several free expected rows of one account (``cotes_de``: a row's expected debit
    and credit), the one a student row written ``cotes`` stands for: the first on the side
    written, with these amounts if one has them."""
    debit = bool(cotes[0])
    du_cote = [k for k in memes if bool(cotes_de(k)[0]) == debit] or memes
    justes = [k for k in du_cote if cotes_de(k) == cotes]
    return (justes or du_cote)[0]


def _compte(
    champ: str, attendue: LigneEcriture, lu: Lu | None, message_compte: MessageCompte | None
) -> ChampResult:
    """The account of a row not found by it (``juge`` writes out the one found by it). Built at
    once rather than through ``verdict`` then ``_replace``: an entry has many rows."""
    if lu is None or lu.valeur is None:
        recu = lu.recu if lu is not None else None
        message = (lu and lu.erreur) or EMPTY
        return champ_result((champ, attendue.compte, recu, False, message))
    methode = message_compte(attendue, lu.valeur) if message_compte else None
    attendu = f"Attendu : {attendue.compte}."
    message = f"{methode} {attendu}" if methode else attendu
    return champ_result((champ, attendue.compte, lu.recu, False, message))


def juge_cote(champ: str, attendu: Decimal, propre: Decimal | None, lu: Lu | None) -> ChampResult:
    """One side of a row, ``attendu`` expected: a blank side is 0; an amount from the student's
    own results (carried forward) earns its credit. (``verdict``'s messages, built at once.)"""
    # The canonical text by ``fmt``'s own fast path, written out: a grade judges some fifty
    # sides, and the call to ``fmt`` costs more than the text. (Most rows leave a side at ZERO.)
    if attendu is ZERO:
        canon = _ZERO_ECRIT
    else:
        canon = str(attendu)
        if type(attendu) is not Decimal or canon[-3:-2] != "." or len(canon) >= 30:
            canon = fmt(attendu)
    if lu is None:
        return champ_result((champ, canon, None, not attendu, EMPTY if attendu else "Juste."))
    brut, valeur, erreur = lu
    recu = brut if type(brut) is str else lu.recu
    if valeur is None:
        if not attendu and not erreur:
            return champ_result((champ, canon, recu, True, "Juste."))
        return champ_result((champ, canon, recu, False, erreur or EMPTY))
    if valeur == attendu:
        return champ_result((champ, canon, recu, True, "Juste."))
    # (``euros`` of the canonical text: same words, and its memo hashes a text, not a Decimal.)
    if propre is not None and valeur == propre:
        ko = f"{REPORTE} Avec les bons résultats : {euros(canon)}."
        return champ_result((champ, canon, recu, True, ko))
    if attendu is ZERO:
        return champ_result((champ, canon, recu, False, _ZERO_ATTENDU))
    return champ_result((champ, canon, recu, False, f"Attendu : {euros(canon)}."))


def _piece(champ: str, attendu: str, lu: Lu | None) -> ChampResult:
    """The document number: its letters and digits compared, whatever the case or dashes."""
    resultat = verdict(champ, Text(40), attendu, lu)
    lu_valeur = lu.valeur if lu is not None else None
    if (
        not resultat.correct
        and lu_valeur is not None
        and piece_key(lu_valeur) == piece_key(attendu)
    ):
        return resultat._replace(correct=True, message="Juste.")
    return resultat
