"""The reference of an ``encaissements``: the entries of the period (VT, BQ), the lettering of
the customer account and the ageing balance, from the documents alone.

Each document gives one entry, in the documents' order; an invoice with a deposit gives a second
one, the deposit's imputation. The customer account's movements are what is lettered: a group
of invoices with the documents that settle them gets a letter when its debits equal its credits
exactly. The ageing balance allocates the credits to the invoices they name.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from functools import partial
from typing import Any, NamedTuple

from agora.exercise.journal import LigneEcriture
from agora.exercise.kinds.encaissements.params import (
    RRR,
    Avoir,
    Encaissements,
    Facture,
    Reglement,
    lire_params,
)
from agora.money import ZERO, fmt

_AUCUN: frozenset[str] = frozenset()  # a row that accepts its own account alone

CLIENT, BANQUE, ACOMPTES, TVA, ESCOMPTE, PORT, RRR_ACCORDES = (
    "411",
    "512",
    "4191",
    "44571",
    "665",
    "7085",
    "709",
)
# The bands of the ageing balance: the last day of lateness each takes (None: no end).
TRANCHES = (("non_echu", 0), ("de_1_a_30", 30), ("de_31_a_60", 60), ("plus_de_60", None))
SOLDEE = "soldee"
# The letters of the lettering (one per settled group; params hold 20 documents at most).
LETTRES = "ABCDEFGHIJKLMNOPQRST"
NON_LETTRE = "non_lettre"


# Named tuples, not frozen dataclasses: a grader builds every entry and movement anew at each
# grade (params come fresh from the database), and a frozen dataclass sets each field slowly.
class Ecriture(NamedTuple):
    journal: str
    piece: str
    jour: date
    libelle: str
    # The rows with an amount: (account, debit, credit, label, accounts accepted) each; as
    # journal rows by ``lignes`` (a grader judges most entries from these values alone).
    lignes: tuple[tuple[str, Decimal, Decimal, str, frozenset[str]], ...]
    document: Facture | Avoir | Reglement
    imputation: bool = False  # the deposit's imputation on its invoice


class Mouvement(NamedTuple):
    """A row of the customer account: the invoice's debit, or a credit that settles invoices."""

    piece: str
    libelle: str
    debit: Decimal
    credit: Decimal
    factures: tuple[str, ...]


# An entry and a movement from their values in order, without the Python __new__ a NamedTuple
# generates (each of an entry's seven given, the imputation flag too).
_ecriture = partial(tuple.__new__, Ecriture)
_mouvement = partial(tuple.__new__, Mouvement)


def _facture(e: Encaissements, f: Facture) -> list[Ecriture]:
    rows = [
        (CLIENT, f.ttc, ZERO, f"Facture {e.client}", _AUCUN),
        (ESCOMPTE, f.escompte, ZERO, "Escompte accordé", _AUCUN),
        (e.compte_produits, ZERO, f.net_commercial, "Ventes", e.acceptes),
        (PORT, ZERO, f.port, "Port facturé", _AUCUN),
    ]
    # (A list, not a generator unpacked: built for every invoice of every grade.)
    rows += [
        (TVA, ZERO, montant, f"TVA collectée {taux.normalize():f} %", _AUCUN)
        for taux, montant in f.tva
    ]
    lignes = _lignes(rows)
    ecritures = [_ecriture(("VT", f.piece, f.jour, f"Facture {f.piece}", lignes, f, False))]
    if f.acompte:
        libelle = "Imputation de l'acompte"
        # (Both rows have the deposit, not 0: none to leave out.)
        imputation = (
            (ACOMPTES, f.acompte, ZERO, libelle, _AUCUN),
            (CLIENT, ZERO, f.acompte, libelle, _AUCUN),
        )
        ecritures.append(_ecriture(("VT", f.piece, f.jour, libelle, imputation, f, True)))
    return ecritures


