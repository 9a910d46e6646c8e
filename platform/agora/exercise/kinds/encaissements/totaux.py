"""The totals of an invoice of the ``facture`` kind (TTC, HT, VAT by rate…), as that kind's
solution gives them, computed at every grade without its pydantic model when the invoice is in
the contract's own writing.

A grade reads the params fresh from the database, so each invoice is read and computed anew:
the ``facture`` kind's full read (pydantic) and solution (every step, printed, then read back)
cost more than the rest of the grade. Here an invoice whose every number is written as the
contract writes it (« 106.35 », « 20 ») and within its bounds is read directly; any other one
is read by the ``facture`` kind itself, which refuses it with its own French line or accepts
it. Either way the totals follow the ``facture`` kind's correct method step by step (its
``solve.calcule`` without a wrong method); a test checks they equal its solution.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, NamedTuple

from agora.exercise.kinds.facture.params import MAX_LIGNES, MAX_REDUCTIONS, NATURES, lire_params
from agora.exercise.params import HUNDRED, taux_str
from agora.money import CENT, ZERO, cents

# A number as the contract writes it, never negative, as the ``facture`` kind reads it at once.
_CONTRAT = re.compile(r"\d{1,12}(\.\d{1,3})?", re.ASCII)
_NUL = Decimal(0)  # what an invoice without carriage, escompte or deposit has (built once)
# A VAT rate written as the solution prints it, below 100 (« 20 », « 5.5 »; not « 5.50 »).
_TAUX_ECRIT = re.compile(r"(?:0|[1-9]\d?)(?:\.\d{0,2}[1-9])?", re.ASCII)
# A line's quantity, price and VAT rate, each written so, joined by spaces: one match a line,
# not three (none of the three has a space, so the parts cannot shift across the joins).
_LIGNE_ECRITE = re.compile(
    rf"{_CONTRAT.pattern} {_CONTRAT.pattern} {_TAUX_ECRIT.pattern}", re.ASCII
)


class Saisie(NamedTuple):
    """What the totals depend on: each line's (quantity, price, VAT rate as the solution prints
    it), the reductions' rates, the carriage, its VAT rate (None: the goods' only one), the
    escompte and deposit."""

    lignes: tuple[tuple[Decimal, Decimal, Decimal], ...]
    reductions: tuple[Decimal, ...]
    port: Decimal
    taux_port: Decimal | None
    escompte: Decimal
    acompte: Decimal


class Totaux(NamedTuple):
    """The invoice's totals, each as its solution prints it (to the cent)."""

    ttc: Decimal
    total_ht: Decimal
    net_commercial: Decimal
    escompte: Decimal
    port: Decimal
    tva: tuple[tuple[Decimal, Decimal], ...]  # (rate, VAT) of each rate, in the invoice's order
    acompte: Decimal

    @property
    def net_a_payer(self) -> Decimal:
        return self.ttc - self.acompte


def totaux(invoice: dict[str, Any]) -> Totaux:
    """The totals of an invoice's params (a dict); InvalidInput as the ``facture`` kind words it
    when they are unusable."""
    saisie = _lue(invoice)
    if saisie is None:
        f = lire_params(invoice)  # refuses, or reads what is written otherwise
        saisie = Saisie(
            tuple(
                (ligne.quantite, ligne.prix, Decimal(taux_str(ligne.taux))) for ligne in f.lignes
            ),
            tuple(r.taux for r in f.reductions),
            f.port,
            f.taux_port,
            f.escompte_taux,
            f.acompte,
        )
    return calcule(saisie)


def _nombre(raw: Any) -> Decimal | None:
    if type(raw) is str and len(raw) < 16 and _CONTRAT.fullmatch(raw):
        return Decimal(raw)
    return None


def _taux(raw: Any, zero_admis: bool = True) -> Decimal | None:
    taux = _nombre(raw)
    if taux is None or taux >= HUNDRED or not (zero_admis or taux):
        return None
    return taux


def _taux_tva(raw: Any) -> Decimal | None:
    """A line's VAT rate as the solution prints it (its Decimal too: « 5.5 », never « 5.50 »):
    worked out once per line as it is read, not again for each rate's totals."""
    if type(raw) is str and _TAUX_ECRIT.fullmatch(raw):
        return Decimal(raw)  # written so already: the common case
    taux = _taux(raw)
    return Decimal(taux_str(taux)) if taux is not None else None


def _montant(invoice: dict[str, Any], nom: str) -> Decimal | None:
    if nom not in invoice:
        return _NUL
    montant = _nombre(invoice[nom])
    return montant if montant is not None and montant == cents(montant) else None


