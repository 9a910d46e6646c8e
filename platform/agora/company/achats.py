"""What each sector buys, from which of its suppliers, and into which PCG account
(scenarios/achats.yaml): every purchase document of every exercise fits the organisation (a
bakery buys flour into 601, a bookshop books to resell into 607, a club coach trips into 624,
and an invoice from « Autocars Martin » bills coach trips, never a meal).

An article: (supplier keyword, reference, designation, unit, lowest and highest unit price HT,
VAT rate, account). The keyword is a word of the sector's supplier names (scenarios/secteurs/),
so an invoice from « Moulins Martin » bills flour.
"""

from __future__ import annotations

import random
from decimal import Decimal
from typing import Any

from agora import SCENARIOS_DIR
from agora.content.loading import StrictModel, load_yaml_model
from agora.money import cents

Article = tuple[str, str, str, str, int, int, str, str]
# (supplier keyword, reference, designation, lowest and highest price HT, account, the
# supplier when none of the file has the keyword, the accessory line capitalised with it)
Immobilisation = tuple[str, str, str, int, int, str, str, str]


class Achats(StrictModel):
    articles: dict[str, tuple[Article, ...]]
    aussi_acceptes: dict[str, tuple[str, ...]]
    immobilisations: dict[str, Immobilisation]
    fournisseurs_ue: dict[str, tuple[str, str]]  # (name, country)


_DONNEES = load_yaml_model(SCENARIOS_DIR / "achats.yaml", Achats)

ARTICLES = _DONNEES.articles
# Other accounts accepted for an account, besides its three-digit root.
AUSSI_ACCEPTES = _DONNEES.aussi_acceptes
# A fixed asset the organisation may buy (level 3), above the capitalisation threshold.
IMMOBILISATIONS = _DONNEES.immobilisations
# A supplier in another EU country (level 3, organisations subject to VAT).
FOURNISSEURS_UE = _DONNEES.fournisseurs_ue

Achat = tuple[str, str, str, str]  # (reference, designation, unit price HT, VAT rate)

# A caterer's prices for an organisation's event (meeting, tournament, seminar): meals for
# immediate consumption at 10 % (CGI art. 279 m), alcohol and rentals at 20 % (art. 278).
TRAITEUR: tuple[Achat, ...] = (
    ("TRA-BUF", "Buffet froid (par personne)", "18.75", "10"),
    ("TRA-PLA", "Plateau-repas (par personne)", "14.50", "10"),
    ("TRA-COC", "Cocktail déjeunatoire (par personne)", "22.00", "10"),
    ("TRA-VIN", "Vin rouge AOP, bouteille de 75 cl", "9.80", "20"),
    ("TRA-CRE", "Crémant de Loire, bouteille de 75 cl", "11.50", "20"),
    ("TRA-VAI", "Location de vaisselle et nappage (par personne)", "3.20", "20"),
)


def ce_que_vend(secteur: str, nom: str) -> tuple[Achat, ...]:
    """What the supplier ``nom`` sells an organisation of ``secteur``, at the middle of each
    article's price range."""
    if "traiteur" in nom.lower():
        return TRAITEUR
    return tuple(
        (ref, designation, f"{cents(Decimal(bas + haut) / 2)}", taux)
        for mot, ref, designation, _, bas, haut, taux, _ in ARTICLES.get(secteur, ())
        if mot.lower() in nom.lower()
    )


def fournisseur_et_achats(
    rng: random.Random, organisation: Any, plusieurs_taux: bool
) -> tuple[Any, tuple[Achat, ...]] | None:
    """One of the organisation's suppliers and what it sells (at several VAT rates when
    ``plusieurs_taux``: its caterer); None when no supplier of its file does."""
    fournisseurs = list(organisation.fournisseurs)
    rng.shuffle(fournisseurs)
    for fournisseur in fournisseurs:
        vend = ce_que_vend(organisation.secteur, fournisseur.nom)
        if vend and (not plusieurs_taux or len({a[3] for a in vend}) > 1):
            return fournisseur, vend
    return None
