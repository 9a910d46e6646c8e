"""The stock valuation rules the kind applies (scenarios/baremes/stocks.yaml), with their sources."""

from __future__ import annotations

from functools import cache

from pydantic import BaseModel, ConfigDict, Field

from agora.content.baremes import BAREMES_DIR
from agora.content.loading import load_yaml_model


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Methode(_Strict):
    code: str
    libelle: str
    sources: list[str] = Field(min_length=1)


class Regle(_Strict):
    regle: str
    sources: list[str] = Field(min_length=1)


class Regles(_Strict):
    en_vigueur_le: str
    methodes: list[Methode] = Field(min_length=1)
    cout_acquisition: Regle
    inventaire: Regle


@cache
def load_regles() -> Regles:
    """The rules file, read once (ContentError naming the file and field when it is wrong)."""
    return load_yaml_model(BAREMES_DIR / "stocks.yaml", Regles)
