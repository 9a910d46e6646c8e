"""Typical ``suivi_prospection`` answers: the right one, one per wrong method this exercise can
show, a carried error, an unreadable one."""

from __future__ import annotations

from typing import Any

from agora.exercise.base import SampleAnswer
from agora.exercise.grading import change_selon, reponses_fausses
from agora.exercise.kinds.suivi_prospection import solve as calc
from agora.exercise.kinds.suivi_prospection.grade import fautes_possibles
from agora.exercise.kinds.suivi_prospection.messages import SIGNATURES
from agora.exercise.kinds.suivi_prospection.params import lire_params

# The fields each wrong method changes, where its typical answer differs from the right one.
CHANGE = change_selon(SIGNATURES)


def sample_answers(params: dict[str, Any]) -> list[SampleAnswer]:
    """The correct answer, the wrong methods, a carried error, an unreadable answer."""
    d = lire_params(params)
    ref = calc.calcule(d)
    samples = [SampleAnswer("Réponse juste", calc.document(d, ref), True)]
    monde = lambda faute: calc.calcule(d, faute=faute)  # noqa: E731 (read as a name)
    samples += reponses_fausses(
        fautes_possibles(d), monde, ref, CHANGE, lambda valeurs: calc.document(d, valeurs)
    )
    faux = {"canaux.0.touches": ref["canaux.0.touches"] + 10}
    reporte = calc.document(d, calc.calcule(d, faux) | faux)
    illisible = {"canaux": [{"touches": "beaucoup", "taux_reponse": "la moitié"}]}
    return [
        *samples,
        SampleAnswer("Contacts atteints faux, suite juste (erreur reportée)", reporte, False),
        SampleAnswer("Réponse illisible", illisible, False, invalid=True),
    ]
