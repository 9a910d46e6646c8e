"""The dated VAT figures the return applies (scenarios/baremes/tva/<année>.yaml), validated."""

from __future__ import annotations

from decimal import Decimal
from functools import cache

from pydantic import Field

from agora.content.baremes import BAREMES_DIR
from agora.content.loading import Sourced, StrictModel, load_yaml_model


class Taux(Sourced):
    taux: str
    ligne_ca3: str
    ligne_ca12: str
    portee: str


class Seuil(Sourced):
    valeur: Decimal


class Formulaire(Sourced):
    nom: str
    cerfa: str
    notice: str


class BaremeTva(StrictModel):
    annee: int
    en_vigueur_le: str
    taux: list[Taux] = Field(min_length=1)
    cadeaux_seuil_ttc: Seuil
    formulaire: Formulaire
    ca12: Formulaire
    acompte_juillet_pourcent: Seuil
    acompte_decembre_pourcent: Seuil
    acomptes_seuil: Seuil


@cache
def bareme_tva(annee: int = 2026) -> BaremeTva:
    """The VAT figures of a year (ContentError naming the file when it is invalid)."""
    return load_yaml_model(BAREMES_DIR / "tva" / f"{annee}.yaml", BaremeTva)
