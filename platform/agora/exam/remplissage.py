"""How much of an exam question the student has filled: the fields the form shows them (read
from the form as rendered, so a field a level hides is not counted) against the non-empty
values of the saved answer. The question nav marks ✓ only a question filled whole.

« Whole » is measured against the reference answer: a planning's rest day, a journal's spare
rows or an unused optional box are left empty by a right answer too, so they are not asked of
the student. Only how many fields the reference fills is used, never which: the nav must not
tell which cell of a planning is worked."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser
from typing import Any

from jinja2 import Environment

from agora.exercise.forms import AnswerForm, flatten
from agora.exercise.registry import KINDS

# Types whose empty state is itself an answer (a box not ticked) or that carry no answer.
_NOT_TO_FILL = {"hidden", "checkbox", "submit", "button", "reset", "image"}
# Attributes of a field not asked of the student: shown only, or optional in a written document.
_NOT_ASKED = {"readonly", "data-facultatif"}


@dataclass(frozen=True)
class Remplissage:
    remplis: int
    champs: int

    @property
    def complete(self) -> bool:
        return self.champs > 0 and self.remplis >= self.champs


class _Fields(HTMLParser):
    """The fields a student types into or picks in, in order, each once, and those of them
    the rendered form shows with a value. An optional part of a written document (a Cc, an
    attachment: ``data-facultatif``) is not one: a whole letter may leave it empty."""

    def __init__(self) -> None:
        super().__init__()
        self.names: dict[str, None] = {}
        self.with_value: set[str] = set()
        self._open: str | None = None  # the select or textarea being read

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "option":
            if self._open and "selected" in values and (values.get("value") or "").strip():
                self.with_value.add(self._open)
            return
        if tag not in ("input", "select", "textarea"):
            return
        name, kind = values.get("name"), (values.get("type") or "text").lower()
        if not name or (tag == "input" and kind in _NOT_TO_FILL) or _NOT_ASKED & values.keys():
            return
        self.names[name] = None
        if tag == "input" and (values.get("value") or "").strip():
            self.with_value.add(name)
        self._open = name if tag != "input" else None

    def handle_data(self, data: str) -> None:
        if self._open and data.strip() and self._open in self.names:
            self.with_value.add(self._open)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("select", "textarea"):
            self._open = None


def _parse(env: Environment, template: str, niveau: int, params: dict, form: AnswerForm):
    parser = _Fields()
    parser.feed(env.get_template(template).render(params=params, niveau=niveau, form=form))
    return parser


@lru_cache(maxsize=1024)
def _shown(
    env: Environment, template: str, niveau: int, params_json: str, kind: str | None
) -> tuple[tuple[str, ...], int]:
    # A copy's variant never changes: the same question is rendered once per process.
    params = json.loads(params_json)
    shown = tuple(_parse(env, template, niveau, params, AnswerForm()).names)
    if kind not in KINDS:
        return shown, len(shown)
    reference = AnswerForm.from_answer(KINDS[kind].solve(params))
    return shown, len(_parse(env, template, niveau, params, reference).with_value)


def fields_shown(env: Environment, template: str, niveau: int, params: dict[str, Any]):
    """The names of the fields the question's form shows the student."""
    return _shown(env, template, niveau, _key(params), None)[0]


def remplissage(
    env: Environment,
    template: str,
    niveau: int,
    params: dict[str, Any],
    answer: Any,
    kind: str | None = None,
) -> Remplissage:
    """How many of the fields shown hold a value in ``answer`` (the saved nested JSON), out of
    as many as the reference answer of ``kind`` fills (every field shown for a writing)."""
    shown, expected = _shown(env, template, niveau, _key(params), kind)
    values = flatten(answer or {})
    filled = sum(1 for name in shown if str(values.get(name, "")).strip())
    return Remplissage(filled, expected or len(shown))


def _key(params: dict[str, Any]) -> str:
    return json.dumps(params, sort_keys=True, default=str)
