"""The params of a ``relances`` variant: read into typed objects, refused in one French line."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from functools import partial
from typing import Any, NamedTuple

from agora.errors import InvalidInput
from agora.exercise import params as kit

# The kind's name, in its variants and grades (every module of the kind may import params).
NAME = "relances"
MAX_FACTURES = 12
MAX_JOURS = 120  # the longest payment term
NIVEAUX_RELANCE = ("aucune", "relance_amiable", "deuxieme_relance", "mise_en_demeure")
CLAUSES = ("bce", "triple_legal")  # what the organisation's CGV say the penalty rate is


class Facture(NamedTuple):
    """One open invoice of the ageing balance."""

    numero: str
    client: str
    professionnel: bool  # a business customer (owes the 40 €), not a consumer
    date: date
    jours: int  # the payment term granted, in days (0: on receipt)
    fin_de_mois: bool  # « N jours fin de mois »: N days after the invoice, then end of month
    montant_ttc: Decimal
    deja_paye: Decimal  # a partial payment received before the due date
    taux_contrat: Decimal | None  # a rate the customer's own contract sets (level 3)


class Procedure(NamedTuple):
    """The organisation's reminder procedure: from how many days late each step starts."""

    relance_amiable: int
    deuxieme_relance: int
    mise_en_demeure: int


class Balance(NamedTuple):
    """Typed, validated params of one ageing balance (a named tuple: built at every grade)."""

    date_balance: date
    taux_bce: Decimal
    taux_legal_autres: Decimal
    taux_legal_particuliers: Decimal
    indemnite: Decimal
    clause: str
    procedure: Procedure
    factures: tuple[Facture, ...]
    guide: bool  # level 1: the due dates are given; no floor, no legality check
    lettre_client: str
    # Read once from the invoices, for every pass down the balance:
    taux_contrat: Decimal | None  # the one contract rate some customers have (level 3)
    acomptes: bool  # some invoice is partly paid (level 3): the amount still owed is asked


def _facture_ecrite(f: Any) -> Facture | None:
    """An invoice as generate writes it, read at once: each value of a type and range
    ``_facture_lue`` accepts, checked in place, without the labels of its refusals written for
    each (eight per invoice). None for anything else, which ``_facture_lue`` then reads or
    refuses with its message."""
    conditions = f.get("conditions") if type(f) is dict else None
    if type(conditions) is not dict:
        return None
    jours, fin_de_mois = conditions.get("jours"), conditions.get("fin_de_mois")
    numero, client, pro = f.get("numero"), f.get("client"), f.get("professionnel")
    jour, ttc, paye = f.get("date"), f.get("montant_ttc"), f.get("deja_paye", "0.00")
    contrat = f.get("taux_contrat")
    # The names as ``_texte`` accepts them (``isspace`` of a text not empty: ``not strip()``).
    if not (
        type(jours) is int
        and 0 <= jours <= MAX_JOURS
        and type(fin_de_mois) is bool
        and type(pro) is bool
        and type(numero) is str
        and 0 < len(numero) <= 80
        and not numero.isspace()
        and type(client) is str
        and 0 < len(client) <= 80
        and not client.isspace()
        and type(jour) is str
        and type(ttc) is str
        and kit.MONTANT_ECRIT.fullmatch(ttc)
        and (paye == "0.00" or (type(paye) is str and kit.MONTANT_ECRIT.fullmatch(paye)))
        and (contrat is None or (type(contrat) is str and _TAUX_ECRIT.fullmatch(contrat)))
    ):
        return None
    try:
        jour = date.fromisoformat(jour)  # what lire_jour accepts
    except ValueError:
        return None
    ttc, paye = Decimal(ttc), _RIEN_PAYE if paye == "0.00" else Decimal(paye)
    if contrat is not None:
        contrat = Decimal(contrat)
        if contrat > _CENT:
            return None
    if paye >= ttc:
        return None
    return _FACTURE((numero, client, pro, jour, jours, fin_de_mois, ttc, paye, contrat))


