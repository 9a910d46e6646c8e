"""Typical ``planning_activites`` answers: the right one, one per wrong method this exercise can
show, a wrong duration carried forward, an unreadable one."""

from __future__ import annotations

from typing import Any

from agora.exercise.base import SampleAnswer
from agora.exercise.grading import change_selon, reponses_fausses
from agora.exercise.kinds.planning_activites import solve as calc
from agora.exercise.kinds.planning_activites.grade import fautes_possibles
from agora.exercise.kinds.planning_activites.messages import SIGNATURES
from agora.exercise.kinds.planning_activites.params import lire_params

# The fields each wrong method changes, where its typical answer differs from the right one.
CHANGE = change_selon(SIGNATURES)


def sample_answers(params: dict[str, Any]) -> list[SampleAnswer]:
    """The correct answer, the wrong methods, a carried error, an unreadable answer."""
    n = lire_params(params)
    ref = calc.calcule(n)
    samples = [SampleAnswer("Réponse juste", calc.document(ref), True)]
    monde = lambda faute: calc.calcule(n, faute=faute)  # noqa: E731 (read as a name)
    samples += reponses_fausses(fautes_possibles(n.niveau), monde, ref, CHANGE, calc.document)
    faux = {"duree_projet": ref["duree_projet"] + 2}
    reporte = calc.document(calc.calcule(n, faux) | faux)
    illisible = {"duree_projet": "beaucoup", "date_fin": "demain", "chemin_critique": "12"}
    return [
        *samples,
        SampleAnswer("Durée fausse, suite juste (erreur reportée)", reporte, False),
        SampleAnswer("Réponse illisible", illisible, False, invalid=True),
    ]
