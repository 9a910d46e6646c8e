"""Typical ``declaration_tva`` answers: the right one, one per wrong method, a reversed entry, a
carried error, an unreadable one."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from agora.exercise.base import SampleAnswer
from agora.exercise.kinds.declaration_tva import solve as calc
from agora.exercise.kinds.declaration_tva.grade import fautes_possibles
from agora.exercise.kinds.declaration_tva.messages import SIGNATURES
from agora.exercise.kinds.declaration_tva.params import lire_params


def sample_answers(params: dict[str, Any]) -> list[SampleAnswer]:
    """The correct answer, one answer per typical wrong method, a carried error, an unreadable one."""
    d = lire_params(params)
    ref = calc.calcule(d)
    juste = calc.document(d, ref)
    samples = [SampleAnswer("Réponse juste", juste, True)]
    vus: list[dict[str, Any]] = []
    for faute in fautes_possibles(d):
        monde = calc.calcule(d, faute=faute)
        if _reconnaissable(faute, monde, ref, vus):
            samples.append(
                SampleAnswer(f"Méthode fausse : {faute}", calc.document(d, monde), False, (faute,))
            )
        vus.append(monde)
    inverse = juste | {
        "ecriture": [r | {"debit": r["credit"], "credit": r["debit"]} for r in juste["ecriture"]]
    }
    samples.append(
        SampleAnswer("Écriture à l'envers", inverse, False, (calc.ECRITURE_SENS_INVERSE,))
    )
    confondu = juste | {
        "ecriture": [r | {"compte": _confond(r["compte"])} for r in juste["ecriture"]]
    }
    samples.append(
        SampleAnswer("Comptes de TVA confondus", confondu, False, (calc.COMPTE_TVA_CONFONDU,))
    )
    premiere = next(p for p in ref if p.endswith("_base"))
    faux = {premiere: ref[premiere] + Decimal(100)}
    reporte = calc.document(d, calc.calcule(d, faux) | faux)
    illisible = {"ligne_16": "beaucoup", "ligne_23": "environ mille", "ecriture": "44571"}
    return [
        *samples,
        SampleAnswer("Base fausse, suite juste (erreur reportée)", reporte, False),
        SampleAnswer("Réponse illisible", illisible, False, invalid=True),
    ]


def _confond(compte: str) -> str:
    """The VAT account a student takes for another one."""
    return {"44566": "44562", "44562": "44566", "44551": "44567", "44571": "44566"}.get(
        compte, compte
    )


def _reconnaissable(faute: str, monde: dict, ref: dict, avant: list[dict]) -> bool:
    """Whether some value of this wrong method differs from the right one and from every wrong
    method tried before it (else the grader would name the earlier one)."""
    return any(
        monde[p] != ref[p] and all(autre.get(p) != monde[p] for autre in avant)
        for p in ref
        if p in SIGNATURES[faute]
    )
