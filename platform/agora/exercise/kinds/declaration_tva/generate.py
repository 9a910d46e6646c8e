"""A ``declaration_tva`` variant drawn from the organisation: the month's sales from its catalogue,
its purchases from its suppliers, and at level 3 receipts on services, an EU acquisition and a
VAT that cannot be deducted."""

from __future__ import annotations

import random
from datetime import date
from decimal import Decimal
from typing import Any

from agora.errors import InvalidInput
from agora.exercise.base import Documents, Options, Variant, tirage
from agora.exercise.kinds.declaration_tva import activites, statement, statement_ca12
from agora.exercise.kinds.declaration_tva.params import CA12, LIGNE_DU_TAUX, NAME
from agora.exercise.kinds.declaration_tva.partenaire import declarante
from agora.exercise.params import HUNDRED, taux_str
from agora.money import cents, euros

ANNEE = 2026
# The monthly sales the purchase amounts of activites.py are written for.
ECHELLE = Decimal(30000)
# The CA12 of year N is filed by the second working day after 1 May of N + 1.
DEPOT_CA12 = date(ANNEE + 1, 5, 4)


def _montant(rng: random.Random, bas: int, haut: int, niveau: int) -> Decimal:
    """An amount HT, with its two decimals (« 3310.00 »); at level 1 round figures, else to
    the cent (rounding traps included)."""
    if niveau == 1:
        return cents(Decimal(rng.randint(bas // 10, haut // 10) * 10))
    return cents(Decimal(rng.randint(bas * 100, haut * 100)) / HUNDRED)


def _ventes(
    rng: random.Random, org: Any, mois: int, niveau: int, total: Decimal | None = None
) -> list[dict[str, Any]]:
    """The month's taxable sales by line of the catalogue: quantity × price HT; with ``total``,
    the sales of a period of that amount (the year of a CA12) instead of the month's."""
    articles = [a for a in org.catalogue if a.prix_ht > 0 and a.taux_tva > 0]
    par_taux: dict[Decimal, list[Any]] = {}
    for a in articles:
        par_taux.setdefault(a.taux_tva, []).append(a)
    taux = sorted(par_taux, reverse=True)[: 2 if niveau == 1 else 4]
    choisis = [rng.choice(par_taux[t]) for t in taux]
    if niveau > 1 and len(choisis) < 3:
        autres = [a for a in articles if a not in choisis]
        choisis += rng.sample(autres, min(len(autres), 3 - len(choisis)))
    mensuel = org.historique[mois - 1].chiffre_affaires_ht if org.historique else Decimal(20000)
    mensuel = total or mensuel
    lignes = []
    for a in choisis:
        part = mensuel * Decimal(rng.randint(15, 40)) / HUNDRED
        quantite = max(1, int(part / a.prix_ht))
        if niveau == 1:
            quantite = max(10, quantite // 10 * 10)
        lignes.append(
            {
                "libelle": f"{a.designation} ({quantite} × {euros(a.prix_ht)} HT)",
                "taux": taux_str(a.taux_tva),
                "montant_ht": str(cents(a.prix_ht * quantite)),
            }
        )
    return lignes


def _achat(
    rng: random.Random,
    org: Any,
    i: int,
    libelle: str,
    taux: str,
    bas: int,
    haut: int,
    nature: str,
    niveau: int,
) -> dict[str, Any]:
    montant = _montant(rng, bas, haut, niveau)
    return {
        "piece": f"FA-{i + 101}",
        "fournisseur": activites.vendeur(org, libelle),
        "libelle": libelle,
        "nature": nature,
        "montant_ht": str(montant),
        "taux": taux,
        "tva": str(cents(montant * Decimal(taux) / HUNDRED)),
    }


def _achats(rng: random.Random, org: Any, niveau: int, ventes: Decimal) -> list[dict[str, Any]]:
    """The month's purchase invoices, in proportion to its sales (a wholesaler buys a lot)."""
    echelle = max(1, int(ventes / ECHELLE))
    catalogue = [
        (lib, t, b * echelle, h * echelle) for lib, t, b, h in activites.ACHATS[org.secteur]
    ]
    nombre = {1: 2, 2: 3}.get(niveau, 4)
    achats = [
        _achat(rng, org, i, lib, t, b, h, "biens_services", niveau)
        for i, (lib, t, b, h) in enumerate(rng.sample(catalogue, min(nombre, len(catalogue))))
    ]
    if niveau > 1:
        lib, b, h = activites.IMMOBILISATIONS[org.secteur]
        achats.append(_achat(rng, org, len(achats), lib, "20", b, h, "immobilisation", niveau))
    if niveau == 3:
        lib = "Coffret cadeau offert à un client (95 € HT)"
        cadeau = _achat(rng, org, len(achats), lib, "20", 95, 95, "non_deductible", 2)
        achats.append(cadeau | {"montant_ht": "95.00", "tva": "19.00"})
    rng.shuffle(achats)
    return achats


def _services(rng: random.Random, org: Any, ventes: list[dict[str, Any]], niveau: int) -> dict:
    """Level 3, a services company without the débits option: the services invoiced this month
    are not due yet; the receipts of the month on earlier invoices are."""
    if niveau < 3 or org.secteur not in activites.SERVICES or org.tva_sur_debits:
        return {}
    goods = tuple(a.designation for a in org.catalogue if a.stock > 0)
    rang = next((i for i, v in enumerate(ventes) if not v["libelle"].startswith(goods)), None)
    if rang is None or len(ventes) < 2:
        return {}
    taux = ventes[rang]["taux"]
    factures = [ventes.pop(rang)]
    encaissements = []
    for k in range(2):
        ht = _montant(rng, 1500, 9000, niveau)
        ttc = cents(ht * (HUNDRED + Decimal(taux)) / HUNDRED) + Decimal(k) / HUNDRED
        encaissements.append(
            {
                "libelle": f"Règlement reçu de la facture FV-{rng.randint(100, 400)}",
                "taux": taux,
                "montant_ttc": str(ttc),
            }
        )
    return {"prestations_facturees": factures, "encaissements": encaissements}


def _acquisitions(rng: random.Random, org: Any, niveau: int) -> list[dict[str, Any]]:
    if niveau < 3 or org.secteur not in activites.ACQUISITIONS_UE:
        return []
    lib, pays, b, h = activites.ACQUISITIONS_UE[org.secteur]
    return [
        {
            "piece": "FA-UE-01",
            "fournisseur": f"Fournisseur établi en {pays} (n° TVA {activites.PAYS_FOURNISSEUR[pays]}…)",
            "libelle": lib,
            "montant_ht": str(_montant(rng, b, h, niveau)),
        }
    ]


def params(rng: random.Random, org: Any, niveau: int) -> dict[str, Any]:
    """Contract params for the level."""
    if org.secteur not in activites.ACHATS:
        raise InvalidInput(f"Pas de déclaration de TVA prévue pour le secteur {org.secteur}.")
    mois = rng.randint(1, 11)
    ventes = _ventes(rng, org, mois, niveau)
    p: dict[str, Any] = {
        "regime": "ca3_mensuelle",
        "periode": f"{ANNEE}-{mois:02d}",
        "date_declaration": date(ANNEE, mois + 1, 19).isoformat(),
    }
    services = _services(rng, org, ventes, niveau)
    p["ventes"] = ventes
    p.update(services)
    total = sum(Decimal(v["montant_ht"]) for v in ventes)
    p["achats"] = _achats(rng, org, niveau, total)
    p["acquisitions_ue"] = _acquisitions(rng, org, niveau)
    credit = niveau > 1 and rng.random() < 0.5
    p["credit_anterieur"] = str(_montant(rng, 150, 2500, niveau)) if credit else "0.00"
    return p


def params_ca12(rng: random.Random, org: Any, niveau: int) -> dict[str, Any]:
    """Contract params of a CA12: a small organisation's year of sales and purchases, the base
    of its acomptes (last year's line 57), at level 3 under the threshold one time out of two."""
    if org.secteur not in activites.ACHATS:
        raise InvalidInput(f"Pas de déclaration de TVA prévue pour le secteur {org.secteur}.")
    annuel = Decimal(rng.randint(6, 18) * 10000)  # within the régime simplifié
    ventes = _ventes(rng, org, 1, niveau, annuel)
    total = sum(Decimal(v["montant_ht"]) for v in ventes)
    p: dict[str, Any] = {
        "regime": CA12,
        "periode": str(ANNEE),
        "date_declaration": DEPOT_CA12.isoformat(),
        "ventes": ventes,
        "achats": _achats(rng, org, niveau, total),
    }
    credit = niveau > 1 and rng.random() < 0.5
    p["credit_anterieur"] = str(_montant(rng, 150, 2500, niveau)) if credit else "0.00"
    sous_seuil = niveau == 3 and rng.random() < 0.5
    p["base_acomptes"] = str(
        _montant(rng, 300, 999, 2) if sous_seuil else _montant(rng, 1500, 9000, niveau)
    )
    return p


def generate(seed: int, niveau: int, organisation: Any, options: Options = None) -> Variant:
    """A variant drawn from the organisation: its catalogue, its suppliers, its VAT regime;
    the annual CA12 when the mission chose it (option ``regime``)."""
    d = declarante(organisation)
    if dict(options or {}).get("regime") == CA12:
        p = params_ca12(tirage(NAME, seed, niveau, CA12), d.organisation, niveau)
        return Variant(NAME, seed, niveau, p, statement_ca12.enonce(d, p, niveau))
    rng = tirage(NAME, seed, niveau)
    p = params(rng, d.organisation, niveau)
    return Variant(NAME, seed, niveau, p, statement.enonce(d, p, niveau))


def reprendre(
    seed: int, niveau: int, organisation: Any, options: Options, documents: Documents
) -> Variant:
    """The return of the month of an invoice of an earlier step: a sale the student invoiced
    (``facture``: its VAT bases by rate among the month's sales) or a supplier invoice they
    checked (``facture_achat``: its VAT by rate among the month's purchases). Drawn as usual
    when the document cannot serve (a purchase checked instead of a sale, a refused or
    intra-EU invoice, VAT not recoverable, no taxed base), and always for a CA12 (a year's
    return is not one invoice's month) or another organisation's (partenaire: the student's
    own files none)."""
    if dict(options or {}).get("regime") == CA12:
        return generate(seed, niveau, organisation, options)
    emise, recue = documents.get("facture"), documents.get("facture_achat")
    ventes = _ventes_de(emise) if emise and not emise["achat"] and emise["client"] else []
    achats = _achats_de(recue) if recue else []
    piece = emise if ventes else recue if achats else None
    d = declarante(organisation)
    if piece is None or d.pour is not None:
        return generate(seed, niveau, organisation, options)
    p = params(tirage(NAME, seed, niveau, "depuis"), organisation, niveau)
    jour = date.fromisoformat(piece["date"])
    suivant = date(jour.year + jour.month // 12, jour.month % 12 + 1, 19)
    p["periode"], p["date_declaration"] = f"{jour:%Y-%m}", suivant.isoformat()
    p["ventes"] = [*ventes, *p["ventes"]]
    p["achats"] = [*achats, *p["achats"]]
    reprise = (piece["numero"], "achat" if achats else "vente")
    texte = statement.enonce(d, p, niveau, reprise=reprise)
    return Variant(NAME, seed, niveau, p, texte)


def _achats_de(recue: dict[str, Any]) -> list[dict[str, Any]]:
    """An accepted (or credit-note-awaiting) supplier invoice with recoverable French VAT, as
    purchase lines by rate (as printed: what its entry deducts)."""
    if (
        recue["decision"] == "refuser"
        or recue["intracommunautaire"]
        or not recue["tva_recuperable"]
    ):
        return []
    nature = "immobilisation" if recue["immobilisation"] else "biens_services"
    return [
        {
            "piece": recue["numero"],
            "fournisseur": recue["fournisseur"],
            "libelle": f"Votre facture contrôlée (TVA à {taux_str(t).replace('.', ',')} %)",
            "nature": nature,
            "montant_ht": g["base"],
            "taux": taux_str(t),
            "tva": g["montant"],
        }
        for g in recue["tva"]
        if (t := Decimal(g["taux"])) > 0 and taux_str(t) in LIGNE_DU_TAUX
    ]


def _ventes_de(emise: dict[str, Any]) -> list[dict[str, Any]]:
    """The invoice's VAT bases (net of reductions and escompte, port included) as sales lines."""
    from agora.exercise.kinds import facture

    try:
        s = facture.KIND.solve(emise["facture"])
    except InvalidInput:
        return []
    client = emise["client"]["nom"]
    return [
        {
            "libelle": f"Votre facture {emise['numero']} à {client} (base HT à {taux_str(t).replace('.', ',')} %)",
            "taux": taux_str(t),
            "montant_ht": g["base"],
        }
        for g in s["tva"]
        if (t := Decimal(g["taux"])) > 0 and taux_str(t) in LIGNE_DU_TAUX
    ]
