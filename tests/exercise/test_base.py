"""The shared vocabulary: a grade stored as JSON reads back as the same Grade."""

import json

from agora.company import generate_company
from agora.exercise.base import Grade
from agora.exercise.registry import KINDS


def test_a_stored_grade_reads_back_identical_for_every_kind():
    for kind in KINDS.values():
        params = kind.generate(12, 3, generate_company(12)).params
        for sample in kind.sample_answers(params):
            grade = kind.grade(params, sample.answer)
            stored = json.loads(json.dumps(grade.to_json()))  # as a JSON column keeps it
            assert Grade.from_json(stored) == grade
            assert Grade.from_json(stored).to_json() == grade.to_json()
