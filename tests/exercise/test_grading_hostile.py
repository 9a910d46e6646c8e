"""The hostile half of the kind contract (test_kind_contract.py): whatever a copy holds, whatever
names unflatten receives, whatever params come from outside, no kind ever raises anything but its
documented French errors, and a grade stays a score in [0, 1] with the kind's own codes."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agora.company import generate_company
from agora.errors import InvalidInput
from agora.exercise.base import FormatErrors, Grade, unflatten
from agora.exercise.forms import flatten
from agora.exercise.registry import KINDS, get_kind

SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# Drawing a whole answer leaf by leaf, or solving, costs more per example: fewer of them.
FEWER = settings(SETTINGS, max_examples=60)


@cache
def params_of(kind: str, niveau: int):
    return get_kind(kind).generate(11, niveau, generate_company(11)).params


@cache
def reference_of(kind: str, niveau: int) -> str:
    return json.dumps(get_kind(kind).solve(params_of(kind, niveau)))


def parts_of(kind: str) -> list[str]:
    """Every literal part of the kind's names, plus indexes written every odd way."""
    literal = {p for nom in get_kind(kind).ANSWER_SCHEMA.noms for p in nom.split(".") if p != "#"}
    return [*sorted(literal), "0", "1", "2", "01", "²", "١٢", "１", "", "-1", "99999999"]


VALUES = st.one_of(
    st.sampled_from(["", "12,50", "1 234,56 €", "09:00", "C1", "512", "١٢٣", "１２", "²", "x"]),
    st.sampled_from(["9" * 400, "-0,005", "1e999", "NaN", "∞", "12,345", "25:00", "2026-02-30"]),
    st.text(max_size=12),
)
LEAVES = st.one_of(
    VALUES,
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
)


def assert_sane(grade: Grade, kind: str) -> None:
    """A grade a page can show: a score in [0, 1], JSON, the kind's own competency codes."""
    assert isinstance(grade, Grade) and 0 <= grade.score <= 1
    json.dumps(grade.to_json(), ensure_ascii=False)
    for code, score in grade.competences:
        assert code in get_kind(kind).COMPETENCES and 0 <= score <= 1


def flat_answers(kind: str):
    names = st.lists(st.sampled_from(parts_of(kind)), min_size=1, max_size=7).map(".".join)
    return st.dictionaries(names, VALUES, max_size=25)


def json_answers(kind: str):
    keys = st.sampled_from(parts_of(kind))
    return st.recursive(
        LEAVES,
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=5),
        max_leaves=30,
    )


def shaped_like(node: Any, data: st.DataObject, leaves) -> Any:
    """The reference answer's shape with every leaf drawn again (reaches every field reader)."""
    if isinstance(node, dict):
        return {key: shaped_like(value, data, leaves) for key, value in node.items()}
    if isinstance(node, list):
        return [shaped_like(value, data, leaves) for value in node]
    return data.draw(leaves)


@pytest.mark.parametrize("niveau", (1, 3))
@pytest.mark.parametrize("kind", KINDS)
@SETTINGS
@given(data=st.data())
def test_grading_whatever_unflatten_returns_gives_a_grade(kind, niveau, data):
    fields = data.draw(flat_answers(kind))
    assert_sane(get_kind(kind).grade(params_of(kind, niveau), unflatten(fields)), kind)


@pytest.mark.parametrize("kind", KINDS)
@SETTINGS
@given(data=st.data())
def test_grading_any_json_answer_gives_a_grade(kind, data):
    answer = data.draw(json_answers(kind))
    assert_sane(get_kind(kind).grade(params_of(kind, 2), answer), kind)


@pytest.mark.parametrize("kind", KINDS)
@FEWER
@given(data=st.data())
def test_the_reference_answer_with_junk_leaves_gives_a_grade(kind, data):
    reference = json.loads(reference_of(kind, 3))
    own = st.sampled_from(sorted(set(flatten(reference).values())))  # right values, wrong places
    answer = shaped_like(reference, data, own | LEAVES)
    assert_sane(get_kind(kind).grade(params_of(kind, 3), answer), kind)


@pytest.mark.parametrize("kind", KINDS)
@SETTINGS
@given(data=st.data())
def test_the_reference_answer_with_one_field_scrambled_gives_a_grade(kind, data):
    answer = json.loads(reference_of(kind, 2))
    answer[data.draw(st.sampled_from(sorted(answer)))] = data.draw(json_answers(kind))
    assert_sane(get_kind(kind).grade(params_of(kind, 2), answer), kind)


@pytest.mark.parametrize("kind", KINDS)
@SETTINGS
@given(data=st.data())
def test_reading_any_json_answer_gives_a_typed_answer_or_format_errors(kind, data):
    answer = data.draw(json_answers(kind))
    try:
        get_kind(kind).parse(answer)
    except FormatErrors as errors:
        assert errors.errors


@pytest.mark.parametrize("kind", KINDS)
@SETTINGS
@given(data=st.data())
def test_checking_one_typed_field_gives_a_message_or_none(kind, data):
    names = sorted(get_kind(kind).ANSWER_SCHEMA.noms)
    index = st.sampled_from(["0", "1", "7", "99999999", "x", "²"])
    name = data.draw(st.sampled_from(names).map(lambda n: n.replace("#", data.draw(index))))
    name = data.draw(st.just(name) | st.text(max_size=12))
    message = get_kind(kind).validate_field(name, data.draw(VALUES))
    assert message is None or (isinstance(message, str) and message)


@pytest.mark.parametrize("kind", KINDS)
@FEWER
@given(data=st.data())
def test_params_from_outside_are_accepted_or_refused_in_one_french_line(kind, data):
    module = get_kind(kind)
    params = json.loads(json.dumps(params_of(kind, 3)))
    for key in data.draw(st.lists(st.sampled_from(sorted(params)), min_size=1, max_size=3)):
        params[key] = data.draw(json_answers(kind))
    try:
        module.solve(module.check_params(params))
    except InvalidInput as error:  # what the CLI prints on its one line
        assert str(error) and "\n" not in str(error)
