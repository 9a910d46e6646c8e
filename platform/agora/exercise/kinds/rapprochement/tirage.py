"""Bank reconciliation, the story: one month of the organisation's bank operations, as params.

Every amount of a variant is distinct, so each pointage is unambiguous (same amount and
direction means the same operation); an entry error at level 3 is found by its reference.
"""

from __future__ import annotations

import calendar
import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from agora.exercise.base import Options, Variant
from agora.exercise.kinds.rapprochement.jours import jour_bancaire
from agora.exercise.kinds.rapprochement.libelles import sans_accents
from agora.exercise.kinds.rapprochement.params import NAME
from agora.exercise.kinds.rapprochement.statement import rediger
from agora.money import fmt

# (pairs matched, ledger-only, statement-only) ranges by level.
TAILLES = {1: ((4, 5), (1, 2), (1, 2)), 2: ((7, 10), (2, 3), (3, 4)), 3: ((7, 9), (2, 3), (3, 5))}
# Amount ranges in euros by operation kind.
MONTANTS = {
    "remise": (150, 2400),
    "virement_recu": (300, 3800),
    "cb": (180, 1600),
    "cheque": (80, 1900),
    "virement_emis": (200, 3200),
    "loyer": (650, 1900),
    "depot_especes": (120, 900),
    "frais": (3, 38),
    "agios": (6, 55),
    "interets": (1, 25),
    "urssaf": (350, 2600),
    "impots": (300, 2400),
    "prelevement": (45, 420),
}
PAIRES = ("remise", "virement_recu", "cb", "cheque", "virement_emis", "loyer")
ENTREES = frozenset({"remise", "virement_recu", "cb", "depot_especes", "interets"})
FRAIS = ("FRAIS TENUE DE COMPTE", "COMMISSION CARTE BANCAIRE", "COTISATION CARTE AFFAIRES")
PRELEVEURS = ("ENGIE", "EDF ENTREPRISES", "ORANGE BUSINESS", "VEOLIA EAU", "SFR BUSINESS")
# From level 2, the bank's wording varies as real statements do (scenarios/banque/libelles.yaml
# says how each one is read and which accounts it takes).
REELS = {
    "frais": (
        *FRAIS,
        "COTIS CARTE BUSINESS",
        "COMMISSION D'INTERVENTION",
        "FRAIS TENUE CPTE",
        "COMMISSION DE MOUVEMENT",
        "ABON BANQUE EN LIGNE PRO",
    ),
    "agios": ("AGIOS INTERETS DEBITEURS TRIMESTRE", "INT DEB TRIMESTRE", "AGIOS"),
    "interets": ("INTERETS CREDITEURS DU COMPTE", "INT CREDITEURS", "REMUNERATION COMPTE"),
    "urssaf": (
        "PRLV SEPA URSSAF COTISATIONS",
        "PRLV SEPA URSSAF DSN",
        "PRELEVEMENT EUROPEEN URSSAF",
    ),
    "preleveur": (
        *PRELEVEURS,
        "AXA FRANCE IARD",
        "MALAKOFF HUMANIS",
        "LA POSTE AFFRANCHISSEMENT",
        "BOUYGUES TELECOM",
    ),
    "prelevement": ("PRLV SEPA", "PRELEVEMENT EUROPEEN", "PRLV"),
    # level 3 only: « DGFIP » alone does not say which tax, so several accounts are accepted
    "impots": ("PRLV SEPA DGFIP TVA", "PRLV B2B DGFIP", "PRLV SEPA DGFIP IMPOT"),
    "virement_recu": ("VIR SEPA RECU", "VIREMENT EN VOTRE FAVEUR", "VIR RECU"),
}


@dataclass
class Operation:
    """One bank operation of the month and where it shows (ledger, statement, or both)."""

    nature: str
    montant: Decimal
    jour_512: date | None
    jour_releve: date | None
    lib_512: str = ""
    lib_releve: str = ""
    ref: str | None = None
    montant_512: Decimal | None = None  # set when the ledger holds a wrong amount
    suspens: bool = False
    tiers: str = ""

    @property
    def entree(self) -> bool:
        return self.nature in ENTREES


@dataclass
class Tirage:
    """Seeded draws shared by one variant: distinct amounts, running document numbers."""

    rng: random.Random
    utilises: set[Decimal] = field(default_factory=set)
    cheque: int = 0
    remise: int = 0
    facture: int = 0

    def montant(self, nature: str) -> Decimal:
        low, high = MONTANTS[nature]
        while True:
            value = Decimal(self.rng.randint(low * 100, high * 100)) / 100
            if value not in self.utilises:
                self.utilises.add(value)
                return value

    def transposition(self) -> tuple[Decimal, Decimal]:
        """A true amount and the same with two digits swapped (540,00 typed for 450,00)."""
        while True:
            a, b = self.rng.sample(range(1, 10), 2)
            c = self.rng.randint(0, 9)
            centimes = Decimal(self.rng.randint(0, 99)) / 100
            vrai = Decimal(100 * a + 10 * b + c) + centimes
            faux = Decimal(100 * b + 10 * a + c) + centimes
            if vrai not in self.utilises and faux not in self.utilises:
                self.utilises.update({vrai, faux})
                return vrai, faux


