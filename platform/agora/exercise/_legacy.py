"""Transitional: a kind whose grader still reads the raw answer JSON (removed once all are ported).

``read`` keeps the raw answer as the tree and the old ``parse``'s format errors; the grader
receives that raw tree, as before the answer toolkit.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from agora.exercise.base import ExerciseKind, FormatErrors, Grade
from agora.exercise.fields import Lecture


def raw_answer_kind(
    kind: ExerciseKind, parse: Callable[[Any], Any], grade: Callable[[Any, Any], Grade]
) -> ExerciseKind:
    """``kind`` with a read that keeps the raw answer and a grader that receives it."""

    def read(answer: Any) -> Lecture:
        try:
            parse(answer)
        except FormatErrors as error:
            return Lecture(answer, error.errors)
        return Lecture(answer, {})

    return dataclasses.replace(
        kind, read=read, grade_read=lambda params, lecture: grade(params, lecture.arbre)
    )
