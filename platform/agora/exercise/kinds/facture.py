"""The ``facture`` exercise: from an accepted devis to the invoice (réductions, escompte, port, TVA, acompte).

Contract: /work/shared/spec/exercises.md, section ``facture``. The calculation lives in
``_facture_calcul``, the grading in ``_facture_correction``, the story in ``_facture_enonce``.
"""

from __future__ import annotations

import random
from decimal import Decimal
from typing import Any

from agora.errors import InvalidInput
from agora.exercise.answer_names import AnswerSchema
from agora.exercise.base import FormatErrors, Grade, SampleAnswer, Variant
from agora.exercise.grading import read_amount, read_number
from agora.exercise.kinds import _facture_enonce as enonce
from agora.exercise.kinds._facture_calcul import (
    CODE_PUBLIC,
    MAX_LIGNES,
    MAX_REDUCTIONS,
    Facture,
    calcule,
    lire_params,
    taux_str,
    texte_nombre,
    verifie_params,
)
from agora.exercise.kinds._facture_correction import (
    CHAMPS_GROUPE,
    SCALAIRES,
    SIGNATURES,
    corrige,
    fautes_possibles,
    noeud,
    reference,
)
from agora.money import fmt

NAME = "facture"
TITRE = "Facture avec réductions, escompte, port et TVA"
COMPETENCES = ("1.2.2",)
# Bumped when a change makes a seed draw other params or another statement (see
# agora.exercise.history): stored exercises keep the version that drew them.
VERSION = 1

# The names of an answer (its form, its solution); one group and one VAT row per rate.
ANSWER_SCHEMA = AnswerSchema(
    (
        "lignes.#.reference",
        "lignes.#.montant_ht",
        "groupes.#.taux_tva",
        *(f"groupes.#.{champ}" for champ in CHAMPS_GROUPE),
        *(f"groupes.#.reductions.#.{champ}" for champ in ("nature", "taux", "montant")),
        *(f"tva.#.{champ}" for champ in ("taux", "base", "montant")),
        *SCALAIRES,
    ),
    {
        "lignes": MAX_LIGNES,
        "groupes": MAX_LIGNES,
        "groupes.#.reductions": MAX_REDUCTIONS,
        "tva": MAX_LIGNES,
    },
)

_MONTANTS = {*SCALAIRES, "lignes.montant_ht", "groupes.reductions.montant", "tva.base"}
_MONTANTS |= {"tva.montant", *(f"groupes.{champ}" for champ in CHAMPS_GROUPE)}
_TAUX = {"groupes.taux_tva", "groupes.reductions.taux", "tva.taux"}


def check_params(params: dict[str, Any]) -> dict[str, Any]:
    """Validate params from outside; InvalidInput with one French line when unusable."""
    verifie_params(params)
    return params


def generate(seed: int, niveau: int, organisation: Any) -> Variant:
    """A variant drawn from the organisation: its customer (or supplier) and its catalogue."""
    if niveau not in (1, 2, 3):
        raise InvalidInput(f"Niveau inconnu : {niveau} (1, 2 ou 3).")
    rng = random.Random(f"facture:{seed}:{niveau}")
    histoire = enonce.histoire(rng, organisation, niveau)
    params = enonce.params(rng, histoire, niveau)
    texte = enonce.enonce(rng, histoire, params, niveau)
    return Variant(NAME, seed, niveau, params, texte)


def solve(params: dict[str, Any]) -> dict[str, Any]:
    """The reference solution, contract JSON."""
    f = lire_params(params)
    return document(f, calcule(f))


def document(f: Facture, v: dict[str, Decimal]) -> dict[str, Any]:
    """The contract JSON of an invoice from its amounts by answer path."""
    groupes = []
    for g, taux in enumerate(f.taux):
        p = f"groupes.{g}."
        reductions = [
            {
                "nature": r.nature,
                "taux": taux_str(r.taux),
                "montant": fmt(v[f"{p}reductions.{k}.montant"]),
            }
            for k, r in enumerate(f.reductions)
        ]
        groupe = {"taux_tva": taux_str(taux), "montant_brut_ht": fmt(v[p + "montant_brut_ht"])}
        groupe["reductions"] = reductions
        groupe |= {key: fmt(v[p + key]) for key in CHAMPS_GROUPE[1:]}
        groupes.append(groupe)
    result: dict[str, Any] = {
        "lignes": [
            {"reference": ligne.reference, "montant_ht": fmt(v[f"lignes.{i}.montant_ht"])}
            for i, ligne in enumerate(f.lignes)
        ],
        "groupes": groupes,
    }
    for key in SCALAIRES:
        if key == "total_tva":
            result["tva"] = [
                {
                    "taux": taux_str(t),
                    "base": fmt(v[f"tva.{g}.base"]),
                    "montant": fmt(v[f"tva.{g}.montant"]),
                }
                for g, t in enumerate(f.taux)
            ]
        result[key] = fmt(v[key])
    return result


