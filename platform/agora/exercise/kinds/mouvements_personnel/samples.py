"""Typical ``mouvements_personnel`` answers: the right one, one per wrong method this exercise
can show, an error carried forward, an unreadable one."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from agora.exercise.base import SampleAnswer
from agora.exercise.etapes import reponses_typiques
from agora.exercise.grading import change_selon
from agora.exercise.kinds.mouvements_personnel import solve as calc
from agora.exercise.kinds.mouvements_personnel.grade import fautes_possibles
from agora.exercise.kinds.mouvements_personnel.messages import SIGNATURES
from agora.exercise.kinds.mouvements_personnel.params import AUCUN, lire_params

# The fields each wrong method changes, where its typical answer differs from the right one.
CHANGE = change_selon(SIGNATURES)


def _annonce(m: Any) -> list[str]:
    """The job-ad mistakes this ad can show: a discriminatory sentence let through, an allowed
    one flagged."""
    criteres = {p.critere == AUCUN for p in m.phrases}
    fautes = [calc.ANNONCE_CRITERE_OUBLIE] if False in criteres else []
    return fautes + ([calc.ANNONCE_CRITERE_EN_TROP] if True in criteres else [])


def sample_answers(params: dict[str, Any]) -> list[SampleAnswer]:
    """The correct answer, the wrong methods, a carried error, an unreadable answer."""
    m = lire_params(params)
    annonces = [
        SampleAnswer(
            f"Annonce : {faute}", calc.document(calc.calcule(m, faute=faute)), False, (faute,)
        )
        for faute in _annonce(m)
    ]
    reportee = (
        "Total brut faux, suite juste (erreur reportée)",
        "depart.total_brut",
        Decimal("100.00"),
    )
    illisible = {"depart": {"total_brut": "beaucoup"}, "embauche": {"fin_essai": "en mai"}}
    return reponses_typiques(
        calc.calcule, m, fautes_possibles(m), CHANGE, calc.document, reportee, illisible, annonces
    )