# Named tuples made from their values as one tuple (their own __new__ is a Python function).
_FACTURE = partial(tuple.__new__, Facture)
_PROCEDURE = partial(tuple.__new__, Procedure)
_BALANCE = partial(tuple.__new__, Balance)
# A rate as generate writes it (« 7.5 »): what lire_taux reads as it is, below 100 once read
# (an amount so written, kit.MONTANT_ECRIT, is read at once too, without the label of its
# refusal written for nothing).
_TAUX_ECRIT = re.compile(r"\d{1,3}(?:\.\d{1,6})?", re.ASCII)
_RIEN_PAYE = Decimal("0.00")  # most invoices' « deja_paye »
_CENT = Decimal(100)


def _facture_lue(raw: Any, i: int) -> Facture:
    """An invoice of any params: each value read by the kit, refused with where it is."""
    ou = f"facture {i + 1}"
    f = kit.lire_objet(raw, f"la {ou}")
    conditions = kit.lire_objet(f.get("conditions"), f"les conditions de la {ou}")
    ttc = _montant(f.get("montant_ttc"), "montant TTC", ou)
    paye = _montant(f.get("deja_paye", "0.00"), "déjà payé", ou)
    if paye >= ttc:
        raise InvalidInput(f"Paramètres : la {ou} est déjà entièrement payée.")
    contrat = f.get("taux_contrat")
    return Facture(  # positional (a named tuple built by names is slower): numero, client…
        _texte(f.get("numero"), f"numéro de la {ou}"),
        _texte(f.get("client"), f"client de la {ou}"),
        kit.lire_booleen(f.get("professionnel"), f"« professionnel » de la {ou}"),
        kit.lire_jour(f.get("date"), f"date de la {ou}"),
        kit.lire_entier(conditions.get("jours"), f"délai de la {ou}", MAX_JOURS),
        kit.lire_booleen(conditions.get("fin_de_mois"), f"« fin_de_mois » de la {ou}"),
        ttc,
        paye,
        None if contrat is None else kit.lire_taux(contrat, f"taux du contrat, {ou}"),
    )


def _montant(raw: Any, quoi: str, ou: str) -> Decimal:
    """``lire_montant`` of an invoice's amount (``quoi``) at ``ou``."""
    return kit.lire_montant(raw, f"{quoi} de la {ou}")


def _texte(raw: Any, ou: str) -> str:
    """A name as the statement prints it (a customer, an invoice number)."""
    if not isinstance(raw, str) or not raw.strip() or len(raw) > 80:
        raise InvalidInput(f"Paramètres : {ou} doit être un texte de 1 à 80 caractères.")
    return raw


def _procedure(raw: Any) -> Procedure:
    p = kit.lire_objet(raw, "« procedure »")
    seuils = [kit.lire_entier(p.get(n), f"seuil « {n} »", 365) for n in NIVEAUX_RELANCE[1:]]
    if not 1 <= seuils[0] < seuils[1] < seuils[2]:
        raise InvalidInput("Paramètres : les seuils de la procédure doivent croître à partir de 1.")
    return Procedure(*seuils)


def lire_params(params: Any) -> Balance:
    """The typed balance; InvalidInput (one French line) when the params are unusable."""
    return _balance_ecrite(params) or _balance_lue(params)


