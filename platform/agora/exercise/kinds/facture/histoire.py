"""The story of a ``facture`` variant: its params drawn from the organisation, or from the quote
of an earlier step.

A VAT-registered organisation invoices one of its business customers after a devis was
accepted. An organisation outside VAT (association, public body) charges no VAT: it checks a
purchase invoice received from one of its suppliers instead (same calculation). The story
follows the sector's family: goods are delivered with a port to pay; services, a public
service and an association bill (or buy) services performed, with no port. The statement
that tells this story is written in ``statement``.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_FLOOR, Decimal
from typing import Any

from agora.company.achats import TRAITEUR, fournisseur_et_achats
from agora.company.model import pour_ce_client
from agora.content.secteurs import famille_de
from agora.exercise.kinds.facture.params import lire_params
from agora.exercise.kinds.facture.solve import calcule
from agora.exercise.params import taux_str
from agora.exercise.plafonds import plafonne
from agora.money import cents

# What an organisation outside VAT buys from its suppliers (reference, designation, price, rate):
# office supplies and cleaning products at 20 %, books and food at 5.5 %, catered meals at 10 %.
ACHATS: tuple[tuple[str, str, str, str], ...] = (
    ("PAP-A4", "Ramette papier A4 80 g (500 feuilles)", "4.90", "20"),
    ("CAR-NR", "Cartouche d'encre noire", "32.50", "20"),
    ("CLA-80", "Classeur à levier dos 80 mm", "3.45", "20"),
    ("STY-50", "Boîte de 50 stylos à bille", "11.80", "20"),
    ("ENT-GEL", "Gel hydroalcoolique 1 L", "6.75", "20"),
    ("ENT-ESS", "Essuie-mains papier (colis de 20)", "27.30", "20"),
    ("MOB-CHA", "Chaise pliante", "23.90", "20"),
    ("MOB-TAB", "Table pliante 180 cm", "79.00", "20"),
    ("LIV-GUI", "Guide pratique du secrétariat", "24.00", "5.5"),
    ("LIV-DIC", "Dictionnaire de français", "18.90", "5.5"),
    ("ALI-CAF", "Café moulu (paquet de 1 kg)", "12.40", "5.5"),
    ("ALI-JUS", "Jus d'orange 1 L (carton de 6)", "9.60", "5.5"),
    ("ALI-EAU", "Eau minérale 1,5 L (pack de 6)", "3.30", "5.5"),
    ("REP-PLA", "Plateau-repas livré par le traiteur", "14.50", "10"),
    ("REP-BUF", "Buffet froid livré (par personne)", "18.75", "10"),
)
# What an organisation that sells no goods buys for its own activities (same VAT rates: an
# association's outings and events): passenger transport, lodging and meals served at 10 %,
# show tickets at 5.5 % (CGI art. 278-0 bis), rentals and upkeep at 20 %. Nothing is shipped.
PRESTATIONS_ACHETEES: tuple[tuple[str, str, str, str], ...] = (
    ("SRV-SAL", "Location de salle (journée)", "180.00", "20"),
    ("SRV-MIN", "Location de minibus 9 places (journée)", "95.00", "20"),
    ("SRV-NET", "Nettoyage des locaux (passage)", "65.00", "20"),
    ("SRV-MAI", "Maintenance informatique (heure)", "55.00", "20"),
    ("SRV-SON", "Sonorisation d'une manifestation (forfait)", "240.00", "20"),
    ("SRV-CAR", "Transport en car (aller-retour)", "420.00", "10"),
    ("SRV-GIT", "Nuit en gîte de groupe (par personne)", "24.00", "10"),
    ("SRV-REP", "Repas servi par le traiteur (par personne)", "16.50", "10"),
    ("SRV-SPE", "Place de spectacle (tarif groupe)", "22.00", "5.5"),
    ("SRV-CIN", "Place de cinéma (tarif groupe)", "7.20", "5.5"),
)
TAUX_REDUCTION = {
    "remise": ("2", "3", "4", "5", "8", "10", "12", "15"),
    "rabais": ("2", "3", "4", "5", "6"),
    "ristourne": ("1", "1.5", "2", "2.5", "3"),
}
# Families whose own invoices deduct nothing: a public service bills the tariffs its deliberating
# assembly voted, the same for every usager (equality of users before the public service; the
# water price is set by deliberation, CGCT L2224-12-1 to -4): no remise for the size of an
# order, no rabais, no ristourne, no escompte for early payment. A supplier's invoice it checks
# keeps the supplier's own conditions.
TARIFS_PUBLICS = frozenset({"service_public"})
# A public water service's bill follows a meter reading, not an order: one fixed part per
# half-year for each subscription, and every volume line (water, pollution, sanitation,
# network) on the same metered consumption, from a household to a hotel (m³ per half-year).
UNITES_ABONNEMENT = frozenset({"semestre"})
UNITES_VOLUME = frozenset({"m³"})
VOLUMES_SEMESTRE = (25, 450)
PORTS = ("12.50", "15.00", "18.90", "22.40", "25.00", "29.90", "30.00", "35.50", "42.00", "48.60")


@dataclass(frozen=True)
class Histoire:
    """Who sells to whom, and the articles on offer (reference, designation, price, rate)."""

    achat: bool
    hors_tva: bool  # the organisation itself charges no VAT
    organisation: Any
    tiers: Any  # a Client (sale) or a Fournisseur (purchase), or None when the list is empty
    articles: tuple[tuple[str, str, str, str], ...]
    famille: str = "biens"  # the organisation's sector family: « biens » ships goods

    @property
    def tarif_public(self) -> bool:
        """The organisation bills its public tariffs: no reduction, no escompte."""
        return not self.achat and self.famille in TARIFS_PUBLICS


def histoire(rng: random.Random, organisation: Any, niveau: int) -> Histoire:
    """Sale to a business customer; a purchase to check when the organisation is outside VAT,
    or at level 3 when its catalogue has a single VAT rate (from a supplier that sells at
    several: its caterer); a supplier bills what its trade sells."""
    vendables = tuple(
        (a.reference, a.designation, str(a.prix_ht), taux_str(a.taux_tva))
        for a in organisation.catalogue
        if a.taux_tva > 0 and a.prix_ht > 0
    )
    hors_tva = organisation.tva_intracom is None or not vendables
    un_seul_taux = len({article[3] for article in vendables}) < 2
    famille = famille_de(organisation)
    if hors_tva or (niveau == 3 and un_seul_taux):
        achat = fournisseur_et_achats(rng, organisation, plusieurs_taux=niveau == 3)
        if achat is None:  # no supplier of the file sells it: any, with generic purchases
            fournisseurs = list(organisation.fournisseurs)
            tiers = rng.choice(fournisseurs) if fournisseurs else None
            achat = (tiers, ACHATS if famille == "biens" else PRESTATIONS_ACHETEES)
        return Histoire(True, hors_tva, organisation, *achat, famille)
    clients = list(organisation.clients)
    entreprises = [c for c in clients if c.type == "entreprise" and c.siret]
    tiers = rng.choice(entreprises or clients) if clients else None
    articles = _pour(vendables, tiers)
    particuliers = [c for c in clients if c.type != "entreprise"]
    if niveau == 3 and _taux(articles) < 2 and particuliers:
        # Works at reduced VAT are done in homes: the invoice at several rates is a private
        # customer's (renovation 10 %, energy renovation 5,5 %).
        tiers = rng.choice(particuliers)
        articles = _pour(vendables, tiers)
    return Histoire(False, False, organisation, tiers, articles, famille)


def _taux(articles: tuple) -> int:
    return len({article[3] for article in articles})


def _pour(vendables: tuple, client: Any) -> tuple:
    """What one customer is invoiced: a business no works in homes (« logement », at reduced
    VAT), a private customer none on business premises or new buildings (at 20 %), as its
    quotes (devis); one site, one VAT regime."""
    particulier = client is not None and client.type != "entreprise"
    pour = tuple(a for a in vendables if pour_ce_client(a[1], particulier))
    return pour or vendables


def _choisit_articles(rng: random.Random, articles: tuple, niveau: int) -> list[tuple]:
    par_taux: dict[str, list[tuple]] = {}
    for article in articles:
        par_taux.setdefault(article[3], []).append(article)
    taux = sorted(par_taux, key=lambda t: (-len(par_taux[t]), Decimal(t)))
    if niveau == 3 and len(taux) > 1:
        pris = rng.sample(taux, 3 if len(taux) > 2 and rng.random() < 0.3 else 2)
        choisis = [rng.choice(par_taux[t]) for t in pris]
        reste = [a for t in pris for a in par_taux[t] if a not in choisis]
        choisis += rng.sample(reste, min(len(reste), rng.randint(1, 3)))
        rng.shuffle(choisis)
        return choisis
    # levels 1 and 2 keep one VAT rate: the rate with the most articles, or any at level 1
    candidats = par_taux[rng.choice(taux) if niveau == 1 else taux[0]]
    nombre = rng.randint(1, 2) if niveau == 1 else rng.randint(3, 5)
    return rng.sample(candidats, min(nombre, len(candidats)))


def _releve(rng: random.Random, h: Histoire, niveau: int) -> list[dict[str, str]]:
    """A public service's half-year bill: its subscriptions and volume lines (the drinking
    water part only at level 2, its subscription and consumption at level 1, the sanitation
    part too at level 3), each volume line on one metered consumption, each subscription once."""
    unites = {a.reference: a.unite for a in h.organisation.catalogue}
    releve = [a for a in h.articles if unites.get(a[0]) in UNITES_ABONNEMENT | UNITES_VOLUME]
    if niveau < 3:
        eau = min((a[3] for a in releve), key=Decimal)
        releve = [a for a in releve if a[3] == eau]
    if niveau == 1:  # the subscription and the consumption, two lines to begin with
        releve = [
            next((a for a in releve if unites[a[0]] in sorte), None)
            for sorte in (UNITES_ABONNEMENT, UNITES_VOLUME)
        ]
        releve = [a for a in releve if a is not None]
    volume = str(rng.randint(*VOLUMES_SEMESTRE))
    return [
        {
            "reference": ref,
            "designation": designation,
            "quantite": volume if unites[ref] in UNITES_VOLUME else "1",
            "prix_unitaire_ht": prix,
            "taux_tva": taux,
        }
        for ref, designation, prix, taux in releve
    ]


def volume_releve(p: dict[str, Any], organisation: Any) -> str | None:
    """The metered consumption a public service's bill charges (None when none is billed)."""
    unites = {a.reference: a.unite for a in organisation.catalogue}
    volumes = [x["quantite"] for x in p["lignes"] if unites.get(x["reference"]) in UNITES_VOLUME]
    return volumes[0] if volumes else None


