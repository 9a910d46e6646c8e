"""The story of an ``avoir`` variant: who credits whom, the original invoice, what happened.

A VAT-registered organisation credits one of its customers (a business when it has one). An
organisation outside VAT charges no VAT and issues no credit note with VAT: it checks the credit
note a supplier sends it instead (same calculation). What happened fits what is sold: goods can
be sent back, a consumption or hours can be invoiced too many, anything can have a defect. Only
an organisation of the goods family trades goods: the others sell and buy services (nothing is
sent back nor shipped).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from agora.company.achats import TRAITEUR, ce_que_vend, fournisseur_et_achats
from agora.content.secteurs import famille_de
from agora.exercise.kinds.facture.histoire import (  # what a supplier sells, with its VAT
    ACHATS,
    PRESTATIONS_ACHETEES,
)
from agora.exercise.plafonds import plafonne
from agora.money import cents

REMISES = ("2", "3", "4", "5", "8", "10", "12", "15")
RABAIS = ("5", "8", "10", "12", "15", "20")
RISTOURNES = ("1", "1.5", "2", "2.5", "3")
ESCOMPTES = ("1", "1.5", "2", "3")
PORTS = ("12.50", "15.00", "18.90", "22.40", "25.00", "29.90", "35.50", "42.00")
# How often each nature is drawn when the mission leaves the choice (levels 2 and 3).
POIDS = {"retour": 3, "trop_facture": 2, "rabais": 3, "ristourne": 2}


@dataclass(frozen=True)
class Article:
    reference: str
    designation: str
    prix: str
    taux: str
    unite: str
    bien: bool  # goods that can be sent back (stocked), not a service or a consumption


@dataclass(frozen=True)
class Partie:
    """A party of a document: the seller or the customer."""

    nom: str
    adresse: str
    siren: str | None
    tva: str | None
    entreprise: bool = True


@dataclass(frozen=True)
class Histoire:
    """Everything the statement tells; ``params`` is what the exercise is graded on."""

    achat: bool  # the organisation receives the credit note from a supplier
    organisation: Any
    vendeur: Partie
    client: Partie
    jour_facture: date  # the original invoice (a ristourne: the last day of its year)
    jour_avoir: date
    raison: str  # what happened, in one or two short sentences
    params: dict[str, Any]


def _adresse(adresse: Any) -> str:
    return f"{adresse.rue}, {adresse.code_postal} {adresse.ville}"


def organisation_partie(org: Any) -> Partie:
    return Partie(org.raison_sociale, _adresse(org.adresse), org.siren, org.tva_intracom)


def client_partie(client: Any) -> Partie:
    siren = client.siret[:9] if client.siret else None
    return Partie(client.nom, _adresse(client.adresse), siren, client.tva_intracom, bool(siren))


def fournisseur_partie(fournisseur: Any) -> Partie:
    return Partie(
        fournisseur.nom,
        _adresse(fournisseur.adresse),
        fournisseur.siret[:9],
        fournisseur.tva_intracom,
    )


# The articles of the catalogues seen recently, by the catalogue object itself (an
# organisation is drawn once and reused for its every variant).
_VENDABLES: dict[int, tuple[Any, tuple[Article, ...]]] = {}


def articles_de(org: Any) -> tuple[Article, ...]:
    """The articles the organisation sells with VAT (empty outside VAT); outside the goods
    family, even a stocked one is sold with the service (no return of goods)."""
    if org.tva_intracom is None:
        return ()
    catalogue = org.catalogue
    connu = _VENDABLES.get(id(catalogue))
    if connu is not None and connu[0] is catalogue:
        return connu[1]
    biens = famille_de(org) == "biens"
    articles = tuple(
        Article(
            a.reference,
            a.designation,
            str(a.prix_ht),
            f"{a.taux_tva.normalize():f}",
            a.unite,
            biens and a.stock_minimum > 0,
        )
        for a in catalogue
        if a.taux_tva > 0 and a.prix_ht > 0
    )
    if len(_VENDABLES) >= 256:
        _VENDABLES.clear()  # simple and safe between threads; refilled on demand
    _VENDABLES[id(catalogue)] = (catalogue, articles)
    return articles


def articles_fournisseur(
    famille: str = "biens", secteur: str = "", nom: str = ""
) -> tuple[Article, ...]:
    """What the supplier ``nom`` sells an organisation of ``secteur`` outside VAT: its trade's
    articles (a coach company its trips, never meals), goods that can be sent back only in the
    goods family; else generic purchases: delivered meals cannot be sent back, and outside the
    goods family the services it buys for its activities."""
    vend = ce_que_vend(secteur, nom)
    if vend:
        biens = famille == "biens"
        return tuple(Article(*a, "pièce", biens and a not in TRAITEUR) for a in vend)
    if famille != "biens":
        return tuple(Article(*achat, "pièce", False) for achat in PRESTATIONS_ACHETEES)
    return tuple(
        Article(ref, designation, prix, taux, "pièce", not ref.startswith("REP-"))
        for ref, designation, prix, taux in ACHATS
    )


def jour_ouvre(jour: date) -> date:
    while jour.weekday() > 4:
        jour += timedelta(days=1)
    return jour


def fournisseur_vendeur(rng: random.Random, org: Any) -> Any:
    """A supplier of the organisation that sells it something it buys (not its insurer), any
    when none does; None without suppliers."""
    achat = fournisseur_et_achats(rng, org, plusieurs_taux=False)
    if achat is not None:
        return achat[0]
    fournisseurs = list(org.fournisseurs)
    return rng.choice(fournisseurs) if fournisseurs else None


def parties(rng: random.Random, org: Any) -> tuple[bool, Partie, Partie, tuple[Article, ...]]:
    """(purchase?, seller, customer, the seller's articles)."""
    articles = articles_de(org)
    if not articles:
        fournisseur = fournisseur_vendeur(rng, org)
        vendeur = (
            fournisseur_partie(fournisseur)
            if fournisseur
            else Partie("Fournitures Martin", "12, rue des Artisans, 69007 Lyon", "412345678", None)
        )
        nom = fournisseur.nom if fournisseur else ""
        return (
            True,
            vendeur,
            organisation_partie(org),
            articles_fournisseur(famille_de(org), org.secteur, nom),
        )
    clients = list(org.clients)
    entreprises = [c for c in clients if c.type == "entreprise" and c.siret]
    client = client_partie(rng.choice(entreprises or clients))
    return False, organisation_partie(org), client, articles


def nature(rng: random.Random, motif: str, niveau: int, articles, ristourne: bool) -> str:
    """The nature of the credit note: the mission's choice when this organisation can tell it,
    else the nearest one that fits what it sells (a return needs a trade of goods; a ristourne,
    possible or not, is said by the caller)."""
    possibles = ["rabais"]
    biens = sum(a.bien for a in articles)
    if biens and 2 * biens >= len(articles):  # a trade of goods (a water utility sells water)
        possibles.append("retour")
    if not all(a.bien for a in articles):
        possibles.append("trop_facture")
    if ristourne:
        possibles.append("ristourne")
    par_quantite = "retour" if "retour" in possibles else "trop_facture"
    if motif == "retour" or (motif == "au_choix" and niveau == 1):
        return par_quantite
    if motif == "ristourne":
        return "ristourne" if "ristourne" in possibles else "rabais"
    if motif == "rabais":
        return "rabais"
    choix = [n for n in POIDS if n in possibles]
    return rng.choices(choix, weights=[POIDS[n] for n in choix])[0]


# Quantities that fit the unit (a consumption in m³, hours of work, periodic subscriptions);
# at least 2, so that part of a line can be credited.
QUANTITES = {
    "m³": range(40, 401),
    "heure": range(4, 41),
    "jour": range(2, 16),
    "mois": range(2, 13),
    "forfait": range(2, 5),
    "semestre": range(2, 5),
    "saison": range(2, 7),
    "stage": range(2, 9),
    "licence": range(2, 11),
}


def quantite(rng: random.Random, article: Article) -> int:
    """An invoiced quantity for this article: by its unit, else about 1 500 € at most."""
    if article.unite in QUANTITES:
        return rng.choice(QUANTITES[article.unite])
    plafond = max(3, min(40, int(1500 / max(Decimal(article.prix), Decimal(1)))))
    return rng.randint(2, plafond)


def lignes_facture(
    rng: random.Random, articles, nature_: str, niveau: int
) -> tuple[list[Article], list[int]]:
    """The invoice's articles in their order, and the numbers (from 1) of the credited lines."""
    eligibles = [
        a
        for a in articles
        if nature_ == "rabais" or (a.bien if nature_ == "retour" else not a.bien)
    ]
    par_taux: dict[str, list[Article]] = {}
    for a in eligibles:
        par_taux.setdefault(a.taux, []).append(a)
    if niveau == 3 and len(par_taux) > 1:
        taux = rng.sample(sorted(par_taux, key=Decimal), 2)
        credites = [rng.choice(par_taux[t]) for t in taux]
        autres = [a for a in articles if a not in credites]
    else:
        taux_choisi = rng.choice(sorted(par_taux, key=lambda t: (-len(par_taux[t]), Decimal(t))))
        nombre = 1 if niveau == 1 else rng.randint(1, 2)
        credites = rng.sample(par_taux[taux_choisi], min(nombre, len(par_taux[taux_choisi])))
        autres = [a for a in articles if a.taux == taux_choisi and a not in credites]
    total = rng.randint(2, 3) if niveau == 1 else rng.randint(3, 5)
    lignes = credites + rng.sample(autres, min(len(autres), max(0, total - len(credites))))
    rng.shuffle(lignes)
    return lignes, [lignes.index(a) + 1 for a in credites]


def _reductions(rng: random.Random, niveau: int) -> list[dict[str, str]]:
    deux = niveau == 3 or (niveau == 2 and rng.random() < 0.4)
    taux = rng.sample(REMISES, 2 if deux and rng.random() < 0.6 else 1)
    return [{"nature": "remise", "taux": t} for t in taux]


def facture_origine(
    rng: random.Random, h: dict[str, Any], niveau: int, lignes: list[Article]
) -> dict[str, Any]:
    """The original invoice, in the ``facture`` kind's params (plus its number and date)."""
    jour = h["jour_facture"]
    invoice: dict[str, Any] = {
        "numero": f"FA{jour.year}-{rng.randint(12, 900):04d}",
        "date": jour.isoformat(),
        "lignes": [
            {
                "reference": a.reference,
                "designation": a.designation,
                "quantite": str(quantite(rng, a)),
                "prix_unitaire_ht": a.prix,
                "taux_tva": a.taux,
            }
            for a in lignes
        ],
    }
    if h["service_public"]:  # a public service's tariff has no commercial reductions
        _un_seul_releve(invoice["lignes"], lignes)
        return invoice
    invoice["reductions"] = _reductions(rng, niveau)
    escompte = h["escompte_cgv"]
    if niveau > 1 and (escompte or rng.random() < (0.5 if niveau == 2 else 0.6)):
        invoice["escompte_taux"] = escompte or rng.choice(ESCOMPTES)
    biens = [a for a in lignes if a.bien]
    if niveau > 1 and biens and rng.random() < (0.5 if niveau == 2 else 0.85):
        invoice["frais_port_ht"] = rng.choice(PORTS)
        invoice["taux_tva_port"] = rng.choice(biens).taux
    # the sector's law caps some reductions (loi Lang on new books)
    return plafonne(invoice, h["organisation"], h["client"].nom)


def _un_seul_releve(lignes: list[dict[str, Any]], articles: list[Article]) -> None:
    """A public service's bill charges one metered volume on all its volume lines (water,
    pollution, sanitation, network), the first line's."""
    volumes = [x for x, a in zip(lignes, articles, strict=True) if a.unite == "m³"]
    for ligne in volumes[1:]:
        ligne["quantite"] = volumes[0]["quantite"]


def credits(rng: random.Random, invoice: dict[str, Any], numeros: list[int], niveau: int):
    """How many units of each credited line (fewer than invoiced; at level 3, sometimes all)."""
    result = []
    for rang, numero in enumerate(numeros):
        facturee = int(invoice["lignes"][numero - 1]["quantite"])
        tout = niveau == 3 and rang == 1 and rng.random() < 0.3
        # Part of a line comes back (a third at most); at level 3, sometimes the whole line.
        quantite = facturee if tout else rng.randint(1, max(1, facturee // 3))
        result.append({"ligne": numero, "quantite": str(quantite)})
    return result


def releve(rng: random.Random, articles, annee: int, niveau: int) -> list[dict[str, Any]]:
    """The year's invoices to the customer, with their amounts HT by VAT rate."""
    taux = sorted({a.taux for a in articles}, key=Decimal)
    taux = rng.sample(taux, min(len(taux), 2 if niveau == 3 else 1))
    mois = sorted(rng.sample(range(1, 13), rng.randint(3, 4) if niveau < 3 else rng.randint(4, 6)))
    numero = rng.randint(5, 60)
    factures = []
    for m in mois:
        numero += rng.randint(8, 60)
        jour = jour_ouvre(date(annee, m, rng.randint(1, 26)))
        montants = [
            {"taux_tva": t, "montant_ht": str(cents(Decimal(rng.randint(15000, 260000)) / 100))}
            for t in taux
        ]
        factures.append(
            {"numero": f"FA{annee}-{numero:04d}", "date": jour.isoformat(), "montants_ht": montants}
        )
    return factures
