"""A ``reglements_fournisseurs`` variant drawn from the organisation: its suppliers (their bank
details from the supplier file), its bank, the VAT rates of what each supplier sells, a Monday
of its financial year.

Level 1: three invoices (one due this week, one offering an escompte, one whose bank details
are wrong). Level 2: five invoices (one overdue, one due this week, the escompte, one due
later, one changed IBAN or a BIC of another country). Level 3: six invoices, with a credit note
to deduct, a part already paid, a changed IBAN and an IBAN whose check digits are wrong.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from agora.company import identifiers
from agora.company.achats import ce_que_vend
from agora.errors import InvalidInput
from agora.exercise.base import Variant, tirage
from agora.exercise.kinds.reglements_fournisseurs import solve, statement
from agora.exercise.kinds.reglements_fournisseurs.params import NAME
from agora.exercise.kinds.reglements_fournisseurs.regles import regles
from agora.exercise.kinds.reglements_fournisseurs.solve import PAYER
from agora.money import cents

FERIES = frozenset({(1, 1), (5, 1), (5, 8), (7, 14), (8, 15), (11, 1), (11, 11), (12, 25)})
ESCOMPTES = ("0.5", "1", "1.5", "2", "2.5", "3")
DELAIS_ESCOMPTE = (8, 10, 15)
# Real BICs of banks outside France: a supplier file keyed with one of them is wrong.
BICS_ETRANGERS = ("DEUTDEFFXXX", "GEBABEBBXXX", "BCITITMMXXX", "INGBNL2AXXX", "BSCHESMMXXX")
NIVEAUX = {
    1: ("cette_semaine", "escompte", "piege"),
    2: ("echue", "cette_semaine", "escompte", "plus_tard", "piege"),
    3: ("echue_avoir", "cette_semaine_acompte", "escompte", "plus_tard", "fraude", "cle_iban"),
}


def lundi(jour: date) -> date:
    """The first Monday from ``jour`` that is not a fixed public holiday."""
    jour += timedelta(days=(7 - jour.weekday()) % 7)
    while (jour.month, jour.day) in FERIES:
        jour += timedelta(days=7)
    return jour


def taux_du_fournisseur(secteur: str, nom: str) -> list[str]:
    """The VAT rates a supplier bills: those of what its trade sells, else of its trade
    (reglements.yaml: an insurer's are none), else the sector's purchase rates."""
    vend = sorted({a[3] for a in ce_que_vend(secteur, nom)}, key=Decimal)
    metier = next((t for mot, t in regles().taux_tva_achats.metiers.items() if mot in nom), None)
    return vend or metier or regles().taux_tva_achats.secteurs.get(secteur, ["20"])


def _cle_fausse(rng: random.Random, iban: str) -> str:
    """The IBAN with two different adjacent digits of its account number swapped: the
    modulo 97 check always catches it."""
    rangs = [k for k in range(14, len(iban) - 3) if iban[k] != iban[k + 1]]
    k = rng.choice(rangs)
    return iban[:k] + iban[k + 1] + iban[k] + iban[k + 2 :]


class Tirage:
    """The drawing of one variant: its random source, the organisation, the payment day."""

    def __init__(self, rng: random.Random, org: Any, niveau: int):
        if not org.fournisseurs:
            raise InvalidInput("L'organisation n'a pas de fournisseur à payer.")
        self.rng, self.org, self.niveau = rng, org, niveau
        self.paiement = lundi(org.exercice_debut + timedelta(days=rng.randint(40, 250)))
        self.fin = self.paiement + timedelta(days=4)
        self.fournisseurs = list(org.fournisseurs)
        rng.shuffle(self.fournisseurs)
        self.numeros = rng.randint(100, 900)

    def facture(self, rang: int, role: str) -> dict[str, Any]:
        rng, paiement = self.rng, self.paiement
        four = self._fournisseur(rang, role)
        delai = four.delai_paiement_jours
        if role.startswith("echue") or role == "fraude":
            echeance = paiement - timedelta(days=rng.randint(2, 20))
        elif role.startswith("cette_semaine") or role in ("piege", "cle_iban"):
            echeance = paiement + timedelta(days=rng.randint(0, 4))
        elif role == "plus_tard":
            echeance = paiement + timedelta(days=rng.randint(7, delai - 1))
        else:  # the escompte: an invoice of the last days, still within its escompte delay
            jours = rng.choice(DELAIS_ESCOMPTE)
            echeance = paiement - timedelta(days=rng.randint(1, jours - 1)) + timedelta(delai)
        jour = echeance - timedelta(days=delai)
        self.numeros += rng.randint(5, 40)
        ht = cents(Decimal(rng.randint(18000, 480000)) / 100)  # two decimals: « 522.10 »
        facture: dict[str, Any] = {
            "numero": f"{rng.choice(('FA', 'F', 'FAC'))}{jour.year}-{self.numeros:04d}",
            "fournisseur": {
                "code": four.code,
                "nom": four.nom,
                "iban": four.iban,
                "bic": four.bic,
            },
            "date": jour.isoformat(),
            "echeance": echeance.isoformat(),
            "montant_ht": f"{ht}",
            "taux_tva": rng.choice(taux_du_fournisseur(self.org.secteur, four.nom)),
            "iban": four.iban,
            "bic": four.bic,
        }
        self._role(facture, role, ht)
        return facture

    def _fournisseur(self, rang: int, role: str) -> Any:
        """The first supplier is kept for the trap that changes the supplier file (no other
        invoice of the schedule shows its file's details); the others take turns."""
        autres = self.fournisseurs[1:] or self.fournisseurs
        return self.fournisseurs[0] if role in ("piege", "cle_iban") else autres[rang % len(autres)]

    def _role(self, facture: dict[str, Any], role: str, ht: Decimal) -> None:
        rng = self.rng
        if role == "escompte":
            jours = (self.paiement - date.fromisoformat(facture["date"])).days
            delai = min(d for d in DELAIS_ESCOMPTE if d > jours)
            facture["escompte"] = {"taux": rng.choice(ESCOMPTES), "jours": delai}
        elif role == "echue_avoir":
            part = cents(ht * Decimal(rng.randint(8, 30)) / 100)
            numero = f"AV{self.paiement.year}-{rng.randint(10, 99)}"
            facture["avoir"] = {"numero": numero, "montant_ht": f"{part}"}
        elif role == "cette_semaine_acompte":
            facture["deja_paye"] = f"{int(ht * 3 / 100) * 10}.00"
        elif role == "fraude" or (role == "piege" and rng.random() < 0.5):
            _, iban, bic = identifiers.compte_bancaire(rng)
            facture["iban"], facture["bic"] = iban, bic
        elif role == "piege":
            bic = rng.choice(BICS_ETRANGERS)
            facture["fournisseur"]["bic"] = facture["bic"] = bic
        elif role == "cle_iban":
            fausse = _cle_fausse(rng, facture["iban"])
            facture["fournisseur"]["iban"] = facture["iban"] = fausse


def params(rng: random.Random, org: Any, niveau: int) -> dict[str, Any]:
    """Contract params for the level."""
    t = Tirage(rng, org, niveau)
    factures = [t.facture(rang, role) for rang, role in enumerate(NIVEAUX[niveau])]
    factures.sort(key=lambda f: (f["echeance"], f["numero"]))
    taux = Decimal(rng.randint(14, 28)) / 2
    return {
        "niveau": niveau,
        "organisation": {
            "nom": org.raison_sociale,
            "iban": org.banque.iban,
            "bic": org.banque.bic,
            "assujettie_tva": org.tva_intracom is not None,
        },
        "date_paiement": t.paiement.isoformat(),
        "fin_semaine": t.fin.isoformat(),
        "taux_decouvert": f"{taux.normalize():f}",
        "reference_remise": f"VIR{t.paiement:%Y%m%d}-{rng.randint(100, 999)}",
        "factures": factures,
    }


Options = Mapping[str, str] | None


def generate(seed: int, niveau: int, organisation: Any, options: Options = None) -> Variant:
    """A variant drawn from the organisation: its suppliers, its bank, a Monday of its year."""
    p = params(tirage(NAME, seed, niveau), organisation, niveau)
    enonce = statement.enonce(organisation, p, niveau)
    return Variant(NAME, seed, niveau, p, enonce)


def document(variant: Variant, organisation: Any, documents: Any = None) -> dict[str, Any]:
    """The week's transfers as the bank debits them (a ``virements`` document for a later step,
    the bank reconciliation): one remittance on the payment day, its reference and total, and
    each transfer in it. Amounts are the solver's, not the student's."""
    p = variant.params
    s = solve.solve(p)
    virements = [
        {"facture": f["numero"], "fournisseur": f["fournisseur"]["nom"], "montant": r["montant"]}
        for f, r in zip(p["factures"], s["factures"], strict=True)
        if r["decision"] == PAYER
    ]
    return {
        "date": p["date_paiement"],
        "reference": p["reference_remise"],
        "total": s["total"],
        "virements": virements,
    }
