"""Bank reconciliation, the params: the ledger and the statement read into typed objects.

``check`` reads the params by hand, value by value in the contract's order, and refuses the
first unusable one with one French line naming its place (``paramètres : compte_512[3].date
doit s'écrire AAAA-MM-JJ.``); a missing field is named before anything else. Read by hand
rather than through a pydantic model: a grade reads fresh params every time, and the model's
validation was a third of a grade's cost, for the same checks and the same messages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import partial
from typing import Any, NamedTuple

from agora.errors import InvalidInput
from agora.exercise.params import PAS_UN_OBJET
from agora.money import ZERO, parse_amount

# The kind's name, in its variants and grades (every module of the kind may import params).
NAME = "rapprochement"

MAX_LIGNES = 200
_PERIODE = re.compile(r"\d{4}-(0[1-9]|1[0-2])", re.ASCII)
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
_ID = re.compile(r"[A-Z]{1,3}\d{1,4}", re.ASCII)
_CONTRAT = re.compile(r"\d{1,13}\.\d{2}", re.ASCII)
_PERIODE_ATTENDUE = " doit s'écrire AAAA-MM, par exemple 2026-03."
# The fields the params must have (``suspens_anterieurs`` may be left out: no suspense).
_OBLIGATOIRES = ("periode", "solde_initial", "compte_512", "releve")


class Ligne(NamedTuple):
    """One line of the ledger (origine "512" or "suspens") or of the statement ("releve")."""

    origine: str
    id: str
    date: str
    libelle: str
    debit: Decimal
    credit: Decimal
    ref: str | None
    # Derived once when read: the solver and the grader use them for every line.
    montant: Decimal  # the debit or the credit
    entree: bool  # True when the line brings money in for the company
    effet: Decimal  # the line seen from the company: +amount in, −amount out


# A plain dataclass, not a frozen one (whose __init__ sets each field through
# object.__setattr__) and with no cached_property (its first reading takes a lock): the params
# are read afresh at every grade, and nothing changes them once read.
@dataclass
class Dossier:
    """The params, typed: opening balance, suspense items of last month, ledger, statement."""

    periode: str
    solde_initial: Decimal
    suspens: tuple[Ligne, ...]
    compte_512: tuple[Ligne, ...]
    releve: tuple[Ligne, ...]
    lignes: dict[str, Ligne]  # every line by id: last month's suspense, the ledger, the statement
    # The statement's opening balance: the ledger's, less what the bank had not yet seen.
    ouverture_releve: Decimal

    @property
    def grand_livre(self) -> tuple[Ligne, ...]:
        """Every ledger line the student may point: last month's suspense first."""
        return self.suspens + self.compte_512


class _Refus(Exception):
    """An unusable value: its place (``lieu``, as far as the reader that refused it knows it)
    and what follows the place in the message (``suite``), the place quoted if ``cite``."""

    def __init__(self, lieu: str, suite: str, cite: bool = False):
        super().__init__(lieu, suite, cite)
        self.lieu, self.suite, self.cite = lieu, suite, cite

    def dans(self, parent: str) -> _Refus:
        """The same refusal, its place seen from the value that holds it (``releve[2]``)."""
        return _Refus(f"{parent}.{self.lieu}" if self.lieu else parent, self.suite, self.cite)

    def message(self) -> str:
        return (f"« {self.lieu} »" if self.cite else self.lieu) + self.suite


def check(params: Any) -> Dossier:
    """The params as a Dossier; InvalidInput with one French line when they cannot be used."""
    if not isinstance(params, dict):
        raise InvalidInput(PAS_UN_OBJET)
    manquant = next((cle for cle in _OBLIGATOIRES if cle not in params), None)
    if manquant is not None:
        raise InvalidInput(f"paramètres : le champ « {manquant} » manque.")
    try:
        return _dossier(params)
    except _Refus as refus:
        raise InvalidInput(f"paramètres : {refus.message()}") from None


def check_params(params: dict[str, Any]) -> dict[str, Any]:
    """The params unchanged when usable; InvalidInput with one French line otherwise."""
    check(params)
    return params


