"""The trips each sector's staff make (purpose, place, zone), the countries of a trip abroad with
the VAT rates their receipts show, and the organisation's own ceilings abroad."""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple


class Voyage(NamedTuple):
    objet: str
    lieu: str
    zone: str  # province, paris or etranger
    pays: str = "France"


class Pays(NamedTuple):
    """VAT rates on receipts of a country (hotel, restaurant, parking), as they print them."""

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

_GENERIQUES = (
    Voyage("Rendez-vous avec un fournisseur", "Lyon", "province"),
    Voyage("Salon professionnel du secteur", "Paris (Porte de Versailles)", "paris"),
    Voyage("Rencontre d'un partenaire européen", "Bruxelles", "etranger", "Belgique"),
)

VOYAGES: dict[str, tuple[Voyage, ...]] = {
    "association_sportive": (
        Voyage("Assemblée générale de la ligue régionale", "Orléans", "province"),
        Voyage("Formation d'entraîneur au CREPS", "Bordeaux", "province"),
        Voyage("Réunion à la fédération", "Paris", "paris"),
        Voyage("Tournoi international de jeunes", "Liège", "etranger", "Belgique"),
    ),
    "batiment": (
        Voyage("Suivi d'un chantier de rénovation", "Clermont-Ferrand", "province"),
        Voyage("Salon Batimat", "Villepinte (Seine-Saint-Denis)", "paris"),
        Voyage("Visite d'une usine de menuiseries", "Barcelone", "etranger", "Espagne"),
    ),
    "boulangerie": (
        Voyage("Formation chez le meunier partenaire", "Reims", "province"),
        Voyage("Salon Europain", "Villepinte (Seine-Saint-Denis)", "paris"),
        Voyage("Visite d'un moulin artisanal", "Namur", "etranger", "Belgique"),
    ),
    "grossiste_fournitures": (
        Voyage("Tournée des clients professionnels", "Nantes", "province"),
        Voyage("Rendez-vous avec une centrale d'achat", "Paris", "paris"),
        Voyage("Salon européen du bureau", "Milan", "etranger", "Italie"),
    ),
    "informatique": (
        Voyage("Installation d'un serveur chez un client", "Grenoble", "province"),
        Voyage("Salon de la cybersécurité", "Paris (Porte de Versailles)", "paris"),
        Voyage("Conférence européenne sur le cloud", "Bruxelles", "etranger", "Belgique"),
    ),
    "librairie": (
        Voyage("Rencontre avec un éditeur régional", "Rennes", "province"),
        Voyage("Festival du livre", "Paris", "paris"),
        Voyage("Foire internationale du livre", "Turin", "etranger", "Italie"),
    ),
    "regie_eau": (
        Voyage("Formation à la télérelève des compteurs", "Limoges", "province"),
        Voyage("Congrès des services publics de l'eau", "Paris", "paris"),
        Voyage("Visite d'une station d'épuration modèle", "Barcelone", "etranger", "Espagne"),
    ),
    "restaurant": (
        Voyage("Salon de la restauration (Sirha)", "Lyon", "province"),
        Voyage("Salon Equip'Hôtel", "Paris (Porte de Versailles)", "paris"),
        Voyage("Visite d'un producteur d'huile d'olive", "Turin", "etranger", "Italie"),
    ),
}


def voyages(secteur: str, etranger: bool) -> tuple[Voyage, ...]:
    """The trips of a sector, in France or abroad (a sector not listed gets generic trips)."""
    liste = VOYAGES.get(secteur, _GENERIQUES)
    return tuple(v for v in liste if (v.zone == "etranger") == etranger)


# The départements of Île-de-France: a trip « to Paris » from there needs no hotel.
ILE_DE_FRANCE = frozenset({"75", "77", "78", "91", "92", "93", "94", "95"})


def ailleurs(voyages: tuple[Voyage, ...], code_postal: str, ville: str) -> tuple[Voyage, ...]:
    """The trips that take the traveller away from home: not to Paris from Île-de-France, not
    to the organisation's own town (all of them when none is left)."""

    def loin(v: Voyage) -> bool:
        chez_soi = v.lieu.split(" (")[0] == ville
        return not chez_soi and not (v.zone == "paris" and code_postal[:2] in ILE_DE_FRANCE)

    return tuple(v for v in voyages if loin(v)) or voyages


# Words of a job whose holder travels (the mission is « the sales rep's expense report »).
METIERS_NOMADES = ("commercial", "technico", "chargé", "responsable", "coordinat", "chef")
