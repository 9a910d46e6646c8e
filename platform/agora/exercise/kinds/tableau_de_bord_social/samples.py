"""Typical ``tableau_de_bord_social`` answers: the right one, one per wrong method this
exercise can show, a carried error, an unreadable one."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from agora.exercise.base import SampleAnswer
from agora.exercise.etapes import reponses_typiques
from agora.exercise.grading import change_selon
from agora.exercise.kinds.tableau_de_bord_social import solve as calc
from agora.exercise.kinds.tableau_de_bord_social.grade import fautes_possibles
from agora.exercise.kinds.tableau_de_bord_social.messages import SIGNATURES
from agora.exercise.kinds.tableau_de_bord_social.params import lire_params

# The fields each wrong method changes, where its typical answer differs from the right one.
CHANGE = change_selon(SIGNATURES)
# The average headcount 3 too high, the turnover right from it.
REPORTEE = (
    "Effectif moyen faux, rotation juste (erreur reportée)",
    "effectif.moyen",
    Decimal(3),
)
ILLISIBLE = {"effectif": {"moyen": "beaucoup"}, "absences": {"taux": "un peu"}}


def sample_answers(params: dict[str, Any]) -> list[SampleAnswer]:
    """The correct answer, the wrong methods, a carried error, an unreadable answer."""
    d = lire_params(params)
    return reponses_typiques(
        calc.calcule, d, fautes_possibles(d), CHANGE, calc.document, REPORTEE, ILLISIBLE
    )
