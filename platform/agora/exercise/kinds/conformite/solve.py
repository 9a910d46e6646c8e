"""The reference answer of a ``conformite``: each row's non-conformity and action."""

from __future__ import annotations

from typing import Any

from agora.exercise.kinds.conformite.controles import Constat, constats, constats_fournisseurs
from agora.exercise.kinds.conformite.params import Registre, lire_params


def ligne_solution(constat: Constat) -> dict[str, str]:
    return {"anomalie": constat.anomalie, "action": constat.action}


def solution(registre: Registre) -> dict[str, Any]:
    reponse: dict[str, Any] = {"lignes": [ligne_solution(c) for c in constats(registre)]}
    if registre.fournisseurs:
        reponse["fournisseurs"] = [ligne_solution(c) for c in constats_fournisseurs(registre)]
    return reponse


def solve(params: dict[str, Any]) -> dict[str, Any]:
    """The reference answer of these params (InvalidInput, French, when they are unusable)."""
    return solution(lire_params(params))
