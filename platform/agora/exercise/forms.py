"""The state of an answer form (typed values, format errors, verdicts), for the kinds' templates.

A kind's form template (templates/exercise/<kind>/form.html) names each input with the dotted
path of its answer field (``groupes.0.net_commercial``); ``unflatten`` rebuilds the answer JSON,
the one shape every answer is stored in (mission attempts and exam answers alike), and
``merge_fields`` writes an autosaved field into it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple

from agora.exercise.base import ChampResult, Grade, unflatten


def flatten(answer: Any, prefix: str = "") -> dict[str, str]:
    """The inverse of ``unflatten``: nested answer JSON to dotted names and text values."""
    if isinstance(answer, dict):
        items: list[tuple[str, Any]] = list(answer.items())
    elif isinstance(answer, list):
        items = [(str(i), v) for i, v in enumerate(answer)]
    else:
        return {prefix: "" if answer is None else str(answer)}
    flat: dict[str, str] = {}
    for key, value in items:
        flat.update(flatten(value, f"{prefix}.{key}" if prefix else str(key)))
    return flat


def merge_fields(answer: dict[str, Any] | None, fields: dict[str, str]) -> dict[str, Any]:
    """The nested ``answer`` with the flat ``fields`` written into it: a posted name replaces
    what the answer held at that name, below it or above it (``lignes`` then ``lignes.0.x``),
    and every other field stays as it was."""
    above = {".".join(n.split(".")[:i]) for n in fields for i in range(1, n.count(".") + 1)}

    def replaced(name: str) -> bool:
        parts = name.split(".")
        return name in above or any(".".join(parts[:i]) in fields for i in range(1, len(parts)))

    kept = {name: v for name, v in flatten(answer or {}).items() if not replaced(name)}
    return unflatten(kept | fields)


@dataclass
class AnswerForm:
    """What a form template needs: what was typed, what could not be read, what was graded."""

    values: dict[str, str] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)
    results: dict[str, ChampResult] = field(default_factory=dict)
    validate_url: str | None = None  # htmx endpoint checking one field's format as it is typed
    disabled: bool = False
    id_prefix: str = ""  # a mission page shows every step's form: their ids must differ

    @classmethod
    def from_answer(
        cls, answer: dict[str, Any] | None, grade: Grade | None = None, **kwargs: Any
    ) -> AnswerForm:
        results = {c.champ: c for c in grade.champs} if grade else {}
        return cls(values=flatten(answer or {}), results=results, **kwargs)

    def value(self, name: str) -> str:
        return self.values.get(name, "")

    def error(self, name: str) -> str | None:
        return self.errors.get(name)

    def result(self, name: str) -> ChampResult | None:
        return self.results.get(name)

    def dom_id(self, name: str) -> str:
        """The HTML id of this form's field ``name``."""
        return field_dom_id(name, self.id_prefix)

    def field(self, name: str) -> FieldState:
        """What the widget of field ``name`` prints, read once: each call a template makes is
        inspected by Jinja, and the form of a big exercise has 300 fields."""
        error, result = self.errors.get(name), self.results.get(name)
        classes = "champ"
        if error:
            classes += " champ--erreur"
        if result:
            classes += " champ--juste" if result.correct else " champ--faux"
        return FieldState(
            name,
            field_dom_id(name, self.id_prefix),
            self.values.get(name, ""),
            error,
            result,
            classes,
        )


class FieldState(NamedTuple):
    """One field of a form as its widget shows it (agora/exercise/widgets.py)."""

    name: str
    id: str
    value: str
    error: str | None
    result: ChampResult | None
    classes: str  # « champ », and whether it is unreadable, right or wrong


def field_dom_id(name: str, prefix: str = "") -> str:
    """An HTML id for a dotted field name (dots are not valid in CSS selectors), after the
    prefix of the form it belongs to."""
    return prefix + "champ-" + name.replace(".", "-").replace("_", "-")
