"""Typical ``frais_deplacement`` answers: the right one, one per wrong method this exercise can
show, a reversed entry, a carried error, an unreadable one."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from agora.exercise.base import SampleAnswer
from agora.exercise.fields import pattern_of
from agora.exercise.kinds.frais_deplacement import solve as calc
from agora.exercise.kinds.frais_deplacement.grade import fautes_possibles
from agora.exercise.kinds.frais_deplacement.messages import SIGNATURES
from agora.exercise.kinds.frais_deplacement.params import lire_params


def sample_answers(params: dict[str, Any]) -> list[SampleAnswer]:
    """The correct answer, the wrong methods, a carried error, an unreadable answer."""
    n = lire_params(params)
    ref = calc.calcule(n)
    juste = calc.document(n, ref)
    samples = [SampleAnswer("Réponse juste", juste, True)]
    vus: list[dict[str, Any]] = []
    for faute in fautes_possibles(n):
        monde = calc.calcule(n, faute=faute)
        if _reconnaissable(faute, monde, ref, vus):
            label = f"Méthode fausse : {faute}"
            samples.append(SampleAnswer(label, calc.document(n, monde), False, (faute,)))
        vus.append(monde)
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


def _reconnaissable(faute: str, monde: dict, ref: dict, avant: list[dict]) -> bool:
    """Whether some value of this wrong method differs from the right one and from every wrong
    method tried before it (else the grader would name the earlier one)."""
    return any(
        monde[p] != ref[p] and all(autre.get(p) != monde[p] for autre in avant)
        for p in ref
        if p != "ecriture" and pattern_of(p) in SIGNATURES[faute]
    )
