"""What a grader builds from a variant's params alone (its reference), built once per params
object: a class grades the same variant many times (agora.exercise.grading.MemoParams)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from agora.exercise.grading import MemoParams

T = TypeVar("T")


def memorise(construire: Callable[[Any], T]) -> Callable[[Any], T]:
    """``construire(params)``, kept for the params objects graded recently and built afresh
    for any other (or for params changed in place since)."""
    memo = MemoParams()
    return lambda params: memo.obtenir(params, construire)