def grade(params: dict[str, Any], answer: Any) -> Grade:
    """Per-field verdicts, error carried forward and diagnostics; never raises on the answer."""
    return corrige(reference(params, lire_params), answer)


def sample_answers(params: dict[str, Any]) -> list[SampleAnswer]:
    """The correct answer, one answer per typical wrong method, a carried error, an unreadable one."""
    f = lire_params(params)
    ref = calcule(f)
    samples = [SampleAnswer("Réponse juste", document(f, ref), True)]
    mondes: list[tuple[str, dict[str, Decimal]]] = []
    for faute, taux in fautes_possibles(f):
        code = CODE_PUBLIC.get(faute, faute)
        monde = calcule(f, faute=faute, taux_unique=taux)
        if code not in {c for c, _ in mondes} and _reconnaissable(code, monde, ref, mondes):
            samples.append(
                SampleAnswer(f"Méthode fausse : {code}", document(f, monde), False, (code,))
            )
        mondes.append((code, monde))
    ligne = {"lignes.0.montant_ht": ref["lignes.0.montant_ht"] + 10}
    reporte = calcule(f, ligne) | ligne
    samples.append(
        SampleAnswer(
            "Erreur sur une ligne, suite juste (erreur reportée)", document(f, reporte), False
        )
    )
    illisible = {"lignes": "beaucoup", "total_ttc": "environ mille", "net_a_payer": "12,3,4"}
    samples.append(SampleAnswer("Réponse illisible", illisible, False, invalid=True))
    return samples


def _reconnaissable(code: str, monde: dict, ref: dict, avant: list[tuple[str, dict]]) -> bool:
    """Whether some amount of this wrong method differs from the right one and from every
    wrong method tried before it (else the grader would name the earlier one)."""
    return any(
        monde[p] != ref[p]
        and all(autre[p] != monde[p] for c, autre in avant if noeud(p) in SIGNATURES[c])
        for p in ref
        if noeud(p) in SIGNATURES[code]
    )


def parse(answer: Any) -> dict[str, Any]:
    """The answer with amounts as Decimal (empty fields as None); FormatErrors when unreadable."""
    errors: dict[str, str] = {}
    if not isinstance(answer, dict):
        raise FormatErrors({"réponse": "La réponse doit être un objet JSON {…}."})
    typed = _parse_node(answer, "", errors)
    if errors:
        raise FormatErrors(errors)
    return typed


def _parse_node(node: Any, path: str, errors: dict[str, str]) -> Any:
    if isinstance(node, dict):
        return {
            k: _parse_node(v, f"{path}.{k}" if path else str(k), errors) for k, v in node.items()
        }
    if isinstance(node, list):
        return [_parse_node(v, f"{path}.{i}", errors) for i, v in enumerate(node)]
    if node is None or node == "":
        return None
    kind = noeud(path)
    if kind not in _MONTANTS and kind not in _TAUX:
        return node
    texte = texte_nombre(node)
    if not isinstance(texte, str):
        errors[path] = "Un nombre écrit en chiffres est attendu."
        return node
    message = validate_field(path, texte)
    if message:
        errors[path] = message
        return node
    reader = read_amount if kind in _MONTANTS else read_number
    return reader(texte)[0]


def validate_field(champ: str, valeur: str) -> str | None:
    """The French format message shown while the student types; None when readable."""
    kind = noeud(champ)
    if valeur is None or str(valeur).strip() == "":
        return None
    if kind in _MONTANTS:
        return read_amount(valeur)[1]
    if kind in _TAUX:
        return read_number(valeur, "taux")[1]
    return f"Champ inconnu : « {champ[:40]} »."
