"""Typical ``formation`` answers: the right one, one per wrong method this exercise can show,
a carried error, an unreadable one."""

from __future__ import annotations

from typing import Any

from agora.exercise.base import SampleAnswer
from agora.exercise.etapes import reponses_typiques
from agora.exercise.grading import change_selon
from agora.exercise.kinds.formation import solve as calc
from agora.exercise.kinds.formation.grade import fautes_possibles
from agora.exercise.kinds.formation.messages import SIGNATURES
from agora.exercise.kinds.formation.params import lire_params

# The fields each wrong method changes, where its typical answer differs from the right one.
CHANGE = change_selon(SIGNATURES)

ILLISIBLE = {"total_plan": "beaucoup", "sessions": [{"frais": "12,3,4"}]}


def sample_answers(params: dict[str, Any]) -> list[SampleAnswer]:
    """The correct answer, the wrong methods, a carried error, an unreadable answer."""
    d = lire_params(params)
    # The first teaching cost 100 € too high, every later step right from it.
    reportee = (
        "Coût pédagogique faux, suite juste (erreur reportée)",
        "sessions.0.cout_pedagogique",
        100,
    )
    return reponses_typiques(
        calc.calcule, d, fautes_possibles(d), CHANGE, calc.document, reportee, ILLISIBLE
    )
