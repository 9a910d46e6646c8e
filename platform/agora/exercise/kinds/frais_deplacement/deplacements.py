"""The trips each sector's staff make (purpose, place, zone), how far by road they take the
traveller from the organisation's town, the countries of a trip abroad with the VAT rates their
receipts show, and the organisation's own ceilings abroad."""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

from pydantic import Field

from agora import SCENARIOS_DIR
from agora.content.geographie import vol_oiseau_km
from agora.content.loading import StrictModel, loaded_once
from agora.content.secteurs import Commune, load_communes
from agora.errors import ContentError


class Voyage(NamedTuple):
    objet: str
    lieu: str
    zone: str  # province, paris or etranger
    pays: str = "France"


class Pays(NamedTuple):
    """VAT rates on receipts of a country (hotel, restaurant, parking), as they print them; the
    parking's is the standard rate, that of motorway tolls too."""

    hotel: Decimal
    restaurant: Decimal
    parking: Decimal


# Rates in force in 2025 in each country, printed on its receipts (only shown: never deducted
# in France, CGI art. 271 and 242-0 M).
PAYS = {
    "Belgique": Pays(Decimal(6), Decimal(12), Decimal(21)),
    "Italie": Pays(Decimal(10), Decimal(10), Decimal(22)),
    "Espagne": Pays(Decimal(10), Decimal(10), Decimal(21)),
}

# The organisation's own ceilings abroad (its note de service, not an official table: the
# kind states this simplification instead of the per-country mission allowances).
PLAFOND_REPAS_ETRANGER = Decimal("30.00")
PLAFOND_NUIT_ETRANGER = Decimal("110.00")

# Each sector goes abroad to the north (Belgium) and to the south (Spain or Italy, both when
# Italy is far from the south-west): from any town of the table one lies within a day's drive.
_GENERIQUES = (
    Voyage("Rendez-vous avec un fournisseur", "Lyon", "province"),
    Voyage("Salon professionnel du secteur", "Paris (Porte de Versailles)", "paris"),
    Voyage("Rencontre d'un partenaire européen", "Bruxelles", "etranger", "Belgique"),
    Voyage("Rencontre d'un fournisseur européen", "Milan", "etranger", "Italie"),
    Voyage("Rencontre d'un client espagnol", "Barcelone", "etranger", "Espagne"),
)

VOYAGES: dict[str, tuple[Voyage, ...]] = {
    "association_sportive": (
        Voyage("Assemblée générale de la ligue régionale", "Orléans", "province"),
        Voyage("Formation d'entraîneur au CREPS", "Bordeaux", "province"),
        Voyage("Réunion à la fédération", "Paris", "paris"),
        Voyage("Tournoi international de jeunes", "Liège", "etranger", "Belgique"),
        Voyage("Stage d'entraîneurs dans un club partenaire", "Barcelone", "etranger", "Espagne"),
    ),
    "batiment": (
        Voyage("Suivi d'un chantier de rénovation", "Clermont-Ferrand", "province"),
        Voyage("Salon Batimat", "Villepinte (Seine-Saint-Denis)", "paris"),
        Voyage("Visite d'une usine de menuiseries", "Barcelone", "etranger", "Espagne"),
        Voyage("Salon de la construction Batibouw", "Bruxelles", "etranger", "Belgique"),
    ),
    "boulangerie": (
        Voyage("Formation chez le meunier partenaire", "Reims", "province"),
        Voyage("Salon Europain", "Villepinte (Seine-Saint-Denis)", "paris"),
        Voyage("Visite d'un moulin artisanal", "Namur", "etranger", "Belgique"),
        Voyage("Rencontre d'un producteur de farines anciennes", "Turin", "etranger", "Italie"),
    ),
    "grossiste_fournitures": (
        Voyage("Tournée des clients professionnels", "Nantes", "province"),
        Voyage("Rendez-vous avec une centrale d'achat", "Paris", "paris"),
        Voyage("Salon européen du bureau", "Milan", "etranger", "Italie"),
        Voyage("Rendez-vous avec un fabricant de papeterie", "Bruxelles", "etranger", "Belgique"),
        Voyage("Rencontre d'un distributeur espagnol", "Barcelone", "etranger", "Espagne"),
    ),
    "informatique": (
        Voyage("Installation d'un serveur chez un client", "Grenoble", "province"),
        Voyage("Salon de la cybersécurité", "Paris (Porte de Versailles)", "paris"),
        Voyage("Conférence européenne sur le cloud", "Bruxelles", "etranger", "Belgique"),
        Voyage("Salon Mobile World Congress", "Barcelone", "etranger", "Espagne"),
    ),
    "librairie": (
        Voyage("Rencontre avec un éditeur régional", "Rennes", "province"),
        Voyage("Festival du livre", "Paris", "paris"),
        Voyage("Foire internationale du livre", "Turin", "etranger", "Italie"),
        Voyage("Foire du livre de Bruxelles", "Bruxelles", "etranger", "Belgique"),
    ),
    "regie_eau": (
        Voyage("Formation à la télérelève des compteurs", "Limoges", "province"),
        Voyage("Congrès des services publics de l'eau", "Paris", "paris"),
        Voyage("Visite d'une station d'épuration modèle", "Barcelone", "etranger", "Espagne"),
        Voyage("Échanges avec une compagnie des eaux partenaire", "Liège", "etranger", "Belgique"),
    ),
    "restaurant": (
        Voyage("Salon de la restauration (Sirha)", "Lyon", "province"),
        Voyage("Salon Equip'Hôtel", "Paris (Porte de Versailles)", "paris"),
        Voyage("Visite d'un producteur d'huile d'olive", "Turin", "etranger", "Italie"),
        Voyage("Visite d'une brasserie artisanale", "Bruxelles", "etranger", "Belgique"),
    ),
}


