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


def test_a_variant_drawn_from_the_kind_s_stream_with_its_statement():
    from agora.exercise.base import tirage, variante

    def tire(rng, organisation, niveau):
        return {"n": rng.randint(1, 10**6), "org": organisation, "niveau": niveau}

    v = variante("essai", 7, 2, "boulangerie", tire, lambda org, p, n: f"{org} {p['n']} {n}")
    attendu = tirage("essai", 7, 2).randint(1, 10**6)
    assert (v.kind, v.seed, v.niveau, v.params["n"]) == ("essai", 7, 2, attendu)
    assert v.enonce == f"boulangerie {attendu} 2" and v.options == {}
