"""Bank reconciliation, the params: the ledger and the statement as typed models (French messages).

``Dossier`` and its ``Ligne`` rows are pydantic models: each value is checked by its own
validator, in the contract's order, and the first refusal becomes one French line naming its
place (``paramètres : compte_512[3].date doit s'écrire AAAA-MM-JJ.``).
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cached_property
from typing import TYPE_CHECKING, Annotated, Any, ClassVar

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainValidator,
    ValidationError,
    model_validator,
)
from pydantic_core import PydanticCustomError

from agora.errors import InvalidInput
from agora.exercise.params import valide
from agora.money import ZERO, parse_amount

# The kind's name, in its variants and grades (every module of the kind may import params).
NAME = "rapprochement"

MAX_LIGNES = 200
_PERIODE = re.compile(r"\d{4}-(0[1-9]|1[0-2])", re.ASCII)
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
_ID = re.compile(r"[A-Z]{1,3}\d{1,4}", re.ASCII)
_CONTRAT = re.compile(r"\d{1,13}\.\d{2}", re.ASCII)
# A line's fields, and what an absent one is (an absent debit or credit is 0.00).
_CHAMPS_LIGNE = {
    "id": None,
    "date": None,
    "libelle": None,
    "debit": "0.00",
    "credit": "0.00",
    "ref": None,
}

# Third-party accounts may be written with a subsidiary suffix (411DUPONT, 4010012).
COMPTES_TIERS = frozenset({"client", "fournisseur"})


def _refus(suite: str, cite: bool = False) -> PydanticCustomError:
    """A refusal whose French message is the value's place (quoted if ``cite``) then ``suite``."""
    return PydanticCustomError("parametre", "{suite}", {"suite": suite, "cite": cite})


def _texte(motif: re.Pattern[str], suite: str, cite: bool = False) -> PlainValidator:
    """A validator of a text written as ``motif``; the refusal says ``suite``."""

    def valider(raw: Any) -> str:
        if not isinstance(raw, str) or not motif.fullmatch(raw):
            raise _refus(suite, cite)
        return raw

    return PlainValidator(valider)


def _montant(raw: Any, signe: bool = False) -> Decimal:
    if isinstance(raw, str) and _CONTRAT.fullmatch(raw):
        return Decimal(raw)  # the contract's own writing: no need for the lenient reader
    try:
        value = parse_amount(raw)
    except InvalidInput as error:
        raise _refus(f" : {error}") from None
    if value < 0 and not signe:
        raise _refus(" ne peut pas être négatif.")
    return value


def _solde(raw: Any) -> Decimal:
    """An opening balance: an amount, negative when the account is overdrawn."""
    return _montant(raw, signe=True)


def _libelle(raw: Any) -> str:
    if not isinstance(raw, str) or not raw.strip():
        raise _refus(" manque.")
    return raw


def _ref(raw: Any) -> str | None:
    """A document number, kept as text; anything but a text or a number is no reference."""
    return str(raw) if isinstance(raw, str | int) and not isinstance(raw, bool) else None


class Ligne(BaseModel):
    """One line of the ledger (origine "512" or "suspens") or of the statement ("releve")."""

    model_config = ConfigDict(frozen=True)
    origine: ClassVar[str]

    id: Annotated[str, _texte(_ID, " doit être un identifiant comme « C1 ».")]
    date: Annotated[str, _texte(_DATE, " doit s'écrire AAAA-MM-JJ.")]
    libelle: Annotated[str, PlainValidator(_libelle)]
    debit: Annotated[Decimal, PlainValidator(_montant)]
    credit: Annotated[Decimal, PlainValidator(_montant)]
    ref: Annotated[str | None, PlainValidator(_ref)]

    @model_validator(mode="before")
    @classmethod
    def _objet(cls, raw: Any) -> dict[str, Any]:
        """Every field given (an absent one is refused by its own check); debit, credit 0.00."""
        if not isinstance(raw, dict):
            raise _refus(" doit être un objet {id, date, libelle…}.")
        return {cle: raw.get(cle, absent) for cle, absent in _CHAMPS_LIGNE.items()}

    if TYPE_CHECKING:  # derived by _un_sens, not read from the params
        montant: Decimal  # the debit or the credit
        entree: bool  # True when the line brings money in for the company
        effet: Decimal  # the line seen from the company: +amount in, −amount out

    @model_validator(mode="after")
    def _un_sens(self) -> Ligne:
        if bool(self.debit) == bool(self.credit):
            raise _refus(" doit avoir un débit ou un crédit, pas les deux.")
        montant = self.debit or self.credit
        entree = bool(self.credit) if self.origine == "releve" else bool(self.debit)  # bank's view
        # Stored once beside the fields (frozen, so through __dict__): the solver and the grader
        # read them for every line, and a cached_property's first read cost more than the check.
        self.__dict__.update(montant=montant, entree=entree, effet=montant if entree else -montant)
        return self