def _quantite(rng: random.Random, prix: str) -> str:
    plafond = max(1, min(40, int(1500 / max(Decimal(prix), Decimal(1)))))
    return str(rng.randint(1, plafond))


def _reductions(rng: random.Random, niveau: int) -> list[dict[str, str]]:
    natures = {1: ["remise"], 2: ["remise", "rabais"]}.get(niveau)
    if natures is None:
        natures = (
            ["remise", "rabais", "ristourne"] if rng.random() < 0.4 else ["remise", "ristourne"]
        )
    return [{"nature": n, "taux": rng.choice(TAUX_REDUCTION[n])} for n in natures]


def params(rng: random.Random, h: Histoire, niveau: int) -> dict[str, Any]:
    """Contract params for the level: lines (a public service's bill: its meter reading),
    reductions and escompte (none on a public service's tariffs), port (goods only: a service
    is not shipped), deposit."""
    releve = _releve(rng, h, niveau) if h.tarif_public else []
    lignes = releve or [
        {
            "reference": ref,
            "designation": designation,
            "quantite": _quantite(rng, prix),
            "prix_unitaire_ht": prix,
            "taux_tva": taux,
        }
        for ref, designation, prix, taux in _choisit_articles(rng, h.articles, niveau)
    ]
    if h.articles is TRAITEUR:
        pour_les_convives(rng, lignes)
    reductions = [] if h.tarif_public else _reductions(rng, niveau)
    result: dict[str, Any] = {"lignes": lignes, "reductions": reductions}
    if niveau == 1:
        return _plafonne(result, h)
    cgv = getattr(h.organisation, "cgv", None)
    escompte = (
        taux_str(cgv.escompte_taux) if cgv and cgv.escompte_taux > 0 and not h.achat else None
    )
    if not h.tarif_public and (niveau == 2 or rng.random() < 0.5):
        result["escompte_taux"] = escompte or rng.choice(("1", "1.5", "2", "3"))
    if h.famille == "biens":
        result["frais_port_ht"] = rng.choice(PORTS)
        taux = list(dict.fromkeys(ligne["taux_tva"] for ligne in lignes))
        result["taux_tva_port"] = rng.choice(taux)
    result = _plafonne(result, h)
    if niveau == 3:
        ttc = calcule(lire_params(result))["total_ttc"]
        part = Decimal(rng.choice((20, 25, 30, 40)))
        acompte = (ttc * part / 100 / 10).to_integral_value(rounding=ROUND_FLOOR) * 10
        result["acompte"] = str(cents(acompte if acompte > 0 else cents(ttc * part / 100)))
    return result


