"""The rapprochement form and its grader cannot drift: the solution typed into the form scores 1."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from jinja2 import Environment, FileSystemLoader

import agora
from agora.company import generate_company
from agora.exercise.base import unflatten
from agora.exercise.forms import AnswerForm
from agora.exercise.kinds.rapprochement import KIND as kind

ENV = Environment(loader=FileSystemLoader(agora.TEMPLATES_DIR), autoescape=True)


class Fields(HTMLParser):
    """Every input and select of a rendered form, name -> submitted value."""

    def __init__(self) -> None:
        super().__init__()
        self.values: dict[str, str] = {}
        self._select: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "input" and a.get("name"):
            self.values[a["name"]] = a.get("value") or ""
        elif tag == "select":
            self._select = a["name"]
            self.values[self._select] = ""
        elif tag == "option" and self._select and "selected" in a:
            self.values[self._select] = a.get("value") or ""

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None


def render(params, niveau, answer=None, grade=None) -> str:
    form = AnswerForm.from_answer(answer, grade)
    return ENV.get_template("exercise/rapprochement/form.html").render(
        params=params, niveau=niveau, form=form
    )


def submitted(html: str) -> dict[str, str]:
    parser = Fields()
    parser.feed(html)
    return parser.values


@pytest.mark.parametrize("niveau", (1, 2, 3))
@pytest.mark.parametrize("seed", range(0, 40, 3))
def test_the_solution_typed_into_the_form_scores_one(seed, niveau):
    params = kind.generate(seed, niveau, generate_company(seed)).params
    html = render(params, niveau, kind.solve(params))
    answer = unflatten(submitted(html))
    grade = kind.grade(params, answer)
    assert grade.score == 1, grade.to_json()


def test_an_empty_form_is_gradable_and_scores_low():
    params = kind.generate(4, 2, generate_company(4)).params
    answer = unflatten(submitted(render(params, 2)))
    grade = kind.grade(params, answer)
    assert grade.score < 0.2
    assert {c.champ for c in grade.champs} >= {"pointage", "solde_rectifie", "cote_banque.ajouts"}


def test_a_graded_form_shows_verdicts_and_keeps_the_choices():
    params = kind.generate(5, 3, generate_company(5)).params
    wrong = kind.sample_answers(params)[1].answer
    grade = kind.grade(params, wrong)
    html = render(params, 3, wrong, grade)
    assert "verdict--faux" in html and "verdict--juste" in html
    assert unflatten(submitted(html))["solde_releve"] == wrong["solde_releve"]


def test_level_one_guides_and_level_three_mentions_the_entry_error():
    params1 = kind.generate(6, 1, generate_company(6)).params
    params3 = kind.generate(6, 3, generate_company(6)).params
    assert "Solde de départ + débits − crédits" in render(params1, 1)
    html3 = render(params3, 3)
    assert "montant faux" in html3
    assert 'name="pointage.0.0" value="S1"' in html3
