"""The VAT return of the ``declaration_tva`` contract (CA3 lines and settlement entry), run right
or with one typical mistake.

``calcule`` fills the CA3 lines from the month's documents, then the entry that settles the VAT
accounts. The grader runs it three ways: right (the reference), from the student's own earlier
values (an error carried forward earns its credit), and with a known wrong method (a ``faute``)
to name the misconception behind a wrong value.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from agora.exercise import journal
from agora.exercise.grading import Etapes
from agora.exercise.kinds.declaration_tva.params import (
    CA12,
    HUNDRED,
    LIGNE_DU_TAUX,
    TAUX_UE,
    Declaration,
    lire_params,
    taux_str,
)
from agora.money import ZERO, cents, cents_down, fmt

# The wrong methods calcule can run (codes of the public diagnostics).
ARRONDI_TRONQUE = "ARRONDI_TRONQUE"
ENCAISSEMENT_TTC_COMME_HT = "ENCAISSEMENT_TTC_COMME_HT"
EXIGIBILITE_FACTURATION = "EXIGIBILITE_FACTURATION"
IMMOBILISATION_EN_ABS = "IMMOBILISATION_EN_ABS"
TVA_NON_DEDUCTIBLE_DEDUITE = "TVA_NON_DEDUCTIBLE_DEDUITE"
CREDIT_ANTERIEUR_OUBLIE = "CREDIT_ANTERIEUR_OUBLIE"
AUTOLIQUIDATION_OUBLIEE = "AUTOLIQUIDATION_OUBLIEE"
AUTOLIQUIDATION_NON_DEDUITE = "AUTOLIQUIDATION_NON_DEDUITE"
SOLDE_INVERSE = "SOLDE_INVERSE"
# Named by the grader from the entry alone (no calculation to run).
ECRITURE_SENS_INVERSE = journal.SENS_INVERSE
COMPTE_TVA_CONFONDU = "COMPTE_TVA_CONFONDU"

# The settlement entry's accounts (PCG), and those a student may write for them.
C_COLLECTEE, C_DUE_UE, C_IMMO, C_ABS = "44571", "4452", "44562", "44566"
C_CREDIT, C_A_DECAISSER = "44567", "44551"
ACCEPTES = {C_ABS: frozenset({"44566", "445662"}), C_DUE_UE: frozenset({"4452"})}
JOURNAL = "OD"


def base_encaissement(ttc: Decimal, taux: Decimal) -> Decimal:
    """The HT part of a receipt: TTC × 100 ÷ (100 + rate), to the cent."""
    return cents(ttc * HUNDRED / (HUNDRED + taux))


def _bases(d: Declaration, faute: str | None) -> tuple[dict[str, Decimal], Decimal]:
    """The HT base of each rate line, and line A1 (the taxable sales of the month)."""
    bases = dict.fromkeys(d.taux, ZERO)
    total = ZERO
    services = d.encaissements
    if faute == EXIGIBILITE_FACTURATION and d.prestations_facturees:
        services = ()
        for v in d.prestations_facturees:
            bases[taux_str(v.taux)] = bases.get(taux_str(v.taux), ZERO) + v.montant
            total += v.montant
    for v in d.ventes:
        bases[taux_str(v.taux)] += v.montant
        total += v.montant
    for v in services:
        ht = (
            v.montant
            if faute == ENCAISSEMENT_TTC_COMME_HT
            else base_encaissement(v.montant, v.taux)
        )
        bases[taux_str(v.taux)] += ht
        total += ht
    return bases, total


def calcule(d: Declaration, own: Mapping[str, Any] | None = None, faute: str | None = None) -> dict:
    """Every value of the return by its answer path (``ligne_08_taxe``…), plus ``ecriture``.

    ``own`` holds values already given by a student: each later step starts from them when
    present. ``faute`` runs one known wrong method instead of the right one.
    """
    if d.regime == CA12:
        # Imported here: the CA12 builds on this module's accounts and wrong methods.
        from agora.exercise.kinds.declaration_tva import ca12

        return ca12.calcule(d, own, faute)
    etapes = Etapes(own)
    put, own, out = etapes.put, etapes.own, etapes.out
    rnd = cents_down if faute == ARRONDI_TRONQUE else cents
    bases, ventes = _bases(d, faute)
    ue = (
        ZERO
        if faute == AUTOLIQUIDATION_OUBLIEE
        else sum((a.montant_ht for a in d.acquisitions_ue), ZERO)
    )
    put("ligne_01", ventes)
    if d.acquisitions_ue:
        acquisitions = put("ligne_03", ue)
        bases[taux_str(TAUX_UE)] = bases.get(taux_str(TAUX_UE), ZERO) + acquisitions
    brute = ZERO
    for taux in LIGNE_DU_TAUX:
        if taux in bases:
            ligne = LIGNE_DU_TAUX[taux]
            base = put(f"ligne_{ligne}_base", bases[taux])
            brute += put(f"ligne_{ligne}_taxe", rnd(base * Decimal(taux) / HUNDRED))
    l16 = put("ligne_16", brute)
    l17 = (
        put("ligne_17", rnd(own.get("ligne_03", ue) * TAUX_UE / HUNDRED))
        if d.acquisitions_ue
        else ZERO
    )
    _deductible(d, put, l16, l17, faute)
    return out


def _deductible(d: Declaration, put: Any, l16: Decimal, l17: Decimal, faute: str | None) -> None:
    """Lines 19 to 28, then the settlement entry."""
    immo = sum((a.tva for a in d.achats if a.nature == "immobilisation"), ZERO)
    abs_ = sum((a.tva for a in d.achats if a.nature == "biens_services"), ZERO)
    if faute == IMMOBILISATION_EN_ABS:
        immo, abs_ = ZERO, abs_ + immo
    if faute == TVA_NON_DEDUCTIBLE_DEDUITE:
        abs_ += sum((a.tva for a in d.achats if a.nature == "non_deductible"), ZERO)
    if faute != AUTOLIQUIDATION_NON_DEDUITE:
        abs_ += l17
    l19 = put("ligne_19", immo)
    l20 = put("ligne_20", abs_)
    l22 = put("ligne_22", ZERO if faute == CREDIT_ANTERIEUR_OUBLIE else d.credit_anterieur)
    l23 = put("ligne_23", l19 + l20 + l22)
    credit, due = max(ZERO, l23 - l16), max(ZERO, l16 - l23)
    if faute == SOLDE_INVERSE:
        credit, due = due, credit
    l25 = put("ligne_25", credit)
    l28 = put("ligne_28", due)
    out_rows = ecriture(l16, l17, l19, l20, l22, l25, l28)
    put("ecriture", out_rows)


def ecriture(l16, l17, l19, l20, l22, l25, l28) -> list[tuple[str, Decimal, Decimal]]:
    """The settlement entry's rows (account, debit, credit), none for a zero amount."""
    rows = [
        (C_COLLECTEE, l16 - l17, ZERO),
        (C_DUE_UE, l17, ZERO),
        (C_IMMO, ZERO, l19),
        (C_ABS, ZERO, l20),
        (C_CREDIT, ZERO, l22),
        (C_A_DECAISSER, ZERO, l28),
        (C_CREDIT, l25, ZERO),
    ]
    return [row for row in rows if row[1] or row[2]]


