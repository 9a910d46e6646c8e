"""Reading an answer against its schema: the answer JSON becomes a ``Lecture``, the same tree
with a typed ``Lu`` at each known field, read once, never raising.

The schema's dotted patterns (``groupes.#.reductions.#.montant``) are compiled once into a
tree of nested dicts (``#`` the child of every row of a list), so reading an answer walks the
answer and that tree side by side; a field's dotted path is only spelled out when it has a
format error to report. Reading is on the path of every grade (5 000 a second per kind).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from agora.exercise.base import FormatErrors
from agora.exercise.fields import _MAX_TEXT, Field, Lu, _read_text, is_empty

_INDEX = re.compile(r"(?<=\.)\d+(?=\.|$)|^\d+(?=\.|$)", re.ASCII)
_PAS_UN_OBJET = "La réponse doit être un objet JSON {…}."
_PAS_UNE_LIGNE = "Plusieurs valeurs sont attendues ici (une ligne, une liste)."


def pattern_of(name: str) -> str:
    """A dotted field name with its row indexes as ``#``: ``tva.0.montant`` → ``tva.#.montant``."""
    return _INDEX.sub("#", name)


@dataclass(frozen=True)
class Lecture:
    """An answer as read: the same tree with a ``Lu`` at each known field, and the format
    errors by dotted field name (empty when every field could be read)."""

    arbre: dict[str, Any]
    erreurs: dict[str, str]

    def lu(self, *chemin: str | int) -> Lu | None:
        """The field at this path (``lu("groupes", 0, "escompte")``), None when absent."""
        noeud: Any = self.arbre
        for part in chemin:
            if isinstance(noeud, dict) and isinstance(part, str):
                noeud = noeud.get(part)
            elif isinstance(noeud, list) and isinstance(part, int) and 0 <= part < len(noeud):
                noeud = noeud[part]
            else:
                return None
        return noeud if isinstance(noeud, Lu) else None

    def valeur(self, *chemin: str | int) -> Any:
        """The typed value at this path (None when absent, empty or unreadable)."""
        lu = self.lu(*chemin)
        return lu.valeur if lu else None

    def raise_errors(self) -> Lecture:
        """Itself when readable; FormatErrors (no attempt is spent) otherwise."""
        if self.erreurs:
            raise FormatErrors(self.erreurs)
        return self


class Reader:
    """The reader of one schema's answers: its patterns compiled into a tree of dicts whose
    leaves are the field types."""

    def __init__(self, champs: Mapping[str, Field]):
        self.arbre: dict[str, Any] = {}
        for nom, type_champ in champs.items():
            *parents, feuille = nom.split(".")
            noeud: Any = self.arbre
            for part in parents:
                noeud = noeud.setdefault(part, {})
                if isinstance(noeud, Field):
                    break  # a name that is a field is read as one, never as a row
            else:
                noeud[feuille] = type_champ

    def read(self, answer: Any) -> Lecture:
        """Every known leaf of the answer read into a ``Lu``; an object where a value is
        expected (or the reverse) is a format error; unknown names are left out."""
        if not isinstance(answer, dict):
            return Lecture({}, {"réponse": _PAS_UN_OBJET})
        erreurs: dict[str, str] = {}
        return Lecture(_objet(answer, self.arbre, "", erreurs), erreurs)


def _objet(node: dict, spec: dict[str, Any], path: str, erreurs: dict[str, str]) -> dict:
    lu_dict: dict[str, Any] = {}
    for key, value in node.items():
        if type(key) is not str:
            key = str(key)
        sous = spec.get(key)
        if sous is None:
            continue  # an unknown name: nothing to read
        if type(sous) is dict:  # a row or a list: read further
            child = _conteneur(value, sous, f"{path}.{key}" if path else key, erreurs)
            if child is not None:
                lu_dict[key] = child
            continue
        # A field, read here rather than through a call: most of an answer is its leaves,
        # and their path is spelled out only when there is an error to report. A short text
        # goes straight to the shared memo of ``Field.read`` (one Python call less per leaf).
        if type(value) is str and len(value) <= _MAX_TEXT:
            lu = lu_dict[key] = _read_text(sous, value)
        else:
            lu = lu_dict[key] = sous.read(value)
        if lu.erreur:
            erreurs[f"{path}.{key}" if path else key] = lu.erreur
    return lu_dict


def _liste(node: list, spec: dict[str, Any], path: str, erreurs: dict[str, str]) -> list:
    sous = spec.get("#")
    if sous is None:
        return [None] * len(node)
    if type(sous) is dict:
        return [_conteneur(value, sous, f"{path}.{i}", erreurs) for i, value in enumerate(node)]
    lus = [
        _read_text(sous, value)
        if type(value) is str and len(value) <= _MAX_TEXT
        else sous.read(value)
        for value in node
    ]
    for i, lu in enumerate(lus):
        if lu.erreur:
            erreurs[f"{path}.{i}"] = lu.erreur
    return lus


def _conteneur(value: Any, spec: dict[str, Any], path: str, erreurs: dict[str, str]) -> Any:
    """A value where the schema has a row or a list: read further, or None."""
    if isinstance(value, dict):
        return _objet(value, spec, path, erreurs)
    if isinstance(value, list):
        return _liste(value, spec, path, erreurs)
    if not is_empty(value):
        erreurs[path] = _PAS_UNE_LIGNE
    return None