def voyages(secteur: str, etranger: bool) -> tuple[Voyage, ...]:
    """The trips of a sector, in France or abroad (a sector not listed gets generic trips)."""
    liste = VOYAGES.get(secteur, _GENERIQUES)
    return tuple(v for v in liste if (v.zone == "etranger") == etranger)


# The départements of Île-de-France: a trip « to Paris » from there needs no hotel.
ILE_DE_FRANCE = frozenset({"75", "77", "78", "91", "92", "93", "94", "95"})

# A trip with hotel nights goes at least 50 km away (the URSSAF's « grand déplacement »: 50 km
# one way, BOSS frais professionnels) and at most a long day's drive (950 km by road one way,
# some nine hours of motorway).
DEPLACEMENT_MIN_KM = 50
PORTEE_KM = 950
# A one-night trip (level 1) goes within half a day's drive: 500 km one way, some five hours.
DEMI_JOURNEE_KM = 500

# Road distance ÷ great-circle distance: 1.11 to 1.31 on the usual motorway routes between
# the table's big towns (Paris–Lille 225 km for 203 as the crow flies, Paris–Lyon 465 for 392,
# Paris–Bordeaux 585 for 497, Lyon–Bordeaux 555 for 434, Lyon–Turin 310 for 236), 1.21 on
# average; 1.2 keeps a planned round trip within a few per cent of the road atlas.
FACTEUR_ROUTE = 1.2


class Coordonnees(StrictModel):
    latitude: float = Field(ge=-90, le=90)
    longitude: float = Field(ge=-180, le=180)


class _Lieux(StrictModel):
    lieux: dict[str, Coordonnees]
    frontieres: dict[str, dict[str, Coordonnees]]


# Where each trip's place lies (scenarios/destinations.yaml, read once).
load_lieux = loaded_once(SCENARIOS_DIR / "destinations.yaml", _Lieux)


def _embarquement(depart: Commune) -> Commune:
    """Where the car starts by road: the town itself, or its ferry's port on the mainland."""
    if depart.port_continent is None:
        return depart
    return next(c for c in load_communes() if c.ville == depart.port_continent)


def _lieu(lieu: str) -> Coordonnees:
    b = load_lieux().lieux.get(lieu)
    if b is None:
        raise ContentError(f"{lieu} : lieu absent de scenarios/destinations.yaml.")
    return b


def _par_la_route(a: Commune | Coordonnees, b: Coordonnees) -> float:
    """The road distance between two points: the great circle times FACTEUR_ROUTE."""
    return vol_oiseau_km(a, b) * FACTEUR_ROUTE


def km_route(depart: Commune, lieu: str) -> float:
    """The road distance, one way, from the town to the trip's place."""
    return _par_la_route(_embarquement(depart), _lieu(lieu))


def km_en_france(depart: Commune, voyage: Voyage) -> float:
    """The part of the one-way road driven in France (where French tolls are paid): all of it
    at home; abroad, the share of the way before the border crossing of the shortest route."""
    total = km_route(depart, voyage.lieu)
    if voyage.pays == "France":
        return total
    postes = load_lieux().frontieres.get(voyage.pays)
    if not postes:
        raise ContentError(f"{voyage.pays} : pays sans poste frontière dans destinations.yaml.")
    a, b = _embarquement(depart), _lieu(voyage.lieu)
    avant, apres = min(
        ((_par_la_route(a, p), _par_la_route(p, b)) for p in postes.values()), key=sum
    )
    return total * avant / (avant + apres)


def aller_retour(depart: Commune, lieu: str) -> int:
    """The round trip by road, in km, rounded to 5 km as the travel order plans it."""
    return max(5, 5 * round(2 * km_route(depart, lieu) / 5))


def ailleurs(
    voyages: tuple[Voyage, ...], depart: Commune, portee: int = PORTEE_KM
) -> tuple[Voyage, ...]:
    """The trips that take the traveller away from home (not to Paris from Île-de-France,
    at least DEPLACEMENT_MIN_KM away; all of them when none is) within ``portee`` km by road
    (else the nearest one)."""

    def loin(v: Voyage) -> bool:
        francilien = v.zone == "paris" and depart.code_postal[:2] in ILE_DE_FRANCE
        return not francilien and km_route(depart, v.lieu) >= DEPLACEMENT_MIN_KM

    eloignes = tuple(v for v in voyages if loin(v)) or voyages
    proches = tuple(v for v in eloignes if km_route(depart, v.lieu) <= portee)
    return proches or (min(eloignes, key=lambda v: km_route(depart, v.lieu)),)


# Words of a job whose holder travels (the mission is « the sales rep's expense report »).
METIERS_NOMADES = ("commercial", "technico", "chargé", "responsable", "coordinat", "chef")