def _avoir(e: Encaissements, a: Avoir) -> Ecriture:
    # A reduction granted after the invoice goes to 709 (70x accepted); a return or a quantity
    # invoiced too many cancels part of the sale itself: 70x.
    if a.motif in RRR:
        produit = (RRR_ACCORDES, a.total_ht, ZERO, "Avoir", e.acceptes | {RRR_ACCORDES})
    else:
        produit = (e.compte_produits, a.total_ht, ZERO, "Avoir", e.acceptes)
    rows = [
        produit,
        *(
            (TVA, montant, ZERO, f"TVA {taux.normalize():f} % reprise", _AUCUN)
            for taux, montant in a.tva
        ),
        (CLIENT, ZERO, a.ttc, f"Avoir {e.client}", _AUCUN),
    ]
    libelle = f"Avoir {a.piece} sur {a.facture}"
    lignes = _lignes(rows)
    return _ecriture(("VT", a.piece, a.jour, libelle, lignes, a, False))


def _reglement(e: Encaissements, r: Reglement) -> Ecriture:
    credit = ACOMPTES if r.acompte else CLIENT
    quoi = "Acompte" if r.acompte else "Règlement"
    # (Both rows have the amount: params refuse a receipt of 0, so none to leave out.)
    lignes = (
        (BANQUE, r.montant, ZERO, f"{quoi} {e.client}", _AUCUN),
        (credit, ZERO, r.montant, f"{quoi} {', '.join(r.factures)}", _AUCUN),
    )
    return _ecriture(("BQ", r.piece, r.jour, f"{quoi} {r.piece}", lignes, r, False))


def _lignes(rows: list[tuple]) -> tuple[tuple, ...]:
    """The rows (account, debit, credit, label, accounts accepted) of one entry that have an
    amount."""
    return tuple([row for row in rows if row[1] or row[2]])


def lignes(x: Ecriture) -> tuple[LigneEcriture, ...]:
    """The rows of an entry as journal rows of its document, journal and day."""
    return tuple(
        [
            LigneEcriture(compte, debit, credit, libelle, x.piece, x.journal, x.jour, acceptes)
            for compte, debit, credit, libelle, acceptes in x.lignes
        ]
    )


def ecritures(e: Encaissements) -> list[Ecriture]:
    """The entries of the period, in the documents' order."""
    result: list[Ecriture] = []
    for d in e.documents:
        if isinstance(d, Facture):
            result += _facture(e, d)
        elif isinstance(d, Avoir):
            result.append(_avoir(e, d))
        else:
            result.append(_reglement(e, d))
    return result


def mouvements(e: Encaissements) -> list[Mouvement]:
    """The rows of the customer account, in the order of the entries."""
    result = []
    for d in e.documents:
        if isinstance(d, Facture):
            result.append(_mouvement((d.piece, f"Facture {d.piece}", d.ttc, ZERO, (d.piece,))))
            if d.acompte:
                libelle = f"Imputation de l'acompte sur {d.piece}"
                result.append(_mouvement((d.piece, libelle, ZERO, d.acompte, (d.piece,))))
        elif isinstance(d, Avoir):
            result.append(_mouvement((d.piece, f"Avoir {d.piece}", ZERO, d.ttc, (d.facture,))))
        elif not d.acompte:
            libelle = f"Règlement {d.piece}"
            result.append(_mouvement((d.piece, libelle, ZERO, d.montant, d.factures)))
    return result


def groupes(mvts: list[Mouvement]) -> list[frozenset[int]]:
    """The movements that settle one another: invoices joined by a credit naming both, with
    every credit naming them (each movement in one group); the groups in the order of their
    first movement."""
    parent: dict[str, str] = {}

    def racine(p: str) -> str:
        while parent.setdefault(p, p) != p:
            p = parent[p]
        return p

    for m in mvts:
        if len(m.factures) > 1:  # (most movements name one invoice: nothing to join)
            for autre in m.factures[1:]:
                parent[racine(autre)] = racine(m.factures[0])
    par_racine: dict[str, set[int]] = {}
    for i, m in enumerate(mvts):
        p = m.factures[0]
        # (An invoice never joined is its own root: no call to find it, as for most.)
        if parent.get(p, p) != p:
            p = racine(p)
        par_racine.setdefault(p, set()).add(i)
    return [frozenset(g) for g in par_racine.values()]


def equilibre(mvts: list[Mouvement], groupe: frozenset[int] | set[int]) -> bool:
    """Debits equal credits: the group can be lettered."""
    solde = ZERO  # (a loop, not sum() of a generator: asked of every group at every grade)
    for i in groupe:
        m = mvts[i]
        solde += m.debit - m.credit
    return solde == 0


