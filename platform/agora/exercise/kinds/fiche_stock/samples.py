"""Typical ``fiche_stock`` answers: the right one, one per wrong method that shows on this card,
an error carried forward, and an unreadable one."""

from __future__ import annotations

from typing import Any

from agora.exercise.base import SampleAnswer
from agora.exercise.kinds.fiche_stock.messages import FAUTES
from agora.exercise.kinds.fiche_stock.params import lire_params
from agora.exercise.kinds.fiche_stock.solve import calcule, document


def sample_answers(params: dict[str, Any]) -> list[SampleAnswer]:
    """The right answer first, then the wrong methods the grader names, then an unreadable one."""
    from agora.exercise.kinds.fiche_stock.answer import ANSWER_SCHEMA
    from agora.exercise.kinds.fiche_stock.grade import attendu, corrige

    fiche = lire_params(params)
    juste = calcule(fiche).valeurs
    samples = [SampleAnswer("Réponse juste", document(fiche, juste), True)]
    ref = attendu(params)
    for faute in FAUTES[fiche.methode]:
        faux = document(fiche, calcule(fiche, faute=faute).valeurs)
        if faux == samples[0].answer:
            continue  # this card does not show this wrong method (no transport, no rounding…)
        codes = {d.code for d in corrige(ref, ANSWER_SCHEMA.read(faux)).diagnostics}
        if faute in codes:
            samples.append(SampleAnswer(f"Méthode fausse : {faute}", faux, False, (faute,)))
    samples.append(_reporte(fiche, juste))
    illisible = {"stock_final_montant": "beaucoup", "mouvements": [{"entree_montant": "12,3,4"}]}
    samples.append(SampleAnswer("Réponse illisible", illisible, False, invalid=True))
    return samples


def _reporte(fiche: Any, juste: dict[str, Any]) -> SampleAnswer:
    """The first receipt's amount wrong by 10 €, the rest computed right from it."""
    premier = next(i for i, m in enumerate(fiche.mouvements) if m.entree)
    path = f"mouvements.{premier}.entree_montant"
    erreur = {path: juste[path] + 10}
    suite = calcule(fiche, erreur).valeurs | erreur
    return SampleAnswer(
        "Montant d'une entrée faux, suite juste (erreur reportée)", document(fiche, suite), False
    )
