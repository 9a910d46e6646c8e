"""The steps of one mission tell one story in one period: a project planned in three steps is
not dated July, then November (issue 16 follow-up)."""

from __future__ import annotations

from datetime import date, timedelta
from types import SimpleNamespace

from agora.classroom.service import step_variant
from agora.company.generator import choose_secteur
from agora.content.missions import get_mission
from agora.content.secteurs import secteur_codes

MISSION = "le-planning-du-projet"
# One period: each step's project starts at most two months after the previous step's.
MEME_PERIODE = timedelta(weeks=8)


def _org_seeds(par_secteur: int) -> list[int]:
    """``par_secteur`` organisation seeds of every sector."""
    seeds: dict[str, list[int]] = {code: [] for code in secteur_codes()}
    seed = 0
    while any(len(s) < par_secteur for s in seeds.values()):
        liste = seeds[choose_secteur(seed)]
        if len(liste) < par_secteur:
            liste.append(seed)
        seed += 1
    return [s for liste in seeds.values() for s in liste]


def test_the_steps_of_a_project_mission_are_dated_in_order_in_one_period():
    """Each step (first try or retry) starts its project from the previous step's, as the
    platform chains them (on the previous step's first try)."""
    mission = get_mission(MISSION)

    def debut(eleve, index: int, essai: int) -> date:
        variant = step_variant(eleve, mission, index, essai)
        return date.fromisoformat(variant.params["projet"]["debut"])

    for org_seed in _org_seeds(10):
        eleve = SimpleNamespace(org_seed=org_seed)
        for index in range(1, len(mission.etapes)):
            avant = debut(eleve, index - 1, 0)
            for essai in (0, 1):
                apres = debut(eleve, index, essai)
                assert avant <= apres <= avant + MEME_PERIODE, (org_seed, index, essai)
