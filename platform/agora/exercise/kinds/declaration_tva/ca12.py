"""The annual CA12 of the régime simplifié (form 3517-S-SD): the year's VAT by rate, the
deductions, the two acomptes paid in July and December, the balance due or the surplus, the base
of next year's acomptes (line 57) and the entry that settles the VAT accounts.

Same shape as the CA3 in ``solve``: run right, from the student's own earlier values (an error
carried forward earns its credit), or with one known wrong method (a ``faute``).
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from agora.exercise.grading import Etapes
from agora.exercise.kinds.declaration_tva import solve as calc
from agora.exercise.kinds.declaration_tva.baremes import bareme_tva
from agora.exercise.kinds.declaration_tva.params import HUNDRED, LIGNE_CA12, Declaration, taux_str
from agora.money import ZERO, cents, cents_down

# The wrong methods only the CA12 has (codes of the public diagnostics).
ACOMPTES_TAUX_INVERSES = "ACOMPTES_TAUX_INVERSES"
ACOMPTES_SOUS_SEUIL = "ACOMPTES_SOUS_SEUIL"
ACOMPTES_OUBLIES = "ACOMPTES_OUBLIES"
BASE_ACOMPTES_IMMO_DEDUITE = "BASE_ACOMPTES_IMMO_DEDUITE"

# The acomptes paid during the year are on 44581 (PCG « Acomptes – régime simplifié »).
C_ACOMPTES = "44581"

_BAREME = bareme_tva(2026)
JUILLET = _BAREME.acompte_juillet_pourcent.valeur
DECEMBRE = _BAREME.acompte_decembre_pourcent.valeur
SEUIL = _BAREME.acomptes_seuil.valeur


def acomptes(base: Decimal, faute: str | None = None) -> tuple[Decimal, Decimal]:
    """The July and December acomptes on the previous year's line 57: none under the threshold."""
    rnd = cents_down if faute == calc.ARRONDI_TRONQUE else cents
    if base < SEUIL and faute != ACOMPTES_SOUS_SEUIL:
        return ZERO, ZERO
    juillet, decembre = (
        (DECEMBRE, JUILLET) if faute == ACOMPTES_TAUX_INVERSES else (JUILLET, DECEMBRE)
    )
    return rnd(base * juillet / HUNDRED), rnd(base * decembre / HUNDRED)


def calcule(d: Declaration, own: Mapping[str, Any] | None = None, faute: str | None = None) -> dict:
    """Every value of the CA12 by its answer path (``ligne_5A_taxe``…), plus ``ecriture``."""
    etapes = Etapes(own)
    put = etapes.put
    rnd = cents_down if faute == calc.ARRONDI_TRONQUE else cents
    bases: dict[str, Decimal] = {}
    for v in d.ventes:
        bases[taux_str(v.taux)] = bases.get(taux_str(v.taux), ZERO) + v.montant
    l16 = ZERO
    for taux, ligne in LIGNE_CA12.items():
        if taux in bases:
            base = put(f"ligne_{ligne}_base", bases[taux])
            l16 += put(f"ligne_{ligne}_taxe", rnd(base * Decimal(taux) / HUNDRED))
    l16 = put("ligne_16", l16)
    l19 = put("ligne_19", l16)  # no refund, reversal nor addition (lines 17, 18, AD)
    immo = sum((a.tva for a in d.achats if a.nature == "immobilisation"), ZERO)
    abs_ = sum((a.tva for a in d.achats if a.nature == "biens_services"), ZERO)
    if faute == calc.IMMOBILISATION_EN_ABS:
        immo, abs_ = ZERO, abs_ + immo
    if faute == calc.TVA_NON_DEDUCTIBLE_DEDUITE:
        abs_ += sum((a.tva for a in d.achats if a.nature == "non_deductible"), ZERO)
    l20 = put("ligne_20", abs_)
    l22 = put("ligne_22", l20)  # no flat-rate deduction (line 21)
    l23 = put("ligne_23", immo)
    l24 = put("ligne_24", ZERO if faute == calc.CREDIT_ANTERIEUR_OUBLIE else d.credit_anterieur)
    l26 = put("ligne_26", l22 + l23 + l24)
    due, credit = max(ZERO, l19 - l26), max(ZERO, l26 - l19)
    if faute == calc.SOLDE_INVERSE:
        due, credit = credit, due
    l28, l29 = put("ligne_28", due), put("ligne_29", credit)
    juillet, decembre = acomptes(d.base_acomptes, faute)
    juillet, decembre = put("acompte_juillet", juillet), put("acompte_decembre", decembre)
    l30 = put("ligne_30", ZERO if faute == ACOMPTES_OUBLIES else juillet + decembre)
    l33 = put("ligne_33", max(ZERO, l28 - l29 - l30))
    l34 = put("ligne_34", max(ZERO, l30 - l28))
    l35 = put("ligne_35", l29 + l34)
    base = l16 - l22 - (l23 if faute == BASE_ACOMPTES_IMMO_DEDUITE else ZERO)
    put("ligne_57", max(ZERO, base))
    put("ecriture", ecriture(l16, l20, l23, l24, l30, l33, l35))
    return etapes.out


def ecriture(l16, l20, l23, l24, l30, l33, l35) -> list[tuple[str, Decimal, Decimal]]:
    """The settlement entry's rows (account, debit, credit), none for a zero amount."""
    rows = [
        (calc.C_COLLECTEE, l16, ZERO),
        (calc.C_IMMO, ZERO, l23),
        (calc.C_ABS, ZERO, l20),
        (calc.C_CREDIT, ZERO, l24),
        (C_ACOMPTES, ZERO, l30),
        (calc.C_A_DECAISSER, ZERO, l33),
        (calc.C_CREDIT, l35, ZERO),
    ]
    return [row for row in rows if row[1] or row[2]]


def fautes_possibles(d: Declaration) -> list[str]:
    """The wrong methods that would change some value of this CA12, in the order tried."""
    fautes = []
    if any(a.nature == "immobilisation" for a in d.achats):
        # The base first: line 57 alone wrong is the base's mistake, not the deductions'.
        fautes += [BASE_ACOMPTES_IMMO_DEDUITE, calc.IMMOBILISATION_EN_ABS]
    if any(a.nature == "non_deductible" for a in d.achats):
        fautes.append(calc.TVA_NON_DEDUCTIBLE_DEDUITE)
    if d.credit_anterieur:
        fautes.append(calc.CREDIT_ANTERIEUR_OUBLIE)
    if d.base_acomptes >= SEUIL:
        fautes += [ACOMPTES_OUBLIES, ACOMPTES_TAUX_INVERSES]
    elif d.base_acomptes:
        fautes.append(ACOMPTES_SOUS_SEUIL)
    return [*fautes, calc.SOLDE_INVERSE, calc.ARRONDI_TRONQUE]
