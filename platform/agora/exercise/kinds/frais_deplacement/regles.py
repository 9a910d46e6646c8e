"""The dated figures of business trips (scenarios/baremes/frais.yaml): the barème kilométrique,
the URSSAF meal and lodging limits, and which travel VAT is deductible, each with its sources."""

from __future__ import annotations

from decimal import Decimal
from functools import cache

from pydantic import Field

from agora.content.baremes import BAREMES_DIR
from agora.content.loading import Sourced, StrictModel, loaded_once


class Tranche(StrictModel):
    """One distance band of a power: amount = d × a + b."""

    a: Decimal = Field(gt=0, lt=1)
    b: Decimal = Field(ge=0)


class Puissance(StrictModel):
    cv: int = Field(ge=1, le=7)
    libelle: str
    tranches: list[Tranche] = Field(min_length=3, max_length=3)


class BaremeKilometrique(Sourced):
    depuis: str
    a_verifier: bool = False
    seuils_km: list[int] = Field(min_length=2, max_length=2)
    puissances: list[Puissance] = Field(min_length=5)


class LimitesUrssaf(Sourced):
    depuis: str
    a_verifier: bool = False
    repas_restaurant: Decimal
    repas_hors_restaurant: Decimal
    repas_sur_lieu_de_travail: Decimal
    grand_deplacement_repas: Decimal
    logement_paris: Decimal
    logement_province: Decimal
    departements_paris: list[str]


class RegleTva(Sourced):
    non_deductible: list[str]
    regle: str


class Fourchette(StrictModel):
    """A range a figure is drawn in."""

    bas: Decimal = Field(gt=0, lt=1)
    haut: Decimal = Field(gt=0, lt=1)


class Peages(Sourced):
    """Motorway tolls of a car: a share of the way on toll motorways at a rate per km (TTC)."""

    a_verifier: bool = False
    part_autoroute: Fourchette
    france_euros_km: Fourchette
    etranger_euros_km: dict[str, Fourchette]


class Frais(StrictModel):
    annee: int
    en_vigueur_le: str
    bareme_kilometrique: BaremeKilometrique
    urssaf: LimitesUrssaf
    tva: RegleTva
    peages: Peages


# The figures file, read once (ContentError naming the file and field when it is wrong).
load_frais = loaded_once(BAREMES_DIR / "frais.yaml", Frais)


@cache
def puissance(cv: int) -> Puissance:
    """The barème line of a fiscal power (7 CV and more share the last line)."""
    lignes = load_frais().bareme_kilometrique.puissances
    return next((p for p in lignes if p.cv == cv), lignes[-1])


def tranche(km: int | Decimal) -> int:
    """The band (0, 1 or 2) of a yearly distance: up to 5 000 km, up to 20 000 km, beyond."""
    bas, haut = _seuils()
    return 0 if km <= bas else 1 if km <= haut else 2


@cache
def _seuils() -> tuple[int, int]:
    bas, haut = load_frais().bareme_kilometrique.seuils_km
    return bas, haut


@cache
def tva_exclue(nature: str) -> bool:
    """Whether the VAT of this kind of expense is never deductible (lodging of staff)."""
    return nature in load_frais().tva.non_deductible
