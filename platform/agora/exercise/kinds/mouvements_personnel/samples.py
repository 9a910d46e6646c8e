"""Typical ``mouvements_personnel`` answers: the right one, one per wrong method this exercise
can show, an error carried forward, an unreadable one."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from agora.exercise.base import SampleAnswer
from agora.exercise.grading import methodes_montrables
from agora.exercise.kinds.mouvements_personnel import solve as calc
from agora.exercise.kinds.mouvements_personnel.grade import fautes_possibles
from agora.exercise.kinds.mouvements_personnel.messages import SIGNATURES
from agora.exercise.kinds.mouvements_personnel.params import AUCUN, lire_params
from agora.exercise.reading import pattern_of


def _annonce(m: Any) -> list[str]:
    """The job-ad mistakes this ad can show: a discriminatory sentence let through, an allowed
    one flagged."""
    criteres = {p.critere == AUCUN for p in m.phrases}
    fautes = [calc.ANNONCE_CRITERE_OUBLIE] if False in criteres else []
    return fautes + ([calc.ANNONCE_CRITERE_EN_TROP] if True in criteres else [])


def sample_answers(params: dict[str, Any]) -> list[SampleAnswer]:
    """The correct answer, the wrong methods, a carried error, an unreadable answer."""
    m = lire_params(params)
    juste = calc.calcule(m)
    samples = [SampleAnswer("Réponse juste", calc.document(juste), True)]
    for faute, monde in methodes_montrables(
        fautes_possibles(m), lambda f: calc.calcule(m, faute=f), juste, _change
    ):
        label = f"Méthode fausse : {faute}"
        samples.append(SampleAnswer(label, calc.document(monde), False, (faute,)))
    for faute in _annonce(m):
        monde = calc.calcule(m, faute=faute)
        samples.append(SampleAnswer(f"Annonce : {faute}", calc.document(monde), False, (faute,)))
    faux = {"depart.total_brut": juste["depart.total_brut"] + Decimal("100.00")}
    reporte = calc.calcule(m, faux) | faux
    illisible = {"depart": {"total_brut": "beaucoup"}, "embauche": {"fin_essai": "en mai"}}
    return [
        *samples,
        SampleAnswer(
            "Total brut faux, suite juste (erreur reportée)", calc.document(reporte), False
        ),
        SampleAnswer("Réponse illisible", illisible, False, invalid=True),
    ]


def _change(faute: str, path: str) -> bool:
    """Whether this answer field is one the wrong method changes."""
    return pattern_of(path) in SIGNATURES[faute]
