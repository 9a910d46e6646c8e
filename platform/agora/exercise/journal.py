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
from functools import cached_property, lru_cache
from typing import Any

from agora.exercise.base import ChampResult
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

    @property
    def comptes_acceptes(self) -> frozenset[str]:
        return self.acceptes or frozenset({self.compte})

    def accepte(self, compte: str) -> bool:
        """Is this account right for the row? A customer or supplier row also takes the
        third party's own sub-account (« 411DURAND », « 4010012 »), as a PGI keeps them."""
        if compte in self._acceptes or account_root(compte) in self._racines:
            return True  # (``COMPTE.same`` against the accepted set, its roots kept per row)
        return self.compte in COMPTES_COLLECTIFS and compte.startswith(self.compte)

    # A row is asked about many written accounts: its set and their roots built once (kept in
    # the instance, outside the dataclass fields: equality and hashing are unchanged).
    @cached_property
    def _acceptes(self) -> frozenset[str]:
        return self.comptes_acceptes

    @cached_property
    def _racines(self) -> frozenset[str]:
        return frozenset(account_root(a) for a in self._acceptes)

    @cached_property
    def _canons(self) -> tuple[str, str]:
        """The contract writing of the debit and the credit, printed in every row's verdict."""
        return fmt(self.debit), fmt(self.credit)

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
    chemin = _chemin(prefixe)
    rangees = _noeud(lecture, chemin)
    if not isinstance(rangees, list):
        return []
    par_cle = {r.cle: r for r in propres}
    libres = list(range(len(attendues)))
    champs: list[ChampResult] = []
    colonnes = ("compte", "debit", "credit", *notes)
    for i, rangee in enumerate(rangees):
        lus, vide = _lus(rangee, colonnes)
        if vide:
            continue  # a blank row of the form
        piece = _lu(rangee, "piece")
        k = _rang(attendues, libres, lus, piece.valeur if piece else None)
        if k is None:
            recu = lus["compte"].recu if lus["compte"] else None
            champs.append(ChampResult(f"{prefixe}.{i}.compte", None, recu, False, LIGNE_EN_TROP))
            continue
        libres.remove(k)
        attendue = attendues[k]
        champs += _juge_rangee(
            f"{prefixe}.{i}", attendue, par_cle.get(attendue.cle), lus, message_compte
        )
        if note and _sens_inverse(attendue, lus):
            note(SENS_INVERSE)
    for k in libres:
        compte = attendues[k].compte
        message = f"Il manque la ligne du compte {compte} dans l'écriture."
        champs.append(ChampResult(prefixe, compte, None, False, message))
    return champs


@lru_cache(maxsize=1024)  # the same few prefixes at every grade
def _chemin(prefixe: str) -> tuple[str | int, ...]:
    """A dotted prefix as a path: ``ecritures.2.lignes`` → ("ecritures", 2, "lignes"), so the
    rows of one entry among several can be judged."""
    return tuple(int(p) if p.isdigit() else p for p in prefixe.split("."))


def _lus(rangee: Any, colonnes: tuple[str, ...]) -> tuple[dict[str, Lu | None], bool]:
    """The cells of a row as read (None when absent), and whether the row is blank: nothing
    typed in any of them. One pass per row (an entry's form has many rows, some blank)."""
    if not isinstance(rangee, dict):
        return dict.fromkeys(colonnes), True
    lus: dict[str, Lu | None] = {}
    vide = True
    for nom in colonnes:
        lu = rangee.get(nom)
        if not isinstance(lu, Lu):
            lu = None
        elif lu.valeur is not None or lu.erreur:
            vide = False
        lus[nom] = lu
    return lus, vide


