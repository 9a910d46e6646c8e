"""The definitions of the social indicators (scenarios/baremes/indicateurs_sociaux.yaml): which
absences count, the TF and TG multipliers, the age bands and the chart of each indicator, each
with its sources."""

from __future__ import annotations

from functools import cache

from pydantic import Field

from agora.content.baremes import BAREMES_DIR
from agora.content.loading import Sourced, StrictModel, loaded_once


class Regle(Sourced):
    regle: str
    depuis: str | None = None
    a_verifier: bool = False


class Absenteisme(Regle):
    motifs_comptes: list[str] = Field(min_length=1)
    motifs_exclus: list[str]


class Accidents(Regle):
    multiplicateur_tf: int = Field(gt=0)
    multiplicateur_tg: int = Field(gt=0)


class Pyramide(Regle):
    bornes: list[int] = Field(min_length=2, max_length=8)


class Indicateurs(StrictModel):
    en_vigueur_le: str
    effectif_moyen: Regle
    absenteisme: Absenteisme
    rotation: Regle
    accidents: Accidents
    pyramide: Pyramide
    graphiques: Regle


# The rules file, read once (ContentError naming the file and field when it is wrong).
load_indicateurs = loaded_once(BAREMES_DIR / "indicateurs_sociaux.yaml", Indicateurs)


@cache
def motif_compte(motif: str) -> bool:
    """Whether hours of absence for this reason count in the absenteeism rate."""
    return motif in load_indicateurs().absenteisme.motifs_comptes


@cache
def bornes() -> tuple[int, ...]:
    """The lower bounds of the age bands after the first (25, 35, 45, 55)."""
    return tuple(load_indicateurs().pyramide.bornes)
