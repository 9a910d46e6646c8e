"""The reference answer of a ``qualite_donnees``: each row's problems and decision, the merges,
and the access matrix the tasks call for."""

from __future__ import annotations

from typing import Any

from agora.exercise.kinds.qualite_donnees.controles import Attendu, attendus, droits_attendus
from agora.exercise.kinds.qualite_donnees.params import Fichier, lire_params


def ligne_solution(attendu: Attendu, deux_problemes: bool) -> dict[str, str]:
    """One row of the answer: the problem (two at level 3, « aucun » for none), the decision
    and, for a duplicate, the number of the row it is merged into."""
    problemes = [*attendu.problemes, "aucun", "aucun"]
    ligne = {"probleme": problemes[0]}
    if deux_problemes:
        ligne["probleme_2"] = problemes[1]
    ligne["action"] = attendu.action
    if attendu.fusion is not None:
        ligne["fusion_avec"] = str(attendu.fusion)
    return ligne


def solution(fichier: Fichier) -> dict[str, Any]:
    return {
        "lignes": [ligne_solution(a, fichier.deux_problemes) for a in attendus(fichier)],
        "droits": droits_attendus(fichier),
    }


def solve(params: dict[str, Any]) -> dict[str, Any]:
    """The reference answer, contract JSON."""
    return solution(lire_params(params))