def _balance_ecrite(p: Any) -> Balance | None:
    """The params as generate writes them, read at once (they are read at every grade): each
    value of a type and range ``_balance_lue`` accepts, checked in place. None for anything
    else, which ``_balance_lue`` then reads or refuses with its message."""
    if type(p) is not dict:
        return None
    b, procedure, brut = p.get("baremes"), p.get("procedure"), p.get("factures")
    if not (
        type(b) is dict
        and type(procedure) is dict
        and type(brut) is list
        and 0 < len(brut) <= MAX_FACTURES
    ):
        return None
    factures = tuple(map(_facture_ecrite, brut))
    if None in factures:
        return None
    contrats = {f.taux_contrat for f in factures}
    contrats.discard(None)
    seuils = tuple(map(procedure.get, NIVEAUX_RELANCE[1:]))
    clause, lettre, guide = p.get("clause_penalites"), p.get("lettre_client"), p.get("guide", False)
    jour, indemnite = p.get("date_balance"), b.get("indemnite")
    if not (
        len(contrats) <= 1
        and type(clause) is str
        and clause in CLAUSES
        and type(lettre) is str
        and lettre in [f.client for f in factures]  # a name read at sight: a text _texte takes
        and type(guide) is bool
        and type(jour) is str
        and type(indemnite) is str
        and kit.MONTANT_ECRIT.fullmatch(indemnite)
        and all(type(s) is int for s in seuils)
        and 1 <= seuils[0] < seuils[1] < seuils[2] <= 365
    ):
        return None
    taux = tuple(map(_taux_ecrit, map(b.get, _TAUX_BAREMES)))
    if None in taux:
        return None
    try:
        jour = date.fromisoformat(jour)  # what lire_jour accepts
    except ValueError:
        return None
    return _BALANCE(
        (
            jour,
            *taux,
            Decimal(indemnite),
            clause,
            _PROCEDURE(seuils),
            factures,
            guide,
            lettre,
            next(iter(contrats), None),
            any(f.deja_paye for f in factures),
        )
    )


_TAUX_BAREMES = ("taux_bce", "taux_legal_autres", "taux_legal_particuliers")


def _taux_ecrit(raw: Any) -> Decimal | None:
    """A rate of the baremes as lire_taux reads it, when written as generate writes it."""
    if type(raw) is not str or not _TAUX_ECRIT.fullmatch(raw):
        return None
    taux = Decimal(raw)
    return taux if taux <= _CENT else None


def _balance_lue(params: Any) -> Balance:
    """``lire_params`` of any params: each value read by the kit, refused with where it is."""
    p = kit.lire_objet(params, "les paramètres (un objet JSON)")
    b = kit.lire_objet(p.get("baremes"), "« baremes »")
    clause = kit.code_connu(p.get("clause_penalites"), CLAUSES, "clause de pénalités inconnue")
    brut = kit.lire_liste(p.get("factures"), "factures", MAX_FACTURES, minimum=1)
    factures = tuple(_facture_lue(f, i) for i, f in enumerate(brut))
    contrats = {f.taux_contrat for f in factures if f.taux_contrat is not None}
    if len(contrats) > 1:
        raise InvalidInput("Paramètres : un seul taux de contrat par balance.")
    lettre = _texte(p.get("lettre_client"), "« lettre_client »")
    if lettre not in [f.client for f in factures]:
        raise InvalidInput("Paramètres : « lettre_client » n'a aucune facture dans la balance.")
    return Balance(
        date_balance=kit.lire_jour(p.get("date_balance"), "« date_balance »"),
        taux_bce=kit.lire_taux(b.get("taux_bce"), "taux de la BCE"),
        taux_legal_autres=kit.lire_taux(b.get("taux_legal_autres"), "taux de l'intérêt légal"),
        taux_legal_particuliers=kit.lire_taux(
            b.get("taux_legal_particuliers"), "taux de l'intérêt légal des particuliers"
        ),
        indemnite=kit.lire_montant(b.get("indemnite"), "indemnité forfaitaire"),
        clause=clause,
        procedure=_procedure(p.get("procedure")),
        factures=factures,
        guide=kit.lire_booleen(p.get("guide", False), "« guide »"),
        lettre_client=lettre,
        taux_contrat=next(iter(contrats), None),
        acomptes=any(f.deja_paye for f in factures),
    )


def check_params(params: dict[str, Any]) -> dict[str, Any]:
    """Validate params from outside; InvalidInput with one French line when unusable."""
    lire_params(params)
    return params
