"""The params of a ``facture`` variant: a typed model of the contract's params, refused in one French line.

``Facture`` (pydantic) declares each param with its contract name, its reading and its bounds;
a refusal names the param where it stands (« quantité de la ligne 2 ») in the line that
``lire_params`` raises. The fields keep the short names the calculation uses (``prix``,
``taux``, ``port``…).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from functools import cached_property
from typing import Annotated, Any, NamedTuple

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PlainValidator,
    ValidationError,
    ValidationInfo,
    field_validator,
)
from pydantic_core import PydanticCustomError

from agora.errors import InvalidInput
from agora.exercise.params import HUNDRED, valide
from agora.money import ZERO, cents, parse_decimal

# The kind's name, in its variants and grades (every module of the kind may import params).
NAME = "facture"

NATURES = ("remise", "rabais", "ristourne")
MAX_LIGNES, MAX_REDUCTIONS = 200, 10  # what params may hold (a VAT rate per line at most)
_CANONIQUE = re.compile(r"-?\d{1,12}(\.\d{1,3})?", re.ASCII)


def _refus(gabarit: str, detail: str = "") -> PydanticCustomError:
    """A refused param: ``gabarit`` is the French line after « Paramètres : », where ``{ou}``
    names the param (« taux de la réduction 2 ») and ``{detail}`` is the reader's message."""
    return PydanticCustomError("parametre", "{gabarit}", {"gabarit": gabarit, "detail": detail})


def _texte_nombre(raw: Any) -> Any:
    """A JSON number as the text a person wrote (never a binary float), so that the usual
    checks (digits, size) apply to it; anything else unchanged."""
    if isinstance(raw, float) and raw == raw and abs(raw) < 1e15:
        return repr(raw)
    if isinstance(raw, int) and not isinstance(raw, bool):
        return str(raw)
    return raw


def _nombre(quoi: str) -> Callable[[Any], Decimal]:
    """The reader of a number param (``quoi`` names it in the reader's message)."""

    def lire(raw: Any) -> Decimal:
        if type(raw) is str and len(raw) < 16 and _CANONIQUE.fullmatch(raw):
            return Decimal(raw)  # the contract's own writing ("45.00", "20"): read fast
        raw = _texte_nombre(raw)
        if raw is None:
            raise _refus("{ou} manquant.")
        try:
            return parse_decimal(raw, quoi)
        except InvalidInput as error:
            raise _refus("{ou} — {detail}", str(error)) from None

    return lire


def _borne(quoi: str, test: Callable[[Decimal], bool], gabarit: str) -> Callable[[Any], Decimal]:
    """The reader of a number param that refuses it with ``gabarit`` unless ``test``."""
    lire = _nombre(quoi)

    def valide(raw: Any) -> Decimal:
        value = lire(raw)
        if not test(value):
            raise _refus(gabarit)
        return value

    return valide


_lire_taux = _borne(
    "taux", lambda t: ZERO <= t < HUNDRED, "{ou} doit être compris entre 0 et 100 (exclu)."
)
_lire_quantite = _borne("nombre", lambda q: q > 0, "la {ou} doit être positive.")
_lire_prix = _borne("montant", lambda p: p >= 0, "le {ou} est négatif.")
_lire_nombre_montant = _nombre("montant")


def _lire_montant(raw: Any) -> Decimal:
    value = _lire_nombre_montant(raw)
    if value < 0:
        raise _refus("{ou} ne peut pas être négatif.")
    if value != cents(value):
        raise _refus("{ou} a plus de deux décimales.")
    return value


def _lire_taux_reduction(raw: Any) -> Decimal:
    taux = _lire_taux(raw)
    if taux <= 0:
        raise _refus("le {ou} doit être positif.")
    return taux


def _lire_nature(raw: Any) -> str:
    if raw not in NATURES:
        raise _refus("{ou} inconnue (remise, rabais ou ristourne).")
    return raw


def _texte(longueur: int) -> PlainValidator:
    return PlainValidator(lambda raw: str(raw)[:longueur])


Taux = Annotated[Decimal, PlainValidator(_lire_taux)]
Montant = Annotated[Decimal, PlainValidator(_lire_montant)]


class Ligne(BaseModel):
    """A line of the invoice: what is sold, how many, at what price and VAT rate."""

    model_config = ConfigDict(frozen=True)

    reference: Annotated[str | None, _texte(40)] = None  # absent: « L1 », « L2 »… by place
    designation: Annotated[str, _texte(120)] = ""
    quantite: Annotated[Decimal, PlainValidator(_lire_quantite)]
    prix: Annotated[Decimal, PlainValidator(_lire_prix)] = Field(alias="prix_unitaire_ht")
    taux: Taux = Field(alias="taux_tva")


class Reduction(BaseModel):
    """A commercial reduction (remise, rabais, ristourne) at a rate, applied in cascade."""

    model_config = ConfigDict(frozen=True)

    nature: Annotated[str, PlainValidator(_lire_nature)] = Field(None, validate_default=True)
    taux: Annotated[Decimal, PlainValidator(_lire_taux_reduction)]


