"""Typical ``planning_activites`` answers: the right one, one per wrong method this exercise can
show, a wrong duration carried forward, an unreadable one."""

from __future__ import annotations

from typing import Any

from agora.exercise.base import SampleAnswer
from agora.exercise.grading import methodes_montrables
from agora.exercise.kinds.planning_activites import solve as calc
from agora.exercise.kinds.planning_activites.grade import fautes_possibles
from agora.exercise.kinds.planning_activites.messages import SIGNATURES
from agora.exercise.kinds.planning_activites.params import lire_params
from agora.exercise.reading import pattern_of


def sample_answers(params: dict[str, Any]) -> list[SampleAnswer]:
    """The correct answer, the wrong methods, a carried error, an unreadable answer."""
    n = lire_params(params)
    ref = calc.calcule(n)
    samples = [SampleAnswer("Réponse juste", calc.document(ref), True)]
    for faute, monde in methodes_montrables(
        fautes_possibles(n), lambda f: calc.calcule(n, faute=f), ref, _signe
    ):
        label = f"Méthode fausse : {faute}"
        samples.append(SampleAnswer(label, calc.document(monde), False, (faute,)))
    faux = {"duree_projet": ref["duree_projet"] + 2}
    reporte = calc.document(calc.calcule(n, faux) | faux)
    illisible = {"duree_projet": "beaucoup", "date_fin": "demain", "chemin_critique": "12"}
    return [
        *samples,
        SampleAnswer("Durée fausse, suite juste (erreur reportée)", reporte, False),
        SampleAnswer("Réponse illisible", illisible, False, invalid=True),
    ]


def _signe(faute: str, path: str) -> bool:
    """Whether this answer field is one the wrong method changes."""
    return pattern_of(path) in SIGNATURES[faute]