def _dossier(params: dict[str, Any]) -> Dossier:
    periode = _texte(params["periode"], _PERIODE, "periode", _PERIODE_ATTENDUE, cite=True)
    solde_initial = _montant(params["solde_initial"], "solde_initial", signe=True)
    suspens = ()
    if "suspens_anterieurs" in params:
        suspens = _lignes(params["suspens_anterieurs"], "suspens_anterieurs", "suspens")
    compte_512 = _lignes(params["compte_512"], "compte_512", "512")
    releve = _lignes(params["releve"], "releve", "releve")
    toutes = suspens + compte_512 + releve
    lignes = {ligne.id: ligne for ligne in toutes}  # ids checked once every line is readable
    if len(lignes) < len(toutes):
        raise _Refus("", f"l'identifiant « {_en_double(toutes)} » est utilisé deux fois.")
    ouverture = solde_initial - sum((s.effet for s in suspens), ZERO)
    return Dossier(periode, solde_initial, suspens, compte_512, releve, lignes, ouverture)


def _en_double(lignes: tuple[Ligne, ...]) -> str:
    """The first id met a second time."""
    vus: set[str] = set()
    for ligne in lignes:
        if ligne.id in vus:
            return ligne.id
        vus.add(ligne.id)
    raise AssertionError("no id is used twice")


def _lignes(raw: Any, cle: str, origine: str) -> tuple[Ligne, ...]:
    """The list ``cle`` of the params, each line read in turn."""
    if not isinstance(raw, list):
        raise _Refus(cle, " doit être une liste de lignes.", cite=True)
    if len(raw) > MAX_LIGNES:
        raise _Refus(cle, f" a trop de lignes (au plus {MAX_LIGNES}).", cite=True)
    lignes = []
    for i, brute in enumerate(raw):
        try:
            lignes.append(_ligne(brute, origine))
        except _Refus as refus:
            raise refus.dans(f"{cle}[{i}]") from None
    return tuple(lignes)


def _ligne(raw: Any, origine: str) -> Ligne:
    """One line, its fields in the contract's order; an absent debit or credit is 0.00."""
    if not isinstance(raw, dict):
        raise _Refus("", " doit être un objet {id, date, libelle…}.")
    get = raw.get
    ident, date, libelle = get("id"), get("date"), get("libelle")
    # The id and the date as the contract writes them (each checked here, not by a call).
    if not isinstance(ident, str) or not _ID.fullmatch(ident):
        raise _Refus("id", " doit être un identifiant comme « C1 ».")
    if not isinstance(date, str) or not _DATE.fullmatch(date):
        raise _Refus("date", " doit s'écrire AAAA-MM-JJ.")
    if not isinstance(libelle, str) or not libelle.strip():
        raise _Refus("libelle", " manque.")
    debit, credit = get("debit", "0.00"), get("credit", "0.00")
    # The side a line leaves empty, half of all amounts, is "0.00": nothing to parse.
    debit = ZERO if debit == "0.00" else _montant(debit, "debit")
    credit = ZERO if credit == "0.00" else _montant(credit, "credit")
    ref = get("ref")
    ref = ref if type(ref) is str else _ref(ref)  # a text is its own reference: no call
    if bool(debit) == bool(credit):
        raise _Refus("", " doit avoir un débit ou un crédit, pas les deux.")
    montant = debit or credit
    entree = bool(credit) if origine == "releve" else bool(debit)  # the statement: bank's view
    effet = montant if entree else -montant
    return _nouvelle((origine, ident, date, libelle, debit, credit, ref, montant, entree, effet))


# A Ligne from its values in order, without the Python __new__ a NamedTuple generates (a
# params has some 25 lines, read at every grade).
_nouvelle = partial(tuple.__new__, Ligne)


def _texte(raw: Any, motif: re.Pattern[str], lieu: str, suite: str, cite: bool = False) -> str:
    """A text written as ``motif``; the refusal says ``suite``."""
    if not isinstance(raw, str) or not motif.fullmatch(raw):
        raise _Refus(lieu, suite, cite)
    return raw


def _montant(raw: Any, lieu: str, signe: bool = False) -> Decimal:
    """An amount; negative only if ``signe`` (an opening balance: the account overdrawn)."""
    if raw == "0.00":
        return ZERO
    if isinstance(raw, str) and _CONTRAT.fullmatch(raw):
        return Decimal(raw)  # the contract's own writing: no need for the lenient reader
    try:
        value = parse_amount(raw)
    except InvalidInput as error:
        raise _Refus(lieu, f" : {error}") from None
    if value < 0 and not signe:
        raise _Refus(lieu, " ne peut pas être négatif.")
    return value


def _ref(raw: Any) -> str | None:
    """A document number, kept as text; anything but a text or a number is no reference."""
    return str(raw) if isinstance(raw, (str, int)) and not isinstance(raw, bool) else None
