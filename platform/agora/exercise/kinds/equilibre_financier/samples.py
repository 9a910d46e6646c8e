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
    reference = document(bilan, juste)
    faux = {f: document(bilan, calcule(bilan, faute=f).valeurs) for f in FAUTES[bilan.presentation]}
    # Only the wrong methods this sheet shows (no overdraft, no rounding trap…) and the grader
    # names on it.
    montrees = [
        SampleAnswer(f"Méthode fausse : {faute}", reponse, False, (faute,))
        for faute, reponse in faux.items()
        if reponse != reference
        and faute in {d.code for d in grade(params, ANSWER_SCHEMA.read(reponse)).diagnostics}
    ]
    echantillons = [SampleAnswer("Réponse juste", reference, True), *montrees]
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
