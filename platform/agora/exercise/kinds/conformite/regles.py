"""The rules a ``conformite`` applies (scenarios/baremes/conformite.yaml): limits, periodicities
and thresholds, each with its official sources."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from pydantic import Field

from agora.content.baremes import BAREMES_DIR
from agora.content.loading import Sourced, StrictModel, loaded_once


class Regle(Sourced):
    depuis: date
    regle: str
    a_verifier: bool = False


class Temperatures(Sourced):
    depuis: date
    froid_positif: Decimal
    froid_negatif: Decimal
    a_verifier: bool = False


class Equipement(StrictModel):
    libelle: str
    mois: int = Field(ge=1, le=60)


class Verifications(Sourced):
    depuis: date
    equipements: dict[str, Equipement]
    a_verifier: bool = False


class Parametre(StrictModel):
    libelle: str
    unite: str
    limite: Decimal


class Eau(Regle):
    parametres: dict[str, Parametre]


class Vigilance(Regle):
    seuil_ht: Decimal
    mois: int = Field(ge=1, le=24)


class Regles(StrictModel):
    en_vigueur_le: date
    temperatures: Temperatures
    dates_limites: Regle
    tracabilite: Regle
    decennale: Regle
    verifications: Verifications
    eau: Eau
    vigilance: Vigilance
    fiche_fournisseur: Regle


# The rules file, read once (ContentError naming the file and field when it is wrong).
load_regles = loaded_once(BAREMES_DIR / "conformite.yaml", Regles)
