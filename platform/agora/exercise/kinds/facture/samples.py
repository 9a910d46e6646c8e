"""Typical ``facture`` answers: the right one, one per wrong method, a carried error, an unreadable one."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from agora.exercise.base import SampleAnswer
from agora.exercise.kinds.facture.answer import noeud
from agora.exercise.kinds.facture.grade import SIGNATURES, fautes_possibles
from agora.exercise.kinds.facture.params import lire_params
from agora.exercise.kinds.facture.solve import CODE_PUBLIC, calcule, document


def sample_answers(params: dict[str, Any]) -> list[SampleAnswer]:
    """The correct answer, one answer per typical wrong method, a carried error, an unreadable one."""
    f = lire_params(params)
    ref = calcule(f)
    samples = [SampleAnswer("Réponse juste", document(f, ref), True)]
    mondes: list[tuple[str, dict[str, Decimal]]] = []
    for faute, taux in fautes_possibles(f):
        code = CODE_PUBLIC.get(faute, faute)
        monde = calcule(f, faute=faute, taux_unique=taux)
        if code not in {c for c, _ in mondes} and _reconnaissable(code, monde, ref, mondes):
            samples.append(
                SampleAnswer(f"Méthode fausse : {code}", document(f, monde), False, (code,))
            )
        mondes.append((code, monde))
    ligne = {"lignes.0.montant_ht": ref["lignes.0.montant_ht"] + 10}
    reporte = calcule(f, ligne) | ligne
    samples.append(
        SampleAnswer(
            "Erreur sur une ligne, suite juste (erreur reportée)", document(f, reporte), False
        )
    )
    illisible = {"lignes": "beaucoup", "total_ttc": "environ mille", "net_a_payer": "12,3,4"}
    samples.append(SampleAnswer("Réponse illisible", illisible, False, invalid=True))
    return samples


def _reconnaissable(code: str, monde: dict, ref: dict, avant: list[tuple[str, dict]]) -> bool:
    """Whether some amount of this wrong method differs from the right one and from every
    wrong method tried before it (else the grader would name the earlier one)."""
    return any(
        monde[p] != ref[p]
        and all(autre[p] != monde[p] for c, autre in avant if noeud(p) in SIGNATURES[c])
        for p in ref
        if noeud(p) in SIGNATURES[code]
    )
