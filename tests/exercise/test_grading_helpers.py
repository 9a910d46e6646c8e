"""The small helpers graders share (agora.exercise.grading): a field's path for Lecture.lu, scores
per competency, the fields an answer holds."""

from __future__ import annotations

from decimal import Decimal

from agora.exercise.answer_names import AnswerSchema
from agora.exercise.base import ChampResult
from agora.exercise.fields import MONTANT, QUANTITE
from agora.exercise.grading import champs_lus, chemin, notes_par_competence


def test_a_dotted_name_becomes_the_path_lecture_walks():
    assert chemin("salaries.2.pris") == ("salaries", 2, "pris")
    assert chemin("total") == ("total",)


def test_each_competency_is_scored_on_its_own_fields_and_left_out_without_any():
    champs = [
        ChampResult("x.a", None, None, True, ""),
        ChampResult("x.b", None, None, False, ""),
        ChampResult("y.a", None, None, True, ""),
    ]
    notes = notes_par_competence(
        champs, lambda p: "1.1" if p.startswith("x") else "2.2", ("2.2", "1.1", "3.3")
    )
    assert notes == [("2.2", Decimal(1)), ("1.1", Decimal("0.5"))]


def test_the_fields_an_answer_holds_and_its_readable_values():
    schema = AnswerSchema({"lignes.#.q": QUANTITE, "total": MONTANT}, {"lignes": 3})
    lecture = schema.read({"lignes": [{"q": "2"}, {"q": "deux"}], "total": ""})
    attendus = [
        (p, chemin(p), schema.type_of(p))
        for p in ("lignes.0.q", "lignes.1.q", "lignes.2.q", "total")
    ]
    lus, valeurs = champs_lus(attendus, lecture)
    assert [path for path, _, _ in lus] == ["lignes.0.q", "lignes.1.q", "total"]
    assert valeurs == {"lignes.0.q": Decimal(2)}
