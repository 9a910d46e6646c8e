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


def _etapes(own=None, faute=None):
    """A two-step exercise: a price × 2 = its total; the wrong method « DOUBLE » takes × 3."""
    from agora.exercise.grading import Etapes

    etapes = Etapes(own)
    prix = etapes.put("prix", Decimal("10.00"))
    etapes.put("total", prix * (3 if faute == "DOUBLE" else 2))
    return etapes.out


def test_a_step_by_step_grade_credits_carried_errors_and_names_wrong_methods():
    from agora.exercise.grading import ReferenceEtapes, corrige_etapes, methode_fausse

    schema = AnswerSchema({"prix": MONTANT, "total": MONTANT, "note": MONTANT}, {})
    ref = ReferenceEtapes(_etapes(), schema.type_of, lambda f: _etapes(faute=f))
    assert ref.canon == {"prix": "10.00", "total": "20.00"}

    def corrige(answer):
        return corrige_etapes(
            "essai",
            ref,
            schema.read(answer),
            _etapes,
            lambda own, path, v: methode_fausse(
                ["DOUBLE"], ref.monde, lambda f: _etapes(own, f), path, v
            ),
            {"DOUBLE": "Le total est le prix × 2."},
            (lambda path: "1.1", ("1.1",)),
        )

    juste = corrige({"prix": "10", "total": "20,00 €"})
    assert juste.score == 1 and juste.competences == [("1.1", Decimal(1))]
    reporte = corrige({"prix": "11", "total": "22"})  # 11 × 2: carried forward
    assert [c.correct for c in reporte.champs] == [False, True]
    assert "reportée" in reporte.champs[1].message
    nomme = corrige({"prix": "10", "total": "30", "note": "x"})
    assert [d.code for d in nomme.diagnostics] == ["DOUBLE"]
    assert nomme.champs[1].message.startswith("Le total est le prix × 2. Attendu")
    assert [c.champ for c in nomme.champs] == ["prix", "total", "note"]  # unreadable: wrong
    assert nomme.score == Decimal("0.3333")


def test_an_answer_json_is_written_from_its_values_by_path():
    from agora.exercise.grading import document_json

    schema = AnswerSchema({"lignes.#.q": QUANTITE, "t.m": MONTANT, "x": MONTANT}, {"lignes": 3})
    valeurs = {"lignes.0.q": Decimal(2), "lignes.1.q": Decimal("1.50"), "t.m": Decimal(5)}
    assert document_json(valeurs | {"x": None, "inconnu": 1}, schema.type_of) == {
        "lignes": [{"q": "2"}, {"q": "1.5"}],
        "t": {"m": "5.00"},
    }


def test_a_typical_answer_per_method_shown_apart():
    from agora.exercise.grading import reponses_fausses

    juste = {"a": 1}
    mondes = {"A": {"a": 2}, "B": {"a": 2}}
    (seule,) = reponses_fausses(list(mondes), mondes.get, juste, lambda f, p: True, dict)
    assert (seule.label, seule.answer, seule.expected_diagnostics) == (
        "Méthode fausse : A",
        {"a": 2},
        ("A",),
    )
