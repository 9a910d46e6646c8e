"""A ``frais_deplacement`` variant drawn from the organisation: one of its staff travels for a
purpose of its sector; the travel order and its budget, then the expense report with its
receipts (a capped one, and from level 2 receipts to refuse; at level 3 a trip abroad, a
second car and a fuel ticket)."""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, NamedTuple

from agora.content import geographie
from agora.exercise.base import generateur
from agora.exercise.kinds.frais_deplacement import deplacements, statement
from agora.exercise.kinds.frais_deplacement.deplacements import PAYS, Voyage
from agora.exercise.kinds.frais_deplacement.params import NAME, lire_params
from agora.exercise.kinds.frais_deplacement.regles import Fourchette, load_frais
from agora.exercise.kinds.frais_deplacement.solve import calcule
from agora.money import cents

ANNEE = 2026
VOITURES = {
    3: "Citroën C1",
    4: "Renault Clio",
    5: "Peugeot 308",
    6: "Škoda Octavia",
    7: "Peugeot 5008",
}
_HOTEL = {"province": (4800, 9500), "paris": (6500, 14000), "etranger": (8000, 15000)}  # cents
FRANCE = deplacements.Pays(Decimal(10), Decimal(10), Decimal(20))
CENTIME, DIX_CENTIMES = Decimal("0.01"), Decimal("0.1")  # an Italian toll ticket: 10 cents


def _euros(rng: random.Random, bas: int, haut: int) -> str:
    """An amount in euros drawn between two amounts in cents."""
    return str(cents(Decimal(rng.randint(bas, haut)) / 100))


def _voyageur(rng: random.Random, org: Any) -> Any:
    """An employee whose job makes them travel, else anyone on the staff."""
    nomades = [
        s for s in org.salaries if any(m in s.emploi.lower() for m in deplacements.METIERS_NOMADES)
    ]
    return rng.choice(nomades or list(org.salaries))


def _plafonds(zone: str) -> dict[str, str]:
    """The organisation's ceilings: the URSSAF limits in France, its own abroad."""
    if zone == "etranger":
        repas, nuit = deplacements.PLAFOND_REPAS_ETRANGER, deplacements.PLAFOND_NUIT_ETRANGER
    else:
        u = load_frais().urssaf
        repas, nuit = (
            u.repas_restaurant,
            u.logement_paris if zone == "paris" else u.logement_province,
        )
    return {"repas": str(repas), "nuit": str(nuit)}


class Ligne(NamedTuple):
    """One line of the expense report before it is numbered."""

    jour: date
    nature: str
    libelle: str
    ttc: str
    taux: Decimal
    etranger: bool = False
    fourni: bool = True
    personnel: bool = False

    def to_json(self, numero: int) -> dict[str, Any]:
        return {
            "numero": f"J{numero}",
            "date": self.jour.isoformat(),
            "nature": self.nature,
            "libelle": self.libelle,
            "ttc": self.ttc,
            "taux_tva": str(self.taux),
            "fourni": self.fourni,
            "personnel": self.personnel,
            "etranger": self.etranger,
        }


