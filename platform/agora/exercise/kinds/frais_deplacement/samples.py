"""Typical ``frais_deplacement`` answers: the right one, one per wrong method this exercise can
show, a reversed entry, a carried error, an unreadable one."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from agora.exercise.base import SampleAnswer
from agora.exercise.grading import methodes_montrables
from agora.exercise.kinds.frais_deplacement import solve as calc
from agora.exercise.kinds.frais_deplacement.grade import fautes_possibles
from agora.exercise.kinds.frais_deplacement.messages import SIGNATURES
from agora.exercise.kinds.frais_deplacement.params import lire_params
from agora.exercise.reading import pattern_of


def sample_answers(params: dict[str, Any]) -> list[SampleAnswer]:
    """The correct answer, the wrong methods, a carried error, an unreadable answer."""
    n = lire_params(params)
    ref = calc.calcule(n)
    juste = calc.document(n, ref)
    samples = [SampleAnswer("Réponse juste", juste, True)]
    for faute, monde in methodes_montrables(
        fautes_possibles(n), lambda f: calc.calcule(n, faute=f), ref, _signe
    ):
        label = f"Méthode fausse : {faute}"
        samples.append(SampleAnswer(label, calc.document(n, monde), False, (faute,)))
    if "ecriture" in juste:
        inverse = juste | {
            "ecriture": [
                r | {"debit": r["credit"], "credit": r["debit"]} for r in juste["ecriture"]
            ]
        }
        samples.append(
            SampleAnswer("Écriture à l'envers", inverse, False, (calc.ECRITURE_SENS_INVERSE,))
        )
    faux = {"vehicules.0.ik": ref["vehicules.0.ik"] + Decimal(10)}
    reporte = calc.document(n, calc.calcule(n, faux) | faux)
    illisible = {"total_frais": "beaucoup", "a_rembourser": "cent euros", "budget": {"total": "?"}}
    return [
        *samples,
        SampleAnswer("IK fausse, suite juste (erreur reportée)", reporte, False),
        SampleAnswer("Réponse illisible", illisible, False, invalid=True),
    ]


def _signe(faute: str, path: str) -> bool:
    """Whether this answer field is one the wrong method changes."""
    return path != "ecriture" and pattern_of(path) in SIGNATURES[faute]
