"""A ``budget_tresorerie`` variant drawn from the organisation: its forecasts for three to six
months, sized on last year's turnover of the same months and shaped by its sector (a bakery's
cash sales, a builder's invoices at 30 and 60 days, a water utility's half-yearly subscriptions,
a sports club's membership fees and grant), with an opening cash balance drawn so that the
budget shows no strain, a one-month strain, a lasting one or (level 3) one the investment causes."""

from __future__ import annotations

import random
from decimal import Decimal
from typing import Any

from agora.exercise.base import generateur
from agora.exercise.kinds.budget_tresorerie.params import NAME, lire_params
from agora.exercise.kinds.budget_tresorerie.secteurs import Profil, profil, statut
from agora.exercise.kinds.budget_tresorerie.solve import flux
from agora.exercise.kinds.budget_tresorerie.statement import enonce
from agora.money import CENT

# Amounts to the hundred euros at level 1 (easy to add), the ten at 2, the cent at 3.
PAS = {1: Decimal(100), 2: Decimal(10), 3: Decimal("0.01")}
DUREE = {1: (3, 3), 2: (4, 6), 3: (4, 6)}
SITUATIONS = ("aucune", "decouvert", "apport")


class Tirage:
    """The draws of one budget, in an order fixed once (changing it changes variants)."""

    def __init__(self, rng: random.Random, niveau: int):
        self.rng, self.niveau, self.pas = rng, niveau, PAS[niveau]

    def arrondi(self, valeur: Decimal) -> Decimal:
        """To the step of the level, never below one step."""
        if self.niveau == 3:  # to the cent, with cents drawn (rounding traps)
            valeur = int(valeur) + Decimal(self.rng.randint(0, 99)) / 100
        return max(self.pas, (valeur / self.pas).to_integral_value() * self.pas).quantize(CENT)

    def part(self, base: Decimal, bas: str, haut: str) -> Decimal:
        """``base`` times a share drawn per mille between ``bas`` and ``haut``, rounded."""
        mille = self.rng.randint(int(Decimal(bas) * 1000), int(Decimal(haut) * 1000))
        return self.arrondi(base * mille / 1000)


def _mois_iso(debut: int, annee: int, k: int) -> str:
    """The month ``k`` months after month ``debut`` of ``annee``, as AAAA-MM."""
    total = annee * 12 + debut - 1 + k
    return f"{total // 12}-{total % 12 + 1:02d}"


def _annee(organisation: Any) -> int:
    """The year after the history's last month: the budget is for the coming months."""
    if organisation.historique:
        return int(organisation.historique[-1].mois[:4]) + 1
    return int(organisation.exercice_debut.year)


def _ca_mensuels(organisation: Any, debut: int, n: int) -> list[Decimal]:
    """Last year's turnover of each month from two months before the budget to its end."""
    par_mois = {int(m.mois[5:]): m.chiffre_affaires_ht for m in organisation.historique}
    defaut = Decimal(8000 * max(1, len(organisation.salaries)))
    return [par_mois.get((debut - 1 + k) % 12 + 1, defaut) or defaut for k in range(-2, n)]


def _ventes(t: Tirage, p: Profil, ca: list[Decimal], assujetti: bool) -> list[dict[str, Any]]:
    """The sales of each month from two months before (their late instalments fall in the
    budget), one line per way of selling; a half-yearly billing in one month only; no VAT on
    the sales of an organisation not liable to it (an association, the franchise en base)."""
    lignes, facture = [], t.rng.randint(0, len(ca) - 3)
    for forme in p.ventes if t.niveau > 1 else p.ventes[:1]:
        retard = len(forme.parts) - 1
        for k, base in enumerate(ca):
            if (k < 2 - retard) or (forme.semestriel and k != facture + 2):
                continue
            lignes.append(
                {
                    "libelle": forme.libelle,
                    "mois": k - 2,
                    "montant_ht": str(t.part(base, *forme.poids)),
                    "taux_tva": forme.taux if assujetti else "0",
                    "parts": list(forme.parts),
                }
            )
    return lignes


def _achats(t: Tirage, p: Profil, ca: list[Decimal]) -> list[dict[str, Any]]:
    return [
        {
            "libelle": p.achats,
            "mois": k - 2,
            "montant_ht": str(t.part(base, *p.poids_achats)),
            "taux_tva": p.taux_achats,
            "delai": p.delai_achats,
        }
        for k, base in enumerate(ca)
        if k >= 2 - max(p.delai_achats, 1)
    ]


def _salaires(t: Tirage, p: Profil, ca: list[Decimal]) -> list[dict[str, str | int]]:
    moyenne = sum(ca, Decimal(0)) / len(ca)
    net = t.part(moyenne, *p.poids_salaires)
    lignes = []
    for k in range(1, len(ca)):
        prime = t.niveau > 1 and t.rng.random() < 0.15  # a bonus month
        net_mois = t.arrondi(net * Decimal("1.3")) if prime else net
        charges = t.part(net_mois, "0.62", "0.75")
        lignes.append({"mois": k - 2, "net": str(net_mois), "charges": str(charges)})
    return lignes


def _subvention(t: Tirage, org: Any, moyenne: Decimal, n: int) -> dict[str, Any]:
    grant = org.subventions[0] if org.subventions else None
    financeur = grant.financeur if grant else "La commune"
    montant = t.part(moyenne, "0.8", "1.6")
    if t.niveau == 3:
        premier = t.rng.randint(0, n - 2)
        part = t.rng.choice(("60", "70", "50"))
        versements = [
            {"mois": premier, "part": part},
            {"mois": t.rng.randint(premier + 1, n - 1), "part": str(100 - int(part))},
        ]
    else:
        versements = [{"mois": t.rng.randint(0, n - 1), "part": "100"}]
    return {"financeur": financeur, "montant": str(montant), "versements": versements}


