"""Typical ``budget_tresorerie`` answers: the right one, one per wrong method that shows on this
budget, an error carried forward, and an unreadable one."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from agora.exercise.base import SampleAnswer
from agora.exercise.grading import methodes_montrables
from agora.exercise.kinds.budget_tresorerie.messages import SIGNATURES, fautes_possibles, signature
from agora.exercise.kinds.budget_tresorerie.params import lire_params
from agora.exercise.kinds.budget_tresorerie.solve import calcule, document


def sample_answers(params: dict[str, Any]) -> list[SampleAnswer]:
    """The right answer first, then the wrong methods the grader names, then an unreadable one."""
    b = lire_params(params)
    juste = calcule(b).valeurs
    montrees = methodes_montrables(
        fautes_possibles(b),
        lambda faute: calcule(b, faute=faute).valeurs,
        juste,
        lambda faute, path: signature(path) == SIGNATURES[faute],
    )
    echantillons = [SampleAnswer("Réponse juste", document(b, juste), True)]
    echantillons += [
        SampleAnswer(f"Méthode fausse : {faute}", document(b, monde), False, (faute,))
        for faute, monde in montrees
    ]
    erreur = {"mois.0.total_encaissements": juste["mois.0.total_encaissements"] + Decimal(1000)}
    suite = juste | calcule(b, erreur).valeurs | erreur
    echantillons.append(
        SampleAnswer(
            "Total des encaissements faux, suite juste (erreur reportée)",
            document(b, suite),
            False,
        )
    )
    illisible = {"mois": [{"ventes": "beaucoup", "tension": "peut-être"}], "remede": "?"}
    echantillons.append(SampleAnswer("Réponse illisible", illisible, False, invalid=True))
    return echantillons
