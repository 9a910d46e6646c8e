"""The data-protection rules the kind applies (scenarios/baremes/rgpd.yaml), with their sources."""

from __future__ import annotations

from datetime import date

from pydantic import Field

from agora.content.baremes import BAREMES_DIR
from agora.content.loading import Sourced, StrictModel, loaded_once


class Duree(Sourced):
    """A retention period: how many years, counted from what, and what is done at its end."""

    annees: int = Field(ge=1, le=30)
    point_de_depart: str
    fin: str
    depuis: date
    a_verifier: bool = False


class Conservation(StrictModel):
    prospects: Duree
    clients: Duree
    fournisseurs: Duree
    pieces_comptables: Duree


class Regle(Sourced):
    regle: str
    depuis: date


class Regles(StrictModel):
    en_vigueur_le: date
    conservation: Conservation
    regles: dict[str, Regle]

    def duree(self, fichier: str) -> Duree:
        """The retention period of a file's records (``clients``, ``prospects``…)."""
        return getattr(self.conservation, fichier)


# The rules file, read once (ContentError naming the file and field when it is wrong).
load_regles = loaded_once(BAREMES_DIR / "rgpd.yaml", Regles)
