"""Payslip arithmetic of the bulletin_paie contract: typed params, bases (assiettes) and the solution.

Every step follows /shared/spec/exercises.md, Calculation: each printed amount is rounded to the
cent, half up, and later steps use the rounded value. The grader reuses these functions on the
student's own earlier values (error carried forward).
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from agora.errors import InvalidInput
from agora.exercise.grading import MemoParams
from agora.money import CENT, ZERO, cents, fmt, parse_decimal

ASSIETTES = ("brut", "tranche_a", "tranches_a_b", "tranche_2", "csg_crds", "forfait")
# The CSG/CRDS base is 98.25 % of the brut: the 1.75 % allowance for professional costs
# (CSS art. L136-1-2), which stops at 4 PMSS.
PART_CSG = Decimal("98.25")
MAJORATION_25 = Decimal("1.25")
MAJORATION_50 = Decimal("1.5")
CENT_POUR_CENT = Decimal(100)
# A number already written the contract's way ("13.20", "4") skips the lenient reader (speed).
# Bounds that keep every product far inside Decimal's 28 digits (and mean a real payslip).
HEURES_MAXI = Decimal(744)  # hours in a 31-day month
TAUX_HORAIRE_MAXI = Decimal(10_000)
MONTANT_MAXI = Decimal(10_000_000)
CANONIQUE = re.compile(r"\d{1,12}(?:\.\d{1,4})?", re.ASCII)


@dataclass(frozen=True)
class Ligne:
    """One contribution line of the params (rates in percent; fixed amounts for a forfait)."""

    libelle: str
    assiette: str
    taux_salarial: Decimal = ZERO
    taux_patronal: Decimal = ZERO
    deductible: bool = True
    montant_salarial: Decimal = ZERO  # forfait lines only
    montant_patronal: Decimal = ZERO
    patronal_assiette_csg: bool = False
    patronal_imposable: bool = False

    @property
    def forfait(self) -> bool:
        return self.assiette == "forfait"


@dataclass(frozen=True)
class Donnees:
    """The params of one payslip, typed."""

    taux_horaire: Decimal
    heures_mensuelles: Decimal
    heures_sup_25: Decimal
    heures_sup_50: Decimal
    absence_heures: Decimal
    primes: tuple[Decimal, ...]
    avantages_nature: tuple[Decimal, ...]
    pmss: Decimal
    lignes: tuple[Ligne, ...]
    taux_pas: Decimal
    remboursement_transport: Decimal

    total_primes: Decimal = ZERO
    total_avantages: Decimal = ZERO
    forfait_csg: Decimal = ZERO  # employer's share of the forfait lines in the CSG/CRDS base


def _donnees(**champs: Any) -> Donnees:
    """Donnees with its sums computed once (the grader reads them many times)."""
    lignes = champs["lignes"]
    return Donnees(
        **champs,
        total_primes=sum(champs["primes"], ZERO),
        total_avantages=sum(champs["avantages_nature"], ZERO),
        forfait_csg=sum((lg.montant_patronal for lg in lignes if lg.patronal_assiette_csg), ZERO),
    )


# ---------------------------------------------------------------- reading the params


# Typed params and solution of the last variants read: a class grades the same variant many
# times. Reused only for the same params object, still equal to a copy taken when stored.
_MEMOIRE = MemoParams()


def lire_et_resoudre(params: Any) -> tuple[Donnees, dict[str, Any]]:
    """lire(params) and solution() of it, remembered for the variants graded recently."""
    found = _MEMOIRE.get(params)
    if found is not None:
        return found
    donnees = lire(params)
    found = donnees, solution(donnees)
    _MEMOIRE.put(params, copy.deepcopy(params), found)
    return found


def lire(params: Any) -> Donnees:
    """Validate the params and type them; InvalidInput with one French line otherwise."""
    if not isinstance(params, dict):
        raise InvalidInput("paramètres : un objet JSON {…} est attendu.")
    heures = _nombre(params, "heures_mensuelles", obligatoire=True, maxi=HEURES_MAXI)
    absence = _nombre(params, "absence_heures", maxi=HEURES_MAXI)
    if absence > heures:
        raise InvalidInput("paramètres : absence_heures dépasse heures_mensuelles.")
    pmss = cents(_nombre(params, "pmss", obligatoire=True))
    if pmss == 0:
        raise InvalidInput("paramètres : le pmss doit être positif.")
    taux_pas = _nombre(params, "taux_pas", maxi=CENT_POUR_CENT)
    return _donnees(
        taux_horaire=_nombre(params, "taux_horaire", obligatoire=True, maxi=TAUX_HORAIRE_MAXI),
        heures_mensuelles=heures,
        heures_sup_25=_nombre(params, "heures_sup_25", maxi=HEURES_MAXI),
        heures_sup_50=_nombre(params, "heures_sup_50", maxi=HEURES_MAXI),
        absence_heures=absence,
        primes=_montants(params, "primes"),
        avantages_nature=_montants(params, "avantages_nature"),
        pmss=pmss,
        lignes=_lignes(params.get("cotisations")),
        taux_pas=taux_pas,
        remboursement_transport=cents(_nombre(params, "remboursement_transport")),
    )


def _nombre(
    source: dict, champ: str, obligatoire: bool = False, ou: str = "", maxi: Decimal = MONTANT_MAXI
) -> Decimal:
    """A non-negative number of the params, at most ``maxi``; InvalidInput otherwise."""
    where = f"{ou}{champ}"
    if champ not in source or source[champ] is None:
        if obligatoire:
            raise InvalidInput(f"paramètres : le champ {where} est obligatoire.")
        return ZERO
    raw = source[champ]
    if type(raw) is str and CANONIQUE.fullmatch(raw):
        value = Decimal(raw)
    else:
        try:
            value = parse_decimal(repr(raw) if isinstance(raw, float) else raw, "nombre")
        except InvalidInput as error:
            raise InvalidInput(f"paramètres : {where} : {error}") from error
    if value < 0:
        raise InvalidInput(f"paramètres : {where} ne peut pas être négatif.")
    if value > maxi:
        raise InvalidInput(f"paramètres : {where} est trop grand (au plus {maxi}).")
    return value


def _montants(params: dict, champ: str) -> tuple[Decimal, ...]:
    items = params.get(champ) or []
    if not isinstance(items, list):
        raise InvalidInput(f"paramètres : {champ} doit être une liste.")
    values = []
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            raise InvalidInput(f"paramètres : {champ}.{i} doit être un objet {{libelle, montant}}.")
        values.append(cents(_nombre(item, "montant", obligatoire=True, ou=f"{champ}.{i}.")))
    return tuple(values)


def _lignes(items: Any) -> tuple[Ligne, ...]:
    if not isinstance(items, list) or not items:
        raise InvalidInput("paramètres : cotisations doit être une liste non vide.")
    return tuple(_ligne(item, f"cotisations.{i}.") for i, item in enumerate(items))


def _ligne(item: Any, ou: str) -> Ligne:
    if not isinstance(item, dict):
        raise InvalidInput(f"paramètres : {ou.rstrip('.')} doit être un objet.")
    assiette = item.get("assiette")
    if assiette not in ASSIETTES:
        raise InvalidInput(
            f"paramètres : {ou}assiette doit être l'une de : {', '.join(ASSIETTES)}."
        )
    flags = {
        k: item.get(k, False) for k in ("deductible", "patronal_assiette_csg", "patronal_imposable")
    }
    if "deductible" not in item or any(not isinstance(v, bool) for v in flags.values()):
        raise InvalidInput(f"paramètres : {ou}deductible (et les indicateurs) : true ou false.")
    libelle = item.get("libelle")
    if not isinstance(libelle, str) or not libelle.strip():
        raise InvalidInput(f"paramètres : {ou}libelle est obligatoire.")
    if assiette == "forfait":
        return Ligne(
            libelle,
            assiette,
            montant_salarial=cents(_nombre(item, "montant_salarial", True, ou)),
            montant_patronal=cents(_nombre(item, "montant_patronal", True, ou)),
            **flags,
        )
    taux = [_nombre(item, c, True, ou, CENT_POUR_CENT) for c in ("taux_salarial", "taux_patronal")]
    return Ligne(libelle, assiette, taux[0], taux[1], **flags)


# ---------------------------------------------------------------- the calculation steps


def montant_taux(base: Decimal, taux: Decimal) -> Decimal:
    """An amount printed on the payslip: base × rate %, rounded to the cent."""
    return (base * taux / CENT_POUR_CENT).quantize(CENT, ROUND_HALF_UP)


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
