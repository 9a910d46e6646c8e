"""Typical ``formation`` answers: the right one, one per wrong method this exercise can show,
a carried error, an unreadable one."""

from __future__ import annotations

from typing import Any

from agora.exercise.base import SampleAnswer
from agora.exercise.grading import methodes_montrables
from agora.exercise.kinds.formation import solve as calc
from agora.exercise.kinds.formation.grade import fautes_possibles
from agora.exercise.kinds.formation.messages import SIGNATURES
from agora.exercise.kinds.formation.params import lire_params
from agora.exercise.reading import pattern_of


def sample_answers(params: dict[str, Any]) -> list[SampleAnswer]:
    """The correct answer, the wrong methods, a carried error, an unreadable answer."""
    d = lire_params(params)
    ref = calc.calcule(d)
    samples = [SampleAnswer("Réponse juste", calc.document(d, ref), True)]
    for faute, monde in methodes_montrables(
        fautes_possibles(d), lambda f: calc.calcule(d, faute=f), ref, _signe
    ):
        label = f"Méthode fausse : {faute}"
        samples.append(SampleAnswer(label, calc.document(d, monde), False, (faute,)))
    faux = {"sessions.0.cout_pedagogique": ref["sessions.0.cout_pedagogique"] + 100}
    reporte = calc.document(d, calc.calcule(d, faux) | faux)
    illisible = {"total_plan": "beaucoup", "sessions": [{"frais": "12,3,4"}]}
    return [
        *samples,
        SampleAnswer("Coût pédagogique faux, suite juste (erreur reportée)", reporte, False),
        SampleAnswer("Réponse illisible", illisible, False, invalid=True),
    ]


def _signe(faute: str, path: str) -> bool:
    """Whether this answer field is one the wrong method changes."""
    return pattern_of(path) in SIGNATURES[faute]
