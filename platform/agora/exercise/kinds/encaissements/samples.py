"""Typical ``encaissements`` answers: the right one, one per named method error the variant
allows, a carried error, an unreadable one."""

from __future__ import annotations

import copy
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from agora.exercise.base import SampleAnswer
from agora.exercise.kinds.encaissements import messages as m
from agora.exercise.kinds.encaissements import solve as calc
from agora.exercise.kinds.encaissements.params import Encaissements, Facture, lire_params
from agora.money import fmt

Json = dict[str, Any]


def _lignes(juste: Json, garde: Callable[[calc.Ecriture], bool], e: Encaissements):
    """The rows (JSON) of the entries ``garde`` keeps, with their entry."""
    for x, ecriture in zip(calc.ecritures(e), juste["ecritures"], strict=True):
        if garde(x):
            yield from ((x, ligne) for ligne in ecriture["lignes"])


def _change(e: Encaissements, juste: Json, garde, cible: str, **valeurs: str) -> Json | None:
    """A copy of the answer with the rows of account ``cible`` in the kept entries changed; None when
    there is no such row."""
    faux = copy.deepcopy(juste)
    touche = False
    for _, ligne in _lignes(faux, garde, e):
        if ligne["compte"] == cible:
            ligne.update(valeurs)
            touche = True
    return faux if touche else None


def _facture(x: calc.Ecriture) -> bool:
    return isinstance(x.document, Facture) and not x.imputation


def _methodes(e: Encaissements, juste: Json) -> list[tuple[str, Json | None]]:
    """Each named method error applied to the right answer (None when the variant has none)."""
    factures = [f for f in e.factures if f.total_ht != f.ttc]
    au_ht = None
    if factures:
        f = factures[0]
        au_ht = _change(
            e, juste, lambda x: x.document is f and not x.imputation, "411", debit=fmt(f.total_ht)
        )
    autre = next(c for c in ("707", "706", "701") if c not in e.acceptes)
    escomptee = [f for f in e.factures if f.escompte]
    deduit = None
    if escomptee:
        f = escomptee[0]
        net = fmt(f.net_commercial - f.escompte)
        deduit = _change(e, juste, lambda x: x.document is f, e.compte_produits, credit=net)
    return [
        (m.CLIENT_AU_HT, au_ht),
        (m.COMPTE_PRODUIT_CONFONDU, _change(e, juste, _facture, e.compte_produits, compte=autre)),
        (m.TVA_DEDUCTIBLE_CONFONDUE, _change(e, juste, _facture, calc.TVA, compte="44566")),
        (m.ESCOMPTE_OBTENU_CONFONDU, _change(e, juste, _facture, calc.ESCOMPTE, compte="765")),
        (m.ESCOMPTE_DEDUIT_DES_VENTES, deduit),
        (
            m.ACOMPTE_CONFONDU,
            _change(e, juste, lambda x: x.journal == "BQ", calc.ACOMPTES, compte="411"),
        ),
        (
            m.ENCAISSEMENT_EN_VENTE,
            _change(e, juste, lambda x: x.journal == "BQ", calc.CLIENT, compte=e.compte_produits),
        ),
        (m.LETTRAGE_DESEQUILIBRE, _lettrage_faux(juste)),
        (m.RESTE_DU_NON_DIMINUE, _reste_brut(e, juste)),
        (m.TRANCHE_DATE_FACTURE, _tranche_facture(e, juste)),
    ]


def _lettrage_faux(juste: Json) -> Json | None:
    """An open movement lettered with the first settled group."""
    lettres = [ligne["lettre"] for ligne in juste["lettrage"]]
    if calc.NON_LETTRE not in lettres:
        return None
    premiere = next((x for x in lettres if x != calc.NON_LETTRE), "A")
    faux = copy.deepcopy(juste)
    faux["lettrage"][lettres.index(calc.NON_LETTRE)]["lettre"] = premiere
    return faux


def _reste_brut(e: Encaissements, juste: Json) -> Json | None:
    """The TTC written as the amount due of an invoice with something already deducted."""
    faux = copy.deepcopy(juste)
    for ligne, f in zip(faux["balance"], e.factures, strict=True):
        if Decimal(ligne["reste_du"]) != f.ttc:
            ligne["reste_du"] = fmt(f.ttc)
            ligne["tranche"] = calc.tranche(e, f.echeance, f.ttc)
            return faux
    return None


def _tranche_facture(e: Encaissements, juste: Json) -> Json | None:
    """The band counted from the invoice's date instead of its due date."""
    faux = copy.deepcopy(juste)
    for ligne, f in zip(faux["balance"], e.factures, strict=True):
        reste = Decimal(ligne["reste_du"])
        depuis_facture = calc.tranche(e, f.jour, reste)
        if depuis_facture != ligne["tranche"]:
            ligne["tranche"] = depuis_facture
            return faux
    return None


def _reporte(e: Encaissements, juste: Json) -> Json:
    """The first invoice's TTC written 100 € too high, and its amount due and the totals
    computed right from it (error carried forward)."""
    faux = copy.deepcopy(juste)
    f = e.factures[0]
    for _, ligne in _lignes(faux, lambda x: x.document is f and not x.imputation, e):
        if ligne["compte"] == calc.CLIENT:
            ligne["debit"] = fmt(f.ttc + 100)
    return faux


def sample_answers(params: dict[str, Any]) -> list[SampleAnswer]:
    """The correct answer, one answer per method error the variant allows, a carried error, an
    unreadable one."""
    e = lire_params(params)
    juste = calc.document(e)
    samples = [SampleAnswer("Réponse juste", juste, True)]
    inverse = copy.deepcopy(juste)
    for ecriture in inverse["ecritures"]:
        for ligne in ecriture["lignes"]:
            ligne["debit"], ligne["credit"] = ligne["credit"], ligne["debit"]
    samples.append(SampleAnswer("Écritures à l'envers", inverse, False, (m.ECRITURE_SENS_INVERSE,)))
    for code, faux in _methodes(e, juste):
        if faux is not None:
            samples.append(SampleAnswer(f"Méthode fausse : {code}", faux, False, (code,)))
    illisible = {"solde_client": "beaucoup", "totaux": {"non_echu": "environ mille"}}
    return [
        *samples,
        SampleAnswer("TTC faux, suite juste (erreur reportée)", _reporte(e, juste), False),
        SampleAnswer("Réponse illisible", illisible, False, invalid=True),
    ]
