"""Typical ``journal_paie`` answers: the right one, one per wrong method the variant can show,
the entry reversed or unbalanced, an error carried forward, an unreadable one."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from agora.exercise.base import SampleAnswer
from agora.exercise.kinds.journal_paie import methodes as m
from agora.exercise.kinds.journal_paie import solve as s
from agora.exercise.kinds.journal_paie.params import Paie, lire_params
from agora.money import fmt


def _methodes(p: Paie, juste: dict[str, Any]) -> list[SampleAnswer]:
    """The exercise done with each wrong method that changes some value here."""
    samples = []
    ref = s.calcule(p)
    for faute in m.FAUTES:
        monde = s.calcule(p, faute)
        if monde == ref:
            continue  # no advance, no tax, no postponed date: nothing to show
        document = s.document(p, monde)
        codes = (faute,)
        if faute == m.NET_AVANT_IMPOT_EN_421:
            codes = (faute, m.ECRITURE_DESEQUILIBREE)
        label = f"Méthode fausse : {faute}"
        samples.append(SampleAnswer(label, _sans_noms(document), False, codes))
    return samples


def _sans_noms(document: dict[str, Any]) -> dict[str, Any]:
    """An answer as the form sends it: no body names or accounts, and of each row only the
    account, debit and credit typed."""
    organismes = {
        o: {"montant": v["montant"], "echeance": v["echeance"]}
        for o, v in document["organismes"].items()
    }
    return {
        "ecriture": [_saisie(r) for r in document["ecriture"]],
        "organismes": organismes,
        "reglement": [_saisie(r) for r in document["reglement"]],
    }


def _saisie(rangee: dict[str, str]) -> dict[str, str]:
    return {"compte": rangee["compte"], "debit": rangee["debit"], "credit": rangee["credit"]}


def _ecritures(juste: dict[str, Any]) -> list[SampleAnswer]:
    rows = juste["ecriture"]
    inverse = [r | {"debit": r["credit"], "credit": r["debit"]} for r in rows]
    plus = Decimal(rows[0]["debit"]) + 10
    desequilibre = [rows[0] | {"debit": fmt(plus)}, *rows[1:]]
    return [
        SampleAnswer(
            "Écriture à l'envers", juste | {"ecriture": inverse}, False, (m.ECRITURE_SENS_INVERSE,)
        ),
        SampleAnswer(
            "Écriture déséquilibrée",
            juste | {"ecriture": desequilibre},
            False,
            (m.ECRITURE_DESEQUILIBREE,),
        ),
    ]


def _avantage_en_641(p: Paie, juste: dict[str, Any]) -> list[SampleAnswer]:
    """The benefit in kind neutralised by a credit of 641 instead of 708 (balanced, wrong)."""
    if not s.calcule(p)[s.AVANTAGES]:
        return []
    rows = [r | {"compte": s.BRUT} if r["compte"] == s.AVANTAGES else r for r in juste["ecriture"]]
    label = "Avantage en nature neutralisé au crédit du 641"
    return [SampleAnswer(label, juste | {"ecriture": rows}, False, (m.AVANTAGE_NEUTRALISE_EN_641,))]


def _reporte(p: Paie, juste: dict[str, Any]) -> SampleAnswer:
    """A wrong URSSAF credit (and 645 with it, the entry balanced), the URSSAF amount paid
    from it: the amount earns its credit (error carried forward)."""
    rows = []
    for r in juste["ecriture"]:
        if r["compte"] in (s.SECU, s.PATRONAL):
            cote = "credit" if r["compte"] == s.SECU else "debit"
            r = r | {cote: fmt(Decimal(r[cote]) + 1)}
        rows.append(r)
    urssaf = juste["organismes"]["urssaf"]
    plus = fmt(Decimal(urssaf["montant"]) + 1)
    organismes = juste["organismes"] | {"urssaf": urssaf | {"montant": plus}}
    document = juste | {"ecriture": rows, "organismes": organismes}
    return SampleAnswer("URSSAF fausse dans l'écriture, paiement reporté", document, False)


def sample_answers(params: dict[str, Any]) -> list[SampleAnswer]:
    """The right answer, the typical mistakes with their diagnostics, an unreadable answer."""
    p = lire_params(params)
    juste = _sans_noms(s.document(p, s.calcule(p)))
    illisible = {
        "organismes": {"urssaf": {"montant": "beaucoup", "echeance": "bientôt"}},
        "ecriture": [{"compte": "salaires", "debit": "cent"}],
    }
    return [
        SampleAnswer("Réponse juste", juste, True),
        *_methodes(p, juste),
        *_ecritures(juste),
        *_avantage_en_641(p, juste),
        _reporte(p, juste),
        SampleAnswer("Réponse illisible", illisible, False, invalid=True),
    ]
