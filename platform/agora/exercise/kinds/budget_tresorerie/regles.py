"""The cash budget's rules (scenarios/baremes/tresorerie.yaml): when each flow is paid (VAT and
social charges the month after, wages the same month), the longest payment term, and the rule
that picks the remedy, each sourced."""

from __future__ import annotations

from datetime import date

from pydantic import Field

from agora import SCENARIOS_DIR
from agora.content.baremes import RegleCodee
from agora.content.loading import Sourced, StrictModel, loaded_once

FICHIER = SCENARIOS_DIR / "baremes" / "tresorerie.yaml"


class Decalage(Sourced):
    decalage_mois: int = Field(ge=0, le=2)
    depuis: date
    a_verifier: bool = False


class Delai(Sourced):
    mois: int = Field(ge=0, le=2)
    depuis: date


class Mesure(RegleCodee):
    a_verifier: bool = False


class Regles(StrictModel):
    en_vigueur_le: date
    tva: Decalage
    cotisations_sociales: Decalage
    salaires: Decalage
    delai_paiement_maximum: Delai
    mesures: list[Mesure] = Field(min_length=1)


# The rules file, read once (ContentError naming the file and the field when malformed).
regles = loaded_once(FICHIER, Regles)
