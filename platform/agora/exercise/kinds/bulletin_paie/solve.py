"""Payslip arithmetic of the bulletin_paie contract: bases (assiettes) and the solution.

Every step follows /shared/spec/exercises.md, Calculation: each printed amount is rounded to the
cent, half up, and later steps use the rounded value. The grader reuses these functions on the
student's own earlier values (error carried forward).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from agora.exercise.kinds.bulletin_paie import params as calcul
from agora.exercise.kinds.bulletin_paie.params import CENT_POUR_CENT, Donnees, Ligne, lire
from agora.money import CENT, ZERO, cents, fmt

# The CSG/CRDS base is 98.25 % of the brut: the 1.75 % allowance for professional costs
# (CSS art. L136-1-2), which stops at 4 PMSS.
PART_CSG = Decimal("98.25")
MAJORATION_25 = Decimal("1.25")
MAJORATION_50 = Decimal("1.5")
_POUR_CENT = Decimal("0.01")


def lire_et_resoudre(params: Any) -> tuple[Donnees, dict[str, Any]]:
    """lire(params) and solution() of it."""
    donnees = lire(params)
    return donnees, solution(donnees)


def montant_taux(base: Decimal, taux: Decimal) -> Decimal:
    """An amount printed on the payslip: base × rate %, rounded to the cent. The percent taken
    × 0.01, not ÷ 100: the same value (the product, exact or rounded to the context's digits,
    only moves its point), for a third of a division's cost, on every amount of every line."""
    return (base * taux * _POUR_CENT).quantize(CENT, ROUND_HALF_UP)


def base_csg(brut: Decimal, pmss: Decimal, forfait_csg: Decimal) -> Decimal:
    """98.25 % of the brut up to 4 PMSS, 100 % above, plus the employer's health forfait."""
    plafond = 4 * pmss
    return (
        cents(min(brut, plafond) * PART_CSG / CENT_POUR_CENT)
        + max(ZERO, brut - plafond)
        + forfait_csg
    )


def base_de(assiette: str, brut: Decimal, pmss: Decimal, forfait_csg: Decimal) -> Decimal | None:
    """The base of one line (None for a forfait line, which has none)."""
    if assiette == "brut":
        return brut
    if assiette == "tranche_a":
        return min(brut, pmss)
    if assiette == "tranches_a_b":
        return min(brut, 4 * pmss)
    if assiette == "tranche_2":
        return max(ZERO, min(brut, 8 * pmss) - pmss)
    if assiette == "csg_crds":
        return base_csg(brut, pmss, forfait_csg)
    return None


def montants_ligne(ligne: Ligne, base: Decimal | None) -> tuple[Decimal, Decimal]:
    """(salarial, patronal) of a line on its base; a forfait line gives its fixed amounts."""
    if ligne.forfait or base is None:
        return ligne.montant_salarial, ligne.montant_patronal
    return montant_taux(base, ligne.taux_salarial), montant_taux(base, ligne.taux_patronal)


def brut_de(d: Donnees, base: Decimal, retenue: Decimal, hs25: Decimal, hs50: Decimal) -> Decimal:
    """Step 4: base − absence + overtime + primes + benefits in kind."""
    return base - retenue + hs25 + hs50 + d.total_primes + d.total_avantages


def net_imposable_de(
    brut: Decimal, lignes: tuple[Ligne, ...], salariales: list[Decimal], patronales: list[Decimal]
) -> Decimal:
    """Step 8: brut − deductible employee shares + taxable employer shares."""
    deduit = sum((s for lg, s in zip(lignes, salariales, strict=True) if lg.deductible), ZERO)
    ajoute = sum(
        (p for lg, p in zip(lignes, patronales, strict=True) if lg.patronal_imposable), ZERO
    )
    return brut - deduit + ajoute


def net_avant_impot_de(d: Donnees, brut: Decimal, total_salarial: Decimal) -> Decimal:
    """Step 9: the benefit in kind is not paid in money; the transport refund is."""
    return brut - total_salarial - d.total_avantages + d.remboursement_transport


def solution(d: Donnees) -> dict[str, Any]:
    """The reference solution, every step rounded as printed."""
    base = cents(d.taux_horaire * d.heures_mensuelles)
    retenue = cents(d.taux_horaire * d.absence_heures)
    hs25 = cents(d.heures_sup_25 * d.taux_horaire * MAJORATION_25)
    hs50 = cents(d.heures_sup_50 * d.taux_horaire * MAJORATION_50)
    brut = brut_de(d, base, retenue, hs25, hs50)
    bases = [base_de(lg.assiette, brut, d.pmss, d.forfait_csg) for lg in d.lignes]
    montants = [montants_ligne(lg, b) for lg, b in zip(d.lignes, bases, strict=True)]
    salariales = [m[0] for m in montants]
    patronales = [m[1] for m in montants]
    total_salarial = sum(salariales, ZERO)
    total_patronal = sum(patronales, ZERO)
    net_imposable = net_imposable_de(brut, d.lignes, salariales, patronales)
    net_avant_impot = net_avant_impot_de(d, brut, total_salarial)
    pas = montant_taux(net_imposable, d.taux_pas)
    return {
        "salaire_base": base,
        "retenue_absence": retenue,
        "montant_hs_25": hs25,
        "montant_hs_50": hs50,
        "salaire_brut": brut,
        "cotisations": [
            {"libelle": lg.libelle, "base": b, "montant_salarial": s, "montant_patronal": p}
            for lg, b, s, p in zip(d.lignes, bases, salariales, patronales, strict=True)
        ],
        "total_salarial": total_salarial,
        "total_patronal": total_patronal,
        "net_imposable": net_imposable,
        "net_avant_impot": net_avant_impot,
        "prelevement_source": pas,
        "net_a_payer": net_avant_impot - pas,
        "cout_employeur": brut + total_patronal,
    }


def en_json(valeurs: dict[str, Any]) -> dict[str, Any]:
    """The contract JSON of a solution: amounts as strings, a forfait line's base as null."""
    out: dict[str, Any] = {}
    for key, value in valeurs.items():
        if key == "cotisations":
            out[key] = [
                {k: (v if k == "libelle" else None if v is None else fmt(v)) for k, v in c.items()}
                for c in value
            ]
        else:
            out[key] = fmt(value)
    return out


def solve(params: dict[str, Any]) -> dict[str, Any]:
    """The reference solution, contract JSON (a forfait line's base is null)."""
    return en_json(solution(calcul.lire(params)))