@dataclass(frozen=True)
class Contexte:
    """What the statement needs besides the params: who, which bank, which month."""

    entreprise: str
    banque: str
    demandeur: str
    fonction: str
    relation: str
    debut: date
    fin: date


def generer(
    seed: int, niveau: int, organisation: Any, remise: Operation | None = None
) -> tuple[dict[str, Any], Contexte]:
    """The params of one variant and its context; retried until both balances stay positive.
    With ``remise`` (an earlier step's transfers), the month is the remittance's and the
    remittance is one of its operations."""
    rng = random.Random(f"rapprochement:{seed}:{niveau}{':depuis' if remise else ''}")
    debut = remise.jour_512.replace(day=1) if remise and remise.jour_512 else None
    debut = debut or _debut(organisation, rng)
    fin = debut.replace(day=calendar.monthrange(debut.year, debut.month)[1])
    contexte = Contexte(
        organisation.raison_sociale,
        organisation.banque.nom,
        organisation.dirigeant,
        organisation.dirigeant_fonction,
        getattr(organisation, "relation", "client"),
        debut,
        fin,
    )
    clients = [c.nom for c in organisation.clients] or ["Client comptant"]
    fournisseurs = [f.nom for f in organisation.fournisseurs] or ["Fournisseur divers"]
    solde = _solde_initial(organisation, rng)
    if remise:  # enough money in the bank for the week's transfers
        solde = max(solde, remise.montant + rng.randint(2000, 8000))
    for _ in range(50):
        params = _params(rng, niveau, solde, debut, fin, clients, fournisseurs, remise)
        if _soldes_positifs(params):
            return params, contexte
    return params, contexte  # pragma: no cover - 50 draws never all fail in practice


def _debut(organisation: Any, rng: random.Random) -> date:
    """The month after the bank's known balance date, so the story follows the fiche."""
    known = getattr(organisation.banque, "date_solde", None) or date(2026, rng.randint(1, 11), 2)
    if known.day == 1:
        return known
    return (known.replace(day=1) + timedelta(days=32)).replace(day=1)


def _solde_initial(organisation: Any, rng: random.Random) -> Decimal:
    solde = Decimal(getattr(organisation.banque, "solde_initial", 0) or 0)
    if Decimal(2500) <= solde <= Decimal(60000):
        return solde.quantize(Decimal("0.01"))
    return Decimal(rng.randint(400_000, 2_500_000)) / 100


def _soldes_positifs(params: dict[str, Any]) -> bool:
    solde = Decimal(params["solde_initial"])
    mouvements = sum(Decimal(c["debit"]) - Decimal(c["credit"]) for c in params["compte_512"])
    releve = sum(Decimal(b["credit"]) - Decimal(b["debit"]) for b in params["releve"])
    return solde + mouvements > 300 and solde + releve > 300


def _params(rng, niveau, solde, debut, fin, clients, fournisseurs, remise=None) -> dict:
    tirage = Tirage(rng, cheque=rng.randint(2100, 8800), remise=rng.randint(12, 80))
    tirage.facture = rng.randint(120, 640)
    (p_lo, p_hi), (l_lo, l_hi), (r_lo, r_hi) = TAILLES[niveau]
    ops: list[Operation] = [remise] if remise else []
    if remise:
        tirage.utilises.add(remise.montant)
    suspens = _suspens(tirage, debut, fournisseurs, clients) if niveau == 3 else []
    ops += suspens
    ops += _paires(tirage, rng.randint(p_lo, p_hi), debut, fin, clients, fournisseurs)
    ops += _ledger_seul(tirage, rng.randint(l_lo, l_hi), fin, clients, fournisseurs)
    ops += _releve_seul(tirage, rng.randint(r_lo, r_hi), niveau, debut, fin, clients, fournisseurs)
    for op in ops:
        if op is not remise and op.jour_releve is not None:
            op.jour_releve = jour_bancaire(op.jour_releve, fin)
    if niveau == 3:  # never on the remittance: its amount is the earlier step's
        _erreur_de_saisie(tirage, [o for o in ops if _erreur_possible(o) and o is not remise])
    for op in sorted(ops, key=lambda o: o.jour_512 or o.jour_releve):
        if op is not remise:  # labelled with the earlier step's own reference
            _libeller(tirage, op, niveau)
    return _documents(debut, solde, ops)


