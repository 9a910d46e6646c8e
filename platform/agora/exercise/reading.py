"""Reading an answer against its schema: the answer JSON becomes a ``Lecture``, the same tree
with a typed ``Lu`` at each known field, read once, never raising.

The schema's dotted patterns (``groupes.#.reductions.#.montant``) are compiled once into a
tree of nested dicts (``#`` the child of every row of a list), then into one reading function
per node of that tree, so reading an answer walks the answer alone; a field's dotted path is
only spelled out when it has a format error to report. Reading is on the path of every grade
(5 000 a second per kind).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from agora.exercise.base import FormatErrors
from agora.exercise.fields import Field, Lu, is_empty

_INDEX = re.compile(r"(?<=\.)\d+(?=\.|$)|^\d+(?=\.|$)", re.ASCII)
_PAS_UN_OBJET = "La réponse doit être un objet JSON {…}."
_PAS_UNE_LIGNE = "Plusieurs valeurs sont attendues ici (une ligne, une liste)."


@lru_cache(maxsize=8192)  # graders ask it of every path of every variant: the same few hundred
def pattern_of(name: str) -> str:
    """A dotted field name with its row indexes as ``#``: ``tva.0.montant`` → ``tva.#.montant``."""
    return _INDEX.sub("#", name)


@lru_cache(maxsize=8192)
def sans_index(name: str) -> str:
    """A dotted field name without its row indexes, as a wrong method's signature names the
    fields it changes: ``taux.0.remises.1.montant`` → ``taux.remises.montant``."""
    return pattern_of(name).replace(".#", "")


@dataclass(frozen=True)
class Lecture:
    """An answer as read: the same tree with a ``Lu`` at each known field, and the format
    errors by dotted field name (empty when every field could be read)."""

    arbre: dict[str, Any]
    erreurs: dict[str, str]

    def lu(self, *chemin: str | int) -> Lu | None:
        """The field at this path (``lu("groupes", 0, "escompte")``), None when absent."""
        noeud = self.noeud(*chemin)
        return noeud if isinstance(noeud, Lu) else None

    def noeud(self, *chemin: str | int) -> Any:
        """What the read answer holds at this path (a field, a row, a list), None when absent."""
        noeud: Any = self.arbre
        for part in chemin:
            if isinstance(noeud, dict) and isinstance(part, str):
                noeud = noeud.get(part)
            elif isinstance(noeud, list) and isinstance(part, int) and 0 <= part < len(noeud):
                noeud = noeud[part]
            else:
                return None
        return noeud

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
    """The reader of one schema's answers: its patterns compiled once into a tree of dicts whose
    leaves are the field types, then into one reading function per row of that tree."""

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
        self._objet = _objet(self.arbre)

    def read(self, answer: Any) -> Lecture:
        """Every known leaf of the answer read into a ``Lu``; an object where a value is
        expected (or the reverse) is a format error; unknown names are left out."""
        if not isinstance(answer, dict):
            return Lecture({}, {"réponse": _PAS_UN_OBJET})
        erreurs: dict[str, str] = {}
        return Lecture(self._objet(answer, (), erreurs), erreurs)


# The compiled readers: ``_objet(spec)`` is the function that reads a row (a JSON object)
# against one node of the tree, ``_conteneur(spec)`` the one that reads whatever value stands
# where the tree has a row or a list. Each is built once per schema, with what depends on the
# node alone looked up beforehand: a leaf's memo of texts already read (``Field.memo``), a
# child's own reader. Reading an answer is then a dict look-up per name and per text.
#
# Where a value stands is passed down as a chain of pairs (the parent's chain, the name or
# index), () at the root: a pair costs less than a dotted text per row, and the dotted name is
# only spelled out (``_nom``) for a format error, which most answers don't have.
Chemin = tuple[Any, ...]
Lecteur = Callable[[Any, Chemin, dict[str, str]], Any]


def _nom(chemin: Chemin) -> str:
    """The dotted name of a chain: ((((), "groupes"), 0), "escompte") → ``groupes.0.escompte``."""
    parts = []
    while chemin:
        chemin, part = chemin
        parts.append(str(part))
    return ".".join(reversed(parts))


def _objet(spec: dict[str, Any]) -> Lecteur:
    # Each leaf's memo by its name, the field itself apart: a leaf's memo found in one look-up,
    # the field only asked for a text not read yet (a grade reads a few hundred leaves).
    memos = {k: f.memo for k, f in spec.items() if type(f) is not dict}
    feuilles = {k: f for k, f in spec.items() if type(f) is not dict}
    lignes = {k: _conteneur(sous) for k, sous in spec.items() if type(sous) is dict}

    def objet(node: dict, path: Chemin, erreurs: dict[str, str]) -> dict:
        lu_dict: dict[str, Any] = {}
        for key, value in node.items():
            memo = memos.get(key)
            if memo is not None:
                # Most of an answer is short texts already read: one look-up, no call.
                lu = memo.get(value) if type(value) is str else None
                if lu is None:
                    lu = feuilles[key].read(value)
                lu_dict[key] = lu
                if lu[2]:
                    erreurs[_nom((path, key))] = lu[2]
                continue
            lire = lignes.get(key)
            if lire is not None:
                child = lire(value, (path, key), erreurs)
                if child is not None:
                    lu_dict[key] = child
            elif type(key) is not str:  # a name that is no text (a Python dict): as its text
                lu_dict.update(objet({str(key): value}, path, erreurs))
        return lu_dict

    return objet


def _conteneur(spec: dict[str, Any]) -> Lecteur:
    """A value where the schema has a row or a list: read further, or None."""
    objet = _objet(spec)
    liste = _liste(spec.get("#"))

    def conteneur(value: Any, path: Chemin, erreurs: dict[str, str]) -> Any:
        if isinstance(value, dict):
            return objet(value, path, erreurs)
        if isinstance(value, list):
            return liste(value, path, erreurs)
        if not is_empty(value):
            erreurs[_nom(path)] = _PAS_UNE_LIGNE
        return None

    return conteneur


def _liste(sous: Any) -> Lecteur:
    """The reader of a list whose rows are ``sous`` (a node, a field, or None: not a list)."""
    if sous is None:
        return lambda node, path, erreurs: [None] * len(node)
    if type(sous) is dict:
        return _rangees(sous)
    field, memo = sous, sous.memo

    def valeurs(node: list, path: Chemin, erreurs: dict[str, str]) -> list:
        lus = [memo.get(v) if type(v) is str else None for v in node]
        for i, lu in enumerate(lus):
            if lu is None:
                lu = lus[i] = field.read(node[i])
            if lu[2]:
                erreurs[_nom((path, i))] = lu[2]
        return lus

    return valeurs


def _rangees(sous: dict[str, Any]) -> Lecteur:
    """The reader of a list of rows: each row an object read straight by the row's reader (the
    common case, one call a row), anything else read as ``_conteneur`` reads it."""
    objet, rangee = _objet(sous), _conteneur(sous)

    def rangees(node: list, path: Chemin, erreurs: dict[str, str]) -> list:
        return [
            objet(value, (path, i), erreurs)
            if type(value) is dict
            else rangee(value, (path, i), erreurs)
            for i, value in enumerate(node)
        ]

    return rangees
