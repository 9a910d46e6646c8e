"""Bank reconciliation, the params: the ledger and the statement read and checked (French messages)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from agora.errors import InvalidInput
from agora.money import ZERO, parse_amount

# The kind's name, in its variants and grades (every module of the kind may import params).
NAME = "rapprochement"

MAX_LIGNES = 200
_PERIODE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$", re.ASCII)
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$", re.ASCII)
_ID = re.compile(r"^[A-Z]{1,3}\d{1,4}$", re.ASCII)
_CONTRAT = re.compile(r"^\d{1,13}\.\d{2}$", re.ASCII)


# Third-party accounts may be written with a subsidiary suffix (411DUPONT, 4010012).
COMPTES_TIERS = frozenset({"client", "fournisseur"})


@dataclass(slots=True)  # not frozen: built for every line of every grading, and never changed
class Ligne:
    """One line of the ledger (origine "512" or "suspens") or of the statement ("releve")."""

    id: str
    date: str
    libelle: str
    debit: Decimal
    credit: Decimal
    origine: str
    ref: str | None = None
    montant: Decimal = field(init=False)
    entree: bool = field(init=False)  # True when the line brings money in for the company
    effet: Decimal = field(init=False)

    def __post_init__(self) -> None:
        entree = bool(self.credit) if self.origine == "releve" else bool(self.debit)
        montant = self.debit or self.credit
        self.montant, self.entree = montant, entree
        self.effet = montant if entree else -montant


@dataclass(frozen=True)
class Dossier:
    """The params, typed: opening balance, suspense items of last month, ledger, statement."""

    periode: str
    solde_initial: Decimal
    suspens: tuple[Ligne, ...]
    compte_512: tuple[Ligne, ...]
    releve: tuple[Ligne, ...]
    lignes: dict[str, Ligne] = field(default_factory=dict)

    @property
    def grand_livre(self) -> tuple[Ligne, ...]:
        """Every ledger line the student may point: last month's suspense first."""
        return self.suspens + self.compte_512

    # The statement's opening balance: the ledger's, less what the bank had not yet seen.
    ouverture_releve: Decimal = ZERO


def check(params: Any) -> Dossier:
    """The params as a Dossier; InvalidInput with one French line when they cannot be used."""
    if not isinstance(params, dict):
        raise InvalidInput("paramètres : un objet JSON {…} est attendu.")
    for key in ("periode", "solde_initial", "compte_512", "releve"):
        if key not in params:
            raise InvalidInput(f"paramètres : le champ « {key} » manque.")
    periode = params["periode"]
    if not isinstance(periode, str) or not _PERIODE.match(periode):
        raise InvalidInput("paramètres : « periode » doit s'écrire AAAA-MM, par exemple 2026-03.")
    solde = _amount(params["solde_initial"], "solde_initial", signed=True)
    suspens = _lignes(params.get("suspens_anterieurs", []), "suspens_anterieurs", "suspens")
    compte = _lignes(params["compte_512"], "compte_512", "512")
    releve = _lignes(params["releve"], "releve", "releve")
    lignes: dict[str, Ligne] = {}
    for ligne in suspens + compte + releve:
        if ligne.id in lignes:
            raise InvalidInput(f"paramètres : l'identifiant « {ligne.id} » est utilisé deux fois.")
        lignes[ligne.id] = ligne
    ouverture = solde - sum((s.effet for s in suspens), ZERO)
    return Dossier(periode, solde, suspens, compte, releve, lignes, ouverture)


def _lignes(raw: Any, nom: str, origine: str) -> tuple[Ligne, ...]:
    if not isinstance(raw, list):
        raise InvalidInput(f"paramètres : « {nom} » doit être une liste de lignes.")
    if len(raw) > MAX_LIGNES:
        raise InvalidInput(f"paramètres : « {nom} » a trop de lignes (au plus {MAX_LIGNES}).")
    return tuple(_ligne(item, nom, i, origine) for i, item in enumerate(raw))


def _ligne(raw: Any, nom: str, i: int, origine: str) -> Ligne:
    # Messages are built only on failure: this runs for every line of every grading.
    if not isinstance(raw, dict):
        raise InvalidInput(f"paramètres : {nom}[{i}] doit être un objet {{id, date, libelle…}}.")
    ident, date, libelle = raw.get("id"), raw.get("date"), raw.get("libelle")
    if not isinstance(ident, str) or not _ID.match(ident):
        raise InvalidInput(f"paramètres : {nom}[{i}].id doit être un identifiant comme « C1 ».")
    if not isinstance(date, str) or not _DATE.match(date):
        raise InvalidInput(f"paramètres : {nom}[{i}].date doit s'écrire AAAA-MM-JJ.")
    if not isinstance(libelle, str) or not libelle.strip():
        raise InvalidInput(f"paramètres : {nom}[{i}].libelle manque.")
    debit = _amount(raw.get("debit", "0.00"), nom, i, "debit")
    credit = _amount(raw.get("credit", "0.00"), nom, i, "credit")
    if bool(debit) == bool(credit):
        raise InvalidInput(
            f"paramètres : {nom}[{i}] doit avoir un débit ou un crédit, pas les deux."
        )
    ref = raw.get("ref")
    ref = str(ref) if isinstance(ref, str | int) and not isinstance(ref, bool) else None
    return Ligne(ident, date, libelle, debit, credit, origine, ref)


def _amount(raw: Any, nom: str, i: int | None = None, cle: str = "", signed=False) -> Decimal:
    if isinstance(raw, str) and _CONTRAT.match(raw):
        return Decimal(raw)  # the contract's own writing: no need for the lenient reader
    where = nom if i is None else f"{nom}[{i}].{cle}"
    try:
        value = parse_amount(raw)
    except InvalidInput as error:
        raise InvalidInput(f"paramètres : {where} : {error}") from error
    if value < 0 and not signed:
        raise InvalidInput(f"paramètres : {where} ne peut pas être négatif.")
    return value


def check_params(params: dict[str, Any]) -> dict[str, Any]:
    """The params unchanged when usable; InvalidInput with one French line otherwise."""
    check(params)
    return params
