"""The params of a payslip variant: typed and checked, with one French line when unusable."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from agora.errors import InvalidInput
from agora.money import ZERO, cents, parse_decimal

# The kind's name, in its variants and grades (every module of the kind may import params).
NAME = "bulletin_paie"

ASSIETTES = ("brut", "tranche_a", "tranches_a_b", "tranche_2", "csg_crds", "forfait")


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


LIBELLE_AT_MP = "Accidents du travail - maladies professionnelles"


def nombre(value: Decimal) -> str:
    """Hours and rates as contract strings: "151.67", "4", "3.5"."""
    return format(value.normalize(), "f")


def check_params(params: dict[str, Any]) -> dict[str, Any]:
    """The params if the contract can compute them; InvalidInput (one French line) otherwise."""
    lire(params)
    return params
