"""A ``devis`` variant drawn from the organisation: a customer, what it asks for from the
catalogue, the CGV's conditions, and at level 3 the delivery of the accepted order."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from agora.company.model import pour_ce_client
from agora.content.secteurs import famille_de
from agora.errors import InvalidInput
from agora.exercise.base import Options, Variant, tirage
from agora.exercise.kinds.devis import statement
from agora.exercise.kinds.devis.params import NAME, lire_params
from agora.exercise.kinds.devis.solve import calcule, solve
from agora.exercise.params import taux_str
from agora.exercise.plafonds import borne, plafond

# Units a quote is not made of: consumption billed by a meter or a period, a single cup; when a
# catalogue has too few other articles, a first period (a new subscription) may be quoted.
NON_DEVISABLES = frozenset({"m³", "semestre", "saison", "séance", "tasse", "verre"})
JAMAIS_DEVISABLES = frozenset({"m³", "tasse", "verre"})
REMISES = ("2", "3", "4", "5", "8", "10", "12", "15")
FORFAITS = ("9.90", "12.50", "15.00", "19.90", "25.00", "35.00", "45.00")
VALIDITES = (15, 30, 45, 60, 90)
PARTS = ("20", "25", "30", "40", "50")


@dataclass(frozen=True)
class Histoire:
    """Who asks for the quote, and from which articles the request and the extract come."""

    organisation: Any
    client: Any  # a Client, or None when the organisation has none
    articles: tuple[Any, ...]  # the catalogue articles this customer may be quoted
    sur_site: bool
    # A public service quotes the tariffs its assembly voted, the same for every usager: no
    # remise (as its invoices, facture's TARIFS_PUBLICS).
    tarif_public: bool = False


def _devisables(organisation: Any, particulier: bool) -> tuple[Any, ...]:
    articles = _filtre(organisation, particulier, NON_DEVISABLES)
    return articles if len(articles) >= 2 else _filtre(organisation, particulier, JAMAIS_DEVISABLES)


def _filtre(organisation: Any, particulier: bool, exclues: frozenset[str]) -> tuple[Any, ...]:
    def convient(article: Any) -> bool:
        nom = article.designation.lower()
        return (
            article.prix_ht > 0
            and article.unite not in exclues
            and not nom.startswith("livraison")
            and pour_ce_client(nom, particulier)
        )

    return tuple(a for a in organisation.catalogue if convient(a))


def histoire(rng: random.Random, organisation: Any) -> Histoire:
    """A customer (a business when there is one, else anyone) and what it may be quoted."""
    clients = list(organisation.clients)
    if not clients:
        raise InvalidInput(f"{organisation.raison_sociale} n'a aucun client à qui faire un devis.")
    entreprises = [c for c in clients if c.type == "entreprise"]
    autres = [c for c in clients if c.type != "entreprise"]
    prefere_autre = organisation.secteur in ("batiment", "association_sportive") and autres
    client = rng.choice(autres if prefere_autre and rng.random() < 0.6 else entreprises or autres)
    articles = _devisables(organisation, client.type != "entreprise")
    if len(articles) < 2:
        raise InvalidInput(
            f"Le catalogue de {organisation.raison_sociale} n'a pas assez d'articles à chiffrer "
            "dans un devis."
        )
    # Every family but goods works on site (an association comes to its customer's premises):
    # an intervention and a travel charge, no delivery nor port.
    famille = famille_de(organisation)
    return Histoire(organisation, client, articles, famille != "biens", famille == "service_public")


def _quantite(rng: random.Random, article: Any) -> str:
    """A quantity a customer would ask for, by the article's unit and price."""
    unite = article.unite
    if unite in ("forfait", "semestre", "saison"):
        return "1"
    if unite == "m²":
        return str(Decimal(rng.randint(16, 240)) / 2)  # surfaces to the half square metre
    if unite == "heure":
        return str(Decimal(rng.randint(4, 60)) / 2)
    if unite == "mois":
        return rng.choice(("3", "6", "12"))
    plafond = max(2, min(60, int(1200 / max(article.prix_ht, Decimal(1)))))
    return str(rng.randint(1 if plafond < 6 else 2, plafond))


def _choisit(rng: random.Random, articles: tuple[Any, ...], niveau: int) -> list[Any]:
    par_taux: dict[Decimal, list[Any]] = {}
    for article in articles:
        par_taux.setdefault(article.taux_tva, []).append(article)
    if niveau == 1:  # one VAT rate, two or three lines
        candidats = max(par_taux.values(), key=len)
        return rng.sample(candidats, min(len(candidats), rng.randint(2, 3)))
    nombre = rng.randint(3, 4) if niveau == 2 else rng.randint(4, 5)
    return rng.sample(articles, min(len(articles), nombre))


def _port(rng: random.Random, h: Histoire, p: dict[str, Any]) -> dict[str, Any]:
    """The CGV's port rule, its threshold drawn so that it is reached about one time in two."""
    net = calcule(lire_params(p))["net_commercial"]
    centaines = int(net / 100)
    franco = centaines * 100 if rng.random() < 0.5 and centaines else (centaines + 1) * 100
    taux = max(Decimal(t) for t in (ligne["taux_tva"] for ligne in p["lignes"]))
    return {
        "libelle": "frais de déplacement" if h.sur_site else "frais de port",
        "forfait_ht": rng.choice(FORFAITS),
        "franco_ht": f"{max(franco, 100)}.00",
        "taux_tva": taux_str(taux),
    }


