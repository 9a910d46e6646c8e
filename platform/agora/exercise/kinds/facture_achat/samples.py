"""Typical ``facture_achat`` answers: the right one, one per wrong method, the discrepancies and
the decision misjudged, the entry's typical mistakes, a carried error, an unreadable one."""

from __future__ import annotations

from typing import Any

from agora.exercise.base import SampleAnswer
from agora.exercise.kinds.facture_achat import methodes as m
from agora.exercise.kinds.facture_achat import solve as calc
from agora.exercise.kinds.facture_achat.params import Achat, lire_params
from agora.exercise.reading import sans_index

# A purchase account a student takes for another one, and what a fixed asset is mistaken for.
_CONFUSION = {"601": "607", "607": "601", "6026": "607", "6021": "607", "6063": "607"}


def _reconnaissable(faute: str, monde: dict, ref: dict, avant: list[tuple[str, dict]]) -> bool:
    """Whether some amount of this wrong method differs from the right one and from every wrong
    method tried before it that shows there (else the grader would name the earlier one)."""
    return any(
        monde[p] != ref[p]
        and all(autre[p] != monde[p] for f, autre in avant if sans_index(p) in m.SIGNATURES[f])
        for p in ref
        if sans_index(p) in m.SIGNATURES[faute]
    )


def _methodes(a: Achat, ref: dict, ecarts: list[str], choix: str) -> list[SampleAnswer]:
    samples, mondes = [], []
    for faute in m.fautes_possibles(a, ecarts):
        monde = calc.calcule(a, faute=faute)
        if _reconnaissable(faute, monde, ref, mondes):
            document = calc.document(a, monde, ecarts, choix)
            samples.append(SampleAnswer(f"Méthode fausse : {faute}", document, False, (faute,)))
        mondes.append((faute, monde))
    return samples


def _choix(ecarts: list[str], juste: dict[str, Any]) -> list[SampleAnswer]:
    """Every line answered « aucun » (the discrepancies not seen, or one imagined), and a wrong
    decision with the right discrepancies."""
    samples = []
    if any(e != "aucun" for e in ecarts):
        lignes = [x | {"ecart": "aucun"} for x in juste["lignes"]]
        samples.append(
            SampleAnswer("Écarts non vus", juste | {"lignes": lignes}, False, (m.ECART_NON_VU,))
        )
    if "aucun" in ecarts:
        lignes = [
            x | {"ecart": "prix" if x["ecart"] == "aucun" else x["ecart"]} for x in juste["lignes"]
        ]
        faux = juste | {"lignes": lignes}
        samples.append(SampleAnswer("Écart imaginé", faux, False, (m.ECART_IMAGINAIRE,)))
    autre = "refuser" if juste["decision"] != "refuser" else "accepter"
    faux = juste | {"decision": autre}
    samples.append(SampleAnswer("Mauvaise décision", faux, False, (m.DECISION_INADAPTEE,)))
    return samples


def _ecritures(a: Achat, juste: dict[str, Any]) -> list[SampleAnswer]:
    rows = juste["ecriture"]
    if not rows:
        return []
    inverse = [r | {"debit": r["credit"], "credit": r["debit"]} for r in rows]
    samples = [
        SampleAnswer(
            "Écriture à l'envers", juste | {"ecriture": inverse}, False, (m.ECRITURE_SENS_INVERSE,)
        )
    ]
    if a.immobilisation:
        faux = [r | {"compte": "6063"} if r["compte"].startswith("2") else r for r in rows]
        code = m.IMMOBILISATION_EN_CHARGE
    elif a.intracommunautaire:
        faux = [r for r in rows if r["compte"] not in ("4452", "445662")]
        code = m.AUTOLIQUIDATION_OUBLIEE
    else:
        faux = [
            r | {"compte": _CONFUSION.get(r["compte"], "606")} if r["compte"][0] == "6" else r
            for r in rows
        ]
        code = m.COMPTE_ACHAT_CONFONDU
    samples.append(SampleAnswer("Mauvais compte", juste | {"ecriture": faux}, False, (code,)))
    if a.tva_recuperable and not a.intracommunautaire:
        tva = [r | {"compte": "4452"} if r["compte"].startswith("4456") else r for r in rows]
        faux = juste | {"ecriture": tva}
        samples.append(
            SampleAnswer("Compte de TVA confondu", faux, False, (m.COMPTE_TVA_CONFONDU,))
        )
    return samples


def _reporte(a: Achat, ecarts: list[str], choix: str) -> SampleAnswer:
    """An error on the first line, every later amount right from it (error carried forward)."""
    own = {"lignes.0.montant_corrige": calc.calcule(a)["lignes.0.montant_corrige"] + 10}
    valeurs = calc.calcule(a, own) | own
    document = calc.document(a, valeurs, ecarts, choix)
    return SampleAnswer(
        "Erreur sur la première ligne, suite juste (erreur reportée)", document, False
    )


def sample_answers(params: dict[str, Any]) -> list[SampleAnswer]:
    """The right answer, the typical mistakes with their diagnostics, an unreadable answer."""
    a = lire_params(params)
    ecarts = [calc.ecart(x) for x in a.lignes]
    choix = calc.decision(ecarts)
    ref = calc.calcule(a)
    juste = calc.document(a, ref, ecarts, choix)
    illisible = {"net_a_payer": "environ cent", "decision": "payer", "lignes": "beaucoup"}
    return [
        SampleAnswer("Réponse juste", juste, True),
        *_methodes(a, ref, ecarts, choix),
        *_choix(ecarts, juste),
        *_ecritures(a, juste),
        _reporte(a, ecarts, choix),
        SampleAnswer("Réponse illisible", illisible, False, invalid=True),
    ]
