"""grading.verdict builds the very ChampResult the constructor gives: equal, same JSON, frozen."""

from __future__ import annotations

import dataclasses

import pytest

from agora.exercise.base import ChampResult
from agora.exercise.grading import verdict

CASES = [
    ("tva.0.montant", "12.50", "12,50", True, "Juste."),
    ("cotisations.3.base", None, {"x": 1}, False, "Champ non rempli."),
    ("réponse", "0.00", None, False, ""),
]


@pytest.mark.parametrize("fields", CASES)
def test_a_fast_verdict_is_the_same_object_as_the_constructor_gives(fields):
    fast, slow = verdict(*fields), ChampResult(*fields)
    assert type(fast) is ChampResult
    assert fast == slow
    assert fast.to_json() == slow.to_json()
    assert repr(fast) == repr(slow)
    assert dataclasses.astuple(fast) == fields


def test_a_fast_verdict_is_still_frozen_and_hashable():
    fast = verdict("escompte", "3.00", "3.00", True, "Juste.")
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.correct = False  # type: ignore[misc]
    assert hash(fast) == hash(ChampResult("escompte", "3.00", "3.00", True, "Juste."))
