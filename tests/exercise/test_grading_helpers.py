"""The small helpers graders share (agora.exercise.grading): unreadable fields left over, the
exercise done with each wrong method once, and the wrong methods a sample can show apart."""

from agora.exercise.grading import Mondes, illisibles, methodes_montrables, reconnaissable


def test_unreadable_fields_without_a_verdict_are_wrong_with_their_message():
    erreurs = {"total": "« abc » n'est pas un montant valide.", "ik": "Champ illisible."}
    restes = illisibles(erreurs, {"ik"})
    assert [(c.champ, c.correct, c.message) for c in restes] == [
        ("total", False, "« abc » n'est pas un montant valide.")
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
