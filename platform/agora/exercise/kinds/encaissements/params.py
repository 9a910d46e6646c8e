"""The params of an ``encaissements`` variant: read and checked, with one French line when unusable.

A period's documents for one customer, in the order they are recorded: deposits received,
sales invoices (each in the ``facture`` kind's params, plus its number and date, so an invoice
made in an earlier step can be one of them), credit notes and receipts. Each invoice's amounts
are those the ``facture`` kind computes.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from functools import partial
from typing import Any, NamedTuple

from agora.errors import InvalidInput
from agora.exercise import params as kit
from agora.exercise.kinds.encaissements.totaux import totaux
from agora.money import ZERO, cents, contract_decimal

# The kind's name, in its variants and grades (every module of the kind may import params).
NAME = "encaissements"

MODES = ("cheque", "virement", "carte")
MOTIFS = ("rabais", "remise", "ristourne", "retour", "trop_facture")
RRR = ("rabais", "remise", "ristourne")  # reductions granted after the invoice: account 709
MAX_DOCUMENTS, MAX_LIGNES_AVOIR, MAX_FACTURES_REGLEES = 20, 5, 10
_COMPTE = re.compile(r"\d{3,8}", re.ASCII)
_COMPTE_CLIENT = re.compile(r"411[A-Z0-9]{0,12}", re.ASCII)


# The documents are named tuples, not frozen dataclasses: a grade reads every document anew
# (params come fresh from the database), and a frozen dataclass sets each field slowly.
class Facture(NamedTuple):
    """A sales invoice and the amounts the ``facture`` kind computes for it."""

    piece: str
    jour: date
    echeance: date
    # The totals, in ``totaux.Totaux``'s order (an invoice is built from its Totaux at once).
    ttc: Decimal
    total_ht: Decimal
    net_commercial: Decimal
    escompte: Decimal
    port: Decimal
    tva: tuple[tuple[Decimal, Decimal], ...]  # (rate, VAT) of each rate, in the invoice's order
    acompte: Decimal  # the deposit already received, imputed on this invoice


class Avoir(NamedTuple):
    piece: str
    jour: date
    facture: str
    motif: str
    ht: tuple[tuple[Decimal, Decimal], ...]  # (rate, HT) of each rate
    tva: tuple[tuple[Decimal, Decimal], ...]  # (rate, VAT), VAT = HT × rate, to the cent
    total_ht: Decimal  # the sum of ``ht``
    ttc: Decimal  # ``total_ht`` and every VAT


class Reglement(NamedTuple):
    """A receipt: a deposit before the invoice (``acompte``) or a payment of invoices."""

    piece: str
    jour: date
    mode: str
    montant: Decimal
    factures: tuple[str, ...]
    acompte: bool = False


Document = Facture | Avoir | Reglement
# An invoice from its values in order (its totals' among them), without the Python __new__ a
# NamedTuple generates.
_facture_de = partial(tuple.__new__, Facture)
_reglement_de = partial(tuple.__new__, Reglement)


# A named tuple too, built at every grade as the documents are.
class Encaissements(NamedTuple):
    """Typed, validated params."""

    client: str
    compte_client: str
    compte_produits: str
    acceptes: frozenset[str]  # the sales accounts accepted (textbooks differ)
    date_balance: date
    documents: tuple[Document, ...]
    factures: tuple[Facture, ...]  # the invoices among the documents, in their order


_encaissements = partial(tuple.__new__, Encaissements)


def _refus(message: str) -> InvalidInput:
    return InvalidInput(f"Paramètres : {message}")


def _jour(raw: Any, ou: str) -> date:
    try:
        if isinstance(raw, str) and len(raw) == 10:
            return date.fromisoformat(raw)
    except ValueError:
        pass
    raise _refus(f"{ou} doit être une date AAAA-MM-JJ.")


def _texte(raw: Any, ou: str, longueur: int = 40) -> str:
    if not isinstance(raw, str) or not raw.strip() or len(raw) > longueur:
        raise _refus(f"{ou} doit être un texte de 1 à {longueur} caractères.")
    return raw.strip()


def _euros(raw: Any, ou: str) -> Decimal:
    """A positive amount to the cent, written as the contract writes it (« 120.00 »)."""
    value = kit.lire_montant(raw, ou)
    if not value:
        raise _refus(f"{ou} doit être un montant positif au centime.")
    return value


def _taux(raw: Any, ou: str) -> Decimal:
    value = kit.lire_nombre(raw, ou, "taux")
    if not ZERO <= value < kit.HUNDRED:
        raise _refus(f"{ou} doit être compris entre 0 et 100 (exclu).")
    return value


def _facture(doc: dict[str, Any], ou: str) -> Facture:
    """An invoice: its params checked and its totals computed as the ``facture`` kind does."""
    invoice = kit.lire_objet(doc.get("facture"), f"« facture » du {ou}")
    piece = _texte(invoice.get("numero"), f"le numéro de la facture du {ou}")
    jour = _jour(invoice.get("date"), f"la date de la facture du {ou}")
    echeance = _jour(doc.get("echeance"), f"l'échéance du {ou}")
    if echeance < jour:
        raise _refus(f"l'échéance du {ou} précède la date de la facture.")
    try:
        t = totaux(invoice)
    except InvalidInput as error:
        detail = str(error).removeprefix("Paramètres : ")
        raise _refus(f"facture du {ou} — {detail}") from None
    if t.net_a_payer < 0 or t.ttc <= 0:
        raise _refus(f"la facture du {ou} doit avoir un total positif.")
    return _facture_de((piece, jour, echeance, *t))


def _avoir(doc: dict[str, Any], ou: str) -> Avoir:
    motif = doc.get("motif")
    if not isinstance(motif, str) or motif not in MOTIFS:
        raise _refus(f"le motif du {ou} doit être l'un de : {', '.join(MOTIFS)}.")
    ht = []
    rows = kit.lire_liste(doc.get("montants_ht"), f"montants_ht du {ou}", MAX_LIGNES_AVOIR, 1)
    for i, row in enumerate(rows):
        row = kit.lire_objet(row, f"le montant {i + 1} du {ou}")
        taux = _taux(row.get("taux_tva"), f"le taux de TVA {i + 1} du {ou}")
        ht.append((taux, _euros(row.get("montant_ht"), f"le montant HT {i + 1} du {ou}")))
    if len({t for t, _ in ht}) < len(ht):
        raise _refus(f"le {ou} a deux montants au même taux de TVA.")
    piece = _texte(doc.get("piece"), f"la pièce du {ou}")
    jour = _jour(doc.get("date"), f"la date du {ou}")
    return _avoir_de(piece, jour, _texte(doc.get("facture"), f"la facture du {ou}"), motif, ht)


def _avoir_de(piece: str, jour: date, facture: str, motif: str, ht: list) -> Avoir:
    """A credit note from its values read, its VAT and totals computed."""
    tva = tuple((t, cents(m * t / kit.HUNDRED)) for t, m in ht)
    total_ht = sum((m for _, m in ht), ZERO)
    ttc = total_ht + sum((m for _, m in tva), ZERO)
    return Avoir(piece, jour, facture, motif, tuple(ht), tva, total_ht, ttc)


def _reglement(doc: dict[str, Any], ou: str, acompte: bool) -> Reglement:
    mode = doc.get("mode")
    if not isinstance(mode, str) or mode not in MODES:
        raise _refus(f"le mode du {ou} doit être l'un de : {', '.join(MODES)}.")
    if acompte:
        factures = (_texte(doc.get("facture"), f"la facture du {ou}"),)
    else:
        brutes = kit.lire_liste(doc.get("factures"), f"factures du {ou}", MAX_FACTURES_REGLEES, 1)
        factures = tuple(_texte(p, f"une facture du {ou}") for p in brutes)
    return Reglement(
        _texte(doc.get("piece"), f"la pièce du {ou}"),
        _jour(doc.get("date"), f"la date du {ou}"),
        mode,
        _euros(doc.get("montant"), f"le montant du {ou}"),
        factures,
        acompte,
    )


def _document_ecrit(doc: Any) -> Document | None:
    """A deposit, a receipt or an invoice as generate writes them, read at once: each value of
    a type and range ``_document_lu`` accepts, checked in place, without the labels of its
    refusals written for each (a grade reads a dozen documents). None for anything else, which
    ``_document_lu`` then reads or refuses."""
    if type(doc) is not dict:
        return None
    genre = doc.get("type")
    if genre == "facture":
        return _facture_ecrite(doc)
    if genre == "reglement" or genre == "acompte":
        return _reglement_ecrit(doc, genre == "acompte")
    if genre == "avoir":
        return _avoir_ecrit(doc)
    return None


def _facture_ecrite(doc: dict[str, Any]) -> Facture | None:
    invoice = doc.get("facture")
    if type(invoice) is not dict:
        return None
    piece = _texte_ecrit(invoice.get("numero"))
    jour, echeance = _jour_ecrit(invoice.get("date")), _jour_ecrit(doc.get("echeance"))
    if piece is None or jour is None or echeance is None or echeance < jour:
        return None
    try:
        t = totaux(invoice)
    except InvalidInput:
        return None  # (``_facture`` refuses it, with where it is)
    if t.net_a_payer < 0 or t.ttc <= 0:
        return None
    return _facture_de((piece, jour, echeance, *t))


def _reglement_ecrit(doc: dict[str, Any], acompte: bool) -> Reglement | None:
    if acompte:
        facture = _texte_ecrit(doc.get("facture"))
        factures = None if facture is None else (facture,)
    else:
        brutes = doc.get("factures")
        factures = None
        if type(brutes) is list and 0 < len(brutes) <= MAX_FACTURES_REGLEES:
            factures = tuple(map(_texte_ecrit, brutes))
    mode, piece = doc.get("mode"), _texte_ecrit(doc.get("piece"))
    jour, montant = _jour_ecrit(doc.get("date")), _montant_ecrit(doc.get("montant"))
    lisible = (
        type(mode) is str
        and mode in MODES
        and factures is not None
        and None not in factures
        and piece is not None
        and jour is not None
        and montant is not None
    )
    return _reglement_de((piece, jour, mode, montant, factures, acompte)) if lisible else None


def _avoir_ecrit(doc: dict[str, Any]) -> Avoir | None:
    motif, rows = doc.get("motif"), doc.get("montants_ht")
    if type(motif) is not str or motif not in MOTIFS or type(rows) is not list:
        return None
    if not 0 < len(rows) <= MAX_LIGNES_AVOIR:
        return None
    ht = []
    for row in rows:
        if type(row) is not dict:
            return None
        taux, montant = contract_decimal(row.get("taux_tva")), _montant_ecrit(row.get("montant_ht"))
        if taux is None or not ZERO <= taux < kit.HUNDRED or montant is None:
            return None
        ht.append((taux, montant))
    if len(ht) > 1 and len({t for t, _ in ht}) < len(ht):
        return None
    piece, jour = _texte_ecrit(doc.get("piece")), _jour_ecrit(doc.get("date"))
    facture = _texte_ecrit(doc.get("facture"))
    if piece is None or jour is None or facture is None:
        return None
    return _avoir_de(piece, jour, facture, motif, ht)


def _texte_ecrit(raw: Any) -> str | None:
    """``_texte`` of a text it accepts (40 characters at most); None for anything else."""
    if type(raw) is not str or len(raw) > 40:
        return None
    texte = raw.strip()
    return texte or None


def _jour_ecrit(raw: Any) -> date | None:
    """``_jour`` of a day it accepts; None for anything else."""
    try:
        return date.fromisoformat(raw) if type(raw) is str and len(raw) == 10 else None
    except ValueError:
        return None


def _montant_ecrit(raw: Any) -> Decimal | None:
    """``_euros`` of an amount written as generate writes it (« 730 », « 3419.30 »)."""
    montant = Decimal(raw) if type(raw) is str and kit.MONTANT_ECRIT.fullmatch(raw) else None
    return montant or None


def _document_lu(raw: Any, rang: int) -> Document:
    """``_document`` of any params: each value read by the kit, refused with where it is."""
    ou = f"document {rang}"
    doc = kit.lire_objet(raw, f"le {ou}")
    kind = doc.get("type")
    if kind == "facture":
        return _facture(doc, ou)
    if kind == "avoir":
        return _avoir(doc, ou)
    if kind in ("reglement", "acompte"):
        return _reglement(doc, ou, kind == "acompte")
    raise _refus(f"le type du {ou} doit être facture, avoir, acompte ou reglement.")


def _coherents(documents: tuple[Document, ...], balance: date) -> tuple[Facture, ...]:
    """Each piece once, every invoice named exists, each deposit is imputed on its invoice;
    the invoices, in their order. (Each document's type taken once: it was built here.)"""
    if len({d.piece for d in documents}) < len(documents):
        raise _refus("deux documents ont le même numéro de pièce.")
    factures = {d.piece: d for d in documents if type(d) is Facture}
    if not factures:
        raise _refus("il faut au moins une facture.")
    recus = dict.fromkeys(factures, ZERO)  # the deposits received for each invoice
    for d in documents:
        genre = type(d)
        nommees = d.factures if genre is Reglement else (d.facture,) if genre is Avoir else ()
        for p in nommees:  # (a loop, not any() of a generator: one or two names a document)
            if p not in factures:
                raise _refus(f"le document {d.piece} cite une facture absente des documents.")
        if genre is Avoir and d.ttc > factures[d.facture].ttc:
            raise _refus(f"l'avoir {d.piece} dépasse sa facture.")
        if d.jour > balance:
            raise _refus(f"le document {d.piece} est postérieur à la date de la balance.")
        if genre is Reglement and d.acompte and len(d.factures) == 1:
            recus[d.factures[0]] += d.montant
    for f in factures.values():
        if recus[f.piece] != f.acompte:
            raise _refus(f"les acomptes reçus pour {f.piece} diffèrent de l'acompte de la facture.")
    return tuple(factures.values())


def _comptes(p: dict[str, Any]) -> tuple[str, frozenset[str]]:
    compte = p.get("compte_produits")
    if not isinstance(compte, str) or not _COMPTE.fullmatch(compte) or compte[:2] != "70":
        raise _refus("compte_produits doit être un compte de ventes 70x (701, 706, 707…).")
    acceptes = p.get("comptes_produits_acceptes", [compte])
    if not isinstance(acceptes, list) or not all(
        isinstance(a, str) and _COMPTE.fullmatch(a) for a in acceptes
    ):
        raise _refus("comptes_produits_acceptes doit être une liste de comptes.")
    return compte, frozenset([compte, *acceptes])


def lire_params(params: Any) -> Encaissements:
    """Validate the contract params; InvalidInput with one French line when they are unusable."""
    p = kit.lire_objet(params, "l'ensemble")
    client = kit.lire_objet(p.get("client"), "« client »")
    compte_client = client.get("compte", "411")
    if not isinstance(compte_client, str) or not _COMPTE_CLIENT.fullmatch(compte_client):
        raise _refus("le compte du client doit commencer par 411 (411, 411DUPONT…).")
    compte, acceptes = _comptes(p)
    balance = _jour(p.get("date_balance"), "date_balance")
    brutes = kit.lire_liste(p.get("documents"), "documents", MAX_DOCUMENTS, 1)
    # Each document as generate writes it, read at once; any other, read by the kit.
    documents = tuple(
        [_document_ecrit(raw) or _document_lu(raw, i + 1) for i, raw in enumerate(brutes)]
    )
    factures = _coherents(documents, balance)
    nom = _texte(client.get("nom"), "le nom du client", 120)
    return _encaissements((nom, compte_client, compte, acceptes, balance, documents, factures))


def check_params(params: dict[str, Any]) -> dict[str, Any]:
    """Validate params from outside; InvalidInput with one French line when unusable."""
    lire_params(params)
    return params