def _sejour(rng: random.Random, voyage: Voyage, depart: date, nuits: int, repas: int) -> list:
    """The hotel nights and the meals of the trip (some above the ceilings)."""
    ailleurs = voyage.zone == "etranger"
    taux = PAYS[voyage.pays] if ailleurs else FRANCE
    lignes = []
    for k in range(nuits):
        ttc = _euros(rng, *_HOTEL[voyage.zone])
        libelle = f"Nuit et petit déjeuner à {voyage.lieu}"
        lignes.append(Ligne(depart + timedelta(k), "hotel", libelle, ttc, taux.hotel, ailleurs))
    for k in range(repas):
        jour = depart + timedelta(k // 2)  # lunch then dinner, day after day
        moment = "Déjeuner" if k % 2 == 0 else "Dîner"
        ttc = _euros(rng, 1150, 3800 if ailleurs else 2890)
        lignes.append(
            Ligne(jour, "repas", f"{moment} au restaurant", ttc, taux.restaurant, ailleurs)
        )
    return lignes


def _peage(rng: random.Random, km: float, tarif: Fourchette, arrondi: Decimal) -> str:
    """The toll of one way of ``km`` km by road: a share of it on toll motorways at a rate per
    km, both drawn in scenarios/baremes/frais.yaml, the ticket rounded to ``arrondi``."""
    peages = load_frais().peages
    part = _tirage(rng, peages.part_autoroute)
    ttc = (Decimal(round(km)) * part * _tirage(rng, tarif)).quantize(arrondi, ROUND_HALF_UP)
    return str(cents(max(ttc, arrondi)))


def _tirage(rng: random.Random, fourchette: Fourchette) -> Decimal:
    """A figure drawn in a range, to the thousandth."""
    bas, haut = (int(x * 1000) for x in (fourchette.bas, fourchette.haut))
    return Decimal(rng.randint(bas, haut)) / 1000


def _peages(rng: random.Random, voyage: Voyage, siege: Any, depart: date, retour: date, niveau):
    """The tolls of the way there (and back from level 2, the same route): in France on the
    km before the border, in the country after it where its motorways charge cars."""
    peages = load_frais().peages
    en_france = deplacements.km_en_france(siege, voyage)
    nom = "Péage d'autoroute en France" if voyage.pays != "France" else "Péage d'autoroute"
    etapes = [(nom, en_france, peages.france_euros_km, CENTIME, FRANCE, False)]
    if voyage.pays in peages.etranger_euros_km:
        reste = deplacements.km_route(siege, voyage.lieu) - en_france
        tarif = peages.etranger_euros_km[voyage.pays]
        libelle = f"Péage d'autoroute en {voyage.pays}"
        etapes.append((libelle, reste, tarif, DIX_CENTIMES, PAYS[voyage.pays], True))
    lignes = []
    for libelle, km, tarif, arrondi, pays, ailleurs in etapes:
        ttc = _peage(rng, km, tarif, arrondi)
        sens = [(depart, "aller")] + ([(retour, "retour")] if niveau > 1 else [])
        lignes += [
            Ligne(jour, "peage", f"{libelle} ({trajet})", ttc, pays.parking, ailleurs)
            for jour, trajet in sens
        ]
    return lignes


def _route(rng: random.Random, voyage: Voyage, siege: Any, depart: date, retour: date, niveau):
    """Tolls on the way there and back; from level 2 a parking ticket."""
    lignes = _peages(rng, voyage, siege, depart, retour, niveau)
    if niveau > 1:
        ailleurs = voyage.zone == "etranger"
        taux = PAYS[voyage.pays].parking if ailleurs else Decimal(20)
        ttc = _euros(rng, 600, 2400)
        lignes.append(Ligne(depart, "parking", f"Parking à {voyage.lieu}", ttc, taux, ailleurs))
    return lignes


def _pieges(rng: random.Random, voyage: Voyage, depart: date, retour: date, niveau: int):
    """Level 2: one receipt to refuse; level 3: two, and a fuel ticket."""
    ailleurs = voyage.zone == "etranger"
    taux = PAYS[voyage.pays].restaurant if ailleurs else Decimal(10)
    taxi = "Taxi de l'hôtel au rendez-vous (reçu perdu)"
    perdu = Ligne(depart, "divers", taxi, _euros(rng, 1500, 2600), taux, ailleurs)
    apres = Ligne(
        retour + timedelta(1), "repas", "Dîner au restaurant", _euros(rng, 1800, 3200), taux
    )
    minibar = "Minibar et film à la demande à l'hôtel"
    choix = [
        perdu._replace(fourni=False),
        apres,
        Ligne(depart, "divers", minibar, _euros(rng, 900, 2200), Decimal(20), ailleurs, True, True),
    ]
    lignes = rng.sample(choix, niveau - 1)
    if niveau == 3:
        lignes.append(
            Ligne(depart, "carburant", "Plein de gazole", _euros(rng, 5500, 8500), Decimal(20))
        )
    return lignes


def _justificatifs(rng, voyage: Voyage, siege: Any, depart: date, nuits: int, niveau: int):
    retour = depart + timedelta(nuits)
    lignes = _sejour(rng, voyage, depart, nuits, {1: 2, 2: 3}.get(niveau, 3))
    lignes += _route(rng, voyage, siege, depart, retour, niveau)
    if niveau > 1:
        lignes += _pieges(rng, voyage, depart, retour, niveau)
    lignes.sort(key=lambda ligne: ligne.jour)
    return [ligne.to_json(i) for i, ligne in enumerate(lignes, 1)]


def _vehicules(rng: random.Random, km_prevus: int, niveau: int) -> list[dict[str, Any]]:
    """The traveller's car (km already driven this year from level 2); at level 3 a second car
    drives the end of the way back (at most half the trip), the first car the rest."""
    cv = rng.randint(3, 7)
    anterieurs = 0 if niveau == 1 else rng.choice((rng.randint(8, 45), rng.randint(60, 180))) * 100
    if niveau == 3:
        anterieurs = rng.randint(60, 180) * 100
    km = km_prevus + rng.randint(0, 6) * 5  # the detours of the trip
    fin = rng.randint(4, max(4, min(16, km // 20))) * 10 + 5 if niveau == 3 else 0
    vehicules = [
        {
            "libelle": f"{VOITURES[cv]}, {cv} CV",
            "cv": cv,
            "km_anterieurs": anterieurs,
            "km": km - fin,
        }
    ]
    if niveau == 3:
        autre = rng.choice([c for c in VOITURES if c != cv])
        vehicules.append(
            {
                "libelle": f"{VOITURES[autre]} du conjoint, {autre} CV",
                "cv": autre,
                "km_anterieurs": rng.randint(5, 40) * 100,
                "km": fin,
            }
        )
    return vehicules


def params(rng: random.Random, org: Any, niveau: int) -> dict[str, Any]:
    """Contract params for the level."""
    siege = geographie.commune(org.adresse.code_postal, org.adresse.ville)
    portee = deplacements.DEMI_JOURNEE_KM if niveau == 1 else deplacements.PORTEE_KM
    voyage = rng.choice(
        deplacements.ailleurs(deplacements.voyages(org.secteur, niveau == 3), siege, portee)
    )
    salarie = _voyageur(rng, org)
    km_prevus = deplacements.aller_retour(siege, voyage.lieu)
    nuits = niveau if niveau < 3 else rng.randint(2, 3)
    depart = date(ANNEE, rng.randint(1, 11), rng.randint(2, 20))
    retour = depart + timedelta(nuits)
    lieu = voyage.lieu if voyage.pays == "France" else f"{voyage.lieu} ({voyage.pays})"
    ordre = {
        "numero": f"OM-{ANNEE}-{rng.randint(10, 99):03d}",
        "salarie": f"{salarie.prenom} {salarie.nom}",
        "emploi": salarie.emploi_libelle,
        "objet": voyage.objet,
        "lieu": lieu,
        "zone": voyage.zone,
        "depart": depart.isoformat(),
        "retour": retour.isoformat(),
        "km_prevus": km_prevus,
        "nuits": nuits,
        "repas": 2 * nuits + 1,
        "avance": "0.00",
    }
    p = {
        "niveau": niveau,
        "tva_recuperable": org.regime_tva not in ("non assujetti", "franchise en base"),
        "plafonds": _plafonds(voyage.zone),
        "ordre": ordre,
        "vehicules": _vehicules(rng, km_prevus, niveau),
        "justificatifs": _justificatifs(rng, voyage, siege, depart, nuits, niveau),
        "date_note": (retour + timedelta(rng.randint(2, 6))).isoformat(),
    }
    ordre["avance"] = _avance(p)
    return p


def _avance(p: dict[str, Any]) -> str:
    """An advance of about 40 % of the budget, in round fifties, below what the report pays."""
    valeurs = calcule(lire_params(p))
    avance = max(50, int(valeurs["budget.total"] * Decimal("0.4") / 50) * 50)
    return f"{avance}.00" if valeurs["total_frais"] > avance else "0.00"


# A variant drawn from the organisation: its staff, its sector's trips, its VAT regime.
generate = generateur(NAME, params, statement.enonce)