def _jour(rng: random.Random, debut: date, lo: int, hi: int) -> date:
    return debut + timedelta(days=rng.randint(lo, hi) - 1)


def _paires(tirage, nombre, debut, fin, clients, fournisseurs) -> list[Operation]:
    rng = tirage.rng
    natures = ["remise", "cheque"] + [rng.choice(PAIRES) for _ in range(nombre - 2)]
    if natures.count("loyer") > 1:  # one rent a month
        premier = natures.index("loyer")
        autres = [n for n in PAIRES if n != "loyer"]
        natures = [
            rng.choice(autres) if n == "loyer" and i != premier else n
            for i, n in enumerate(natures)
        ]
    ops = []
    for nature in natures:
        jour = _jour(rng, debut, 1, fin.day - 8)
        delai = {"cheque": (2, 6), "remise": (1, 3), "cb": (1, 2)}.get(nature, (0, 2))
        ops.append(
            _operation(
                tirage, nature, jour, jour + timedelta(rng.randint(*delai)), clients, fournisseurs
            )
        )
    return ops


def _ledger_seul(tirage, nombre, fin, clients, fournisseurs) -> list[Operation]:
    rng = tirage.rng
    natures = [rng.choice(("cheque", "remise"))] if nombre == 1 else ["cheque", "remise"]
    natures += [rng.choice(("cheque", "depot_especes")) for _ in range(nombre - len(natures))]
    debut = fin.replace(day=1)
    return [
        _operation(tirage, n, _jour(rng, debut, fin.day - 4, fin.day), None, clients, fournisseurs)
        for n in natures
    ]


def _releve_seul(tirage, nombre, niveau, debut, fin, clients, fournisseurs) -> list[Operation]:
    rng = tirage.rng
    autres = ["virement_recu", "prelevement"]
    if niveau >= 2:
        autres += ["urssaf", rng.choice(("agios", "interets"))]
    if niveau == 3:
        autres.append("impots")
    natures = ["frais", *rng.sample(autres, min(nombre - 1, len(autres)))]
    ops = []
    for nature in natures:
        jour = fin if nature in ("frais", "agios", "interets") else _jour(rng, debut, 2, fin.day)
        ops.append(_operation(tirage, nature, None, jour, clients, fournisseurs))
    return ops


def _suspens(tirage, debut, fournisseurs, clients) -> list[Operation]:
    """Last month's items the bank had not seen; the first is cleared, a second may still wait."""
    rng = tirage.rng
    veille = debut - timedelta(days=1)
    ops = []
    for rang in range(rng.randint(1, 2)):
        nature = "cheque" if rang or rng.random() < 0.6 else "remise"
        jour = veille - timedelta(days=rng.randint(0, 3))
        encaisse = None if rang else _jour(rng, debut, 1, 5)
        op = _operation(tirage, nature, jour, encaisse, clients, fournisseurs)
        op.suspens = True
        ops.append(op)
    return ops


def _erreur_possible(op: Operation) -> bool:
    both = op.jour_512 is not None and op.jour_releve is not None and not op.suspens
    return both and op.nature in ("remise", "cheque", "virement_recu", "virement_emis")


def _erreur_de_saisie(tirage: Tirage, candidates: list[Operation]) -> None:
    op = tirage.rng.choice(candidates)
    tirage.utilises.discard(op.montant)
    op.montant, op.montant_512 = tirage.transposition()


def _operation(tirage, nature, jour_512, jour_releve, clients, fournisseurs) -> Operation:
    """An operation of the month; its labels and numbers are given later, in date order."""
    rng = tirage.rng
    op = Operation(nature, tirage.montant(nature), jour_512, jour_releve)
    client, fournisseur = rng.choice(clients), rng.choice(fournisseurs)
    op.tiers = client if nature in ENTREES else fournisseur
    return op


