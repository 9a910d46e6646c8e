"""Form names <-> answer JSON: what a student types must reach the grader intact."""

import re

import pytest

from agora.exercise.base import unflatten
from agora.exercise.forms import AnswerForm, flatten, merge_fields
from agora.exercise.registry import KINDS


def test_unflatten_builds_nested_lists_and_dicts():
    form = {
        "net_commercial": "384,75",
        "tva.0.taux": "20",
        "tva.0.montant": "81,41",
        "tva.1.taux": "5.5",
        "pointage.0.0": "C1",
        "pointage.0.1": "B1",
    }
    assert unflatten(form) == {
        "net_commercial": "384,75",
        "tva": [{"taux": "20", "montant": "81,41"}, {"taux": "5.5"}],
        "pointage": [["C1", "B1"]],
    }


def test_flatten_is_the_inverse_of_unflatten():
    answer = {
        "groupes": [{"taux_tva": "20", "reductions": [{"montant": "45.00"}]}],
        "total_ht": "1",
    }
    assert unflatten(flatten(answer)) == answer


def test_an_autosaved_field_is_written_into_the_stored_answer_and_keeps_the_others():
    stored = {"total_ht": "1", "tva": [{"taux": "20", "montant": "2"}]}
    merged = merge_fields(stored, {"tva.0.montant": "3", "tva.1.taux": "5.5"})
    assert merged == {"total_ht": "1", "tva": [{"taux": "20", "montant": "3"}, {"taux": "5.5"}]}
    assert stored["tva"][0]["montant"] == "2"  # the stored answer itself is left as it was


def test_a_posted_name_replaces_what_the_stored_answer_held_above_or_below_it():
    assert merge_fields({"lignes": "x", "total_ht": "1"}, {"lignes.0.reference": "C1"}) == {
        "lignes": [{"reference": "C1"}],
        "total_ht": "1",
    }
    assert merge_fields({"lignes": [{"reference": "C1"}]}, {"lignes": ""}) == {"lignes": ""}


def test_unflatten_fills_missing_rows_so_the_answer_stays_gradable():
    assert unflatten({"lignes.1.montant_ht": "10"}) == {"lignes": [{}, {"montant_ht": "10"}]}


def test_answer_form_exposes_values_and_safe_dom_ids():
    form = AnswerForm.from_answer({"tva": [{"montant": "81.41"}]})
    assert form.value("tva.0.montant") == "81.41"
    assert form.value("absent") == ""
    assert form.dom_id("tva.0.montant") == "champ-tva-0-montant"
    step = AnswerForm.from_answer({}, id_prefix="etape-2-")  # one of a mission page's forms
    assert step.dom_id("tva.0.montant") == "etape-2-champ-tva-0-montant"


def test_unflatten_never_raises_on_clashing_or_odd_names():
    form = {"a": "x", "a.0": "y", "b.0": "1", "b.0.c": "2", "l.²": "3", "l.01": "4", "m.0.k": "5"}
    assert unflatten(form) == {"a": "x", "b": ["1"], "l": {"²": "3", "01": "4"}, "m": [{"k": "5"}]}


def test_unflatten_leaves_out_huge_indexes_and_deep_names_without_building_them():
    import tracemalloc

    deep = "groupes." + ".".join(["0"] * 450)
    hostile = {"lignes.80000000": "x", deep: "y", **{f"l{i}.9999": "z" for i in range(500)}}
    tracemalloc.start()
    try:
        answer = unflatten({"total_ht": "1", **hostile})
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert answer["total_ht"] == "1" and "lignes" not in answer and "groupes" not in answer
    assert sum(len(v) for k, v in answer.items() if k.startswith("l")) <= 20_000  # row budget
    assert peak < 20_000_000  # bytes: the 80-million-row list alone would be gigabytes


# An amount of a thousand or more written without its thousands space: « 1492,62 ».
_SANS_MILLIERS = re.compile(r"(?<![\d,.])\d{4,},\d{2}(?!\d)")


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_amount_a_form_prints_has_its_thousands_space(kind, variant, form_html):
    # « Montant TTC : 1492,62 € » beside a table printing « 1 492,62 € »: one writing only.
    for niveau in (1, 2, 3):
        for seed in range(4):
            params = variant(kind, seed, niveau).params
            texte = re.sub(r"<[^>]*>", " ", form_html(kind, params, niveau, AnswerForm()))
            assert _SANS_MILLIERS.findall(texte) == [], (niveau, seed)
