"""Typical ``prise_en_charge`` answers: the right fiche, one per wrong method this exercise can
show, a wrong date with the deadline right from it (carried forward), an unreadable one."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from agora.exercise.base import SampleAnswer
from agora.exercise.etapes import reponses_typiques
from agora.exercise.grading import change_selon
from agora.exercise.kinds.prise_en_charge import solve as calc
from agora.exercise.kinds.prise_en_charge.grade import fautes_possibles
from agora.exercise.kinds.prise_en_charge.messages import SIGNATURES
from agora.exercise.kinds.prise_en_charge.params import lire_params

# The fields each wrong method changes, where its typical answer differs from the right one.
CHANGE = change_selon(SIGNATURES)

ILLISIBLE = {"demandeur": {"telephone": "zéro six douze"}, "suite": {"echeance": "mardi"}}


def sample_answers(params: dict[str, Any]) -> list[SampleAnswer]:
    """The correct answer, the wrong methods, a carried error, an unreadable answer."""
    d = lire_params(params)
    # The request noted a week late, the deadline counted right from that date.
    reportee = (
        "Date mal notée, échéance juste d'après elle (erreur reportée)",
        "demande.date",
        timedelta(days=7),
    )
    return reponses_typiques(
        calc.calcule, d, fautes_possibles(d), CHANGE, calc.document, reportee, ILLISIBLE
    )
