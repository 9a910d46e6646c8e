"""How much of an exam question the student has filled: the fields its form shows them (read
from the form as rendered, so a field a level hides or pre-fills is not counted) against the
non-empty values of the saved answer. The question nav marks ✓ only a question filled whole."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser
from typing import Any

from jinja2 import Environment

from agora.exercise.forms import AnswerForm, flatten

# Types whose empty state is itself an answer (a box not ticked) or that carry no answer.
_NOT_TO_FILL = {"hidden", "checkbox", "submit", "button", "reset", "image"}


@dataclass(frozen=True)
class Remplissage:
    remplis: int
    champs: int

    @property
    def complete(self) -> bool:
        return self.champs > 0 and self.remplis >= self.champs


class _Names(HTMLParser):
    """The names of the fields a student types into or picks in, in order, each once."""

    def __init__(self) -> None:
        super().__init__()
        self.names: dict[str, None] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ("input", "select", "textarea"):
            return
        values = dict(attrs)
        name, kind = values.get("name"), (values.get("type") or "text").lower()
        if name and not (tag == "input" and kind in _NOT_TO_FILL) and "readonly" not in values:
            self.names[name] = None


@lru_cache(maxsize=1024)
def _shown(env: Environment, template: str, niveau: int, params_json: str) -> tuple[str, ...]:
    # A copy's variant never changes: the same question is parsed once per process.
    html = env.get_template(template).render(
        params=json.loads(params_json), niveau=niveau, form=AnswerForm()
    )
    parser = _Names()
    parser.feed(html)
    return tuple(parser.names)


def fields_shown(env: Environment, template: str, niveau: int, params: dict[str, Any]):
    """The names of the fields the question's form shows the student."""
    return _shown(env, template, niveau, json.dumps(params, sort_keys=True, default=str))


def remplissage(
    env: Environment, template: str, niveau: int, params: dict[str, Any], answer: Any
) -> Remplissage:
    """How many of the fields shown hold a value in ``answer`` (the saved nested JSON)."""
    shown = fields_shown(env, template, niveau, params)
    values = flatten(answer or {})
    filled = sum(1 for name in shown if str(values.get(name, "")).strip())
    return Remplissage(filled, len(shown))
