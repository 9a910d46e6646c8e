"""Typical ``planning_activites`` answers: the right one, one per wrong method this exercise can
show, a wrong duration carried forward, an unreadable one."""

from __future__ import annotations

from typing import Any

from agora.exercise.base import SampleAnswer
from agora.exercise.etapes import reponses_typiques
from agora.exercise.grading import change_selon
from agora.exercise.kinds.planning_activites import solve as calc
from agora.exercise.kinds.planning_activites.grade import fautes_possibles
from agora.exercise.kinds.planning_activites.messages import SIGNATURES
from agora.exercise.kinds.planning_activites.params import lire_params

# The fields each wrong method changes, where its typical answer differs from the right one.
CHANGE = change_selon(SIGNATURES)
# The project's duration two days too long, every later step right from it.
REPORTEE = ("Durée fausse, suite juste (erreur reportée)", "duree_projet", 2)
ILLISIBLE = {"duree_projet": "beaucoup", "date_fin": "demain", "chemin_critique": "12"}


def sample_answers(params: dict[str, Any]) -> list[SampleAnswer]:
    """The correct answer, the wrong methods, a carried error, an unreadable answer."""
    n = lire_params(params)
    fautes = fautes_possibles(n.niveau)
    return reponses_typiques(calc.calcule, n, fautes, CHANGE, calc.document, REPORTEE, ILLISIBLE)
