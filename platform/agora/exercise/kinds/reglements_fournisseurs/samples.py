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
from agora.exercise.kinds.reglements_fournisseurs.params import lire_params
from agora.exercise.reading import pattern_of


def sample_answers(params: dict[str, Any]) -> list[SampleAnswer]:
    """The correct answer, the wrong methods, a carried error, an unreadable answer."""
    r = lire_params(params)
    ref = calc.calcule(r)
    juste = calc.document(r, ref)
    samples = [SampleAnswer("Réponse juste", juste, True)]
    for faute, monde in methodes_montrables(
        fautes_possibles(r), lambda f: calc.calcule(r, faute=f), ref, _signe
    ):
        label = f"Méthode fausse : {faute}"
        samples.append(SampleAnswer(label, calc.document(r, monde), False, (faute,)))
    if juste["ecriture"]:
        inverse = juste | {
            "ecriture": [
                row | {"debit": row["credit"], "credit": row["debit"]} for row in juste["ecriture"]
            ]
        }
        samples.append(
            SampleAnswer("Écriture à l'envers", inverse, False, (calc.ECRITURE_SENS_INVERSE,))
        )
    payee = next((p for p in ref if p.endswith(".montant")), None)
    if payee is not None:
        faux = {payee: ref[payee] + Decimal(10)}
        reporte = calc.document(r, calc.calcule(r, faux) | faux)
        samples.append(SampleAnswer("Montant faux, suite juste (erreur reportée)", reporte, False))
    illisible = {"total": "beaucoup", "escompte": {"cout": "?"}, "factures": [{"montant": "x"}]}
    return [*samples, SampleAnswer("Réponse illisible", illisible, False, invalid=True)]


def _signe(faute: str, path: str) -> bool:
    """Whether this answer field is one the wrong method changes."""
    return path != "ecriture" and pattern_of(path) in SIGNATURES[faute]
