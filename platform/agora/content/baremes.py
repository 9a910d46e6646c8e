"""The dated legal figures (scenarios/baremes/<année>.yaml), validated with pydantic, and the
models that several kinds' rules files (scenarios/baremes/) share."""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from pathlib import Path

from pydantic import Field, model_validator

from agora import SCENARIOS_DIR
from agora.content.loading import Sourced, StrictModel, load_yaml_model
from agora.errors import UnknownCode

BAREMES_DIR = SCENARIOS_DIR / "baremes"


class RegleCodee(Sourced):
    """A rule of method a kind applies, as its rules file lists it: its code and the rule in
    one sentence."""

    code: str
    regle: str


class ComptePcg(StrictModel):
    """An account of the PCG a rules file lists: its number and its title."""

    numero: str
    libelle: str


class Smic(Sourced):
    horaire: Decimal
    mensuel_35h: Decimal


class MinimumGaranti(Sourced):
    valeur: Decimal


class AvantageNourriture(Sourced):
    """The flat value of a meal given by the employer (outside hotels, cafés, restaurants, where
    a meal is one minimum garanti)."""

    repas: Decimal


class Plafond(Sourced):
    valeur: Decimal
    pass_: Decimal = Field(alias="pass")
    pjss: Decimal


class Durees(Sourced):
    heures_mensuelles_35h: Decimal
    majoration_hs_25: Decimal
    majoration_hs_50: Decimal


class LigneCotisation(Sourced):
    libelle: str
    assiette: str = Field(pattern="^(brut|tranche_a|tranches_a_b|tranche_2|csg_crds)$")
    taux_salarial: Decimal = Field(ge=0, le=100)
    taux_patronal: Decimal = Field(ge=0, le=100)
    deductible: bool
    statuts: list[str] = Field(min_length=1)
    effectif_min: int | None = None
    effectif_max: int | None = None

    def applies_to(self, statut: str, effectif: int) -> bool:
        """Whether this line is on the payslip of this status in a company of this size."""
        return (
            statut in self.statuts
            and (self.effectif_min is None or effectif >= self.effectif_min)
            and (self.effectif_max is None or effectif <= self.effectif_max)
        )


class AtMp(Sourced):
    taux_defaut: Decimal


class Mutuelle(Sourced):
    total_min: Decimal
    total_max: Decimal
    part_patronale_min: Decimal


class TrancheApprentis(StrictModel):
    """One age bracket of the apprentices' minimum wage: from ``age_min`` years, the % of the
    SMIC in the 1st, 2nd and 3rd year of the contract."""

    age_min: int = Field(ge=0)
    pourcentages: list[Decimal] = Field(min_length=3, max_length=3)


class Apprentis(Sourced):
    """The minimum wage of an apprentice (Code du travail, D6222-26): a % of the SMIC by age
    and year of the contract."""

    depuis: str
    tranches: list[TrancheApprentis] = Field(min_length=1)

    @model_validator(mode="after")
    def _tranches_croissantes(self) -> Apprentis:
        ages = [t.age_min for t in self.tranches]
        if ages[0] != 0 or ages != sorted(set(ages)):
            raise ValueError("tranches d'âge croissantes, la première à partir de 0 an")
        return self

    def pourcentage(self, age: int, annee: int) -> Decimal:
        """The % of the SMIC at ``age`` in year ``annee`` of the contract (a year beyond the
        third, an extended contract, keeps the third's rate)."""
        tranche = [t for t in self.tranches if age >= t.age_min][-1]
        return tranche.pourcentages[min(max(annee, 1), 3) - 1]


class Bareme(StrictModel):
    annee: int
    en_vigueur_le: str
    smic: Smic
    minimum_garanti: MinimumGaranti
    avantage_nourriture: AvantageNourriture
    pmss: Plafond
    durees: Durees
    cotisations: list[LigneCotisation] = Field(min_length=1)
    at_mp: AtMp
    mutuelle: Mutuelle
    apprentis: Apprentis

    def cotisations_pour(self, statut: str, effectif: int) -> list[LigneCotisation]:
        """The contribution lines of one payslip, in barème order."""
        return [line for line in self.cotisations if line.applies_to(statut, effectif)]


def available_years(directory: Path = BAREMES_DIR) -> list[int]:
    return sorted(int(p.stem) for p in directory.glob("*.yaml") if p.stem.isdigit())


@cache
def load_bareme(annee: int = 2026) -> Bareme:
    """The barème of a year; UnknownCode when no file exists for it."""
    path = BAREMES_DIR / f"{annee}.yaml"
    if not path.exists():
        years = ", ".join(map(str, available_years())) or "aucune"
        raise UnknownCode(f"Aucun barème pour l'année {annee} (années disponibles : {years}).")
    return load_yaml_model(path, Bareme)
