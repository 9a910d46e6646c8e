"""The late-payment figures the kind applies (scenarios/baremes/relances.yaml): per half-year the
ECB rate and the legal interest rates, the 40 € indemnity, each with its official source."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from pydantic import Field

from agora.content.baremes import BAREMES_DIR
from agora.content.loading import Sourced, StrictModel, loaded_once


class Semestre(Sourced):
    """One half-year: the ECB rate on its first day, the two legal interest rates by decree."""

    semestre: str = Field(pattern=r"^\d{4}-S[12]$")
    debut: date
    taux_bce: Decimal = Field(ge=0, le=100)
    taux_legal_particuliers: Decimal = Field(ge=0, le=100)
    taux_legal_autres: Decimal = Field(ge=0, le=100)
    a_verifier: bool = False


class Indemnite(Sourced):
    """The flat recovery indemnity (D441-5) and the day it applies from."""

    montant: Decimal
    depuis: date


class Baremes(StrictModel):
    """The whole file: the rules' sources by topic (penalites, indemnite, delais), the 40 €, and
    one entry per half-year."""

    en_vigueur_le: date
    regles: dict[str, list[str]]
    indemnite_recouvrement: Indemnite
    semestres: list[Semestre] = Field(min_length=1)

    def semestre_du(self, jour: date) -> Semestre | None:
        """The half-year whose figures apply on ``jour`` (None outside the file)."""
        code = f"{jour.year}-S{1 if jour.month <= 6 else 2}"
        return next((s for s in self.semestres if s.semestre == code), None)


# The figures file, read once (ContentError naming the file and field when it is wrong).
baremes = loaded_once(BAREMES_DIR / "relances.yaml", Baremes)
