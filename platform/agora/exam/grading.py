"""Pure exam arithmetic: per-student seeds and order, deadlines with extra time, points, marks.

No clock, no database: everything here can be recomputed from what is stored.
"""

from __future__ import annotations

import hashlib
import math
import random
from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from agora.exercise.answer_names import known_answer
from agora.exercise.base import Grade
from agora.exercise.registry import get_kind

CENT = Decimal("0.01")


def _digest(*parts: object) -> int:
    text = ":".join(str(p) for p in parts)
    return int.from_bytes(hashlib.sha256(text.encode()).digest()[:4], "big") & 0x7FFFFFFF


def question_seed(org_seed: int, exam_id: int, index: int) -> int:
    """The seed of one student's variant of question ``index``: stable, different per question."""
    return _digest(org_seed, "examen", exam_id, index)


def question_order(org_seed: int, exam_id: int, count: int, melange: bool) -> list[int]:
    """The order in which this student sees the questions (indexes of Exam.questions)."""
    order = list(range(count))
    if melange:
        random.Random(_digest(org_seed, "ordre", exam_id)).shuffle(order)
    return order


def extra_minutes(amenagement: str, minutes: int, duree_minutes: int) -> int:
    """Extra time: a third of the duration (rounded up to the minute) or the given minutes."""
    if amenagement == "tiers_temps":
        return math.ceil(duree_minutes / 3)
    if amenagement == "minutes":
        return max(0, minutes)
    return 0


def deadline_at(started: datetime, duree_minutes: int, extra: int, closes_at: datetime) -> datetime:
    """start + duration + extra time, never past the end of the window."""
    return min(started + timedelta(minutes=duree_minutes + extra), closes_at)


def grade_answer(kind: str, params: dict[str, Any], answer: dict[str, Any]) -> Grade:
    """Grade one stored answer, read once, whatever it holds: a finished copy is graded even
    with fields that cannot be read (they are wrong), so no FormatErrors here.

    Names outside the kind's answer schema (stored before it was checked) are left out.
    """
    exercise = get_kind(kind)
    return exercise.grade(params, known_answer(exercise.ANSWER_SCHEMA, answer))


def points_of(score: Decimal | None, points: int) -> Decimal:
    """Points earned on a question: score × points, to the cent."""
    return (Decimal(score or 0) * points).quantize(CENT, ROUND_HALF_UP)


def note_sur_20(points: Decimal, total: int) -> Decimal:
    """The mark on 20, to the cent."""
    if not total:
        return Decimal("0.00")
    return (Decimal(points) * 20 / total).quantize(CENT, ROUND_HALF_UP)


def competence_scores(
    weighted: list[tuple[int, list[tuple[str, Decimal]]]],
) -> dict[str, Decimal]:
    """Score per competency over the questions: mean weighted by each question's points."""
    totals: dict[str, Decimal] = {}
    weights: dict[str, int] = {}
    for points, competences in weighted:
        for code, score in competences:
            totals[code] = totals.get(code, Decimal(0)) + Decimal(score) * points
            weights[code] = weights.get(code, 0) + points
    return {
        code: (totals[code] / weights[code]).quantize(Decimal("0.0001"), ROUND_HALF_UP)
        for code in sorted(totals)
        if weights[code]
    }
