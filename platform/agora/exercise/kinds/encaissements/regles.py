"""The accounts and rules the kind applies (scenarios/baremes/encaissements.yaml), with their sources."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from agora.content.baremes import BAREMES_DIR, ComptePcg, RegleCodee
from agora.content.loading import StrictModel, loaded_once


class CompteSecteur(StrictModel):
    """The sales account of a sector, the ones textbooks also accept, and what it invoices."""

    compte: str
    acceptes: list[str] = Field(min_length=1)
    articles: Literal["stockes", "non_stockes"]


class Regles(StrictModel):
    en_vigueur_le: str
    comptes: list[ComptePcg] = Field(min_length=1)
    sources_comptes: list[str] = Field(min_length=1)
    secteurs: dict[str, CompteSecteur]
    sources_secteurs: list[str] = Field(min_length=1)
    regles: list[RegleCodee] = Field(min_length=1)

    def libelle(self, numero: str) -> str:
        """The PCG title of an account (the number itself when the file does not name it)."""
        return next((c.libelle for c in self.comptes if c.numero == numero), numero)


# The rules file, read once (ContentError naming the file and field when it is wrong).
regles = loaded_once(BAREMES_DIR / "encaissements.yaml", Regles)
