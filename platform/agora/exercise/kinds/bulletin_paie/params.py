"""The params of a payslip variant: typed and checked (pydantic models), one French line when unusable.

Each field is declared once with its type, its bound and whether it is required; its reading is
one of a few validators, each failing with an error code that ``_MESSAGES`` turns into the
French line (``paramètres : cotisations.3.taux_salarial est trop grand (au plus 100).``). The
fields are declared in the order they are checked: the first error pydantic reports is the one
told, as it was when the checks were written by hand.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cached_property
from typing import Annotated, Any, ClassVar

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainValidator,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from agora.errors import InvalidInput
from agora.exercise.params import valide
from agora.money import ZERO, cents, parse_decimal

# The kind's name, in its variants and grades (every module of the kind may import params).
NAME = "bulletin_paie"

ASSIETTES = ("brut", "tranche_a", "tranches_a_b", "tranche_2", "csg_crds", "forfait")


CENT_POUR_CENT = Decimal(100)
# Bounds that keep every product far inside Decimal's 28 digits (and mean a real payslip).
HEURES_MAXI = Decimal(744)  # hours in a 31-day month
TAUX_HORAIRE_MAXI = Decimal(10_000)
MONTANT_MAXI = Decimal(10_000_000)
# A number already written the contract's way ("13.20", "4") skips the lenient reader (speed).
CANONIQUE = re.compile(r"\d{1,12}(?:\.\d{1,4})?", re.ASCII)

# The French line of each error code (``ou``: the field's dotted path; ``ligne``: its line's).
_MESSAGES = {
    "missing": "le champ {ou} est obligatoire.",
    "obligatoire": "le champ {ou} est obligatoire.",
    "illisible": "{ou} : {raison}",
    "negatif": "{ou} ne peut pas être négatif.",
    "trop_grand": "{ou} est trop grand (au plus {maxi}).",
    "pmss_nul": "le pmss doit être positif.",
    "absence": "absence_heures dépasse heures_mensuelles.",
    "liste": "{ou} doit être une liste.",
    "lignes": "cotisations doit être une liste non vide.",
    "objet": "{ou} doit être un objet{forme}.",
    "assiette": "{ou} doit être l'une de : " + ", ".join(ASSIETTES) + ".",
    "indicateur": "{ligne}deductible (et les indicateurs) : true ou false.",
    "libelle": "{ou} est obligatoire.",
}


def _erreur(code: str, **contexte: str) -> PydanticCustomError:
    return PydanticCustomError(code, code, contexte)


def _nombre(
    maxi: Decimal = MONTANT_MAXI, obligatoire: bool = False, centime: bool = False
) -> PlainValidator:
    """A non-negative number at most ``maxi`` (a JSON number, or a string written the French
    way or not), rounded to the cent if ``centime``; null is 0 unless ``obligatoire``."""

    def lire_nombre(raw: Any) -> Decimal:
        if raw is None:
            if obligatoire:
                raise _erreur("obligatoire")
            return ZERO
        if type(raw) is str and CANONIQUE.fullmatch(raw):
            value = Decimal(raw)
        else:
            try:
                value = parse_decimal(repr(raw) if isinstance(raw, float) else raw, "nombre")
            except InvalidInput as error:
                raise _erreur("illisible", raison=str(error)) from error
        if value < 0:
            raise _erreur("negatif")
        if value > maxi:
            raise _erreur("trop_grand", maxi=str(maxi))
        return cents(value) if centime else value

    return PlainValidator(lire_nombre)


def _si(forfait: bool, lire_nombre: PlainValidator) -> PlainValidator:
    """A number a line has only when it is (or is not) a forfait: 0 on the other lines."""

    def lire_si(raw: Any, info: ValidationInfo) -> Decimal:
        if (info.data.get("assiette") == "forfait") is not forfait:
            return ZERO
        return lire_nombre.func(raw)

    return PlainValidator(lire_si)


def _indicateur(raw: Any) -> bool:
    if not isinstance(raw, bool):
        raise _erreur("indicateur")
    return raw


def _assiette(raw: Any) -> str:
    if raw not in ASSIETTES:
        raise _erreur("assiette")
    return raw


def _libelle(raw: Any) -> str:
    if not isinstance(raw, str) or not raw.strip():
        raise _erreur("libelle")
    return raw


def _liste(raw: Any) -> list:
    """A list of objects, where absent, null or empty means none."""
    if not isinstance(raw or [], list):
        raise _erreur("liste")
    return raw or []


def _lignes(raw: Any) -> list:
    if not isinstance(raw, list) or not raw:
        raise _erreur("lignes")
    return raw


Heures = Annotated[Decimal, _nombre(HEURES_MAXI)]
Taux = Annotated[Decimal, _nombre(CENT_POUR_CENT)]
Euros = Annotated[Decimal, _nombre(centime=True)]
Indicateur = Annotated[bool, PlainValidator(_indicateur)]
# Absent: validated as None, so that its own message says what is missing.
_REQUIS: Any = Field(default=None, validate_default=True)


class _Objet(BaseModel):
    """A JSON object of the params; ``FORME`` completes the message when it is something else."""

    model_config = ConfigDict(frozen=True)
    FORME: ClassVar[str] = ""

    @model_validator(mode="before")
    @classmethod
    def _objet(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            raise _erreur("objet", forme=cls.FORME)
        return data


class Montant(_Objet):
    """A prime or a benefit in kind: only its amount counts (its libellé is the statement's)."""

    FORME: ClassVar[str] = " {libelle, montant}"
    montant: Annotated[Decimal, _nombre(obligatoire=True, centime=True)]


class Ligne(_Objet):
    """One contribution line of the params (rates in percent; fixed amounts for a forfait)."""

    assiette: Annotated[str, PlainValidator(_assiette)] = _REQUIS
    deductible: Indicateur = _REQUIS
    patronal_assiette_csg: Indicateur = False
    patronal_imposable: Indicateur = False
    libelle: Annotated[str, PlainValidator(_libelle)] = _REQUIS
    taux_salarial: Annotated[Decimal, _si(False, _nombre(CENT_POUR_CENT, True))] = _REQUIS
    taux_patronal: Annotated[Decimal, _si(False, _nombre(CENT_POUR_CENT, True))] = _REQUIS
    montant_salarial: Annotated[Decimal, _si(True, _nombre(obligatoire=True, centime=True))] = (
        _REQUIS
    )
    montant_patronal: Annotated[Decimal, _si(True, _nombre(obligatoire=True, centime=True))] = (
        _REQUIS
    )

    @property
    def forfait(self) -> bool:
        return self.assiette == "forfait"


class Donnees(_Objet):
    """The params of one payslip, typed (the fields the calculation reads; the others, such as
    the employee or the period, are the statement's)."""

    heures_mensuelles: Annotated[Decimal, _nombre(HEURES_MAXI, obligatoire=True)]
    absence_heures: Heures = ZERO
    pmss: Annotated[Decimal, _nombre(obligatoire=True, centime=True)]
    taux_pas: Taux = ZERO
    taux_horaire: Annotated[Decimal, _nombre(TAUX_HORAIRE_MAXI, obligatoire=True)]
    heures_sup_25: Heures = ZERO
    heures_sup_50: Heures = ZERO
    primes: Annotated[tuple[Montant, ...], BeforeValidator(_liste)] = ()
    avantages_nature: Annotated[tuple[Montant, ...], BeforeValidator(_liste)] = ()
    lignes: Annotated[tuple[Ligne, ...], BeforeValidator(_lignes)] = Field(
        default=None, validate_default=True, alias="cotisations"
    )
    remboursement_transport: Euros = ZERO

    @field_validator("absence_heures")
    @classmethod
    def _absence(cls, absence: Decimal, info: ValidationInfo) -> Decimal:
        if absence > info.data.get("heures_mensuelles", absence):
            raise _erreur("absence")
        return absence

    @field_validator("pmss")
    @classmethod
    def _pmss(cls, pmss: Decimal) -> Decimal:
        if pmss == 0:
            raise _erreur("pmss_nul")
        return pmss

    # Sums the grader reads many times, computed once.
    @cached_property
    def total_primes(self) -> Decimal:
        return sum((p.montant for p in self.primes), ZERO)

    @cached_property
    def total_avantages(self) -> Decimal:
        return sum((a.montant for a in self.avantages_nature), ZERO)

    @cached_property
    def forfait_csg(self) -> Decimal:
        """The employer's share of the forfait lines in the CSG/CRDS base."""
        return sum((lg.montant_patronal for lg in self.lignes if lg.patronal_assiette_csg), ZERO)


def lire(params: Any) -> Donnees:
    """Validate the params and type them; InvalidInput with one French line otherwise."""
    return valide(Donnees, params, lambda error: f"paramètres : {_message(error.errors()[0])}")


def _message(erreur: Any) -> str:
    """The French line of pydantic's first error (``loc``: the path to the field)."""
    chemin = [str(part) for part in erreur["loc"]]
    modele = _MESSAGES.get(erreur["type"], "{ou} : valeur refusée.")
    contexte = erreur.get("ctx") or {}
    return modele.format(
        ou=".".join(chemin), ligne="".join(p + "." for p in chemin[:-1]), **contexte
    )


LIBELLE_AT_MP = "Accidents du travail - maladies professionnelles"


def nombre(value: Decimal) -> str:
    """Hours and rates as contract strings: "151.67", "4", "3.5"."""
    return format(value.normalize(), "f")


def check_params(params: dict[str, Any]) -> dict[str, Any]:
    """The params if the contract can compute them; InvalidInput (one French line) otherwise."""
    lire(params)
    return params
