"""The params of a ``fiche_stock`` variant: read into typed objects, refused in one French line."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, NamedTuple

from agora.errors import InvalidInput
from agora.exercise.kinds.fiche_stock.regles import load_regles
from agora.exercise.params import code_connu, lire_jour, lire_objet
from agora.money import cents, contract_decimal, parse_decimal

# The kind's name, in its variants and grades (every module of the kind may import params).
NAME = "fiche_stock"

# The valuation methods the law allows (scenarios/baremes/stocks.yaml), by code.
METHODES = {m.code: m.libelle for m in load_regles().methodes}
CONSTATS = ("casse", "sortie_non_saisie", "demarque_inconnue", "livraison_non_saisie")
MAX_MOUVEMENTS = 40
_MAX_QUANTITE = Decimal(1_000_000)


class Mouvement(NamedTuple):
    """One line of the period: a receipt (``entree``, with its purchase cost) or an issue."""

    jour: date
    piece: str
    entree: bool
    quantite: Decimal
    prix_net: Decimal = Decimal(0)  # net purchase price per unit (receipts)
    frais: Decimal = Decimal(0)  # incidental costs of the whole delivery (receipts)


class Appro(NamedTuple):
    """The supply data: daily use, supplier lead time, safety and maximum stock (units)."""

    consommation_jour: Decimal
    delai_jours: Decimal
    stock_securite: Decimal
    stock_maximum: Decimal


class Inventaire(NamedTuple):
    """Level 3: the units counted on the last day, and what the statement says happened."""

    quantite_comptee: Decimal
    constat: str


@dataclass(frozen=True)
class Fiche:
    """Typed, validated params of one stock card."""

    methode: str
    si_quantite: Decimal
    si_cout: Decimal
    mouvements: tuple[Mouvement, ...]
    appro: Appro
    inventaire: Inventaire | None


def _nombre(raw: Any, ou: str) -> Decimal:
    valeur = contract_decimal(raw)  # the contract's own writing (« 12.50 »), read at once
    if valeur is None:
        valeur = _ecrit_autrement(raw, ou)
    if valeur < 0 or valeur > _MAX_QUANTITE:
        raise InvalidInput(f"Paramètres : {ou} doit être compris entre 0 et 1 000 000.")
    return valeur


def _ecrit_autrement(raw: Any, ou: str) -> Decimal:
    """A number the contract does not write so (« 1 234,5 », a JSON number), with the reader's
    French message when it is none."""
    if raw is None:
        raise InvalidInput(f"Paramètres : {ou} manquant.")
    if isinstance(raw, float):
        raw = repr(raw)
    try:
        return parse_decimal(raw if isinstance(raw, (int, str)) else str(raw)[:40], "nombre")
    except InvalidInput as error:
        raise InvalidInput(f"Paramètres : {ou} — {error}") from None


def _entier(raw: Any, ou: str) -> Decimal:
    valeur = _nombre(raw, ou)
    if valeur != valeur.to_integral_value():
        raise InvalidInput(f"Paramètres : {ou} doit être un nombre entier d'unités.")
    return valeur


def _montant(raw: Any, ou: str) -> Decimal:
    valeur = _nombre(raw, ou)
    if valeur != cents(valeur):
        raise InvalidInput(f"Paramètres : {ou} a plus de deux décimales.")
    return valeur


def _mouvement(raw: Any, i: int) -> Mouvement:
    ou = f"mouvement {i + 1}"
    m = lire_objet(raw, f"le {ou}")
    nature = m.get("nature")
    if nature not in ("entree", "sortie"):
        raise InvalidInput(f"Paramètres : nature du {ou} inconnue (entree ou sortie).")
    quantite = _entier(m.get("quantite"), f"quantité du {ou}")
    if quantite == 0:
        raise InvalidInput(f"Paramètres : la quantité du {ou} doit être positive.")
    jour, piece = lire_jour(m.get("date"), f"date du {ou}"), str(m.get("piece", ""))[:40]
    if nature == "sortie":
        return Mouvement(jour, piece, False, quantite)
    prix = _montant(m.get("prix_unitaire_net"), f"prix unitaire net du {ou}")
    frais = _montant(m.get("frais_accessoires", "0"), f"frais accessoires du {ou}")
    return Mouvement(jour, piece, True, quantite, prix, frais)


def _appro(raw: Any) -> Appro:
    a = lire_objet(raw, "« approvisionnement »")
    return Appro(
        consommation_jour=_entier(a.get("consommation_jour"), "consommation_jour"),
        delai_jours=_entier(a.get("delai_jours"), "delai_jours"),
        stock_securite=_entier(a.get("stock_securite"), "stock_securite"),
        stock_maximum=_entier(a.get("stock_maximum"), "stock_maximum"),
    )


def _inventaire(raw: Any) -> Inventaire | None:
    if raw is None:
        return None
    inv = lire_objet(raw, "« inventaire »")
    constat = code_connu(inv.get("constat"), CONSTATS, "constat d'inventaire inconnu")
    return Inventaire(_entier(inv.get("quantite_comptee"), "quantite_comptee"), constat)


def lire_params(params: Any) -> Fiche:
    """The typed stock card; InvalidInput (one French line) when the params are unusable."""
    p = lire_objet(params, "les paramètres (un objet JSON)")
    methode = code_connu(p.get("methode"), METHODES, "méthode inconnue")
    si = lire_objet(p.get("stock_initial"), "« stock_initial »")
    brut = p.get("mouvements")
    if not isinstance(brut, list) or not brut or len(brut) > MAX_MOUVEMENTS:
        raise InvalidInput(
            f"Paramètres : « mouvements » doit être une liste de 1 à {MAX_MOUVEMENTS} lignes."
        )
    fiche = Fiche(
        methode=methode,
        si_quantite=_entier(si.get("quantite"), "quantité du stock initial"),
        si_cout=_montant(si.get("cout_unitaire"), "coût unitaire du stock initial"),
        mouvements=tuple(_mouvement(m, i) for i, m in enumerate(brut)),
        appro=_appro(p.get("approvisionnement")),
        inventaire=_inventaire(p.get("inventaire")),
    )
    _jamais_negatif(fiche)
    return fiche


def _jamais_negatif(fiche: Fiche) -> None:
    """An issue can only take what is in stock: the card never goes below zero."""
    stock = fiche.si_quantite
    for i, m in enumerate(fiche.mouvements):
        stock += m.quantite if m.entree else -m.quantite
        if stock < 0:
            raise InvalidInput(f"Paramètres : le mouvement {i + 1} sort plus que le stock.")
    if fiche.si_quantite + sum(m.quantite for m in fiche.mouvements if m.entree) == 0:
        raise InvalidInput("Paramètres : ni stock initial ni entrée, rien à valoriser.")


def check_params(params: dict[str, Any]) -> dict[str, Any]:
    """Validate params from outside; InvalidInput with one French line when unusable."""
    lire_params(params)
    return params