def _libeller(tirage: Tirage, op: Operation, niveau: int) -> None:
    """The accountant's label and the bank's (upper case, short), with running numbers."""
    quand = (op.jour_512 or op.jour_releve or date(2026, 1, 1)).strftime("%d/%m")
    if op.nature == "cheque":
        tirage.cheque += 1
        op.ref = str(tirage.cheque)
        op.lib_512, op.lib_releve = f"Chèque n° {op.ref} — {op.tiers}", f"CHQ N° {op.ref}"
    elif op.nature == "remise":
        tirage.remise += 1
        op.ref = f"R{tirage.remise}"
        op.lib_512 = f"Remise de chèques n° {tirage.remise} — {op.tiers}"
        op.lib_releve = f"REMISE CHEQUES N° {tirage.remise}"
    elif op.nature in ("virement_recu", "virement_emis"):
        # Our sales invoices are FA…, the suppliers' invoices (paid by transfer) FF….
        tirage.facture += 1
        op.ref = f"{'FA' if op.nature == 'virement_recu' else 'FF'}{tirage.facture}"
        sens = "reçu de" if op.nature == "virement_recu" else "émis à"
        op.lib_512 = f"Virement {sens} {op.tiers} — facture {op.ref}"
        banque = "VIR SEPA RECU" if op.nature == "virement_recu" else "VIR SEPA EMIS"
        if op.nature == "virement_recu" and niveau >= 2 and op.jour_512 is None:
            banque = tirage.rng.choice(REELS["virement_recu"])
        op.lib_releve = f"{banque} {_majuscules(op.tiers)} {op.ref}"
    elif niveau >= 2 and op.nature in REELS:
        op.lib_releve = _libelle_reel(tirage.rng, op.nature)
    else:
        op.lib_512, op.lib_releve = _libelles_simples(tirage.rng, op.nature, quand, op.tiers)


def _libelle_reel(rng: random.Random, nature: str) -> str:
    """A statement-only line worded as a real bank words it (levels 2 and 3)."""
    if nature == "prelevement":
        return f"{rng.choice(REELS['prelevement'])} {rng.choice(REELS['preleveur'])}"
    return rng.choice(REELS[nature])


def _libelles_simples(rng, nature, quand, fournisseur) -> tuple[str, str]:
    if nature == "cb":
        return f"Encaissements carte bancaire du {quand}", f"REMISE CB DU {quand}"
    if nature == "loyer":
        return "Prélèvement loyer du local", "PRLV SEPA LOYER SCI DU PARC"
    if nature == "depot_especes":
        return f"Versement d'espèces du {quand}", f"VERSEMENT ESPECES {quand}"
    if nature == "frais":
        return "", rng.choice(FRAIS)
    if nature == "agios":
        return "", "AGIOS INTERETS DEBITEURS TRIMESTRE"
    if nature == "interets":
        return "", "INTERETS CREDITEURS DU COMPTE"
    if nature == "urssaf":
        return "", "PRLV SEPA URSSAF COTISATIONS"
    if nature == "prelevement":
        return "", f"PRLV SEPA {rng.choice(PRELEVEURS)}"
    return "", f"PRLV SEPA {_majuscules(fournisseur)}"  # pragma: no cover - every nature above


def _majuscules(nom: str) -> str:
    return sans_accents(nom).upper()[:24].strip()


def _documents(debut: date, solde: Decimal, ops: list[Operation]) -> dict[str, Any]:
    """Sort the operations into the contract's ledger, statement and last month's suspense."""
    suspens = sorted((o for o in ops if o.suspens), key=lambda o: o.jour_512)
    ledger = sorted((o for o in ops if o.jour_512 and not o.suspens), key=lambda o: o.jour_512)
    releve = sorted((o for o in ops if o.jour_releve), key=lambda o: o.jour_releve)
    params: dict[str, Any] = {"periode": debut.strftime("%Y-%m"), "solde_initial": fmt(solde)}
    if suspens:
        params["suspens_anterieurs"] = [_ligne512(f"S{i}", o) for i, o in enumerate(suspens, 1)]
    params["compte_512"] = [_ligne512(f"C{i}", o) for i, o in enumerate(ledger, 1)]
    params["releve"] = [_ligne_releve(f"B{i}", o) for i, o in enumerate(releve, 1)]
    return params


def _ligne512(ident: str, op: Operation) -> dict[str, Any]:
    montant = fmt(op.montant_512 or op.montant)
    debit, credit = (montant, "0.00") if op.entree else ("0.00", montant)
    ligne = {"id": ident, "date": op.jour_512.isoformat(), "libelle": op.lib_512}
    ligne |= {"debit": debit, "credit": credit}
    return ligne | ({"ref": op.ref} if op.ref else {})


def _ligne_releve(ident: str, op: Operation) -> dict[str, Any]:
    montant = fmt(op.montant)
    debit, credit = ("0.00", montant) if op.entree else (montant, "0.00")
    ligne = {"id": ident, "date": op.jour_releve.isoformat(), "libelle": op.lib_releve}
    ligne |= {"debit": debit, "credit": credit}
    return ligne | ({"ref": op.ref} if op.ref else {})


def generate(seed: int, niveau: int, organisation: Any, options: Options = None) -> Variant:
    """One month of the organisation's bank operations, with the statement to work from."""
    params, contexte = generer(seed, niveau, organisation)
    return Variant(NAME, seed, niveau, params, rediger(params, niveau, contexte))
