"""Typical ``avoir`` answers: the right one, one per wrong method, the wrong piece cited, the
mentions misread, a carried error, an unreadable one."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from agora.exercise.base import SampleAnswer
from agora.exercise.kinds.avoir import methodes as m
from agora.exercise.kinds.avoir.params import NATURES, Avoir, lire_params
from agora.exercise.kinds.avoir.solve import calcule, document
from agora.exercise.reading import sans_index

# A wrong answer to each expected mention state.
_MENTION_FAUSSE = {"manquante": "presente", "presente": "manquante", "non_exigee": "manquante"}


def _reconnaissable(code: str, monde: dict, ref: dict, avant: list[tuple[str, dict]]) -> bool:
    """Whether some amount of this wrong method differs from the right one and from every wrong
    method tried before it (else the grader would name the earlier one)."""
    return any(
        monde[p] != ref[p]
        and all(autre[p] != monde[p] for c, autre in avant if sans_index(p) in m.SIGNATURES[c])
        for p in ref
        if sans_index(p) in m.SIGNATURES[code]
    )


def _methodes(a: Avoir, ref: dict[str, Decimal]) -> list[SampleAnswer]:
    samples, mondes = [], []
    for faute in m.fautes_possibles(a):
        code = m.CODE_PUBLIC.get(faute[0], faute[0])
        monde = calcule(a, faute=faute)
        if code not in {c for c, _ in mondes} and _reconnaissable(code, monde, ref, mondes):
            samples.append(
                SampleAnswer(f"Méthode fausse : {code}", document(a, monde), False, (code,))
            )
        mondes.append((code, monde))
    return samples


def _pieces(a: Avoir, juste: dict[str, Any]) -> list[SampleAnswer]:
    autre = next(n for n in NATURES if n != a.nature)
    samples = [
        SampleAnswer("Nature confondue", juste | {"nature": autre}, False, (m.NATURE_CONFONDUE,))
    ]
    if a.reference is not None and a.autres_pieces:
        faux = juste | {"reference_facture": a.autres_pieces[0]}
        samples.append(SampleAnswer("Mauvaise pièce citée", faux, False, (m.REFERENCE_ERRONEE,)))
    return samples


def _mentions(a: Avoir, juste: dict[str, Any]) -> list[SampleAnswer]:
    """Every mention answered wrong, one required mention said not required: each code these
    answers can raise is expected."""
    if not a.mentions:
        return []
    reponses = {x.code: _MENTION_FAUSSE[x.attendu] for x in a.mentions}
    requise = next((x for x in a.mentions if x.attendu == "presente"), None)
    if requise is not None:
        reponses[requise.code] = "non_exigee"
    codes = (m.CODE_MENTION[(x.attendu, reponses[x.code])] for x in a.mentions)
    faux = juste | {"mentions": reponses}
    return [SampleAnswer("Mentions mal relevées", faux, False, tuple(dict.fromkeys(codes)))]


def _reporte(a: Avoir, ref: dict[str, Decimal]) -> SampleAnswer:
    """An error on the first amount, every later amount right from it (error carried forward)."""
    premier = "lignes.0.montant_ht" if a.lignes else "groupes.0.chiffre_affaires_ht"
    own = {premier: ref[premier] + 10}
    valeurs = calcule(a, own) | own
    return SampleAnswer(
        "Erreur sur le premier montant, suite juste (erreur reportée)", document(a, valeurs), False
    )


def sample_answers(params: dict[str, Any]) -> list[SampleAnswer]:
    """The right answer, the typical mistakes with their diagnostics, an unreadable answer."""
    a = lire_params(params)
    ref = calcule(a)
    juste = document(a, ref)
    illisible = {"nature": "échange", "total_ttc": "environ cent", "groupes": "beaucoup"}
    return [
        SampleAnswer("Réponse juste", juste, True),
        *_methodes(a, ref),
        *_pieces(a, juste),
        *_mentions(a, juste),
        _reporte(a, ref),
        SampleAnswer("Réponse illisible", illisible, False, invalid=True),
    ]