LIBELLES = {
    C_COLLECTEE: "TVA collectée",
    C_DUE_UE: "TVA due intracommunautaire",
    C_IMMO: "TVA déductible sur immobilisations",
    C_ABS: "TVA déductible sur autres biens et services",
    C_A_DECAISSER: "TVA à décaisser",
    "44581": "Acomptes de TVA versés",
}


def document(d: Declaration, v: Mapping[str, Any]) -> dict[str, Any]:
    """The contract JSON of a return from its values by answer path."""
    result: dict[str, Any] = {}
    for path, value in v.items():
        if path != "ecriture":
            result[path] = fmt(value)
    piece = f"{'CA12' if d.regime == CA12 else 'CA3'}-{d.periode}"
    result["ecriture"] = [
        {
            "date": d.date_declaration.isoformat(),
            "journal": JOURNAL,
            "piece": piece,
            "compte": compte,
            "libelle": _libelle(compte, debit, d.periode),
            "debit": fmt(debit),
            "credit": fmt(credit),
        }
        for compte, debit, credit in v["ecriture"]
    ]
    return result


def _libelle(compte: str, debit: Decimal, periode: str) -> str:
    if compte == C_CREDIT:
        return f"Crédit de TVA {'à reporter' if debit else 'antérieur imputé'}"
    return f"{LIBELLES[compte]} {periode}"


def solve(params: dict[str, Any]) -> dict[str, Any]:
    """The reference solution, contract JSON."""
    d = lire_params(params)
    return document(d, calcule(d))
