"""The functional balance sheet's rules (scenarios/baremes/bilan_fonctionnel.yaml): where each
kind of balance-sheet item goes, and the ratios with their formula and threshold, each sourced."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Literal

from pydantic import Field

from agora import SCENARIOS_DIR
from agora.content.loading import Sourced, StrictModel, loaded_once

FICHIER = SCENARIOS_DIR / "baremes" / "bilan_fonctionnel.yaml"

# The eight masses of the functional balance sheet, actif first, in the order of the form.
Masse = Literal[
    "emplois_stables",
    "actif_exploitation",
    "actif_hors_exploitation",
    "tresorerie_active",
    "ressources_stables",
    "dettes_exploitation",
    "dettes_hors_exploitation",
    "tresorerie_passive",
]


class Nature(Sourced):
    code: str
    masse: Masse


class Ratio(Sourced):
    code: str
    formule: str
    seuil: Decimal
    lecture: str


class Regles(StrictModel):
    en_vigueur_le: date
    natures: list[Nature] = Field(min_length=1)
    ratios: list[Ratio] = Field(min_length=1)

    def masse_de(self) -> dict[str, str]:
        """Each nature's mass, by nature code."""
        return {n.code: n.masse for n in self.natures}


# The rules file, read once (ContentError naming the file and the field when malformed).
regles = loaded_once(FICHIER, Regles)
