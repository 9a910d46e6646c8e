"""The dated rules of hiring and leaving (scenarios/baremes/personnel.yaml): DPAE window, trial
periods, the information visit, the staff register, the end of a fixed-term contract, the
documents handed over, retention periods, and the criteria a job ad may not use."""

from __future__ import annotations

from decimal import Decimal
from functools import cache

from pydantic import Field

from agora.content.baremes import BAREMES_DIR
from agora.content.loading import Sourced, StrictModel, loaded_once


class Regle(Sourced):
    regle: str
    depuis: str
    a_verifier: bool = False


class Dpae(Regle):
    jours_avant: int = Field(ge=1, le=31)


class Categories(StrictModel):
    employe: int = Field(ge=1, le=12)
    agent_maitrise: int = Field(ge=1, le=12)
    cadre: int = Field(ge=1, le=12)


class PeriodeEssai(Sourced):
    mois: Categories
    maximum_renouvele: Categories
    renouvellement: str
    calcul: str
    depuis: str
    a_verifier: bool = False


class Visite(Regle):
    mois: int = Field(ge=1, le=12)
    calcul: str


class Registre(Regle):
    conservation_annees: int = Field(ge=1, le=50)


class FinCdd(Sourced):
    taux_precarite: Decimal = Field(gt=0, lt=100)
    taux_conges: Decimal = Field(gt=0, lt=100)
    regle_conges: str
    sans_indemnite: dict[str, str]
    depuis: str
    a_verifier: bool = False


class Piece(Sourced):
    libelle: str
    annees: int = Field(ge=1, le=50)
    point_de_depart: str = Field(pattern="^(depart|document)$")
    a_verifier: bool = False


class Conservation(StrictModel):
    bulletins: Piece
    registre: Piece
    contrat: Piece
    cv: Piece
    depuis: str
    sources: list[str] = Field(min_length=1)


class Annonce(Regle):
    criteres: dict[str, str]


class Personnel(StrictModel):
    en_vigueur_le: str
    dpae: Dpae
    periode_essai: PeriodeEssai
    visite_information: Visite
    registre: Registre
    fin_cdd: FinCdd
    documents_fin: Regle
    conservation: Conservation
    annonce: Annonce


# The rules file, read once (ContentError naming the file and field when it is wrong).
load_personnel = loaded_once(BAREMES_DIR / "personnel.yaml", Personnel)


@cache
def mois_essai(categorie: str) -> int:
    """The initial trial period of a category, in months."""
    return int(getattr(load_personnel().periode_essai.mois, categorie))


@cache
def piece(code: str) -> Piece:
    """The retention rule of one item of the personnel file."""
    return getattr(load_personnel().conservation, code)


PIECES = ("bulletins", "registre", "contrat", "cv")
CATEGORIES = ("employe", "agent_maitrise", "cadre")
