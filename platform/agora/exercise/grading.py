"""Helpers shared by the graders: read a student's value leniently, judge one field, and
remember what a variant's params give (a class grades the same variant many times)."""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

from agora.errors import InvalidInput
from agora.exercise.base import ChampResult
from agora.exercise.reading import Lecture
from agora.money import euros, fmt, parse_amount, parse_decimal


def read_amount(raw: Any) -> tuple[Decimal | None, str | None]:
    """(amount, None) when ``raw`` reads as an amount, else (None, French message)."""
    if raw is None or raw == "":
        return None, "Champ non rempli."
    try:
        return parse_amount(raw), None
    except InvalidInput as error:
        return None, str(error)


def read_number(raw: Any, what: str = "nombre") -> tuple[Decimal | None, str | None]:
    """Like read_amount for rates, hours and quantities (any number of decimals)."""
    if raw is None or raw == "":
        return None, "Champ non rempli."
    try:
        return parse_decimal(raw, what), None
    except InvalidInput as error:
        return None, str(error)


def amount_field(
    champ: str, attendu: Decimal, raw: Any, ok: str = "Juste.", ko: str = ""
) -> tuple[ChampResult, Decimal | None]:
    """Judge one amount against the expected value; returns the verdict and the value read."""
    value, problem = read_amount(raw)
    recu = raw if isinstance(raw, str | int | float | type(None)) else str(raw)
    if problem:
        return ChampResult(champ, fmt(attendu), recu, False, problem), None
    correct = value == attendu
    message = ok if correct else (ko or f"Attendu : {euros(attendu)}.")
    return ChampResult(champ, fmt(attendu), recu, correct, message), value


class MemoParams:
    """Results computed from params alone, kept for the params objects graded recently.

    Found by identity, with no key to compute: a class often grades the same variant with the
    very same params object. An entry holds that object (so its id() is not reused by another)
    and a copy of it taken when stored: params changed in place since no longer equal the copy
    and are computed afresh. (Python equality does not tell 1 from 1.0 or True: a change in
    place that keeps every value equal would go unseen; graders never mutate params.)
    """

    def __init__(self, taille: int = 256):
        self._entrees: dict[int, tuple[Any, Any, Any]] = {}
        self._taille = taille

    def get(self, params: Any) -> Any | None:
        """The result stored for this very params object, if it is unchanged; else None."""
        entree = self._entrees.get(id(params))
        if entree is not None and entree[0] is params and entree[1] == params:
            return entree[2]
        return None

    def put(self, params: Any, copie: Any, resultat: Any) -> None:
        """Remember ``resultat`` for ``params``; ``copie`` equals them now and is never mutated."""
        if len(self._entrees) >= self._taille:
            self._entrees.clear()  # simple and safe between threads; refilled on demand
        self._entrees[id(params)] = (params, copie, resultat)

    def obtenir(self, params: Any, construire: Callable[[Any], Any]) -> Any:
        """The result for these params: the one kept, else ``construire(params)``, then kept."""
        resultat = self.get(params)
        if resultat is None:
            resultat = construire(params)
            self.put(params, copy.deepcopy(params), resultat)
        return resultat


class Etapes:
    """The printed steps of one calculation by their answer path (``groupes.0.net_ht``…).

    Each step continues from the student's own value when they gave one: a later field
    computed right from an earlier wrong value is their error carried forward, not a new one.
    """

    __slots__ = ("out", "own")

    def __init__(self, own: Mapping[str, Any] | None = None):
        self.own = own or {}
        self.out: dict[str, Any] = {}

    def put(self, path: str, value: Any) -> Any:
        """Record the step's right value; what the next steps start from."""
        self.out[path] = value
        return self.own.get(path, value)


def illisibles(champs: list[ChampResult], lecture: Lecture) -> list[ChampResult]:
    """The fields the answer could not read that no verdict names yet: each one wrong, with
    its format message (a finished exam copy is graded as it is)."""
    vus = {c.champ for c in champs}
    return [
        ChampResult(nom, None, None, False, message)
        for nom, message in lecture.erreurs.items()
        if nom not in vus
    ]
