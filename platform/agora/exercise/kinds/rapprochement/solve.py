"""Bank reconciliation, the calculation: match the lines, build the contract solution.

Everything is seen from the company: a line's ``effet`` is +amount when money comes in
(ledger debit, statement credit) and −amount when money goes out.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from agora.exercise.kinds.rapprochement.libelles import Classement, classer, par_defaut
from agora.exercise.kinds.rapprochement.params import Dossier, Ligne, check
from agora.money import ZERO, fmt

# The bank's own account, on the other side of every adjusting entry (« 5121 » accepted too).
BANQUE = ("512",)


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


def nature(ligne: Ligne) -> Classement:
    """What a line's wording says (scenarios/banque/libelles.yaml, docs/exercices/rapprochement.md)."""
    return classer(ligne.libelle, ligne.entree)


def nature_ecriture(rapprochement: Rapprochement, ident: str) -> Classement:
    """The counterpart of the entry for a company-side item; an entry error is the customer's
    (money in) or the supplier's (money out) operation, whatever its wording."""
    if ident in rapprochement.ecarts:
        return par_defaut(rapprochement.ecarts[ident].ligne.entree)
    return nature(rapprochement.dossier.lignes[ident])


def ecriture_attendue(rapprochement: Rapprochement, ident: str) -> dict[str, Any]:
    """The adjusting entry of one company-side item: money in debits 512, money out credits it."""
    if ident in rapprochement.ecarts:
        signe = rapprochement.ecarts[ident].montant_signe
    else:
        signe = rapprochement.dossier.lignes[ident].effet
    compte = nature_ecriture(rapprochement, ident).comptes[0]
    debit, credit = (BANQUE[0], compte) if signe > 0 else (compte, BANQUE[0])
    return {"ligne": ident, "compte_debit": debit, "compte_credit": credit, "montant": abs(signe)}


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


def solve(params: dict[str, Any]) -> dict[str, Any]:
    """The reference reconciliation (contract JSON)."""
    return solution_json(reference(params))


def reference(params: dict[str, Any]) -> Rapprochement:
    """The reference reconciliation of these params."""
    return rapprocher(check(params))
