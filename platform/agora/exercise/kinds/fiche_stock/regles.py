"""The stock valuation rules the kind applies (scenarios/baremes/stocks.yaml), with their sources."""

from __future__ import annotations

from pydantic import Field

from agora.content.baremes import BAREMES_DIR
from agora.content.loading import Sourced, StrictModel, loaded_once


class Methode(Sourced):
    code: str
    libelle: str


class Regle(Sourced):
    regle: str


class Regles(StrictModel):
    en_vigueur_le: str
    methodes: list[Methode] = Field(min_length=1)
    cout_acquisition: Regle
    inventaire: Regle


# The rules file, read once (ContentError naming the file and field when it is wrong).
load_regles = loaded_once(BAREMES_DIR / "stocks.yaml", Regles)