def lettres(mvts: list[Mouvement]) -> list[str]:
    """The letter of each movement (A, B… in the order of their first movement); NON_LETTRE
    for a movement left open."""
    result = [NON_LETTRE] * len(mvts)
    # (``groupes`` gives them in the order of their first movement already.)
    equilibres = [g for g in groupes(mvts) if equilibre(mvts, g)]
    for lettre, groupe in zip(LETTRES, equilibres, strict=False):
        for i in groupe:
            result[i] = lettre
    return result


def restes(
    e: Encaissements,
    montants: dict[str, Decimal] | None = None,
    mvts: list[Mouvement] | None = None,
) -> tuple[dict, Decimal]:
    """What each invoice still owes, and the overpayment: a credit settles the invoices it names
    in their order, the last one taking what remains. ``montants`` replaces the amount of a
    movement (by its piece and side, ``"FA-1:D"``) with a student's own value; ``mvts``: the
    account's movements, when the caller has them already (a grader, at every answer)."""
    # (No student's amounts, as for the reference itself: no key spelled out to look up.)
    reste = (
        {f.piece: montants.get(f"{f.piece}:D", f.ttc) for f in e.factures}
        if montants
        else {f.piece: f.ttc for f in e.factures}
    )
    for m in mouvements(e) if mvts is None else mvts:
        if m.debit:
            continue
        credit = montants.get(f"{m.piece}:C", m.credit) if montants else m.credit
        for k, piece in enumerate(m.factures):
            part = credit if k == len(m.factures) - 1 else min(credit, max(reste[piece], ZERO))
            reste[piece] -= part
            credit -= part
    trop_percu = ZERO  # (a loop, not a sum and a copy: asked twice at every grade)
    for piece, r in reste.items():
        if r < 0:
            trop_percu -= r
            reste[piece] = ZERO
    return reste, trop_percu


def tranche(e: Encaissements, depuis: date, reste: Decimal) -> str:
    """The band of an amount still due, by its days late at the balance date."""
    if not reste:
        return SOLDEE
    retard = (e.date_balance - depuis).days
    # (A loop, not next() of a generator: asked of every invoice. The last band has no end.)
    for code, fin in TRANCHES[:-1]:
        if retard <= fin:
            return code
    return TRANCHES[-1][0]


def balance(e: Encaissements, mvts: list[Mouvement] | None = None) -> dict[str, Any]:
    """The ageing balance: each invoice's amount due and band, the totals, the overpayment and
    the customer's balance (debits − credits of the account); ``mvts`` as ``restes`` takes it."""
    reste, trop_percu = restes(e, None, mvts)
    lignes = [(f, reste[f.piece], tranche(e, f.echeance, reste[f.piece])) for f in e.factures]
    totaux = {code: ZERO for code, _ in TRANCHES}
    for _, montant, code in lignes:
        if code != SOLDEE:
            totaux[code] += montant
    return {
        "lignes": lignes,
        "totaux": totaux,
        "trop_percu": trop_percu,
        "solde": sum(totaux.values(), ZERO) - trop_percu,
    }


def document(e: Encaissements) -> dict[str, Any]:
    """The contract JSON of the solution."""
    mvts = mouvements(e)
    b = balance(e, mvts)
    result: dict[str, Any] = {
        "ecritures": [
            {
                "journal": x.journal,
                "piece": x.piece,
                "date": x.jour.isoformat(),
                "libelle": x.libelle,
                "lignes": [ligne.to_json() for ligne in lignes(x)],
            }
            for x in ecritures(e)
        ],
        "lettrage": [
            {"piece": m.piece, "libelle": m.libelle, "lettre": lettre}
            for m, lettre in zip(mvts, lettres(mvts), strict=True)
        ],
        "balance": [
            {
                "facture": f.piece,
                "echeance": f.echeance.isoformat(),
                "reste_du": fmt(montant),
                "tranche": code,
            }
            for f, montant, code in b["lignes"]
        ],
        "totaux": {code: fmt(montant) for code, montant in b["totaux"].items()},
    }
    if b["trop_percu"]:
        result["trop_percu"] = fmt(b["trop_percu"])
    result["solde_client"] = fmt(b["solde"])
    return result


def solve(params: dict[str, Any]) -> dict[str, Any]:
    """The reference solution, contract JSON."""
    return document(lire_params(params))
