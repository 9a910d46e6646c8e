"""Typical ``formation`` answers: the right one, one per wrong method this exercise can show,
a carried error, an unreadable one."""

from __future__ import annotations

from typing import Any

from agora.exercise.base import SampleAnswer
from agora.exercise.grading import change_selon, reponses_fausses
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
    juste = calc.calcule(d)
    monde = lambda faute: calc.calcule(d, faute=faute)  # noqa: E731 (read as a name)
    # The first teaching cost 100 € too high, every later step right from it.
    faux = {"sessions.0.cout_pedagogique": juste["sessions.0.cout_pedagogique"] + 100}
    return [
        SampleAnswer("Réponse juste", calc.document(juste), True),
        *reponses_fausses(fautes_possibles(d), monde, juste, CHANGE, calc.document),
        SampleAnswer(
            "Coût pédagogique faux, suite juste (erreur reportée)",
            calc.document(calc.calcule(d, faux) | faux),
            False,
        ),
        SampleAnswer("Réponse illisible", ILLISIBLE, False, invalid=True),
    ]
