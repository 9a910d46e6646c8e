"""What a supplier invoices the organisation: the articles of its trade, read from its name
(the keywords of facture_achat/achats.yaml: « Autocars Martin » sells coach trips, « Textile
sportif Morel » club shirts, never a meal), and what a caterer bills for an event, the one
supplier that bills at several VAT rates (meals at 10 %, wine and tableware at 20 %)."""

from __future__ import annotations

import random
from decimal import Decimal
from typing import Any

from agora.exercise.kinds.facture_achat.achats import ARTICLES
from agora.money import cents

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


def pour_les_convives(rng: random.Random, lignes: list[dict[str, str]]) -> None:
    """A caterer's invoice counts one number of guests: every « par personne » line bills it,
    a bottle serves four."""
    convives = rng.randint(15, 60)
    for ligne in lignes:
        if ligne["designation"].endswith("(par personne)"):
            ligne["quantite"] = str(convives)
        elif "bouteille" in ligne["designation"]:
            ligne["quantite"] = str(-(-convives // 4))