def _lu(rangee: Any, nom: str) -> Lu | None:
    """One cell of a row as read (None when absent), as ``Lecture.lu`` finds it."""
    lu = rangee.get(nom) if isinstance(rangee, dict) else None
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
    attendues: Sequence[LigneEcriture], libres: list[int], lus: dict[str, Lu | None], piece: Any
) -> int | None:
    """The expected row this student row stands for: same account (then same document, then
    the side written, then the amount written: two VAT rows of one account are told apart by
    their amounts, whatever their order), else the first row still free; None when none is
    left."""
    compte = lus["compte"].valeur if lus["compte"] else None
    if compte is not None:
        memes = [k for k in libres if attendues[k].accepte(compte)]
        if piece:
            memes = [k for k in memes if piece_key(attendues[k].piece) == piece_key(piece)] or memes
        if memes:
            debit, credit = _cote(lus["debit"]), _cote(lus["credit"])
            du_cote = [k for k in memes if bool(attendues[k].debit) == bool(debit)] or memes
            justes = [
                k for k in du_cote if (attendues[k].debit, attendues[k].credit) == (debit, credit)
            ]
            return (justes or du_cote)[0]
    return libres[0] if libres else None


def _juge_rangee(
    champ: str,
    attendue: LigneEcriture,
    propre: LigneEcriture | None,
    lus: dict[str, Lu | None],
    message_compte: MessageCompte | None,
) -> list[ChampResult]:
    debit, credit = attendue._canons
    champs = [
        _compte(f"{champ}.compte", attendue, lus["compte"], message_compte),
        _montant(f"{champ}.debit", attendue.debit, debit, propre and propre.debit, lus["debit"]),
        _montant(
            f"{champ}.credit", attendue.credit, credit, propre and propre.credit, lus["credit"]
        ),
    ]
    if "date" in lus:
        champs.append(verdict(f"{champ}.date", JOUR, attendue.date, lus["date"]))
    if "piece" in lus:
        champs.append(_piece(f"{champ}.piece", attendue.piece, lus["piece"]))
    return champs


def _sens_inverse(attendue: LigneEcriture, lus: dict[str, Lu | None]) -> bool:
    debit, credit = _cote(lus["debit"]), _cote(lus["credit"])
    return debit == attendue.credit and credit == attendue.debit and debit != credit


def _cote(lu: Lu | None) -> Decimal | None:
    """One side as written: a blank cell is 0, an unreadable one is no value."""
    if lu is None or (lu.valeur is None and not lu.erreur):
        return ZERO
    return lu.valeur


def _compte(
    champ: str, attendue: LigneEcriture, lu: Lu | None, message_compte: MessageCompte | None
) -> ChampResult:
    # Built at once rather than through ``verdict`` then ``_replace``: an entry has many rows
    # and every row an account (the same verdicts, a third of the cost).
    if lu is None or lu.valeur is None:
        recu = lu.recu if lu is not None else None
        return ChampResult(champ, attendue.compte, recu, False, (lu and lu.erreur) or EMPTY)
    if attendue.accepte(lu.valeur):
        return ChampResult(champ, attendue.compte, lu.recu, True, "Juste.")
    methode = message_compte(attendue, lu.valeur) if message_compte else None
    attendu = f"Attendu : {attendue.compte}."
    message = f"{methode} {attendu}" if methode else attendu
    return ChampResult(champ, attendue.compte, lu.recu, False, message)


def _montant(
    champ: str, attendu: Decimal, canon: str, propre: Decimal | None, lu: Lu | None
) -> ChampResult:
    """One side of a row (``canon``: its contract writing): a blank side is 0; an amount from
    the student's own results (carried forward) earns its credit. (``verdict``'s messages,
    built at once: speed.)"""
    if lu is None or lu.valeur is None:
        if not attendu and (lu is None or not lu.erreur):
            return ChampResult(champ, canon, lu and lu.recu, True, "Juste.")
        recu = lu.recu if lu is not None else None
        return ChampResult(champ, canon, recu, False, (lu and lu.erreur) or EMPTY)
    valeur = lu.valeur
    if valeur == attendu:
        return ChampResult(champ, canon, lu.recu, True, "Juste.")
    if propre is not None and valeur == propre:
        ko = f"{REPORTE} Avec les bons résultats : {euros(attendu)}."
        return ChampResult(champ, canon, lu.recu, True, ko)
    return ChampResult(champ, canon, lu.recu, False, f"Attendu : {euros(attendu)}.")


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
