"""The answer of a ``facture``: its fields with their types, and its lists and rows of the wrong shape."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from agora.exercise.answer_names import AnswerSchema
from agora.exercise.fields import MONTANT, TAUX, TEXTE, Field, Lu
from agora.exercise.kinds.facture.params import MAX_LIGNES, MAX_REDUCTIONS
from agora.exercise.reading import Lecture

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


@lru_cache(maxsize=4096)  # the grader asks it of every wrong amount: the same few paths
def noeud(path: str) -> str:
    """An answer path without its indexes: ``groupes.0.reductions.1.montant`` → ``groupes.reductions.montant``."""
    return _INDEX.sub("", path)


def corps(champs_groupe: tuple[str, ...]) -> dict[str, Field]:
    """The fields of an invoice's body, in the form's order: its lines, its groups (one per VAT
    rate: the amounts ``champs_groupe`` and the reductions) and its VAT rows. A credit note
    (``avoir``) is an invoice too: the same body, with its own amounts of a group."""
    return {
        "lignes.#.reference": TEXTE,
        "lignes.#.montant_ht": MONTANT,
        "groupes.#.taux_tva": TAUX,
        **{f"groupes.#.{champ}": MONTANT for champ in champs_groupe},
        "groupes.#.reductions.#.nature": TEXTE,
        "groupes.#.reductions.#.taux": TAUX,
        "groupes.#.reductions.#.montant": MONTANT,
        "tva.#.taux": TAUX,
        "tva.#.base": MONTANT,
        "tva.#.montant": MONTANT,
    }


# The names of an answer (its form, its solution); one group and one VAT row per rate.
ANSWER_SCHEMA = AnswerSchema(
    {**corps(CHAMPS_GROUPE), **dict.fromkeys(SCALAIRES, MONTANT)},
    {
        "lignes": MAX_LIGNES,
        "groupes": MAX_LIGNES,
        "groupes.#.reductions": MAX_REDUCTIONS,
        "tva": MAX_LIGNES,
    },
    donnes=("groupes.#.taux_tva", "tva.#.taux"),  # written by the form (hidden), never typed
)

LISTE = "Une liste […] est attendue ici."
OBJET = "Un objet {…} est attendu ici."


def read(answer: Any) -> Lecture:
    """The schema's reading, where a list or a row of the wrong shape (« lignes » : "beaucoup")
    stays in the tree as an unreadable ``Lu``: the grader shows what was received there."""
    lecture = ANSWER_SCHEMA.read(answer)
    if not isinstance(answer, dict):
        return Lecture({"réponse": Lu(answer, None, lecture.erreurs["réponse"])}, lecture.erreurs)
    arbre, erreurs = lecture.arbre, dict(lecture.erreurs)
    _formes(answer, arbre, "", ("lignes", "groupes", "tva"), erreurs)
    groupes = answer.get("groupes")
    for g, groupe in enumerate(groupes if isinstance(groupes, list) else ()):
        if isinstance(groupe, dict):
            _formes(groupe, arbre["groupes"][g], f"groupes.{g}.", ("reductions",), erreurs)
    return Lecture(arbre, erreurs)


def _formes(brut: dict, arbre: dict, prefixe: str, listes: tuple[str, ...], erreurs: dict) -> None:
    """Put an unreadable ``Lu`` in ``arbre`` (the reading of ``brut``) for each of ``listes``
    that is not a list and each of their rows that is not an object."""
    for cle in listes:
        if cle not in brut:
            continue
        lignes = brut[cle]
        if not isinstance(lignes, list):
            arbre[cle] = _illisible(lignes, prefixe + cle, LISTE, erreurs)
            continue
        for i, ligne in enumerate(lignes):
            if not isinstance(ligne, dict):
                arbre[cle][i] = _illisible(ligne, f"{prefixe}{cle}.{i}", OBJET, erreurs)


def _illisible(brut: Any, chemin: str, message: str, erreurs: dict) -> Lu:
    erreurs[chemin] = message
    return Lu(brut, None, message)
