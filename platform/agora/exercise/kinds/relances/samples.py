"""Typical ``relances`` answers: the right one, one per wrong method that shows on this balance,
an error carried forward, a letter that forgets an invoice, and an unreadable one."""

from __future__ import annotations

from typing import Any

from agora.exercise.base import SampleAnswer
from agora.exercise.kinds.relances.messages import FAUTES, LETTRE_INCOMPLETE
from agora.exercise.kinds.relances.params import lire_params
from agora.exercise.kinds.relances.solve import calcule, document, solve


def sample_answers(params: dict[str, Any]) -> list[SampleAnswer]:
    """The right answer first, then the wrong methods the grader names, then an unreadable one."""
    from agora.exercise.kinds.relances.answer import ANSWER_SCHEMA
    from agora.exercise.kinds.relances.grade import attendu, corrige

    b = lire_params(params)
    juste = solve(params)
    samples = [SampleAnswer("Réponse juste", juste, True)]
    ref = attendu(params)
    for faute in FAUTES:
        faux = document(b, calcule(b, faute=faute).valeurs) | {"lettre": juste["lettre"]}
        if faux == juste:
            continue  # this balance does not show this wrong method
        codes = {d.code for d in corrige(ref, ANSWER_SCHEMA.read(faux)).diagnostics}
        if faute in codes:
            samples.append(SampleAnswer(f"Méthode fausse : {faute}", faux, False, (faute,)))
    samples.append(_reporte(b, juste))
    oubli = {**juste, "lettre": "Madame, Monsieur, merci de régler nos factures."}
    samples.append(SampleAnswer("Lettre sans les factures", oubli, False, (LETTRE_INCOMPLETE,)))
    illisible = {"taux_cgv": "beaucoup", "factures": [{"penalites": "12,3,4"}]}
    samples.append(SampleAnswer("Réponse illisible", illisible, False, invalid=True))
    return samples


def _reporte(b: Any, juste: dict[str, Any]) -> SampleAnswer:
    """The first invoice's days late wrong by 10, the rest computed right from it."""
    path = "factures.0.jours_retard"
    erreur = {path: calcule(b).valeurs[path] + 10}
    suite = document(b, calcule(b, erreur).valeurs | erreur) | {"lettre": juste["lettre"]}
    return SampleAnswer("Retard faux, suite juste (erreur reportée)", suite, False)
