"""The shared vocabulary of exercise kinds: Variant, Grade, FormatErrors and the ExerciseKind protocol.

Every kind module (``agora.exercise.kinds.<name>``) exposes the same small interface:

    NAME: str                      the kind, as in the public contract ("facture")
    TITRE: str                     a French title for pages ("Facture avec réductions")
    COMPETENCES: tuple[str, ...]   the référentiel codes the kind proves ("1.2.2", …)
    check_params(params: dict) -> dict   validated params; InvalidInput (one French line) if not
    generate(seed, niveau, organisation) -> Variant
    parse(answer: dict) -> dict    typed answer; raises FormatErrors (costs no attempt)
    solve(params: dict) -> dict    the reference solution, contract JSON
    grade(params: dict, answer: dict) -> Grade    pure: no clock, no database, never raises
    sample_answers(params: dict) -> list[SampleAnswer]   one correct, typical wrong ones, one invalid
    validate_field(champ: str, valeur: str) -> str | None   French format message for one form field

Grading is pure, so any stored raw answer can be re-graded at any time.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, NamedTuple, Protocol

from agora.errors import InvalidInput

NIVEAUX = (1, 2, 3)


@dataclass(frozen=True)
class Variant:
    """One generated exercise: contract params plus the French Markdown statement."""

    kind: str
    seed: int
    niveau: int
    params: dict[str, Any]
    enonce: str

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "seed": self.seed,
            "niveau": self.niveau,
            "params": self.params,
            "enonce": self.enonce,
        }


class ChampResult(NamedTuple):
    """The verdict on one answer field (``champ`` is a dotted path such as ``tva.0.montant``).

    A named tuple, not a frozen dataclass: a payslip grade builds about 70 of them, and a
    frozen dataclass's __init__ was the largest single cost of grading (issue 4's 5 000/s).
    """

    champ: str
    attendu: str | None
    recu: Any
    correct: bool
    message: str

    def to_json(self) -> dict[str, Any]:
        return {
            "champ": self.champ,
            "attendu": self.attendu,
            "recu": self.recu,
            "correct": self.correct,
            "message": self.message,
        }


@dataclass(frozen=True)
class Diagnostic:
    """A recognised misconception or rule violation; ``details`` adds kind-specific keys."""

    code: str
    message: str
    details: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code, **self.details, "message": self.message}


@dataclass(frozen=True)
class Grade:
    """The grading of one answer, serialisable to the public grading JSON."""

    kind: str
    score: Decimal
    champs: list[ChampResult]
    diagnostics: list[Diagnostic]
    competences: list[tuple[str, Decimal]]

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "score": str(self.score),
            "champs": [c.to_json() for c in self.champs],
            "diagnostics": [d.to_json() for d in self.diagnostics],
            "competences": [{"code": code, "score": str(s)} for code, s in self.competences],
        }


class FormatErrors(InvalidInput):
    """An answer that cannot be read: a French message per field. Not a wrong answer."""

    def __init__(self, errors: dict[str, str]):
        self.errors = errors
        first = next(iter(errors.items()), ("réponse", "réponse illisible"))
        super().__init__(f"{first[0]} : {first[1]}")


@dataclass(frozen=True)
class SampleAnswer:
    """A typical answer for tests and demos: what it is, and what grading should find."""

    label: str
    answer: dict[str, Any]
    correct: bool
    expected_diagnostics: tuple[str, ...] = ()
    invalid: bool = False


class ExerciseKind(Protocol):
    NAME: str
    TITRE: str
    COMPETENCES: tuple[str, ...]

    def check_params(self, params: dict[str, Any]) -> dict[str, Any]: ...
    def generate(self, seed: int, niveau: int, organisation: Any) -> Variant: ...
    def parse(self, answer: dict[str, Any]) -> dict[str, Any]: ...
    def solve(self, params: dict[str, Any]) -> dict[str, Any]: ...
    def grade(self, params: dict[str, Any], answer: dict[str, Any]) -> Grade: ...
    def sample_answers(self, params: dict[str, Any]) -> list[SampleAnswer]: ...
    def validate_field(self, champ: str, valeur: str) -> str | None: ...


def score_ratio(points: int | Decimal, total: int | Decimal) -> Decimal:
    """A score in [0, 1] as a decimal with 4 places (0 when nothing was gradable)."""
    if not total:
        return Decimal("0")
    ratio = Decimal(points) / Decimal(total)
    return max(Decimal(0), min(Decimal(1), ratio)).quantize(Decimal("0.0001"), ROUND_HALF_UP)


def unflatten(form: dict[str, str]) -> dict[str, Any]:
    """Turn flat form names (``groupes.0.net_commercial``) into the nested answer JSON.

    Numeric path parts become list indexes; holes in lists are filled with empty dicts,
    so a form missing a row still yields a gradable answer.
    """
    root: dict[str, Any] = {}
    for name, value in form.items():
        parts = name.split(".")
        node: Any = root
        for part, nxt in zip(parts, [*parts[1:], None], strict=True):
            key: Any = int(part) if part.isdigit() and isinstance(node, list) else part
            if nxt is None:
                _put(node, key, value)
            else:
                child = [] if nxt.isdigit() else {}
                node = _get_or_put(node, key, child)
    return root


def _put(node: Any, key: Any, value: Any) -> None:
    if isinstance(node, list):
        while len(node) <= key:
            node.append({})
        node[key] = value
    else:
        node[key] = value


def _get_or_put(node: Any, key: Any, default: Any) -> Any:
    if isinstance(node, list):
        while len(node) <= key:
            node.append(type(default)())
        if not isinstance(node[key], type(default)) or node[key] == {}:
            node[key] = node[key] if isinstance(node[key], type(default)) else default
        return node[key]
    return node.setdefault(key, default)


def dumps(document: Any) -> str:
    """The one JSON style of the CLI: UTF-8, sorted keys off (contract order), two-space indent."""
    return json.dumps(document, ensure_ascii=False, indent=2)
