"""Typical ``suivi_prospection`` answers: the right one, one per wrong method this exercise can
show, a carried error, an unreadable one."""

from __future__ import annotations

from typing import Any

from agora.exercise.base import SampleAnswer
from agora.exercise.etapes import reponses_typiques
from agora.exercise.grading import change_selon
from agora.exercise.kinds.suivi_prospection import solve as calc
from agora.exercise.kinds.suivi_prospection.grade import fautes_possibles
from agora.exercise.kinds.suivi_prospection.messages import SIGNATURES
from agora.exercise.kinds.suivi_prospection.params import lire_params

# The fields each wrong method changes, where its typical answer differs from the right one.
CHANGE = change_selon(SIGNATURES)


def sample_answers(params: dict[str, Any]) -> list[SampleAnswer]:
    """The correct answer, the wrong methods, a carried error, an unreadable answer."""
    d = lire_params(params)
    reportee = ("Contacts atteints faux, suite juste (erreur reportée)", "canaux.0.touches", 10)
    illisible = {"canaux": [{"touches": "beaucoup", "taux_reponse": "la moitié"}]}
    return reponses_typiques(
        calc.calcule,
        d,
        fautes_possibles(d),
        CHANGE,
        lambda valeurs: calc.document(d, valeurs),
        reportee,
        illisible,
    )
