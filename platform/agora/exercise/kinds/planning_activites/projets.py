"""What each sector plans (scenarios/projets.yaml): a project of the organisation (its tasks in a
sensible order) and the shared resources its staff book (rooms, vehicles or machines, with what
they hold)."""

from __future__ import annotations

from pydantic import Field, model_validator

from agora import SCENARIOS_DIR
from agora.content.loading import StrictModel, loaded_once


class Modele(StrictModel):
    titre: str
    # At least 12, in an order where a task may follow any earlier one.
    taches: tuple[str, ...] = Field(min_length=12)


class Parc(StrictModel):
    famille: str  # « salles », « véhicules »… as the statement names them
    unite: str  # what the capacity counts (« personnes », « places »…)
    ressources: tuple[tuple[str, str, int], ...]  # (code, label, capacity), smallest first
    objets: tuple[str, ...]  # what the requests are for


class Projets(StrictModel):
    projet_par_defaut: Modele  # a sector without a project of its own
    projets: dict[str, Modele]  # by sector
    parcs: dict[str, Parc]
    parc_par_defaut: str
    parc_du_secteur: dict[str, str]  # the sectors whose staff book another kind of resource

    @model_validator(mode="after")
    def _parcs_connus(self) -> Projets:
        for code in (self.parc_par_defaut, *self.parc_du_secteur.values()):
            if code not in self.parcs:
                raise ValueError(f"parc inconnu : {code}")
        return self


# The projects file, read once (ContentError naming the file and field when it is wrong).
load_projets = loaded_once(SCENARIOS_DIR / "projets.yaml", Projets)


def modele(secteur: str) -> Modele:
    p = load_projets()
    return p.projets.get(secteur, p.projet_par_defaut)


def parc(secteur: str) -> Parc:
    p = load_projets()
    return p.parcs[p.parc_du_secteur.get(secteur, p.parc_par_defaut)]
