"""Whose VAT return the student prepares: their organisation's, or, when it files none, that of
one of its partners.

The sports club is not liable to VAT: its services to its members are exempt (CGI art. 261-7-1°
a) and its bar, shop and sponsors stay under the yearly threshold of the franchise of the
lucrative activities (art. 261-7-1° b and 206-1 bis). It files no return, so a club's student
prepares that of a local business that sponsors the club, drawn once from the club's seed: a VAT
mission or an evaluation stays the same for the whole class, and every sentence stays true.
"""

from __future__ import annotations

import random
from functools import lru_cache
from typing import Any, NamedTuple

from agora.company import generate_company
from agora.content.geographie import commune, vol_oiseau_km

# The VAT regimes of an organisation that files no return (agora.company.model.Company).
NON_DECLARANTS = ("non assujetti", "franchise en base")
# The trades of a club's sponsors that file a return (no public utility among them).
SECTEURS_PARTENAIRES = (
    "boulangerie",
    "restaurant",
    "batiment",
    "librairie",
    "informatique",
    "grossiste_fournitures",
)


# Sponsors drawn to find one near the club (each a whole organisation: a few milliseconds).
CANDIDATS = 16


class Declarante(NamedTuple):
    organisation: Any  # the organisation that files the return
    pour: Any | None  # the student's own one when it is another (it files none)


def declarante(org: Any) -> Declarante:
    """The organisation whose return the student prepares."""
    if org.regime_tva not in NON_DECLARANTS:
        return Declarante(org, None)
    return Declarante(partenaire(org.seed, org.adresse.code_postal, org.adresse.ville), org)


@lru_cache(maxsize=256)  # one per club, as the platform keeps its organisations (company_for)
def partenaire(seed: int, code_postal: str, ville: str) -> Any:
    """The business that sponsors the club of ``seed`` (in ``ville``): the nearest of a few."""
    rng = random.Random(f"partenaire-tva:{seed}")
    club = commune(code_postal, ville)
    candidats = [
        generate_company(rng.randrange(1, 2**31), rng.choice(SECTEURS_PARTENAIRES))
        for _ in range(CANDIDATS)
    ]
    return min(candidats, key=lambda c: vol_oiseau_km(club, _commune_de(c)))


def _commune_de(org: Any) -> Any:
    return commune(org.adresse.code_postal, org.adresse.ville)


def prelude(d: Declarante) -> list[str]:
    """Why the student prepares another organisation's return (nothing when it is their own)."""
    if d.pour is None:
        return []
    return [
        f"Votre association, **{d.pour.raison_sociale}**, n'est pas assujettie à la TVA : les "
        "services rendus à ses adhérents sont exonérés, et sa buvette, sa boutique et ses "
        "partenariats restent sous le seuil de la franchise. Elle ne dépose donc **aucune** "
        "déclaration de TVA.",
        "Pour cet exercice, vous préparez celle d'une entreprise partenaire du club.",
        "",
    ]