def _distincts(lignes: tuple[Ligne, ...]) -> tuple[Decimal, ...]:
    """The VAT rates of the lines, each once, in order of first appearance."""
    return tuple(dict.fromkeys(ligne.taux for ligne in lignes))


class Facture(BaseModel):
    """Typed, validated params. Groups are the distinct VAT rates in order of first appearance.

    The fields are declared in the order they are checked: the first refused one is named."""

    model_config = ConfigDict(frozen=True)

    lignes: tuple[Ligne, ...] = Field(None, validate_default=True)
    reductions: tuple[Reduction, ...] = ()
    port: Montant = Field(Decimal(0), alias="frais_port_ht")
    taux_port: Decimal = Field(None, alias="taux_tva_port", validate_default=True)
    escompte_taux: Taux = Decimal(0)
    acompte: Montant = Decimal(0)

    @field_validator("lignes", mode="before")
    @classmethod
    def _liste_lignes(cls, raw: Any) -> Any:
        if not isinstance(raw, list) or not raw:
            raise _refus("« lignes » doit être une liste d'au moins une ligne.")
        if len(raw) > MAX_LIGNES:
            raise _refus(f"trop de lignes ({MAX_LIGNES} au plus).")
        return raw

    @field_validator("lignes")
    @classmethod
    def _references(cls, lignes: tuple[Ligne, ...]) -> tuple[Ligne, ...]:
        if all(ligne.reference is not None for ligne in lignes):
            return lignes
        return tuple(
            ligne.model_copy(update={"reference": f"L{i + 1}"})
            if ligne.reference is None
            else ligne
            for i, ligne in enumerate(lignes)
        )

    @field_validator("reductions", mode="before")
    @classmethod
    def _liste_reductions(cls, raw: Any) -> Any:
        raw = raw or []
        if not isinstance(raw, list) or len(raw) > MAX_REDUCTIONS:
            raise _refus(f"« reductions » doit être une liste ({MAX_REDUCTIONS} au plus).")
        return raw

    @field_validator("taux_port", mode="plain")
    @classmethod
    def _taux_port(cls, raw: Any, info: ValidationInfo) -> Decimal | None:
        """One of the goods' rates (the transport of goods follows their rate); the only one
        by default, so required when the goods carry several."""
        if "lignes" not in info.data or "port" not in info.data:
            return None  # an earlier param is refused: it is the one named
        taux = _distincts(info.data["lignes"])
        if raw is None:
            if len(taux) > 1 and info.data["port"] > 0:
                raise _refus("taux_tva_port est obligatoire quand les articles ont plusieurs taux.")
            return taux[0]
        value = _lire_taux(raw)
        if value not in taux:
            raise _refus("taux_tva_port doit être l'un des taux des articles.")
        return value

    @cached_property
    def taux(self) -> tuple[Decimal, ...]:
        """The distinct VAT rates of the goods: one group each."""
        return _distincts(self.lignes)

    @cached_property
    def membres(self) -> tuple[tuple[int, ...], ...]:
        """The lines of each group, by index."""
        return tuple(
            tuple(i for i, ligne in enumerate(self.lignes) if ligne.taux == t) for t in self.taux
        )

    @property
    def groupe_port(self) -> int:
        return self.taux.index(self.taux_port)


# Where a refused param stands, by its place in the params (« ligne 2 », « taux de TVA… »).
_NOMS = {
    "quantite": "quantité de la {}",
    "prix_unitaire_ht": "prix unitaire HT de la {}",
    "taux_tva": "taux de TVA de la {}",
    "nature": "nature de la {}",
    "taux": "taux de la {}",
}
_LISTES = {"lignes": "ligne {}", "reductions": "réduction {}"}
# pydantic's own refusals: a param absent, a line that is not an object.
_GABARITS = {"missing": "{ou} manquant.", "model_type": "la {ou} doit être un objet {{…}}."}


def _ou(loc: tuple[int | str, ...]) -> str:
    """The French name of the param at ``loc`` (``("lignes", 1, "quantite")``)."""
    if len(loc) < 2:
        return str(loc[0]) if loc else "les paramètres"
    ligne = _LISTES.get(str(loc[0]), "{}").format(int(loc[1]) + 1)
    return _NOMS.get(str(loc[2]), "{}").format(ligne) if len(loc) > 2 else ligne


def _message(error: ValidationError) -> str:
    """The one French line of a refusal: its first error, the first param checked."""
    first = error.errors(include_url=False)[0]
    ctx = first.get("ctx") or {}
    gabarit = ctx.get("gabarit") or _GABARITS.get(first["type"], "{ou} : valeur impossible.")
    return "Paramètres : " + gabarit.format(ou=_ou(first["loc"]), detail=ctx.get("detail", ""))


def lire_params(params: Any) -> Facture:
    """Validate the contract params; InvalidInput with one French line when they are unusable."""
    return valide(Facture, params, _message)


