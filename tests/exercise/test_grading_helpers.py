"""The small helpers graders share (agora.exercise.grading): a field's path for Lecture.lu, values
carried forward from the student's own, scores per competency, the fields an answer holds."""

from __future__ import annotations

from decimal import Decimal

from agora.exercise.answer_names import AnswerSchema
from agora.exercise.base import ChampResult
from agora.exercise.fields import MONTANT, QUANTITE
from agora.exercise.grading import Reporte, champs_lus, chemin, notes_par_competence


def test_a_dotted_name_becomes_the_path_lecture_walks():
    assert chemin("salaries.2.pris") == ("salaries", 2, "pris")
    assert chemin("total") == ("total",)


def test_a_solver_goes_on_with_the_students_value_of_the_same_kind():
    calcul = Reporte({"a": Decimal(7), "b": "oui"})
    assert calcul.pose("a", Decimal(5)) == 7  # the student's own: the error is carried forward
    assert calcul.pose("b", Decimal(1)) == 1  # text where a number is due: not carried
    assert calcul.pose("c", Decimal(2)) == 2  # nothing typed: the right value
    assert calcul.valeurs == {"a": 5, "b": 1, "c": 2}
    calcul.autres["a"] = Decimal("5.01")
    assert calcul.accepte(MONTANT, "a", Decimal("5.01")) and calcul.accepte(MONTANT, "a", 5)
    assert not calcul.accepte(MONTANT, "a", Decimal("5.02"))


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
