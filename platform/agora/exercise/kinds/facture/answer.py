"""The answer of a ``facture``: its field names, and its amounts and rates read as typed values."""

from __future__ import annotations

import re
from typing import Any

from agora.exercise.answer_names import AnswerSchema
from agora.exercise.base import FormatErrors
from agora.exercise.fields import MONTANT, TAUX, TEXTE
from agora.exercise.grading import read_amount, read_number
from agora.exercise.kinds.facture.params import MAX_LIGNES, MAX_REDUCTIONS, texte_nombre

SCALAIRES = (
    "montant_brut_ht",
    "total_reductions",
    "net_commercial",
    "escompte",
    "net_financier",
    "frais_port_ht",
    "total_ht",
    "total_tva",
    "total_ttc",
    "acompte",
    "net_a_payer",
)
CHAMPS_GROUPE = ("montant_brut_ht", "net_commercial", "escompte", "net_financier")


_INDEX = re.compile(r"\.\d+", re.ASCII)


def noeud(path: str) -> str:
    """An answer path without its indexes: ``groupes.0.reductions.1.montant`` → ``groupes.reductions.montant``."""
    return _INDEX.sub("", path)


# The names of an answer (its form, its solution); one group and one VAT row per rate.
ANSWER_SCHEMA = AnswerSchema(
    {
        "lignes.#.reference": TEXTE,
        "lignes.#.montant_ht": MONTANT,
        "groupes.#.taux_tva": TAUX,
        **{f"groupes.#.{champ}": MONTANT for champ in CHAMPS_GROUPE},
        "groupes.#.reductions.#.nature": TEXTE,
        "groupes.#.reductions.#.taux": TAUX,
        "groupes.#.reductions.#.montant": MONTANT,
        "tva.#.taux": TAUX,
        "tva.#.base": MONTANT,
        "tva.#.montant": MONTANT,
        **dict.fromkeys(SCALAIRES, MONTANT),
    },
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
