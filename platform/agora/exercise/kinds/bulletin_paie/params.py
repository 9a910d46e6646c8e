"""The params of a payslip variant: typed and checked, one French line when unusable.

Each field is read in the order it is checked, by one of a few readers, each refusing with an
error code that ``_MESSAGES`` turns into the French line (``paramètres : cotisations.3.
taux_salarial est trop grand (au plus 100).``): the first refusal met is the one told. (They were
pydantic models; read by hand, with the same refusals, a grade reads its params in a third of
the time: a class grades many payslips at once.)
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from agora.errors import InvalidInput
from agora.exercise.params import PAS_UN_OBJET
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
_canonique = CANONIQUE.fullmatch

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


class Refus(Exception):
    """A refused field: its path in the params (``loc``), the error code, the code's context."""

    def __init__(self, loc: tuple, code: str, **contexte: str):
        super().__init__(code)
        self.loc, self.code, self.contexte = loc, code, contexte


def _nombre(
    maxi: Decimal = MONTANT_MAXI, obligatoire: bool = False, centime: bool = False
) -> Callable[[Any, tuple, str], Decimal]:
    """The reader of a non-negative number at most ``maxi`` (a JSON number, or a string written
    the French way or not), rounded to the cent if ``centime``; null is 0 unless
    ``obligatoire``. It reads ``raw``, the field ``nom`` of the object at ``ou``."""

    def lire_nombre(raw: Any, ou: tuple, nom: str) -> Decimal:
        if type(raw) is str and _canonique(raw):
            value = Decimal(raw)  # never negative
        elif raw is None:
            if obligatoire:
                raise Refus((*ou, nom), "obligatoire")
            return ZERO
        else:
            try:
                value = parse_decimal(repr(raw) if isinstance(raw, float) else raw, "nombre")
            except InvalidInput as error:
                raise Refus((*ou, nom), "illisible", raison=str(error)) from error
            if value < 0:
                raise Refus((*ou, nom), "negatif")
        if value > maxi:
            raise Refus((*ou, nom), "trop_grand", maxi=str(maxi))
        return cents(value) if centime else value

    return lire_nombre


_heures, _taux = _nombre(HEURES_MAXI), _nombre(CENT_POUR_CENT)
_euros, _euros_requis = _nombre(centime=True), _nombre(obligatoire=True, centime=True)
_taux_requis = _nombre(CENT_POUR_CENT, obligatoire=True)
_heures_mensuelles = _nombre(HEURES_MAXI, obligatoire=True)
_taux_horaire = _nombre(TAUX_HORAIRE_MAXI, obligatoire=True)


def _indicateur(raw: Any, ou: tuple, nom: str) -> bool:
    if not isinstance(raw, bool):
        raise Refus((*ou, nom), "indicateur")
    return raw


def _objet(raw: Any, ou: tuple, forme: str = "") -> dict:
    if not isinstance(raw, dict):
        raise Refus(ou, "objet", forme=forme)
    return raw


@dataclass(slots=True)
class Montant:
    """A prime or a benefit in kind: only its amount counts (its libellé is the statement's)."""

    montant: Decimal


# Plain dataclasses, not frozen ones (a frozen one sets each field through object.__setattr__,
# at every line of every grade); nothing changes them once read.
@dataclass(slots=True)
class Ligne:
    """One contribution line of the params (rates in percent; fixed amounts for a forfait)."""

    assiette: str
    deductible: bool
    patronal_assiette_csg: bool
    patronal_imposable: bool
    libelle: str
    taux_salarial: Decimal
    taux_patronal: Decimal
    montant_salarial: Decimal
    montant_patronal: Decimal
    forfait: bool  # assiette == "forfait", asked of every line of every run


@dataclass(slots=True)
class Donnees:
    """The params of one payslip, typed (the fields the calculation reads; the others, such as
    the employee or the period, are the statement's)."""

    heures_mensuelles: Decimal
    absence_heures: Decimal
    pmss: Decimal
    taux_pas: Decimal
    taux_horaire: Decimal
    heures_sup_25: Decimal
    heures_sup_50: Decimal
    primes: tuple[Montant, ...]
    avantages_nature: tuple[Montant, ...]
    lignes: tuple[Ligne, ...]
    remboursement_transport: Decimal

    # Sums the grader reads many times, found once when read (a cached_property takes a lock
    # at its first reading, once a grade each).
    total_primes: Decimal = field(init=False)
    total_avantages: Decimal = field(init=False)
    forfait_csg: Decimal = field(init=False)  # the forfait lines' employer share in the CSG base

    def __post_init__(self) -> None:
        self.total_primes = sum((p.montant for p in self.primes), ZERO)
        self.total_avantages = sum((a.montant for a in self.avantages_nature), ZERO)
        self.forfait_csg = sum(
            (lg.montant_patronal for lg in self.lignes if lg.patronal_assiette_csg), ZERO
        )


_RACINE: tuple = ()  # the path of the params' own fields