class LigneLue(NamedTuple):
    """A line as the calculation reads it (``Ligne`` without its texts)."""

    quantite: Decimal
    prix: Decimal
    taux: Decimal


class ReductionLue(NamedTuple):
    taux: Decimal


class FactureLue(NamedTuple):
    """What the calculation reads of a ``Facture`` (the same names), read without pydantic."""

    lignes: tuple[LigneLue, ...]
    reductions: tuple[ReductionLue, ...]
    port: Decimal
    taux_port: Decimal
    escompte_taux: Decimal
    acompte: Decimal
    taux: tuple[Decimal, ...]
    membres: tuple[tuple[int, ...], ...]
    groupe_port: int


# What the calculation and the grader read: the model, or the params read without it.
Calculable = Facture | FactureLue


def lire_calcul(params: Any) -> Calculable:
    """The params as the calculation and the grader read them, InvalidInput as ``lire_params``.

    A grade reads its params fresh from the database, and building the pydantic models costs
    as much as the rest of an L1 grade: params whose every number is written as the contract
    writes it (« 26.05 », « 20 ») and within its bounds are read directly, with the readers and
    tests of the models (so to the same values); any other ones are read by ``lire_params``,
    which refuses them with its French line or accepts them."""
    lue = _lue(params) if type(params) is dict else None
    return lue if lue is not None else lire_params(params)


def _canonique(raw: Any) -> Decimal | None:
    """A number in the contract's own writing, as ``_nombre`` reads it at once; else None."""
    if type(raw) is str and len(raw) < 16 and _CANONIQUE.fullmatch(raw):
        return Decimal(raw)
    return None


def _lue(params: dict[str, Any]) -> FactureLue | None:
    """``lire_calcul`` when every param is in the contract's writing and valid, else None."""
    lignes, reductions = params.get("lignes"), params.get("reductions") or []
    if type(lignes) is not list or not 0 < len(lignes) <= MAX_LIGNES:
        return None
    if type(reductions) is not list or len(reductions) > MAX_REDUCTIONS:
        return None
    lues = tuple(map(_ligne_lue, lignes))
    reduites = tuple(map(_reduction_lue, reductions))
    port, acompte = _montant_lu(params, "frais_port_ht"), _montant_lu(params, "acompte")
    escompte = _taux_lu(params["escompte_taux"]) if "escompte_taux" in params else Decimal(0)
    if None in lues or None in reduites or None in (port, acompte, escompte):
        return None
    taux = tuple(dict.fromkeys(ligne.taux for ligne in lues))
    taux_port = params.get("taux_tva_port")
    if taux_port is None:  # as ``Facture._taux_port``: the only rate, required with several
        if len(taux) > 1 and port > 0:
            return None
        taux_port = taux[0]
    elif (taux_port := _taux_lu(taux_port)) not in taux:
        return None
    membres = tuple(tuple(i for i, ligne in enumerate(lues) if ligne.taux == t) for t in taux)
    return FactureLue(
        lues, reduites, port, taux_port, escompte, acompte, taux, membres, taux.index(taux_port)
    )


def _taux_lu(raw: Any) -> Decimal | None:
    taux = _canonique(raw)
    return taux if taux is not None and ZERO <= taux < HUNDRED else None


def _montant_lu(params: dict[str, Any], nom: str) -> Decimal | None:
    if nom not in params:
        return Decimal(0)  # the model's default
    montant = _canonique(params[nom])
    return montant if montant is not None and 0 <= montant == cents(montant) else None


def _ligne_lue(raw: Any) -> LigneLue | None:
    if type(raw) is not dict:
        return None
    quantite, prix = _canonique(raw.get("quantite")), _canonique(raw.get("prix_unitaire_ht"))
    taux = _taux_lu(raw.get("taux_tva"))
    if quantite is None or quantite <= 0 or prix is None or prix < 0 or taux is None:
        return None
    return LigneLue(quantite, prix, taux)


def _reduction_lue(raw: Any) -> ReductionLue | None:
    if type(raw) is not dict or raw.get("nature") not in NATURES:
        return None
    taux = _taux_lu(raw.get("taux"))
    return ReductionLue(taux) if taux is not None and taux > 0 else None


def verifie_params(params: Any) -> Calculable:
    """lire_calcul, plus the checks that need the whole invoice (the deposit fits in the TTC)."""
    from agora.exercise.kinds.facture.solve import calcule  # solve reads its params from here

    facture = lire_calcul(params)
    # Without a deposit there is nothing to check (no total of an invoice is negative).
    if facture.acompte and facture.acompte > calcule(facture)["total_ttc"]:
        raise InvalidInput("Paramètres : l'acompte dépasse le total TTC de la facture.")
    return facture


def check_params(params: dict[str, Any]) -> dict[str, Any]:
    """Validate params from outside; InvalidInput with one French line when unusable."""
    verifie_params(params)
    return params
