"""The small helpers graders share (agora.exercise.grading): a field's path for Lecture.lu, scores
per competency, the fields an answer holds, unreadable fields left over, the exercise done with
each wrong method once, and the wrong methods a sample can show apart."""

from __future__ import annotations

from decimal import Decimal

from agora.exercise.answer_names import AnswerSchema
from agora.exercise.base import ChampResult
from agora.exercise.fields import MONTANT, QUANTITE
from agora.exercise.grading import (
    Mondes,
    champs_lus,
    chemin,
    illisibles,
    methodes_montrables,
    notes_par_competence,
    reconnaissable,
)


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


def test_unreadable_fields_without_a_verdict_are_wrong_with_their_message():
    schema = AnswerSchema({"total": MONTANT, "ik": MONTANT}, {})
    lecture = schema.read({"total": "abc", "ik": "x"})
    deja = [ChampResult("ik", None, "x", False, "Déjà jugé.")]
    restes = illisibles(deja, lecture)
    assert [(c.champ, c.correct, c.message) for c in restes] == [
        ("total", False, lecture.erreurs["total"])
    ]


def test_each_wrong_method_is_computed_once():
    appels = []

    def calcule(faute):
        appels.append(faute)
        return {"x": faute}

    mondes = Mondes(calcule)
    assert mondes("A") == {"x": "A"} and mondes("A") == {"x": "A"} and mondes("B")["x"] == "B"
    assert appels == ["A", "B"]


def test_a_method_is_recognisable_only_where_it_differs_from_earlier_ones():
    juste = {"a": 1, "b": 2}
    assert reconnaissable({"a": 3, "b": 2}, juste, [], lambda p: True)
    assert not reconnaissable({"a": 3, "b": 2}, juste, [{"a": 3}], lambda p: True)
    assert not reconnaissable({"a": 3, "b": 2}, juste, [], lambda p: p == "b")


def test_only_the_methods_that_show_apart_make_a_typical_answer():
    juste = {"a": 1, "b": 2}
    mondes = {"A": {"a": 3, "b": 2}, "B": {"a": 3, "b": 2}, "C": {"a": 1, "b": 5}}
    montrables = methodes_montrables(list(mondes), mondes.get, juste, lambda f, p: True)
    assert [f for f, _ in montrables] == ["A", "C"]  # B looks just like A


def test_the_wrong_method_is_found_on_the_whole_exercise_first_then_from_own_values():
    from agora.exercise.grading import methode_fausse

    mondes = {"A": {"x": 1}, "B": {"x": 2}}
    siens = {"A": {"x": 3}, "B": {"x": 1}}
    assert methode_fausse(["A", "B"], mondes.get, siens.get, "x", 1) == "A"  # whole exercise first
    assert methode_fausse(["A", "B"], mondes.get, siens.get, "x", 3) == "A"  # from own values
    assert methode_fausse(["A", "B"], mondes.get, siens.get, "x", 9) is None
