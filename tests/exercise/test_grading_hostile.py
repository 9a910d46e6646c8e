"""Grading never raises on stored input: whatever names a copy holds, whatever unflatten makes of
them (a list where a dict was expected, a text where a list was), each kind returns a Grade."""

from __future__ import annotations

from functools import cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agora.company import generate_company
from agora.exercise.base import FormatErrors, Grade, unflatten
from agora.exercise.registry import KIND_NAMES, get_kind


@cache
def params_of(kind: str, niveau: int):
    return get_kind(kind).generate(11, niveau, generate_company(11)).params


def parts_of(kind: str) -> list[str]:
    """Every literal part of the kind's names, plus indexes written every odd way."""
    literal = {p for nom in get_kind(kind).ANSWER_SCHEMA.noms for p in nom.split(".") if p != "#"}
    return [*sorted(literal), "0", "1", "2", "01", "²", "١٢", "１", "", "-1", "99999999"]


VALUES = st.one_of(
    st.sampled_from(["", "12,50", "1 234,56 €", "09:00", "C1", "512", "١٢٣", "１２", "²", "x"]),
    st.text(max_size=12),
)


def flat_answers(kind: str):
    names = st.lists(st.sampled_from(parts_of(kind)), min_size=1, max_size=7).map(".".join)
    return st.dictionaries(names, VALUES, max_size=25)


def json_answers(kind: str):
    keys = st.sampled_from(parts_of(kind))
    leaves = st.one_of(VALUES, st.none(), st.integers(), st.booleans(), st.floats())
    return st.recursive(
        leaves,
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=5),
        max_leaves=30,
    )


@pytest.mark.parametrize("niveau", (1, 3))
@pytest.mark.parametrize("kind", KIND_NAMES)
@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_grading_whatever_unflatten_returns_gives_a_grade(kind, niveau, data):
    fields = data.draw(flat_answers(kind))
    assert isinstance(get_kind(kind).grade(params_of(kind, niveau), unflatten(fields)), Grade)


@pytest.mark.parametrize("kind", KIND_NAMES)
@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_grading_any_json_answer_gives_a_grade(kind, data):
    answer = data.draw(json_answers(kind))
    assert isinstance(get_kind(kind).grade(params_of(kind, 2), answer), Grade)


@pytest.mark.parametrize("kind", KIND_NAMES)
@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_reading_any_json_answer_gives_a_typed_answer_or_format_errors(kind, data):
    answer = data.draw(json_answers(kind))
    try:
        get_kind(kind).parse(answer)
    except FormatErrors as errors:
        assert errors.errors
