"""Shared helpers of the exercise tests: build a variant, run the `agora` command, render a
kind's form and read back what a browser would submit from it."""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import cache
from html.parser import HTMLParser
from typing import Any

import pytest

import agora
from agora.cli import main
from agora.exercise.base import Variant
from agora.exercise.forms import AnswerForm
from agora.exercise.variants import build_variant
from agora.web.templating import make_environment

# The app's own environment: its filters and globals (answer_schema) are what forms use.
FORMS = make_environment(agora.TEMPLATES_DIR)


@cache
def _variant(kind: str, seed: int, niveau: int) -> Variant:
    # As `agora generate` builds it: a kind with options names its default choices.
    return build_variant(kind, niveau, seed, org_seed=seed)


@pytest.fixture(scope="session")
def variant():
    """variant(kind, seed, niveau): the exercise the CLI would generate, built once per session."""
    return _variant


class Submitted(HTMLParser):
    """What a browser submits from a rendered form: inputs, the selected option, textareas."""

    def __init__(self) -> None:
        super().__init__()
        self.values: dict[str, str] = {}
        self._select: str | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "input" and a.get("name") and a.get("type") not in ("submit", "button"):
            self.values[a["name"]] = a.get("value") or ""
        elif tag == "select" and a.get("name"):
            self._select = a["name"]
        elif tag == "option" and self._select:
            # With nothing selected a browser sends the first option.
            if self._select not in self.values or "selected" in a:
                self.values[self._select] = a.get("value") or ""
        elif tag == "textarea" and a.get("name"):
            self._textarea = a["name"]
            self.values[self._textarea] = ""

    def handle_data(self, data: str) -> None:
        if self._textarea:
            self.values[self._textarea] += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None


def render_form(kind: str, params: dict[str, Any], niveau: int, form: AnswerForm) -> str:
    """The kind's form fragment, as the platform includes it inside its <form>."""
    template = FORMS.get_template(f"exercise/{kind}/form.html")
    return template.render(params=params, niveau=niveau, form=form)


def submitted(html: str) -> dict[str, str]:
    """The flat name -> value pairs a browser would post from ``html``."""
    parser = Submitted()
    parser.feed(html)
    return parser.values


@pytest.fixture(scope="session")
def form_html():
    """form_html(kind, params, niveau, form): the kind's rendered form fragment."""
    return render_form


@pytest.fixture(scope="session")
def form_values():
    """form_values(kind, params, niveau, form): render the kind's form, read back what it posts."""

    def read(kind: str, params: dict[str, Any], niveau: int, form: AnswerForm) -> dict[str, str]:
        return submitted(render_form(kind, params, niveau, form))

    return read


@dataclass(frozen=True)
class CliRun:
    """What one `agora` command did: its exit code, stdout and stderr."""

    code: int
    out: str
    err: str


@pytest.fixture
def run_cli(capsys, monkeypatch):
    """run_cli(argv, stdin=""): run `agora argv…` in-process and capture what it printed."""

    def run(argv: list[str], stdin: str = "") -> CliRun:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        code = 0
        try:
            main(argv)
        except SystemExit as done:
            code = done.code if isinstance(done.code, int) else 1
        out, err = capsys.readouterr()
        return CliRun(code, out, err)

    return run
