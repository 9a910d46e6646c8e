"""Grading of the entries of an ``encaissements`` answer: each entry's rows as ``journal.juge``
judges them, the named method errors seen in their amounts, and the student's own amounts on
the customer account (the ageing balance carries them forward).

An entry whose every row the student wrote is found by an account the expected rows accept by
name (most entries of most answers, right or not) is judged here in one pass over its rows,
with the customer's amounts taken on the way; any other entry goes to ``journal.juge`` itself.
The verdicts are the same either way: ``juge`` finds such a row by that account too (among
several rows of one account, the same one), and judges its sides by ``journal.juge_cote``.
A change to how ``juge`` finds a row is a change here too: the sample answers of the contract
test take both ways (249 entries of 350 sample grades, 10 seeds × 3 levels, go to ``juge``).
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache
from operator import itemgetter
from typing import Any

from agora.exercise import journal
from agora.exercise.base import ChampResult, champ_result
from agora.exercise.fields import Lu, account_root
from agora.exercise.journal import LigneEcriture
from agora.exercise.kinds.encaissements import messages as m
from agora.exercise.kinds.encaissements import solve as calc
from agora.exercise.kinds.encaissements.params import Avoir, Encaissements, Facture, Reglement
from agora.exercise.reading import Lecture
from agora.money import ZERO

_CLIENT = calc.CLIENT  # (a global, not an attribute looked up at every row)
_JUSTE = "Juste."
_juge_cote = journal.juge_cote  # (a global, not an attribute looked up at every side)
# An expected row's account and accepted accounts: the entry's shape ``_rangs`` is kept by.
_COMPTE_ET_ACCEPTES = itemgetter(0, 4)
Note = Any  # the grader's ``note`` of a method error code (a dict's setdefault)


def liste(rangee: dict[str, Any], nom: str) -> list:
    """A list of rows of the answer as read (empty when absent): walked to once, where
    ``lecture.lu`` walks from the root for each field."""
    rows = rangee.get(nom)
    return rows if isinstance(rows, list) else []


def rangee(rows: list, k: int) -> dict[str, Any]:
    """Row k of a list of rows as read (empty when absent or not a row)."""
    row = rows[k] if k < len(rows) else None
    return row if isinstance(row, dict) else {}


@lru_cache(maxsize=256)  # a shape: the accounts of an entry, the same few at every grade
def _rangs(comptes: tuple[tuple[str, frozenset[str]], ...]) -> dict[str, tuple[int, ...]]:
    """Each account the entry's rows accept by name, with the ranks of all the rows that
    accept it (as ``LigneEcriture.accepte``, which ``juge`` asks)."""
    rows = [LigneEcriture(compte, acceptes=acceptes) for compte, acceptes in comptes]
    return {
        compte: tuple(k for k, row in enumerate(rows) if row.accepte(compte))
        for compte in {a for propre, acceptes in comptes for a in acceptes or (propre,)}
    }


@lru_cache(maxsize=4096)  # a shape: the same entries' and rows' names at every grade
def _noms(k: int, i: int) -> tuple[str, str, str]:
    return tuple(f"ecritures.{k}.lignes.{i}.{nom}" for nom in ("compte", "debit", "credit"))


@lru_cache(maxsize=64)  # a shape: the same few entries' prefixes at every grade
def _prefixe(k: int) -> str:
    return f"ecritures.{k}.lignes"


def _parmi(lignes: tuple, memes: list[int], debit: Any, credit: Any) -> int | None:
    """The row ``juge`` takes among the free rows of one account (``journal.departage``; its
    test of the document number keeps them all: an entry's rows are of one document)."""
    if len(memes) < 2:
        return memes[0] if memes else None
    return journal.departage(memes, lambda k: lignes[k][1:3], (debit, credit))


def _entree(k: int, x: calc.Ecriture, rows: list) -> tuple[list, bool, Any, Any] | None:
    """The verdicts of an entry's rows as ``journal.juge`` gives them, whether a row is written
    the wrong way round, and the customer's first debit and credit (as ``_clients``); None for
    an entry with a row not found by an account a free expected row accepts by name."""
    lignes = x.lignes
    par_compte = _rangs(tuple(map(_COMPTE_ET_ACCEPTES, lignes)))
    libres = list(range(len(lignes)))
    champs: list[ChampResult] = []
    inverse = False
    client_debit = client_credit = None
    for i, row in enumerate(rows):
        if not isinstance(row, dict):
            continue  # (juge skips it as blank)
        get = row.get
        compte, debit, credit = get("compte"), get("debit"), get("credit")
        debit = debit if isinstance(debit, Lu) else None
        credit = credit if isinstance(credit, Lu) else None
        valeur = compte[1] if isinstance(compte, Lu) else None
        if valeur is None:
            if (
                (isinstance(compte, Lu) and compte[2])
                or (debit is not None and (debit[1] is not None or debit[2]))
                or (credit is not None and (credit[1] is not None or credit[2]))
            ):
                return None  # a row without a readable account: juge's own search
            continue  # a blank row of the form
        rangs = par_compte.get(valeur)
        if rangs is None:
            return None
        # Each side as written: a blank cell is 0, an unreadable one is no value.
        ecrit_debit = ZERO if debit is None or (debit[1] is None and not debit[2]) else debit[1]
        ecrit_credit = (
            ZERO if credit is None or (credit[1] is None and not credit[2]) else credit[1]
        )
        if len(rangs) == 1:
            j = rangs[0]
            if j not in libres:
                return None
        else:
            j = _parmi(lignes, [r for r in rangs if r in libres], ecrit_debit, ecrit_credit)
            if j is None:
                return None
        libres.remove(j)
        attendu, au_debit, au_credit, _, _ = lignes[j]
        noms = _noms(k, i)
        brut = compte[0]
        recu = brut if type(brut) is str else compte.recu
        champs += (
            champ_result((noms[0], attendu, recu, True, _JUSTE)),
            _juge_cote(noms[1], au_debit, None, debit),
            _juge_cote(noms[2], au_credit, None, credit),
        )
        if ecrit_debit == au_credit and ecrit_credit == au_debit and ecrit_debit != ecrit_credit:
            inverse = True
        if valeur.startswith(_CLIENT):
            if client_debit is None:
                client_debit = ecrit_debit or None
            if client_credit is None:
                client_credit = ecrit_credit or None
    for j in libres:
        compte = lignes[j][0]
        message = f"Il manque la ligne du compte {compte} dans l'écriture."
        champs.append(champ_result((_prefixe(k), compte, None, False, message)))
    return champs, inverse, client_debit, client_credit


def _message_compte(note: Note, e: Encaissements):
    """The method error behind a wrong account, by the account expected and the one written."""

    def message(attendue: LigneEcriture, compte: str) -> str | None:
        racine = account_root(compte)
        code = None
        if attendue.compte in (*e.acceptes, calc.RRR_ACCORDES) and racine[:2] in ("70", "75"):
            code = m.COMPTE_PRODUIT_CONFONDU
        elif attendue.compte == calc.TVA and racine.startswith("4456"):
            code = m.TVA_DEDUCTIBLE_CONFONDUE
        elif attendue.compte == calc.ESCOMPTE and racine.startswith("765"):
            code = m.ESCOMPTE_OBTENU_CONFONDU
        elif attendue.compte == calc.ACOMPTES and racine[:3] in ("411", "701", "706", "707"):
            code = m.ACOMPTE_CONFONDU
        elif attendue.compte == calc.CLIENT and racine[:2] == "70":
            code = m.ENCAISSEMENT_EN_VENTE
        if code is None:
            return None
        note(code)
        return m.MESSAGES[code]

    return message


def _valeur(lu: Any) -> Any:
    if not isinstance(lu, Lu) or (lu.valeur is None and not lu.erreur):
        return ZERO
    return lu.valeur


def _rangees(lignes: list) -> list[tuple[Any, Any, Any]]:
    """The (account, debit, credit) values the student wrote in an entry's rows (as read);
    blank sides are 0."""
    return [
        (_valeur(ligne.get("compte")), _valeur(ligne.get("debit")), _valeur(ligne.get("credit")))
        for ligne in lignes
        if isinstance(ligne, dict)
    ]


def _clients(lignes: list) -> tuple[Any, Any]:
    """The amounts the student wrote on the customer account in an entry's rows (as read):
    on each side, that of the first row with an amount there (None: no row has one)."""
    debit = credit = None
    for ligne in lignes:
        lu = ligne.get("compte") if isinstance(ligne, dict) else None
        # 411, 411000 or a customer's sub-account (411DURAND), as journal.juge accepts them.
        if not isinstance(lu, Lu) or not isinstance(lu[1], str) or not lu[1].startswith(_CLIENT):
            continue
        if debit is None:
            debit = _valeur(ligne.get("debit")) or None
        if credit is None:
            credit = _valeur(ligne.get("credit")) or None
    return debit, credit


def _scan(
    e: Encaissements, x: calc.Ecriture, lignes: list, debit: Any, credit: Any, note: Note
) -> None:
    """The method errors seen in an entry's amounts (``debit``, ``credit``: the customer's, as
    ``_clients`` finds them; ``lignes``: its rows as read): the customer at HT, the escompte
    taken off the sales."""
    d = x.document
    # (A side left blank is None: tested first, as comparing None with a Decimal asks the ABC
    # numbers.Rational, a Python call.)
    if isinstance(d, Facture) and not x.imputation:
        if d.total_ht != d.ttc and debit is not None and debit == d.total_ht:
            note(m.CLIENT_AU_HT)
        if d.escompte:  # (most invoices have none: no row to look at)
            net_financier = d.net_commercial - d.escompte
            for compte, _, au_credit in _rangees(lignes):
                if au_credit == net_financier and compte in e.acceptes:
                    note(m.ESCOMPTE_DEDUIT_DES_VENTES)
    if isinstance(d, Avoir) and d.total_ht != d.ttc and credit is not None and credit == d.total_ht:
        note(m.CLIENT_AU_HT)


def juge(
    e: Encaissements, ecritures: list[calc.Ecriture], lecture: Lecture, note: Note
) -> tuple[list, dict]:
    """Every entry's verdicts, and the student's own amounts on the customer account; the
    method errors noted by ``note`` in the order seen."""
    champs: list[ChampResult] = []
    propres: dict[str, Decimal] = {}
    message = _message_compte(note, e)
    ecrites = liste(lecture.arbre, "ecritures")
    for k, x in enumerate(ecritures):
        rows = rangee(ecrites, k).get("lignes")
        # (No rows written, not even an empty list: juge judges none, names none missing.)
        jugee = _entree(k, x, rows) if isinstance(rows, list) else ([], False, None, None)
        rows = rows if isinstance(rows, list) else []
        if jugee is None:
            champs += journal.juge(_prefixe(k), calc.lignes(x), lecture, (), message, note)
            debit, credit = _clients(rows)  # (each a Decimal other than 0, or None)
        else:
            verdicts, inverse, debit, credit = jugee
            champs += verdicts
            if inverse:
                note(journal.SENS_INVERSE)
        if type(x.document) is not Reglement:  # (a receipt's amounts name no method error)
            _scan(e, x, rows, debit, credit, note)
        if debit is not None:
            propres.setdefault(f"{x.piece}:D", debit)
        if credit is not None:
            propres.setdefault(f"{x.piece}:C", credit)
    return champs, propres
