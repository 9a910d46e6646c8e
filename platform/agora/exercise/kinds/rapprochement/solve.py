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


# Plain dataclasses, not frozen ones (whose __init__ sets each field through
# object.__setattr__): the reference is worked out at every grade and never changed.
@dataclass
class Ecart:
    """A ledger line entered with the wrong amount, and its statement line."""

    ligne: Ligne
    releve: Ligne

    @property
    def montant_signe(self) -> Decimal:
        """What the company side must add (positive) or deduct (negative)."""
        return self.releve.effet - self.ligne.effet


@dataclass
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

    def paire_valide(self, gauche: str, droite: str) -> bool:
        """Whether a ledger line and a statement line may be pointed together: the same
        direction and amount, or an entry error and its statement line."""
        lignes = self.dossier.lignes
        ledger, releve = lignes.get(gauche), lignes.get(droite)
        if (
            ledger is None
            or releve is None
            or ledger.origine == "releve"
            or releve.origine != "releve"
        ):
            return False
        if gauche in self.ecarts:
            return self.ecarts[gauche].releve.id == droite
        return ledger.entree == releve.entree and ledger.montant == releve.montant


def rapprocher(dossier: Dossier) -> Rapprochement:
    """Match, sort into the two sides, compute the balances and the adjusting entries."""
    paires, ecarts = _pointer(dossier)
    pointes = {i for paire in paires for i in paire}
    # The company side in document order: the statement lines the ledger lacks, then its errors.
    manquantes = [ligne for ligne in dossier.releve if ligne.id not in pointes]
    # Each list of the company side and its total, summed as it is written.
    entreprise: dict[str, list[str]] = {"ajouts": [], "deductions": []}
    totaux = {"ajouts": ZERO, "deductions": ZERO}
    for ligne in manquantes:
        liste = "ajouts" if ligne.entree else "deductions"
        entreprise[liste].append(ligne.id)
        totaux[liste] += ligne.montant
    for ident, ecart in ecarts.items():
        ecart_signe = ecart.montant_signe  # an error stands for its gap
        liste = "ajouts" if ecart_signe > 0 else "deductions"
        entreprise[liste].append(ident)
        totaux[liste] += abs(ecart_signe)
    banque: dict[str, list[str]] = {"ajouts": [], "deductions": []}
    for ligne in dossier.grand_livre:
        if ligne.id not in pointes:
            banque["ajouts" if ligne.entree else "deductions"].append(ligne.id)
    solde_512 = dossier.solde_initial + sum((c.effet for c in dossier.compte_512), ZERO)
    solde_releve = dossier.ouverture_releve + sum((b.effet for b in dossier.releve), ZERO)
    ordre = [ligne.id for ligne in manquantes] + list(ecarts)
    return Rapprochement(
        dossier,
        paires,
        ecarts,
        {k: tuple(v) for k, v in entreprise.items()},
        {k: tuple(v) for k, v in banque.items()},
        solde_512,
        solde_releve,
        solde_512 + totaux["ajouts"] - totaux["deductions"],
        tuple(_ecriture(dossier, ecarts, i) for i in ordre),
    )


def _pointer(dossier: Dossier) -> tuple[tuple[tuple[str, str], ...], dict[str, Ecart]]:
    """Same direction and amount (the same reference first, then date order); then same-ref
    errors. The pairs in ledger order."""
    libres: dict[tuple[bool, Decimal], list[Ligne]] = {}
    for ligne in dossier.releve:
        libres.setdefault((ligne.entree, ligne.montant), []).append(ligne)
    apparies: dict[str, str] = {}  # ledger id -> statement id
    restants: list[Ligne] = []
    for ligne in dossier.grand_livre:
        candidats = libres.get((ligne.entree, ligne.montant))
        if not candidats:
            restants.append(ligne)
            continue
        choisi = candidats[0]
        if ligne.ref and len(candidats) > 1:  # several alike: the one with the same reference
            choisi = next((b for b in candidats if b.ref == ligne.ref), choisi)
        candidats.remove(choisi)
        apparies[ligne.id] = choisi.id
    par_ref = {
        (b.entree, b.ref): b for group in libres.values() for b in group if b.ref is not None
    }
    ecarts: dict[str, Ecart] = {}
    for ligne in restants:
        releve = par_ref.pop((ligne.entree, ligne.ref), None) if ligne.ref else None
        if releve is not None:
            apparies[ligne.id] = releve.id
            ecarts[ligne.id] = Ecart(ligne, releve)
    paires = tuple((g.id, apparies[g.id]) for g in dossier.grand_livre if g.id in apparies)
    return paires, ecarts


def nature(ligne: Ligne) -> Classement:
    """What a line's wording says (scenarios/banque/libelles.yaml, docs/exercices/rapprochement.md)."""
    return classer(ligne.libelle, ligne.entree)


def nature_ecriture(rapprochement: Rapprochement, ident: str) -> Classement:
    """The counterpart of the entry for a company-side item; an entry error is the customer's
    (money in) or the supplier's (money out) operation, whatever its wording."""
    return _nature_ecriture(rapprochement.dossier, rapprochement.ecarts, ident)


def _nature_ecriture(dossier: Dossier, ecarts: dict[str, Ecart], ident: str) -> Classement:
    if ident in ecarts:
        return par_defaut(ecarts[ident].ligne.entree)
    return nature(dossier.lignes[ident])


def _ecriture(dossier: Dossier, ecarts: dict[str, Ecart], ident: str) -> dict[str, Any]:
    signe = ecarts[ident].montant_signe if ident in ecarts else dossier.lignes[ident].effet
    compte = _nature_ecriture(dossier, ecarts, ident).comptes[0]
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
