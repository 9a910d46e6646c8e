"""Typical ``tableau_de_bord_social`` answers: the right one, one per wrong method this
exercise can show, a carried error, an unreadable one."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from agora.exercise.base import SampleAnswer
from agora.exercise.grading import change_selon, reponses_fausses
from agora.exercise.kinds.tableau_de_bord_social import solve as calc
from agora.exercise.kinds.tableau_de_bord_social.grade import fautes_possibles
from agora.exercise.kinds.tableau_de_bord_social.messages import SIGNATURES
from agora.exercise.kinds.tableau_de_bord_social.params import lire_params

# The fields each wrong method changes, where its typical answer differs from the right one.
CHANGE = change_selon(SIGNATURES)


def sample_answers(params: dict[str, Any]) -> list[SampleAnswer]:
    """The correct answer, the wrong methods, a carried error, an unreadable answer."""
    d = lire_params(params)
    ref = calc.calcule(d)
    samples = [SampleAnswer("Réponse juste", calc.document(ref), True)]
    monde = lambda faute: calc.calcule(d, faute=faute)  # noqa: E731 (read as a name)
    samples += reponses_fausses(fautes_possibles(d), monde, ref, CHANGE, calc.document)
    faux = {"effectif.moyen": ref["effectif.moyen"] + Decimal(3)}
    reporte = calc.document(calc.calcule(d, faux) | faux)
    illisible = {"effectif": {"moyen": "beaucoup"}, "absences": {"taux": "un peu"}}
    return [
        *samples,
        SampleAnswer("Effectif moyen faux, rotation juste (erreur reportée)", reporte, False),
        SampleAnswer("Réponse illisible", illisible, False, invalid=True),
    ]
