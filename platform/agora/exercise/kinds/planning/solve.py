"""Planning: the reference solution, one week with no violation."""

from __future__ import annotations

from typing import Any

from agora.exercise.kinds.planning.params import lire_semaine
from agora.exercise.kinds.planning.rules import en_json
from agora.exercise.kinds.planning.solver import resoudre


def solve(params: dict[str, Any]) -> dict[str, Any]:
    """One planning with no violation (OR-Tools CP-SAT); InvalidInput when none exists."""

    semaine = lire_semaine(params)
    return en_json(semaine, resoudre(semaine))
