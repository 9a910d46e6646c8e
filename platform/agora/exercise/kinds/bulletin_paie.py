"""The bulletin_paie exercise: payslip components from the base salary to net à payer and employer cost.

The calculation lives in _bulletin_paie_calcul, the grading (error carried forward, diagnostics)
in _bulletin_paie_correction, the drawing of a variant in _bulletin_paie_generation and the
French statement in _bulletin_paie_enonce.
"""

from __future__ import annotations

import random
import re
from decimal import Decimal
from typing import Any

from agora.company.model import Company
from agora.content.baremes import load_bareme
from agora.errors import InvalidInput
from agora.exercise.answer_names import AnswerSchema
from agora.exercise.base import ChampResult, FormatErrors, Grade, SampleAnswer, Variant
from agora.exercise.kinds import _bulletin_paie_calcul as calcul
from agora.exercise.kinds import _bulletin_paie_generation as generation
from agora.exercise.kinds._bulletin_paie_correction import (
    CHAMPS_BRUT,
    CHAMPS_LIGNE,
    CHAMPS_NET,
    Correction,
    lire_valeur,
)
from agora.exercise.kinds._bulletin_paie_enonce import champs_demandes, enonce
from agora.money import ZERO, cents, fmt

NAME = "bulletin_paie"
TITRE = "Bulletin de paie : du salaire brut au net à payer"
COMPETENCES = ("3.2.4",)
# Bumped when a change makes a seed draw other params or another statement (see
# agora.exercise.history): stored exercises keep the version that drew them.
VERSION = 1
MAX_COTISATIONS = 100  # a payslip has about twenty lines

# The names of an answer (its form, its solution): the totals, and each contribution line.
ANSWER_SCHEMA = AnswerSchema(
    (
        *CHAMPS_BRUT,
        *CHAMPS_NET,
        "cotisations.#.libelle",
        *(f"cotisations.#.{champ}" for champ in CHAMPS_LIGNE),
    ),
    {"cotisations": MAX_COTISATIONS},
)

__all__ = [
    "ANSWER_SCHEMA",
    "COMPETENCES",
    "NAME",
    "TITRE",
    "champs_demandes",
    "check_params",
    "generate",
    "grade",
    "parse",
    "sample_answers",
    "solve",
    "validate_field",
]

_CHAMP = re.compile(
    r"^(?:(?P<haut>" + "|".join(CHAMPS_BRUT + CHAMPS_NET) + r")|"
    r"cotisations\.(?P<ligne>\d{1,3})\.(?P<col>" + "|".join(CHAMPS_LIGNE) + r"))$",
    re.ASCII,
)


def check_params(params: dict[str, Any]) -> dict[str, Any]:
    """The params if the contract can compute them; InvalidInput (one French line) otherwise."""
    calcul.lire(params)
    return params


def generate(seed: int, niveau: int, organisation: Company) -> Variant:
    """A payslip of one of the organisation's employees, for the level (1 guided, 3 aléas)."""
    if niveau not in (1, 2, 3):
        raise InvalidInput(f"Niveau inconnu : {niveau} (1, 2 ou 3).")
    rng = random.Random(f"{NAME}:{seed}:{niveau}")
    bareme = load_bareme(generation.ANNEE)
    mois = generation.tirer_mois(rng, organisation, niveau, bareme)
    at_mp = generation.taux_at_mp(organisation, bareme)
    lignes = generation.lignes(mois, niveau, bareme, len(organisation.salaries), at_mp)
    params = generation.params_de(rng, mois, niveau, bareme, lignes)
    return Variant(NAME, seed, niveau, params, enonce(organisation, params, mois, niveau))


def solve(params: dict[str, Any]) -> dict[str, Any]:
    """The reference solution, contract JSON (a forfait line's base is null)."""
    return calcul.en_json(calcul.solution(calcul.lire(params)))


def grade(params: dict[str, Any], answer: Any) -> Grade:
    """Grade an answer (pure, never raises): per-field verdicts, diagnostics, competencies."""
    try:
        donnees, reference = calcul.lire_et_resoudre(params)
    except InvalidInput as error:
        return _rejet("paramètres", str(error))
    if not isinstance(answer, dict):
        return _rejet("réponse", "La réponse doit être un objet JSON {…} de montants.")
    correction = Correction(donnees, reference, answer)
    correction.corriger()
    return correction.grade(NAME)


