"""Typical payslip answers: the reference, one per misconception, an unreadable one."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from agora.exercise.base import SampleAnswer
from agora.exercise.kinds.bulletin_paie.params import Donnees, lire
from agora.exercise.kinds.bulletin_paie.solve import (
    MAJORATION_25,
    base_csg,
    en_json,
    montant_taux,
    solution,
)
from agora.money import ZERO, cents, fmt


def sample_answers(params: dict[str, Any]) -> list[SampleAnswer]:
    """The reference answer, typical wrong ones (each with its diagnostic) and an unreadable one."""
    d = lire(params)
    ref = solution(d)
    correct = en_json(ref)
    samples = [SampleAnswer("Réponse juste", correct, True)]
    for label, changes, codes in _erreurs_typiques(d, ref):
        answer = _modifier(correct, changes)
        if answer != correct:
            samples.append(SampleAnswer(label, answer, False, codes))
    illisible = {"salaire_brut": "mille euros", "cotisations": "toutes", "net_a_payer": "12,345"}
    samples.append(SampleAnswer("Réponse illisible", illisible, False, (), invalid=True))
    return samples


def _modifier(correct: dict[str, Any], changes: dict[str, Decimal]) -> dict[str, Any]:
    answer = {k: ([dict(c) for c in v] if k == "cotisations" else v) for k, v in correct.items()}
    for path, value in changes.items():
        if path.startswith("cotisations."):
            _, i, col = path.split(".")
            answer["cotisations"][int(i)][col] = fmt(value)
        else:
            answer[path] = fmt(value)
    return answer


def _erreurs_typiques(d: Donnees, ref: dict[str, Any]):
    """(label, changed fields, expected codes) for each misconception this variant can show."""
    th, brut = d.taux_horaire, ref["salaire_brut"]
    hebdo = cents(d.heures_mensuelles * 12 / 52)
    yield (
        "Salaire de base sur les heures d'une semaine",
        {"salaire_base": cents(th * hebdo)},
        ("SALAIRE_BASE_HEBDOMADAIRE",),
    )
    if d.heures_sup_25:
        yield (
            "Heures supplémentaires sans majoration",
            {"montant_hs_25": cents(d.heures_sup_25 * th)},
            ("HS_MAUVAIS_TAUX",),
        )
    if d.heures_sup_50:
        toutes = d.heures_sup_25 + d.heures_sup_50
        yield (
            "Toutes les heures supplémentaires à 25 %",
            {"montant_hs_25": cents(toutes * th * MAJORATION_25)},
            ("HS_50_NON_DISTINGUEES",),
        )
    if d.absence_heures:
        yield (
            "Absence non déduite du brut",
            {"salaire_brut": brut + ref["retenue_absence"]},
            ("ABSENCE_NON_DEDUITE",),
        )
    yield "CSG et CRDS sur 100 % du brut", _sur_brut(d, ref, "csg_crds"), ("CSG_SUR_BRUT",)
    if d.forfait_csg:
        base = base_csg(brut, d.pmss, ZERO)
        changes = {
            f"cotisations.{i}.{k}": v
            for i, lg in enumerate(d.lignes)
            if lg.assiette == "csg_crds"
            for k, v in (
                ("base", base),
                ("montant_salarial", montant_taux(base, lg.taux_salarial)),
            )
        }
        yield "CSG sans la part patronale de la mutuelle", changes, ("CSG_SANS_PATRONAL_MUTUELLE",)
    if brut > d.pmss:
        yield (
            "Tranche A non plafonnée",
            _sur_brut(d, ref, "tranche_a"),
            ("TRANCHE_A_NON_PLAFONNEE",),
        )
    swap = next(
        (
            i
            for i, lg in enumerate(d.lignes)
            if not lg.forfait and lg.taux_salarial and lg.taux_patronal
        ),
        None,
    )
    if swap is not None:
        lg, base = d.lignes[swap], ref["cotisations"][swap]["base"]
        yield (
            "Taux salarial et patronal inversés",
            {
                f"cotisations.{swap}.montant_salarial": montant_taux(base, lg.taux_patronal),
                f"cotisations.{swap}.montant_patronal": montant_taux(base, lg.taux_salarial),
            },
            ("TAUX_SALARIAL_PATRONAL_INVERSES",),
        )
    non_deductible = sum(
        (
            c["montant_salarial"]
            for lg, c in zip(d.lignes, ref["cotisations"], strict=True)
            if not lg.deductible
        ),
        ZERO,
    )
    if non_deductible:
        yield (
            "Net imposable : CSG non déductible retirée",
            {"net_imposable": ref["net_imposable"] - non_deductible},
            ("NET_IMPOSABLE_SANS_CSG_NON_DEDUCTIBLE",),
        )
    if d.total_avantages:
        yield (
            "Avantage en nature non déduit du net",
            {"net_avant_impot": ref["net_avant_impot"] + d.total_avantages},
            ("AVANTAGE_NATURE_NON_DEDUIT",),
        )
    if d.remboursement_transport:
        yield (
            "Remboursement de transport oublié",
            {"net_avant_impot": ref["net_avant_impot"] - d.remboursement_transport},
            ("REMBOURSEMENT_TRANSPORT_OUBLIE",),
        )
    if d.taux_pas:
        for code, base in (("PAS_SUR_NET_A_PAYER", ref["net_avant_impot"]), ("PAS_SUR_BRUT", brut)):
            wrong = montant_taux(base, d.taux_pas)
            if wrong != ref["prelevement_source"]:
                yield f"Prélèvement à la source : {code}", {"prelevement_source": wrong}, (code,)
    yield (
        "Coût employeur sans les cotisations patronales",
        {"cout_employeur": brut},
        ("COUT_EMPLOYEUR_SANS_PATRONALES",),
    )


def _sur_brut(d: Donnees, ref: dict[str, Any], assiette: str) -> dict[str, Decimal]:
    """Every line of an assiette computed on the whole brut."""
    brut = ref["salaire_brut"]
    changes: dict[str, Decimal] = {}
    for i, lg in enumerate(d.lignes):
        if lg.assiette == assiette:
            changes[f"cotisations.{i}.base"] = brut
            changes[f"cotisations.{i}.montant_salarial"] = montant_taux(brut, lg.taux_salarial)
            changes[f"cotisations.{i}.montant_patronal"] = montant_taux(brut, lg.taux_patronal)
    return changes
