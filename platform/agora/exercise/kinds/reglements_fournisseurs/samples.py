"""Typical ``reglements_fournisseurs`` answers: the right one, one per wrong method this
exercise can show, a reversed entry, a carried error, an unreadable one."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from agora.exercise.base import SampleAnswer
from agora.exercise.grading import methodes_montrables
from agora.exercise.kinds.reglements_fournisseurs import solve as calc
from agora.exercise.kinds.reglements_fournisseurs.grade import fautes_possibles
from agora.exercise.kinds.reglements_fournisseurs.messages import SIGNATURES
from agora.exercise.kinds.reglements_fournisseurs.params import Reglements, lire_params
from agora.exercise.reading import pattern_of

ILLISIBLE = {"total": "beaucoup", "escompte": {"cout": "?"}, "factures": [{"montant": "x"}]}


def _inversee(juste: dict[str, Any]) -> dict[str, Any]:
    """The right answer with every row of the entry on the other side."""
    lignes = [row | {"debit": row["credit"], "credit": row["debit"]} for row in juste["ecriture"]]
    return juste | {"ecriture": lignes}


def _reportee(r: Reglements, ref: dict[str, Any]) -> dict[str, Any] | None:
    """The first amount transferred 10 € too high, and all that follows right from it."""
    chemin = next((p for p in ref if p.endswith(".montant")), None)
    if chemin is None:
        return None
    faux = {chemin: ref[chemin] + Decimal(10)}
    return calc.document(r, calc.calcule(r, faux) | faux)


def sample_answers(params: dict[str, Any]) -> list[SampleAnswer]:
    """The correct answer, the wrong methods, a carried error, an unreadable answer."""
    r = lire_params(params)
    ref = calc.calcule(r)
    juste = calc.document(r, ref)
    montrables = methodes_montrables(
        fautes_possibles(r),
        lambda faute: calc.calcule(r, faute=faute),
        ref,
        lambda faute, path: path != "ecriture" and pattern_of(path) in SIGNATURES[faute],
    )
    reponses = [SampleAnswer("Réponse juste", juste, True)]
    reponses += [
        SampleAnswer(f"Méthode fausse : {faute}", calc.document(r, monde), False, (faute,))
        for faute, monde in montrables
    ]
    if juste["ecriture"]:
        code = (calc.ECRITURE_SENS_INVERSE,)
        reponses.append(SampleAnswer("Écriture à l'envers", _inversee(juste), False, code))
    reportee = _reportee(r, ref)
    if reportee is not None:
        reponses.append(
            SampleAnswer("Montant faux, suite juste (erreur reportée)", reportee, False)
        )
    return [*reponses, SampleAnswer("Réponse illisible", ILLISIBLE, False, invalid=True)]