def _requis(p: dict, nom: str, lire: Callable[[Any, tuple, str], Any]) -> Any:
    """A field with no default: refused when absent."""
    if nom not in p:
        raise Refus((nom,), "missing")
    return lire(p[nom], _RACINE, nom)


def _facultatif(
    p: dict, nom: str, lire: Callable[[Any, tuple, str], Any], defaut: Any, ou: tuple = _RACINE
) -> Any:
    """A field with a default (of the object at ``ou``): the default when absent (not read)."""
    return lire(p[nom], ou, nom) if nom in p else defaut


def _montants(p: dict, nom: str) -> tuple[Montant, ...]:
    """The primes or the benefits in kind: a list of {libelle, montant}, where absent, null or
    empty means none."""
    raw = p.get(nom)
    if not isinstance(raw or [], list):
        raise Refus((nom,), "liste")
    montants = []
    for i, item in enumerate(raw or ()):
        ou = (nom, i)
        item = _objet(item, ou, " {libelle, montant}")
        if "montant" not in item:
            raise Refus((*ou, "montant"), "missing")
        montants.append(Montant(_euros_requis(item["montant"], ou, "montant")))
    return tuple(montants)


def _ligne(raw: Any, ou: tuple) -> Ligne:
    """One contribution line, its fields read in order: a rate only on a line that is no
    forfait, a fixed amount only on a forfait (0 for the others, unread)."""
    x = _objet(raw, ou)
    assiette = x.get("assiette")
    if assiette not in ASSIETTES:
        raise Refus((*ou, "assiette"), "assiette")
    deductible = _indicateur(x.get("deductible"), ou, "deductible")
    csg = _facultatif(x, "patronal_assiette_csg", _indicateur, False, ou)
    imposable = _facultatif(x, "patronal_imposable", _indicateur, False, ou)
    libelle = x.get("libelle")
    if not isinstance(libelle, str) or not libelle.strip():
        raise Refus((*ou, "libelle"), "libelle")
    if assiette == "forfait":
        montants = (
            _euros_requis(x.get("montant_salarial"), ou, "montant_salarial"),
            _euros_requis(x.get("montant_patronal"), ou, "montant_patronal"),
        )
        return Ligne(assiette, deductible, csg, imposable, libelle, ZERO, ZERO, *montants, True)
    taux = (
        _taux_requis(x.get("taux_salarial"), ou, "taux_salarial"),
        _taux_requis(x.get("taux_patronal"), ou, "taux_patronal"),
    )
    return Ligne(assiette, deductible, csg, imposable, libelle, *taux, ZERO, ZERO, False)


def _lignes(p: dict) -> tuple[Ligne, ...]:
    raw = p.get("cotisations")
    if not isinstance(raw, list) or not raw:
        raise Refus(("cotisations",), "lignes")
    return tuple([_ligne(ligne, ("cotisations", i)) for i, ligne in enumerate(raw)])


def _donnees(p: dict) -> Donnees:
    heures_mensuelles = _requis(p, "heures_mensuelles", _heures_mensuelles)
    absence = _facultatif(p, "absence_heures", _heures, ZERO)
    if absence > heures_mensuelles:  # (absent, 0: never more)
        raise Refus(("absence_heures",), "absence")
    pmss = _requis(p, "pmss", _euros_requis)
    if pmss == 0:
        raise Refus(("pmss",), "pmss_nul")
    return Donnees(
        heures_mensuelles,
        absence,
        pmss,
        _facultatif(p, "taux_pas", _taux, ZERO),
        _requis(p, "taux_horaire", _taux_horaire),
        _facultatif(p, "heures_sup_25", _heures, ZERO),
        _facultatif(p, "heures_sup_50", _heures, ZERO),
        _montants(p, "primes"),
        _montants(p, "avantages_nature"),
        _lignes(p),
        _facultatif(p, "remboursement_transport", _euros, ZERO),
    )


def lire(params: Any) -> Donnees:
    """Validate the params and type them; InvalidInput with one French line otherwise."""
    if not isinstance(params, dict):
        raise InvalidInput(PAS_UN_OBJET)
    try:
        return _donnees(params)
    except Refus as refus:
        raise InvalidInput(f"paramètres : {_message(refus)}") from None


def _message(refus: Refus) -> str:
    """The French line of a refusal (``loc``: the path to the field)."""
    chemin = [str(part) for part in refus.loc]
    return _MESSAGES[refus.code].format(
        ou=".".join(chemin), ligne="".join(p + "." for p in chemin[:-1]), **refus.contexte
    )


LIBELLE_AT_MP = "Accidents du travail - maladies professionnelles"


def nombre(value: Decimal) -> str:
    """Hours and rates as contract strings: "151.67", "4", "3.5"."""
    return format(value.normalize(), "f")


def check_params(params: dict[str, Any]) -> dict[str, Any]:
    """The params if the contract can compute them; InvalidInput (one French line) otherwise."""
    lire(params)
    return params
