"""Typical ``conges_payes`` answers: the right one, one per wrong method that shows in this
exercise, an error carried forward, and an unreadable one."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from agora.exercise.base import SampleAnswer
from agora.exercise.kinds.conges_payes.params import Conges, lire_params
from agora.exercise.kinds.conges_payes.solve import calcule, document


def sample_answers(params: dict[str, Any]) -> list[SampleAnswer]:
    """The right answer first, then the wrong methods the grader names, then an unreadable one."""
    from agora.exercise.kinds.conges_payes.answer import ANSWER_SCHEMA
    from agora.exercise.kinds.conges_payes.grade import corrige, reference

    c = lire_params(params)
    juste = calcule(c).out
    samples = [SampleAnswer("Réponse juste", document(c, juste), True)]
    ref = reference(params)
    for faute in ref.fautes:
        faux = document(c, calcule(c, faute=faute).out)
        if faux == samples[0].answer:
            continue  # nothing in this exercise shows this wrong method (no sick leave…)
        codes = {d.code for d in corrige(ref, ANSWER_SCHEMA.read(faux)).diagnostics}
        if faute in codes:
            samples.append(SampleAnswer(f"Méthode fausse : {faute}", faux, False, (faute,)))
    samples.append(_reporte(c))
    illisible = {"indemnite": {"montant": "beaucoup"}, "salaries": [{"acquis": "trente,5,2"}]}
    samples.append(SampleAnswer("Réponse illisible", illisible, False, invalid=True))
    return samples


def _reporte(c: Conges) -> SampleAnswer:
    """The leave pay's tenth wrong by 10 €, the rest computed right from it."""
    chemin = "indemnite.dixieme_total"
    erreur = {chemin: calcule(c).out[chemin] + Decimal(10)}
    suite = calcule(c, erreur).out | erreur
    return SampleAnswer("Dixième faux, suite juste (erreur reportée)", document(c, suite), False)