def _rejet(champ: str, message: str) -> Grade:
    return Grade(NAME, Decimal(0), [ChampResult(champ, None, None, False, message)], [], [])


def parse(answer: Any) -> dict[str, Any]:
    """The typed answer (Decimal, or None for an empty field); FormatErrors on unreadable values."""
    if not isinstance(answer, dict):
        raise FormatErrors({"réponse": "La réponse doit être un objet JSON {…} de montants."})
    errors: dict[str, str] = {}
    typed: dict[str, Any] = {}
    for champ in CHAMPS_BRUT + CHAMPS_NET:
        if champ in answer:
            typed[champ] = _typer(champ, answer[champ], errors)
    if "cotisations" in answer:
        typed["cotisations"] = _typer_lignes(answer["cotisations"], errors)
    if errors:
        raise FormatErrors(errors)
    return typed


def _typer(champ: str, raw: Any, errors: dict[str, str]) -> Decimal | None:
    if raw is None or raw == "":
        return None
    value, problem = lire_valeur(raw)
    if problem:
        errors[champ] = problem
    return value


def _typer_lignes(raw: Any, errors: dict[str, str]) -> list[dict[str, Any] | None]:
    if isinstance(raw, dict) and all(str(k).isascii() and str(k).isdigit() for k in raw):
        raw = [raw[k] for k in sorted(raw, key=int)]
    if not isinstance(raw, list):
        errors["cotisations"] = "Les cotisations doivent être une liste de lignes."
        return []
    lignes: list[dict[str, Any] | None] = []
    for i, item in enumerate(raw):
        if item is None:
            lignes.append(None)
        elif not isinstance(item, dict):
            errors[f"cotisations.{i}"] = "Cette ligne doit être un objet {base, montants}."
            lignes.append(None)
        else:
            lignes.append(
                {
                    col: _typer(f"cotisations.{i}.{col}", item[col], errors)
                    for col in CHAMPS_LIGNE
                    if col in item
                }
            )
    return lignes


def validate_field(champ: str, valeur: str) -> str | None:
    """The inline format message for one form field; None when it reads as an amount (or is empty)."""
    if not isinstance(champ, str) or not _CHAMP.match(champ):
        return "Champ inconnu pour ce bulletin de paie."
    if valeur is None or (isinstance(valeur, str) and not valeur.strip()):
        return None
    return lire_valeur(valeur)[1]


# ---------------------------------------------------------------- sample answers


def sample_answers(params: dict[str, Any]) -> list[SampleAnswer]:
    """The reference answer, typical wrong ones (each with its diagnostic) and an unreadable one."""
    d = calcul.lire(params)
    ref = calcul.solution(d)
    correct = calcul.en_json(ref)
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


def _erreurs_typiques(d: calcul.Donnees, ref: dict[str, Any]):
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
            {"montant_hs_25": cents(toutes * th * calcul.MAJORATION_25)},
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
        base = calcul.base_csg(brut, d.pmss, ZERO)
        changes = {
            f"cotisations.{i}.{k}": v
            for i, lg in enumerate(d.lignes)
            if lg.assiette == "csg_crds"
            for k, v in (
                ("base", base),
                ("montant_salarial", calcul.montant_taux(base, lg.taux_salarial)),
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
                f"cotisations.{swap}.montant_salarial": calcul.montant_taux(base, lg.taux_patronal),
                f"cotisations.{swap}.montant_patronal": calcul.montant_taux(base, lg.taux_salarial),
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
            wrong = calcul.montant_taux(base, d.taux_pas)
            if wrong != ref["prelevement_source"]:
                yield f"Prélèvement à la source : {code}", {"prelevement_source": wrong}, (code,)
    yield (
        "Coût employeur sans les cotisations patronales",
        {"cout_employeur": brut},
        ("COUT_EMPLOYEUR_SANS_PATRONALES",),
    )


def _sur_brut(d: calcul.Donnees, ref: dict[str, Any], assiette: str) -> dict[str, Decimal]:
    """Every line of an assiette computed on the whole brut."""
    brut = ref["salaire_brut"]
    changes: dict[str, Decimal] = {}
    for i, lg in enumerate(d.lignes):
        if lg.assiette == assiette:
            changes[f"cotisations.{i}.base"] = brut
            changes[f"cotisations.{i}.montant_salarial"] = calcul.montant_taux(
                brut, lg.taux_salarial
            )
            changes[f"cotisations.{i}.montant_patronal"] = calcul.montant_taux(
                brut, lg.taux_patronal
            )
    return changes