def _livraison(rng: random.Random, h: Histoire, lignes: list[dict]) -> list[dict[str, Any]]:
    """The delivery note of the accepted order: two to three gaps of different kinds."""
    autres = [a for a in h.articles if a.reference not in {ligne["reference"] for ligne in lignes}]
    ecarts = ["manquant", "partiel", "excedent"] + (["reference"] if autres else [])
    rng.shuffle(ecarts)
    ecarts = ecarts[: min(len(lignes), rng.randint(2, 3))]
    lignes_ecart = dict(zip(rng.sample(range(len(lignes)), len(ecarts)), ecarts, strict=False))
    livraison = []
    for i, ligne in enumerate(lignes):
        quantite = Decimal(ligne["quantite"])
        nature = lignes_ecart.get(i, "conforme")
        if nature == "partiel" and quantite < 2:  # half a flat fee is not a partial delivery
            nature = "excedent" if "manquant" in ecarts else "manquant"  # something delivered
        reference = ligne["reference"]
        if nature == "manquant":
            reference, quantite = None, Decimal(0)
        elif nature == "partiel":
            quantite = (quantite / 2).to_integral_value()
        elif nature == "excedent":
            quantite += rng.randint(1, 5)
        elif nature == "reference":
            reference = rng.choice(autres).reference
        livraison.append({"reference_livree": reference, "quantite_livree": str(quantite)})
    return livraison


def _jour(rng: random.Random, organisation: Any) -> date:
    jour = organisation.exercice_debut + timedelta(days=rng.randint(15, 300))
    return jour + timedelta(days=max(0, 7 - jour.weekday()) if jour.weekday() > 4 else 0)


def params(rng: random.Random, h: Histoire, niveau: int, nature: str) -> dict[str, Any]:
    """Contract params for the level."""
    lignes = [
        {
            "reference": a.reference,
            "designation": a.designation,
            "unite": a.unite,
            "quantite": _quantite(rng, a),
            "prix_unitaire_ht": str(a.prix_ht),
            "taux_tva": taux_str(a.taux_tva),
        }
        for a in _choisit(rng, h.articles, niveau)
    ]
    p: dict[str, Any] = {
        "date_devis": _jour(rng, h.organisation).isoformat(),
        "lignes": lignes,
        "remises": [] if h.tarif_public else _remises(rng, h, niveau, lignes),
    }
    p["validite_jours"] = 30 if niveau == 1 else rng.choice(VALIDITES)
    p["versement"] = {"nature": nature, "taux": rng.choice(PARTS)}
    if niveau > 1:
        p["port"] = _port(rng, h, p)
    if niveau == 3:
        p["livraison"] = _livraison(rng, h, lignes)
    return p


def _remises(rng: random.Random, h: Histoire, niveau: int, lignes: list[dict]) -> list[str]:
    """One remise at level 1, two at level 2, two or three at level 3, the largest first."""
    nombre = {1: 1, 2: 2}.get(niveau, rng.randint(2, 3))
    remises = sorted(rng.sample(REMISES, nombre), key=Decimal, reverse=True)
    client = h.client.nom if h.client else None  # the sector's law caps some remises (loi Lang)
    return borne(remises, plafond(h.organisation, client, (a["designation"] for a in lignes)))


def generate(seed: int, niveau: int, organisation: Any, options: Options = None) -> Variant:
    """A variant drawn from the organisation: its customer, its catalogue and its CGV."""
    rng, h, p = tire(seed, niveau, organisation, options)
    return Variant(NAME, seed, niveau, p, statement.enonce(rng, h, p, niveau))


def tire(
    seed: int, niveau: int, organisation: Any, options: Options
) -> tuple[random.Random, Histoire, dict[str, Any]]:
    """The variant's random stream, story and params (replayed for its document)."""
    rng = tirage(NAME, seed, niveau)
    choix = (options or {}).get("versement", "au_choix")
    nature = rng.choice(("acompte", "arrhes")) if choix == "au_choix" else choix
    h = histoire(rng, organisation)
    return rng, h, params(rng, h, niveau, nature)


def document(variant: Variant, organisation: Any, documents: Any = None) -> dict[str, Any]:
    """The accepted quote a later step invoices (``facture``): its number and customer as the
    statement gave them, its params, and what the quote computes that the invoice carries
    over (the port charged, the deposit or arrhes paid, at level 3 the quantities to invoice)."""
    rng, h, p = tire(variant.seed, variant.niveau, organisation, variant.options)
    numero = statement.numero_devis(rng, date.fromisoformat(p["date_devis"]))
    solution = solve(variant.params)
    livraison = solution.get("livraison") or []
    return {
        "numero": numero,
        "date": variant.params["date_devis"],
        "client": {"nom": h.client.nom, "code": h.client.code, "type": h.client.type},
        "devis": variant.params,
        "port_ht": solution.get("port_ht", "0.00"),  # no port at level 1
        "versement": solution["acompte"],
        "a_facturer": {ligne["reference"]: ligne["a_facturer"] for ligne in livraison},
    }
