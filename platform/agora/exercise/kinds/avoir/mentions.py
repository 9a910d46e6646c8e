"""The mandatory mentions of an invoice and the dated figures they cite, read from
scenarios/baremes/facturation.yaml (each rule with its official source)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Literal

from pydantic import Field

from agora import SCENARIOS_DIR
from agora.content.loading import Sourced, StrictModel, loaded_once

FICHIER = SCENARIOS_DIR / "baremes" / "facturation.yaml"


class Indemnite(Sourced):
    montant: Decimal
    depuis: date


class Reforme(Sourced):
    reception_toutes: date
    emission_grandes_et_eti: date
    emission_pme_et_micro: date


class RegleMention(Sourced):
    code: str
    libelle: str
    groupe: Literal["classique", "reforme"]
    condition: Literal["toujours", "livraison_ailleurs", "option_debits"]
    depuis: date | None = None


class Facturation(StrictModel):
    en_vigueur_le: date
    indemnite_recouvrement: Indemnite
    reforme: Reforme
    mentions: list[RegleMention] = Field(min_length=1)

    def regles(self, reforme: bool) -> list[RegleMention]:
        """The mentions a student checks: the classic ones, and the reform's at level 3."""
        return [r for r in self.mentions if reforme or r.groupe == "classique"]


# The invoicing rules (ContentError naming the file and the field when malformed).
facturation = loaded_once(FICHIER, Facturation)
