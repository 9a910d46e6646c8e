"""Typical ``equilibre_financier`` answers: the right one, one per wrong method that shows on
this balance sheet, an error carried forward, and an unreadable one."""

from __future__ import annotations

from typing import Any

from agora.exercise.base import SampleAnswer
from agora.exercise.kinds.equilibre_financier.messages import FAUTES
from agora.exercise.kinds.equilibre_financier.params import lire_params
from agora.exercise.kinds.equilibre_financier.solve import calcule, document


def sample_answers(params: dict[str, Any]) -> list[SampleAnswer]:
    """The right answer first, then the wrong methods the grader names, then an unreadable one."""
    from agora.exercise.kinds.equilibre_financier.answer import ANSWER_SCHEMA
    from agora.exercise.kinds.equilibre_financier.grade import grade

    bilan = lire_params(params)
    juste = calcule(bilan).valeurs
    echantillons = [SampleAnswer("Réponse juste", document(bilan, juste), True)]
    for faute in FAUTES[bilan.presentation]:
        faux = document(bilan, calcule(bilan, faute=faute).valeurs)
        if faux == echantillons[0].answer:
            continue  # this sheet does not show this wrong method (no overdraft, no rounding…)
        trouves = {d.code for d in grade(params, ANSWER_SCHEMA.read(faux)).diagnostics}
        if faute in trouves:
            echantillons.append(SampleAnswer(f"Méthode fausse : {faute}", faux, False, (faute,)))
    echantillons.append(_reporte(bilan, juste))
    illisible = {"frng": "beaucoup", "ratios": {"liquidite_generale": "1,2,3"}}
    echantillons.append(SampleAnswer("Réponse illisible", illisible, False, invalid=True))
    return echantillons


def _reporte(bilan: Any, juste: dict[str, Any]) -> SampleAnswer:
    """Stable resources wrong by 1 000 €, everything after computed right from them."""
    erreur = {"masses.ressources_stables": juste["masses.ressources_stables"] + 1000}
    suite = calcule(bilan, erreur).valeurs | erreur
    return SampleAnswer(
        "Ressources stables fausses, suite juste (erreur reportée)", document(bilan, suite), False
    )
