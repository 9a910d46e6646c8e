"""The answer of a payslip: its field names, and its amounts read as typed values."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from agora.exercise.answer_names import AnswerSchema
from agora.exercise.base import FormatErrors
from agora.exercise.fields import MONTANT, TEXTE
from agora.exercise.grading import read_amount

CHAMPS_BRUT = ("salaire_base", "retenue_absence", "montant_hs_25", "montant_hs_50", "salaire_brut")
CHAMPS_LIGNE = ("base", "montant_salarial", "montant_patronal")
CHAMPS_NET = (
    "total_salarial",
    "total_patronal",
    "net_imposable",
    "net_avant_impot",
    "prelevement_source",
    "net_a_payer",
    "cout_employeur",
)


_TROP_GRAND = 10**15
MONTANT_CANONIQUE = re.compile(r"-?\d{1,13}(?:\.\d{1,2})?", re.ASCII)


def lire_valeur(raw: Any) -> tuple[Decimal | None, str | None]:
    """An amount typed by the student (JSON numbers accepted too), or a French message."""
    if type(raw) is str and MONTANT_CANONIQUE.fullmatch(raw):
        return Decimal(raw), None
    if isinstance(raw, float):
        raw = repr(raw) if raw == raw and abs(raw) != float("inf") else "?"
    if isinstance(raw, dict | list):
        return None, "Un montant est attendu ici, pas une liste ni un objet."
    if type(raw) is int and abs(raw) >= _TROP_GRAND:  # money.cents cannot round beyond 28 digits
        return None, "Ce montant est trop grand."
    return read_amount(raw)


MAX_COTISATIONS = 100  # a payslip has about twenty lines

# The names of an answer (its form, its solution): the totals, and each contribution line.
ANSWER_SCHEMA = AnswerSchema(
    {
        **dict.fromkeys(CHAMPS_BRUT + CHAMPS_NET, MONTANT),
        "cotisations.#.libelle": TEXTE,
        **{f"cotisations.#.{champ}": MONTANT for champ in CHAMPS_LIGNE},
    },
    {"cotisations": MAX_COTISATIONS},
)


_CHAMP = re.compile(
    r"^(?:(?P<haut>" + "|".join(CHAMPS_BRUT + CHAMPS_NET) + r")|"
    r"cotisations\.(?P<ligne>\d{1,3})\.(?P<col>" + "|".join(CHAMPS_LIGNE) + r"))$",
    re.ASCII,
)


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
