"""A ``fiche_stock`` variant drawn from the organisation: an article its sector stocks, a month of
receipts and issues, the supplier's lead time and, at level 3, a stock-taking that disagrees."""

from __future__ import annotations

import calendar
import random
from datetime import date
from decimal import Decimal
from typing import Any

from agora.calendrier import JOURS, feries_de
from agora.errors import InvalidInput
from agora.exercise.base import Options, Variant, tirage
from agora.exercise.kinds.fiche_stock.articles import ArticleStocke, articles, fournisseur
from agora.exercise.kinds.fiche_stock.params import CONSTATS, METHODES, NAME
from agora.exercise.kinds.fiche_stock.statement import enonce

# The order of receipts (E) and issues (S) on the card, by level.
SUITES = {1: "SES", 2: "SESES", 3: "SESSES"}
AU_CHOIX = "au_choix"


def _centimes(bornes: tuple[str, str], rng: random.Random) -> int:
    return rng.randint(int(Decimal(bornes[0]) * 100), int(Decimal(bornes[1]) * 100))


def _euros(centimes: int) -> str:
    return str(Decimal(centimes).scaleb(-2))


def _mois(rng: random.Random, organisation: Any) -> date:
    debut = organisation.exercice_debut
    rang = debut.month - 1 + rng.randint(0, 10)
    return date(debut.year + rang // 12, rang % 12 + 1, 1)


class Tirage:
    """The draws of one card, in an order fixed once (changing it changes every variant)."""

    def __init__(self, rng: random.Random, article: ArticleStocke, niveau: int):
        self.rng, self.a, self.niveau = rng, article, niveau
        self.conso = rng.randint(*article.conso_jour)
        self.cout = _centimes(article.cout, rng)
        self.stock = self.conso * rng.randint(4, 9)

    def entree(self) -> dict[str, str]:
        rng, a = self.rng, self.a
        quantite = a.lot * max(1, -(-self.conso * rng.randint(8, 14) // a.lot))
        self.cout += rng.choice((-1, 1)) * rng.randint(3, max(4, self.cout // 12))
        self.cout = max(self.cout, 10)
        frais = 0 if self.niveau > 1 and rng.random() < 0.25 else _centimes(a.frais, rng)
        self.avant, self.stock = self.stock, self.stock + quantite
        return {
            "nature": "entree",
            "quantite": str(quantite),
            "prix_unitaire_net": _euros(self.cout),
            "frais_accessoires": _euros(frais * quantite),
        }

    def sortie(self, apres_entree: bool) -> dict[str, str]:
        rng = self.rng
        if apres_entree:  # more than the old stock: under PEPS it takes from two lots
            quantite = self.avant + rng.randint(1, max(1, (self.stock - self.avant) // 3))
        else:
            quantite = self.conso * rng.randint(2, 5)
        quantite = max(1, min(quantite, self.stock - 1))
        self.stock -= quantite
        return {"nature": "sortie", "quantite": str(quantite)}


def _jours_ouvres(debut: date, horaires: dict[str, Any] | None) -> list[int]:
    """The days of the month (2 to 27) the store receives and issues goods: a weekday the
    organisation is open, never a Sunday nor a public holiday."""
    jours = [debut.replace(day=d) for d in range(2, 28)]
    ouverts = [
        j.day
        for j in jours
        if j.weekday() < 6
        and j not in feries_de(j.year)
        and (horaires is None or horaires.get(JOURS[j.weekday()]) is not None)
    ]
    return ouverts if len(ouverts) >= 8 else list(range(2, 28))


def mouvements(t: Tirage, debut: date, horaires: dict[str, Any] | None) -> list[dict[str, str]]:
    suite = SUITES[t.niveau]
    jours = sorted(t.rng.sample(_jours_ouvres(debut, horaires), len(suite)))
    lignes, bl, bs = [], t.rng.randint(100, 900), t.rng.randint(10, 90)
    for k, sens in enumerate(suite):
        ligne = t.entree() if sens == "E" else t.sortie(k > 0 and suite[k - 1] == "E")
        numero = bl + k if sens == "E" else bs + k
        piece = f"BL {numero}" if sens == "E" else f"BS {numero}"
        lignes.append({"date": debut.replace(day=jours[k]).isoformat(), "piece": piece, **ligne})
    return lignes


def inventaire(t: Tirage) -> tuple[dict[str, str], int]:
    """The count at the end of the month and what explains it; returns it with the stock used."""
    constat = t.rng.choice(CONSTATS if t.stock > 2 else CONSTATS[-1:])
    ecart = t.rng.randint(1, max(1, min(t.stock - 1, 2 * t.conso)))
    compte = t.stock + ecart if constat == "livraison_non_saisie" else t.stock - ecart
    return {"quantite_comptee": str(compte), "constat": constat}, compte


def appro(t: Tirage, stock: int, commander: bool) -> dict[str, str]:
    """Lead time, safety and maximum stock such that the order is due (or, at level 3, not)."""
    rng = t.rng
    delai = rng.randint(3, 8)
    besoin = t.conso * delai
    if commander:
        securite = max(t.conso * rng.randint(2, 4), stock - besoin + rng.randint(0, 2 * t.conso))
    else:
        delai = max(1, min(delai, (stock - t.conso) // t.conso))
        besoin = t.conso * delai
        securite = max(1, stock - besoin - rng.randint(1, t.conso))
    maximum = max(besoin + securite, stock) + t.conso * rng.randint(8, 14)
    return {
        "consommation_jour": str(t.conso),
        "delai_jours": str(delai),
        "stock_securite": str(securite),
        "stock_maximum": str(maximum),
    }


def params(rng: random.Random, organisation: Any, niveau: int, methode: str) -> dict[str, Any]:
    article = rng.choice(articles(organisation.secteur))
    t = Tirage(rng, article, niveau)
    debut = _mois(rng, organisation)
    si = {"quantite": str(t.stock), "cout_unitaire": _euros(t.cout)}
    lignes = mouvements(t, debut, getattr(organisation, "horaires", None))
    document: dict[str, Any] = {
        "methode": methode,
        "article": {
            "reference": article.reference,
            "designation": article.designation,
            "unite": article.unite,
            "pluriel": article.pluriel,
            "usage": article.usage,
        },
        "fournisseur": fournisseur(article, organisation.adresse.ville),
        "periode": {"debut": debut.isoformat(), "fin": _fin_du_mois(debut).isoformat()},
        "stock_initial": si,
        "mouvements": lignes,
    }
    stock, commander = t.stock, True
    if niveau == 3:
        document["inventaire"], stock = inventaire(t)
        commander = rng.random() < 0.7 and stock > t.conso
    document["approvisionnement"] = appro(t, stock, commander or stock <= t.conso)
    document["tva_recuperable"] = organisation.regime_tva not in (
        "non assujetti",
        "franchise en base",
    )
    return document


def _fin_du_mois(debut: date) -> date:
    return debut.replace(day=calendar.monthrange(debut.year, debut.month)[1])


def generate(seed: int, niveau: int, organisation: Any, options: Options = None) -> Variant:
    """The variant of this seed, level and method in the organisation."""
    choisie = dict(options or {}).get("methode", AU_CHOIX)
    if choisie != AU_CHOIX and (not isinstance(choisie, str) or choisie not in METHODES):
        raise InvalidInput(f"Méthode inconnue : « {choisie} » ({', '.join(METHODES)}).")
    rng = tirage(NAME, seed, niveau, choisie)
    methode = rng.choice(sorted(METHODES)) if choisie == AU_CHOIX else choisie
    document = params(rng, organisation, niveau, methode)
    texte = enonce(document, organisation, niveau)
    return Variant(NAME, seed, niveau, document, texte, {"methode": choisie})
