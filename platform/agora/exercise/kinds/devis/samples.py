"""Typical ``devis`` answers: the right one, one per wrong method, a carried error, an unreadable one."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from agora.exercise.base import SampleAnswer
from agora.exercise.kinds.devis.grade import fautes_possibles
from agora.exercise.kinds.devis.messages import SIGNATURES
from agora.exercise.kinds.devis.params import lire_params
from agora.exercise.kinds.devis.solve import calcule, document
from agora.exercise.reading import sans_index


def sample_answers(params: dict[str, Any]) -> list[SampleAnswer]:
    """The correct answer, one answer per typical wrong method, a carried error, an unreadable one."""
    d = lire_params(params)
    ref = calcule(d)
    samples = [SampleAnswer("Réponse juste", document(d, ref), True)]
    vus: list[dict[str, Any]] = []
    for faute in fautes_possibles(d):
        monde = calcule(d, faute=faute)
        if _reconnaissable(faute, monde, ref, vus):
            samples.append(
                SampleAnswer(f"Méthode fausse : {faute}", document(d, monde), False, (faute,))
            )
        vus.append(monde)
    prix = {"lignes.0.prix_unitaire_ht": ref["lignes.0.prix_unitaire_ht"] + 1}
    prix["date_validite"] = ref["date_validite"] + timedelta(days=5)
    reporte = document(d, calcule(d, prix) | prix)
    illisible = {"lignes": "beaucoup", "total_ttc": "environ mille", "date_validite": "bientôt"}
    return [
        *samples,
        SampleAnswer("Mauvais prix du catalogue, suite juste (erreur reportée)", reporte, False),
        SampleAnswer("Réponse illisible", illisible, False, invalid=True),
    ]


def _reconnaissable(faute: str, monde: dict, ref: dict, avant: list[dict]) -> bool:
    """Whether some value of this wrong method differs from the right one and from every wrong
    method tried before it (else the grader would name the earlier one)."""
    return any(
        monde[p] != ref[p] and all(autre[p] != monde[p] for autre in avant)
        for p in ref
        if sans_index(p) in SIGNATURES[faute]
    )
