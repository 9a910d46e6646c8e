"""Each kind's answer schema accepts every name its form renders and its solutions use, and
refuses names that would blow up unflatten (huge indexes, deep nesting, odd digits)."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

import agora
from agora.company import generate_company
from agora.errors import InvalidInput
from agora.exercise.answer_names import AnswerSchema, check_fields, known_fields
from agora.exercise.forms import AnswerForm, flatten
from agora.exercise.registry import KINDS, get_kind
from agora.web.templating import make_environment

ENV = make_environment(agora.TEMPLATES_DIR)  # the app's: forms read answer_schema


class FormNames(HTMLParser):
    """The names of every input, select and textarea of a rendered form."""

    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()

    def handle_starttag(self, tag, attrs):
        name = dict(attrs).get("name")
        if tag in ("input", "select", "textarea") and name:
            self.names.add(name)


def rendered_names(kind: str, params, niveau: int, answer) -> set[str]:
    template = ENV.get_template(f"exercise/{kind}/form.html")
    parser = FormNames()
    parser.feed(template.render(params=params, niveau=niveau, form=AnswerForm.from_answer(answer)))
    return parser.names


@pytest.mark.parametrize("niveau", (1, 2, 3))
@pytest.mark.parametrize("name", KINDS)
@pytest.mark.parametrize("seed", (0, 7, 23, 101))
def test_every_name_of_the_form_the_solution_and_the_samples_is_accepted(name, niveau, seed):
    kind = get_kind(name)
    params = kind.generate(seed, niveau, generate_company(seed)).params
    answers = [kind.solve(params), *(s.answer for s in kind.sample_answers(params))]
    names = set().union(*(flatten(a) for a in answers))
    for answer in (None, *answers):  # the empty form, and the form re-showing each answer
        names |= rendered_names(name, params, niveau, answer)
    refused = sorted(n for n in names if not kind.ANSWER_SCHEMA.accepte(n))
    assert not refused, refused


class Posted(HTMLParser):
    """What a browser posts from a rendered form, and the names the student fills in (neither
    hidden nor a submit button)."""

    def __init__(self) -> None:
        super().__init__()
        self.values: dict[str, str] = {}
        self.typed: list[str] = []
        self._select: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        name = a.get("name")
        if tag in ("input", "textarea") and name and a.get("type") not in ("submit", "button"):
            self.values[name] = a.get("value") or ""
            if a.get("type") != "hidden":
                self.typed.append(name)
        elif tag == "select" and name:
            self._select = name
            self.typed.append(name)
        elif (
            tag == "option"
            and self._select
            and (self._select not in self.values or "selected" in a)
        ):
            self.values[self._select] = a.get("value") or ""

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None


@pytest.mark.parametrize("niveau", (1, 2, 3))
@pytest.mark.parametrize("name", KINDS)
def test_the_empty_form_holds_nothing_typed_and_one_field_filled_counts(name, niveau):
    # The hidden values a form writes itself (a rate, a reference, a ledger line) are not
    # typed: a form sent untouched is empty and costs no attempt (classroom.service).
    kind = get_kind(name)
    for seed in (0, 7, 23):
        params = kind.generate(seed, niveau, generate_company(seed)).params
        template = ENV.get_template(f"exercise/{name}/form.html")
        posted = Posted()
        posted.feed(template.render(params=params, niveau=niveau, form=AnswerForm()))
        assert kind.ANSWER_SCHEMA.saisis(posted.values) == 0, (seed, posted.values)
        for champ in (posted.typed[0], posted.typed[-1]):
            assert kind.ANSWER_SCHEMA.saisis({**posted.values, champ: "12"}) == 1, champ


FACTURE = get_kind("facture").ANSWER_SCHEMA


@pytest.mark.parametrize(
    "name",
    [
        "lignes.80000000.montant_ht",  # padded a list to that index: 5.4 GB
        "lignes.80000000",
        "lignes.200.montant_ht",  # one row more than params may have
        "lignes.01.montant_ht",  # not how a form writes an index
        "lignes.².montant_ht",  # isdigit() is true, int() fails
        "lignes.١٢.montant_ht",  # Arabic-Indic digits
        "lignes.0.montant_ht.0",
        "groupes.0.reductions.0.montant." + ".".join(["a"] * 450),
        "total_ht.",
        "lignes..montant_ht",
        "lignes.#.montant_ht",
        "csrf_token",
        "",
    ],
)
def test_names_outside_the_schema_are_refused(name):
    assert not FACTURE.accepte(name)
    with pytest.raises(InvalidInput, match="n'a pas été enregistrée"):
        check_fields(FACTURE, {"total_ht": "10", name: "1"})


def test_check_fields_bounds_the_length_of_values():
    assert check_fields(FACTURE, {"total_ht": "1" * 200}) == {"total_ht": "1" * 200}
    with pytest.raises(InvalidInput, match="dépasse 200 caractères"):
        check_fields(FACTURE, {"total_ht": "1" * 201})


def test_known_fields_drops_only_the_unknown_names():
    stored = {"total_ht": "10", "lignes.0.montant_ht": "5", "lignes.80000000": "x", "a.b": "y"}
    assert known_fields(FACTURE, stored) == {"total_ht": "10", "lignes.0.montant_ht": "5"}


def test_an_index_without_a_bound_is_a_programming_error():
    with pytest.raises(ValueError, match="no bound"):
        AnswerSchema(("lignes.#.montant",), {})