def _lue(invoice: dict[str, Any]) -> Saisie | None:
    """The invoice read directly when it is written as the contract writes it; None otherwise
    (the ``facture`` kind then reads it, or refuses it)."""
    lignes, reductions = invoice.get("lignes"), invoice.get("reductions") or []
    if not isinstance(lignes, list) or not 0 < len(lignes) <= MAX_LIGNES:
        return None
    if not isinstance(reductions, list) or len(reductions) > MAX_REDUCTIONS:
        return None
    lues = tuple(map(_ligne, lignes))
    taux_reductions = tuple(map(_reduction, reductions))
    port, acompte = _montant(invoice, "frais_port_ht"), _montant(invoice, "acompte")
    escompte = _taux(invoice["escompte_taux"]) if "escompte_taux" in invoice else _NUL
    # (Each number tested with ``is None``: ``None in`` compares None with each Decimal, which
    # asks the ABC numbers.Rational, a Python call each time.)
    if None in lues or port is None or acompte is None or escompte is None:
        return None
    if taux_reductions and any(n is None for n in taux_reductions):
        return None
    taux_port = invoice.get("taux_tva_port")
    if taux_port is not None:
        taux_port = _taux(taux_port)
        if taux_port is None or taux_port not in {t for _, _, t in lues}:
            return None
    elif port > 0 and len({t for _, _, t in lues}) > 1:
        return None
    # (The named tuple's own __new__ is a Python call: every invoice of every grade is read so.)
    return tuple.__new__(Saisie, (lues, taux_reductions, port, taux_port, escompte, acompte))


def _ligne(raw: Any) -> tuple[Decimal, Decimal, Decimal] | None:
    if not isinstance(raw, dict):
        return None
    quantite, prix, taux = raw.get("quantite"), raw.get("prix_unitaire_ht"), raw.get("taux_tva")
    if (  # each number as generate writes it: read at once, without a call each (most lines)
        type(quantite) is str
        and type(prix) is str
        and type(taux) is str
        and len(quantite) < 16
        and len(prix) < 16
        and _LIGNE_ECRITE.fullmatch(f"{quantite} {prix} {taux}")
    ):
        quantite = Decimal(quantite)
        return (quantite, Decimal(prix), Decimal(taux)) if quantite else None
    quantite, prix, taux = _nombre(quantite), _nombre(prix), _taux_tva(taux)
    if quantite is None or not quantite or prix is None or taux is None:
        return None
    return quantite, prix, taux


def _reduction(raw: Any) -> Decimal | None:
    if not isinstance(raw, dict) or raw.get("nature") not in NATURES:
        return None
    return _taux(raw.get("taux"), zero_admis=False)


def calcule(s: Saisie) -> Totaux:
    """The totals by the ``facture`` kind's correct method, in its order of operations: each
    line to the cent, the reductions in cascade then the escompte per VAT rate, the carriage
    in the base of its rate. (Each Decimal rounded to the cent as ``cents`` does, by its
    method: ``cents`` is a Python call, a dozen an invoice, every invoice of every grade.)"""
    bruts: dict[Decimal, Decimal] = {}  # each rate's lines, in the order of their first line
    for q, p, t in s.lignes:
        bruts[t] = bruts.get(t, ZERO) + (q * p).quantize(CENT, ROUND_HALF_UP)
    taux = tuple(bruts)
    groupe_port = taux.index(s.taux_port) if s.taux_port is not None else 0
    net_commercial = escompte = net_financier = total_tva = ZERO
    tva = []
    for g, (t, brut) in enumerate(bruts.items()):
        base = brut
        reduit = ZERO
        for r in s.reductions:
            montant = (base * r / HUNDRED).quantize(CENT, ROUND_HALF_UP)
            base -= montant
            reduit += montant
        nc = brut - reduit
        e = ZERO  # (most have no escompte)
        if s.escompte:
            e = (nc * s.escompte / HUNDRED).quantize(CENT, ROUND_HALF_UP)
        nf = nc - e
        net_commercial += nc
        escompte += e
        net_financier += nf
        base_tva = nf + (s.port if g == groupe_port else ZERO)
        vat = (base_tva * t / HUNDRED).quantize(CENT, ROUND_HALF_UP)
        total_tva += vat
        tva.append((t, vat))
    total_ht = net_financier + s.port
    return tuple.__new__(  # (the named tuple's own __new__ is a Python call)
        Totaux,
        (
            (total_ht + total_tva).quantize(CENT, ROUND_HALF_UP),
            total_ht.quantize(CENT, ROUND_HALF_UP),
            net_commercial.quantize(CENT, ROUND_HALF_UP),
            escompte.quantize(CENT, ROUND_HALF_UP),
            s.port.quantize(CENT, ROUND_HALF_UP),
            tuple(tva),
            s.acompte.quantize(CENT, ROUND_HALF_UP),
        ),
    )
