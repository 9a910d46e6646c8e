"""Bank reconciliation, the calculation: read the params, match the lines, build the contract solution.

Everything is seen from the company: a line's ``effet`` is +amount when money comes in
(ledger debit, statement credit) and −amount when money goes out.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from typing import Any

from agora.errors import InvalidInput
from agora.money import ZERO, fmt, parse_amount

MAX_LIGNES = 200
_PERIODE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$", re.ASCII)
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$", re.ASCII)
_ID = re.compile(r"^[A-Z]{1,3}\d{1,4}$", re.ASCII)
_CONTRAT = re.compile(r"^\d{1,13}\.\d{2}$", re.ASCII)

# Accounts accepted for the counterpart of an adjusting entry, by kind of operation (first = shown).
COMPTES_ADMIS: dict[str, tuple[str, ...]] = {
    "frais": ("627", "6278"),
    "agios": ("661", "6615", "6616"),
    "interets": ("768",),
    "urssaf": ("431",),
    "client": ("411",),
    "fournisseur": ("401",),
}
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


@dataclass(frozen=True)
class Ecart:
    """A ledger line entered with the wrong amount, and its statement line."""

    ligne: Ligne
    releve: Ligne

    @property
    def montant_signe(self) -> Decimal:
        """What the company side must add (positive) or deduct (negative)."""
        return self.releve.effet - self.ligne.effet


@dataclass(frozen=True)
class Rapprochement:
    """The reference reconciliation, in typed form."""

    dossier: Dossier
    pointage: tuple[tuple[str, str], ...]
    ecarts: dict[str, Ecart]
    cote_entreprise: dict[str, tuple[str, ...]]
    cote_banque: dict[str, tuple[str, ...]]
    solde_compte_512: Decimal
    solde_releve: Decimal
    solde_rectifie: Decimal
    ecritures: tuple[dict[str, Any], ...]

    def montant(self, ident: str, cote: str) -> Decimal | None:
        """The amount an id stands for in a list of one side (an error stands for its gap)."""
        if cote == "entreprise" and ident in self.ecarts:
            return abs(self.ecarts[ident].montant_signe)
        ligne = self.dossier.lignes.get(ident)
        return ligne.montant if ligne else None


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


def rapprocher(dossier: Dossier) -> Rapprochement:
    """Match, sort into the two sides, compute the balances and the adjusting entries."""
    paires, ecarts = _pointer(dossier)
    pointes = {i for paire in paires for i in paire}
    entreprise: dict[str, list[str]] = {"ajouts": [], "deductions": []}
    for ligne in dossier.releve:
        if ligne.id not in pointes:
            entreprise["ajouts" if ligne.entree else "deductions"].append(ligne.id)
    for ident, ecart in ecarts.items():
        entreprise["ajouts" if ecart.montant_signe > 0 else "deductions"].append(ident)
    banque: dict[str, list[str]] = {"ajouts": [], "deductions": []}
    for ligne in dossier.grand_livre:
        if ligne.id not in pointes:
            banque["ajouts" if ligne.entree else "deductions"].append(ligne.id)
    solde_512 = dossier.solde_initial + sum((c.effet for c in dossier.compte_512), ZERO)
    solde_releve = dossier.ouverture_releve + sum((b.effet for b in dossier.releve), ZERO)
    base = Rapprochement(
        dossier,
        tuple(paires),
        ecarts,
        {k: tuple(v) for k, v in entreprise.items()},
        {k: tuple(v) for k, v in banque.items()},
        solde_512,
        solde_releve,
        ZERO,
        (),
    )
    rectifie = (
        solde_512 + _somme(base, entreprise["ajouts"]) - _somme(base, entreprise["deductions"])
    )
    ecritures = tuple(ecriture_attendue(base, i) for i in _ordre(dossier, entreprise))
    return Rapprochement(
        dossier,
        base.pointage,
        ecarts,
        base.cote_entreprise,
        base.cote_banque,
        solde_512,
        solde_releve,
        rectifie,
        ecritures,
    )


def _somme(rapprochement: Rapprochement, ids: list[str]) -> Decimal:
    return sum((rapprochement.montant(i, "entreprise") or ZERO for i in ids), ZERO)


def _ordre(dossier: Dossier, entreprise: dict[str, list[str]]) -> list[str]:
    """Company-side items in document order: statement lines first, then ledger errors."""
    rang = {ident: i for i, ident in enumerate(dossier.lignes)}
    items = entreprise["ajouts"] + entreprise["deductions"]
    return sorted(items, key=lambda i: (dossier.lignes[i].origine != "releve", rang[i]))


def _pointer(dossier: Dossier) -> tuple[list[tuple[str, str]], dict[str, Ecart]]:
    """Same direction and amount (the same reference first, then date order); then same-ref errors."""
    libres: dict[tuple[bool, Decimal], list[Ligne]] = {}
    for ligne in dossier.releve:
        libres.setdefault((ligne.entree, ligne.montant), []).append(ligne)
    paires: list[tuple[str, str]] = []
    restants: list[Ligne] = []
    for ligne in dossier.grand_livre:
        candidats = libres.get((ligne.entree, ligne.montant))
        if not candidats:
            restants.append(ligne)
            continue
        choisi = next((b for b in candidats if ligne.ref and b.ref == ligne.ref), candidats[0])
        candidats.remove(choisi)
        paires.append((ligne.id, choisi.id))
    par_ref = {
        (b.entree, b.ref): b for group in libres.values() for b in group if b.ref is not None
    }
    ecarts: dict[str, Ecart] = {}
    for ligne in restants:
        releve = par_ref.pop((ligne.entree, ligne.ref), None) if ligne.ref else None
        if releve is not None:
            paires.append((ligne.id, releve.id))
            ecarts[ligne.id] = Ecart(ligne, releve)
    rang = {ligne.id: i for i, ligne in enumerate(dossier.grand_livre)}
    paires.sort(key=lambda p: rang[p[0]])
    return paires, ecarts


def nature(ligne: Ligne) -> str:
    """The kind of operation behind a line, from its label (see docs/exercices/rapprochement.md)."""
    return _nature(ligne.libelle, ligne.entree)


@lru_cache(maxsize=4096)
def _nature(libelle: str, entree: bool) -> str:
    texte = sans_accents(libelle).upper()
    if "URSSAF" in texte:
        return "urssaf"
    if "AGIOS" in texte or "INTERETS DEBITEURS" in texte:
        return "agios"
    if "INTERETS" in texte and entree:
        return "interets"
    if texte.startswith(("VIR", "REMISE CHEQUE", "CHQ")):
        return "client" if entree else "fournisseur"
    if any(mot in texte for mot in ("FRAIS", "COMMISSION", "COTISATION", "TENUE DE COMPTE")):
        return "frais"
    return "client" if entree else "fournisseur"


@lru_cache(maxsize=4096)
def sans_accents(texte: str) -> str:
    decomposed = unicodedata.normalize("NFKD", texte)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def nature_ecriture(rapprochement: Rapprochement, ident: str) -> str:
    """The counterpart kind of the entry for a company-side item (an error: customer or supplier)."""
    if ident in rapprochement.ecarts:
        return "client" if rapprochement.ecarts[ident].ligne.entree else "fournisseur"
    return nature(rapprochement.dossier.lignes[ident])


def ecriture_attendue(rapprochement: Rapprochement, ident: str) -> dict[str, Any]:
    """The adjusting entry of one company-side item: money in debits 512, money out credits it."""
    if ident in rapprochement.ecarts:
        signe = rapprochement.ecarts[ident].montant_signe
    else:
        signe = rapprochement.dossier.lignes[ident].effet
    compte = COMPTES_ADMIS[nature_ecriture(rapprochement, ident)][0]
    debit, credit = ("512", compte) if signe > 0 else (compte, "512")
    return {"ligne": ident, "compte_debit": debit, "compte_credit": credit, "montant": abs(signe)}


def compte_admis(nature_: str, compte: str) -> bool:
    """Is ``compte`` acceptable for this kind of counterpart (or for 512 when nature_ is 512)?"""
    if nature_ == "512":
        return compte.startswith("512")
    if nature_ in COMPTES_TIERS:
        return compte.startswith(COMPTES_ADMIS[nature_][0])
    return compte in COMPTES_ADMIS[nature_]


def solution_json(r: Rapprochement) -> dict[str, Any]:
    """The contract solution JSON."""
    return {
        "pointage": [list(p) for p in r.pointage],
        "solde_compte_512": fmt(r.solde_compte_512),
        "solde_releve": fmt(r.solde_releve),
        "cote_entreprise": {k: list(v) for k, v in r.cote_entreprise.items()},
        "cote_banque": {k: list(v) for k, v in r.cote_banque.items()},
        "solde_rectifie": fmt(r.solde_rectifie),
        "ecritures": [{**e, "montant": fmt(e["montant"])} for e in r.ecritures],
    }