def _plafonne(result: dict[str, Any], h: Histoire) -> dict[str, Any]:
    """The reductions within what the sector's law allows on this sale (loi Lang on new
    books); a purchase is the supplier's business."""
    if h.achat:
        return result
    return plafonne(result, h.organisation, h.tiers.nom if h.tiers else None)


def _jour(rng: random.Random, organisation: Any) -> date:
    debut = getattr(organisation, "exercice_debut", date(2026, 1, 1))
    jour = debut + timedelta(days=rng.randint(20, 320))
    while jour.weekday() > 4:
        jour += timedelta(days=1)
    return jour


def echeance(organisation: Any, jour: date) -> date:
    """A sale invoice's due date: the CGV's payment term after its date (Code de commerce,
    art. L441-10, I), the day of the invoice when the CGV say « comptant »; the invoice states
    it (art. L441-9) and a later step records it with that date."""
    return jour + timedelta(days=organisation.cgv.delai_paiement_jours)


def piece(rng: random.Random, organisation: Any) -> tuple[date, str]:
    """The invoice's date (the day of delivery or of the service) and number, drawn after its
    params."""
    jour = _jour(rng, organisation)
    return jour, f"FA{jour.year}-{rng.randint(1, 900):04d}"


def piece_apres(rng: random.Random, devis: dict[str, Any]) -> tuple[date, str]:
    """The invoice's date (the delivery or the service, one to three weeks after the quote) and
    number."""
    jour = date.fromisoformat(devis["date"]) + timedelta(days=rng.randint(7, 21))
    while jour.weekday() > 4:
        jour += timedelta(days=1)
    return jour, f"FA{jour.year}-{rng.randint(1, 900):04d}"


