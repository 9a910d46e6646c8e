"""The figures and rules the kind applies (scenarios/baremes/reglements.yaml), with sources."""

from __future__ import annotations

from pydantic import Field

from agora.content.baremes import BAREMES_DIR, ComptePcg, RegleCodee
from agora.content.loading import Sourced, StrictModel, loaded_once


class TauxAchats(Sourced):
    # A word of a supplier's name → the rates of its trade, when it sells no article of
    # facture_achat's table (an insurer's premium is outside VAT).
    metiers: dict[str, list[str]]
    secteurs: dict[str, list[str]]


class Decouvert(Sourced):
    depuis: str
    a_verifier: bool = False
    taux_min: str
    taux_max: str
    base_jours: int


class Regles(StrictModel):
    en_vigueur_le: str
    taux_tva_achats: TauxAchats
    decouvert: Decouvert
    comptes: list[ComptePcg] = Field(min_length=1)
    sources_comptes: list[str] = Field(min_length=1)
    regles: list[RegleCodee] = Field(min_length=1)


# The rules file, read once (ContentError naming the file and field when it is wrong).
regles = loaded_once(BAREMES_DIR / "reglements.yaml", Regles)