def _base(t: Tirage, org: Any, niveau: int) -> dict[str, Any]:
    """Every forecast but the opening cash and the fixed charges."""
    p, st = profil(org.secteur), statut(org.relation)
    n = t.rng.randint(*DUREE[niveau])
    debut = t.rng.randint(1, 12)
    ca = _ca_mensuels(org, debut, n)
    moyenne = sum(ca, Decimal(0)) / len(ca)
    assujetti = org.regime_tva in ("réel normal", "réel simplifié")
    params: dict[str, Any] = {
        "organisation": {"nom": org.raison_sociale, "statut": st},
        "mois": [_mois_iso(debut, _annee(org), k) for k in range(n)],
        "tresorerie_initiale": str(t.part(moyenne, "0.15", "0.45")),
        "seuil": "0.00" if niveau == 1 else str(t.part(moyenne, "0.05", "0.15")),
        "decouvert_maximum": str(t.part(moyenne, "0.10", "0.25")),
        "assujetti_tva": assujetti,
        "ventes": _ventes(t, p, ca, assujetti),
        "achats": _achats(t, p, ca),
        "salaires": _salaires(t, p, ca),
        "charges_fixes": {"libelle": p.charges_fixes, "montant": "0.00"},
        "emprunt": str(t.part(moyenne, "0.02", "0.05")) if niveau > 1 else "0.00",
        "investissement": None,
        "subvention": _subvention(t, org, moyenne, n) if st == "association" else None,
    }
    return params


def _cumuls(params: dict[str, Any]) -> list[Decimal]:
    """The cumulated net of the budget's months, from a zero opening cash."""
    b = lire_params(params)
    lignes = flux(b)
    enc, dec = b.lignes()
    cumul, cumuls = Decimal(0), []
    for j in range(b.n):
        cumul += sum(lignes[e][j] for e in enc) - sum(lignes[d][j] for d in dec)
        cumuls.append(cumul)
    return cumuls


def _limites(params: dict[str, Any]) -> list[tuple[Decimal, int]]:
    """For each month, the monthly fixed charges above which it falls under the threshold
    (with no fixed charges yet), lowest first, with the month."""
    ouverture, seuil = Decimal(params["tresorerie_initiale"]), Decimal(params["seuil"])
    return sorted(((ouverture + c - seuil) / (j + 1), j) for j, c in enumerate(_cumuls(params)))


def _fixes(t: Tirage, params: dict[str, Any], cible: str) -> None:
    """The monthly fixed charges that give the situation asked: no month under the threshold,
    one month short by less than the overdraft the bank grants, or two months and more."""
    params["charges_fixes"]["montant"] = "0.00"
    (f1, j1), (f2, _) = _limites(params)[:2]
    if cible == "aucune":
        fixes = f1 * t.rng.randint(60, 90) / 100
    elif cible == "decouvert":
        haut = min(f2, f1 + Decimal(params["decouvert_maximum"]) / (j1 + 1))
        fixes = f1 + (haut - f1) * t.rng.randint(30, 70) / 100
    else:
        fixes = f2 + abs(f2) * t.rng.randint(5, 15) / 100
    ventes = sum((Decimal(v["montant_ht"]) for v in params["ventes"]), Decimal(0))
    plancher = ventes / len(params["ventes"]) / 50  # rent and insurance: 2 % of a month's sales
    params["charges_fixes"]["montant"] = str(t.arrondi(max(fixes, plancher)))


def _investissement(t: Tirage, org: Any, params: dict[str, Any], cible: str) -> None:
    """Level 3: an equipment to buy, paid in one month; when it is to cause the strain, its
    price goes a little beyond the cash left above the threshold from its month on."""
    mois = t.rng.randint(1, len(params["mois"]) - 1)
    x = {"libelle": profil(org.secteur).investissement, "mois": mois, "taux_tva": "20"}
    params["investissement"] = x | {"montant_ht": "0.00"}
    if cible == "report_investissement":
        _fixes(t, params, "aucune")
        ouverture, seuil = Decimal(params["tresorerie_initiale"]), Decimal(params["seuil"])
        reste = min(ouverture + c - seuil for c in _cumuls(params)[mois:])
        montant = max(reste, t.pas) * t.rng.randint(105, 140) / 100 / Decimal("1.2")
    else:
        ventes = sum((Decimal(v["montant_ht"]) for v in params["ventes"]), Decimal(0))
        montant = ventes / len(params["mois"]) * t.rng.randint(30, 80) / 100
    params["investissement"]["montant_ht"] = str(t.arrondi(montant))


def params(rng: random.Random, organisation: Any, niveau: int) -> dict[str, Any]:
    t = Tirage(rng, niveau)
    document = _base(t, organisation, niveau)
    cibles = SITUATIONS
    investit = niveau == 3 and rng.random() < 0.6
    if investit:
        cibles += ("report_investissement",)
    cible = rng.choice(cibles)
    if investit:
        _investissement(t, organisation, document, cible)
    if cible != "report_investissement":
        _fixes(t, document, cible)
    return document


# The variant of this seed and level in the organisation.
generate = generateur(NAME, params, enonce)