class LigneSuspens(Ligne):
    origine: ClassVar[str] = "suspens"


class Ligne512(Ligne):
    origine: ClassVar[str] = "512"


class LigneReleve(Ligne):
    origine: ClassVar[str] = "releve"


def _liste(raw: Any) -> Any:
    if not isinstance(raw, list):
        raise _refus(" doit être une liste de lignes.", cite=True)
    if len(raw) > MAX_LIGNES:
        raise _refus(f" a trop de lignes (au plus {MAX_LIGNES}).", cite=True)
    return raw


class Dossier(BaseModel):
    """The params, typed: opening balance, suspense items of last month, ledger, statement."""

    model_config = ConfigDict(frozen=True)

    periode: Annotated[
        str, _texte(_PERIODE, " doit s'écrire AAAA-MM, par exemple 2026-03.", cite=True)
    ]
    solde_initial: Annotated[Decimal, PlainValidator(_solde)]
    suspens: Annotated[tuple[LigneSuspens, ...], BeforeValidator(_liste)] = Field(
        (), alias="suspens_anterieurs"
    )
    compte_512: Annotated[tuple[Ligne512, ...], BeforeValidator(_liste)]
    releve: Annotated[tuple[LigneReleve, ...], BeforeValidator(_liste)]

    @model_validator(mode="after")
    def _identifiants_uniques(self) -> Dossier:
        vus: set[str] = set()
        for ligne in self.suspens + self.compte_512 + self.releve:
            if ligne.id in vus:
                raise _refus(f"l'identifiant « {ligne.id} » est utilisé deux fois.")
            vus.add(ligne.id)
        return self

    @cached_property
    def lignes(self) -> dict[str, Ligne]:
        """Every line by id: last month's suspense, the ledger, then the statement."""
        return {ligne.id: ligne for ligne in self.suspens + self.compte_512 + self.releve}

    @property
    def grand_livre(self) -> tuple[Ligne, ...]:
        """Every ledger line the student may point: last month's suspense first."""
        return self.suspens + self.compte_512

    @cached_property
    def ouverture_releve(self) -> Decimal:
        """The statement's opening balance: the ledger's, less what the bank had not yet seen."""
        return self.solde_initial - sum((s.effet for s in self.suspens), ZERO)


def check(params: Any) -> Dossier:
    """The params as a Dossier; InvalidInput with one French line when they cannot be used."""
    return valide(Dossier, params, lambda error: f"paramètres : {_premier_refus(error)}")


def _premier_refus(error: ValidationError) -> str:
    """The message of the first refusal: a missing field first, as the contract lists them."""
    refus = error.errors(include_url=False)
    premier = next((r for r in refus if r["type"] == "missing"), refus[0])
    lieu = _lieu(premier["loc"])
    if premier["type"] == "missing":
        return f"le champ « {lieu} » manque."
    ctx = premier["ctx"]
    return (f"« {lieu} »" if ctx["cite"] else lieu) + ctx["suite"]


def _lieu(loc: tuple[int | str, ...]) -> str:
    """A value's place as the messages write it: ``compte_512[3].date``."""
    lieu = ""
    for part in loc:
        lieu += f"[{part}]" if isinstance(part, int) else f".{part}" if lieu else part
    return lieu


def check_params(params: dict[str, Any]) -> dict[str, Any]:
    """The params unchanged when usable; InvalidInput with one French line otherwise."""
    check(params)
    return params
