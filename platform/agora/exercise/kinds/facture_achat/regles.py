"""The purchase rules the kind applies (scenarios/baremes/achats.yaml), with their sources."""

from __future__ import annotations

from decimal import Decimal

from agora.content.baremes import BAREMES_DIR
from agora.content.loading import Sourced, StrictModel, loaded_once


class Seuil(Sourced):
    valeur: Decimal
    depuis: str
    a_verifier: bool = False


class Regle(Sourced):
    regle: str


class Regles(StrictModel):
    en_vigueur_le: str
    seuil_immobilisation_ht: Seuil
    cout_acquisition: Regle
    tva_deductible: Regle
    autoliquidation: Regle
    non_assujetti: Regle
    comptes: Regle


# The rules file, read once (ContentError naming the file and field when it is wrong).
load_regles = loaded_once(BAREMES_DIR / "achats.yaml", Regles)
