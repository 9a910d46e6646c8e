"""The dated figures of training and of the CSE's budgets (scenarios/baremes/formation.yaml): the
operating budget's rates and thresholds, the training contribution's rates, and the rules the
kind applies (ASC budget by agreement, cost of an action, content of a convocation)."""

from __future__ import annotations

from decimal import Decimal

from pydantic import Field

from agora.content.baremes import BAREMES_DIR
from agora.content.loading import Sourced, StrictModel, loaded_once


class BudgetFonctionnement(Sourced):
    depuis: str
    a_verifier: bool = False
    seuil_effectif: int = Field(gt=0)
    seuil_majore: int = Field(gt=0)
    taux: Decimal = Field(gt=0, lt=1)
    taux_majore: Decimal = Field(gt=0, lt=1)


class ContributionFormation(Sourced):
    depuis: str
    a_verifier: bool = False
    seuil_effectif: int = Field(gt=0)
    taux_moins_11: Decimal = Field(gt=0, lt=2)
    taux: Decimal = Field(gt=0, lt=2)


class Regle(Sourced):
    regle: str
    depuis: str | None = None


class Formation(StrictModel):
    annee: int
    en_vigueur_le: str
    budget_fonctionnement: BudgetFonctionnement
    budget_asc: Regle
    contribution_formation: ContributionFormation
    cout_action: Regle
    convocation: Regle


def taux_fonctionnement(effectif: int) -> Decimal:
    """The operating budget's rate in percent for this headcount: 0 under 50, 0.20, 0.22."""
    b = load_regles().budget_fonctionnement
    if effectif < b.seuil_effectif:
        return Decimal(0)
    return b.taux_majore if effectif >= b.seuil_majore else b.taux


def taux_contribution(effectif: int) -> Decimal:
    """The training contribution's rate in percent: 0.55 under 11 employees, 1 from 11."""
    c = load_regles().contribution_formation
    return c.taux_moins_11 if effectif < c.seuil_effectif else c.taux


# The rules file, read once (ContentError naming the file and field when it is wrong).
load_regles = loaded_once(BAREMES_DIR / "formation.yaml", Formation)