def histoire_du_devis(organisation: Any, devis: dict[str, Any]) -> Histoire:
    """The sale that follows a quote: to the quote's customer."""
    code = devis["client"]["code"]
    client = next(c for c in organisation.clients if c.code == code)
    return Histoire(False, False, organisation, client, (), famille_de(organisation))


def params_du_devis(devis: dict[str, Any], organisation: Any, niveau: int) -> dict[str, Any]:
    """The invoice of a quote: its lines (at level 3 of the quote, the quantities delivered to
    invoice), its remises, the port it charged, the deposit or arrhes paid at signature, and
    the escompte of the CGV from level 2."""
    quote, a_facturer = devis["devis"], devis["a_facturer"]
    lignes = [
        {
            "reference": ligne["reference"],
            "designation": ligne["designation"],
            "quantite": a_facturer.get(ligne["reference"], ligne["quantite"]),
            "prix_unitaire_ht": ligne["prix_unitaire_ht"],
            "taux_tva": ligne["taux_tva"],
        }
        for ligne in quote["lignes"]
    ]
    result: dict[str, Any] = {
        "lignes": [ligne for ligne in lignes if Decimal(ligne["quantite"]) > 0],
        "reductions": [{"nature": "remise", "taux": taux} for taux in quote["remises"]],
    }
    escompte = organisation.cgv.escompte_taux
    if niveau > 1 and escompte > 0:
        result["escompte_taux"] = taux_str(escompte)
    if Decimal(devis["port_ht"]) > 0:
        result["frais_port_ht"] = devis["port_ht"]
        result["taux_tva_port"] = _taux_du_port(quote["port"]["taux_tva"], result["lignes"])
    if Decimal(devis["versement"]) > 0:
        result["acompte"] = devis["versement"]
    return result


def _taux_du_port(taux: str, lignes: list[dict[str, str]]) -> str:
    """The port's VAT rate: the quote's when an invoiced article has it, else the rate of the
    main article (an accessory expense follows the principal operation, BOI-TVA-BASE-10-10-10)."""
    if any(ligne["taux_tva"] == taux for ligne in lignes):
        return taux
    principal = max(
        lignes, key=lambda ligne: Decimal(ligne["quantite"]) * Decimal(ligne["prix_unitaire_ht"])
    )
    return principal["taux_tva"]


def pour_les_convives(rng: random.Random, lignes: list[dict[str, str]]) -> None:
    """A caterer's invoice counts one number of guests: every « par personne » line bills it,
    a bottle serves four."""
    convives = rng.randint(15, 60)
    for ligne in lignes:
        if ligne["designation"].endswith("(par personne)"):
            ligne["quantite"] = str(convives)
        elif "bouteille" in ligne["designation"]:
            ligne["quantite"] = str(-(-convives // 4))
