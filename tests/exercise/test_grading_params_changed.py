"""Params changed in place are graded against their new values (no grader keeps a stale
reference), and the same params object grades exactly like an equal copy of it."""

from __future__ import annotations

import copy
from decimal import Decimal

import pytest

from agora.company import generate_company
from agora.exercise.registry import get_kind

# (kind, a change of one amount deep in its params)
CHANGES = [
    ("facture", lambda p: p["lignes"][0].__setitem__("prix_unitaire_ht", "999.99")),
    ("rapprochement", lambda p: p.__setitem__("solde_initial", "123.45")),
    ("bulletin_paie", lambda p: p.__setitem__("taux_horaire", "15.00")),
    ("fiche_stock", lambda p: p["stock_initial"].__setitem__("cout_unitaire", "99.99")),
    ("avoir", lambda p: _change_avoir(p)),
    # The week validated once per params (planning's memo): an employee away all week.
    (
        "planning",
        lambda p: p["salaries"][0]["indisponibilites"].__setitem__(
            slice(None), list(p["ouverture"])
        ),
    ),
]


def _change_avoir(params: dict) -> None:
    """A rate or a price the credit note is computed from, changed in place."""
    if "rabais" in params or "ristourne" in params:
        params.get("rabais", params.get("ristourne"))["taux"] = "9"
    else:
        numero = params["credits"][0]["ligne"]
        params["facture"]["lignes"][numero - 1]["prix_unitaire_ht"] = "999.99"


@pytest.mark.parametrize(("name", "change"), CHANGES)
def test_params_changed_in_place_are_graded_against_their_new_values(name, change):
    kind = get_kind(name)
    for seed in range(5):
        params = kind.generate(seed, 3, generate_company(seed)).params
        answer = kind.sample_answers(params)[1].answer
        before = kind.grade(params, answer).to_json()
        assert before == kind.grade(copy.deepcopy(params), answer).to_json()
        change(params)
        after = kind.grade(params, answer).to_json()
        assert after == kind.grade(copy.deepcopy(params), answer).to_json()
        assert after != before


def test_lus_gives_the_fields_of_an_answer_as_lecture_lu_finds_them():
    from agora.exercise.answer_names import AnswerSchema
    from agora.exercise.fields import MONTANT
    from agora.exercise.grading import champs_lus, chemin

    schema = AnswerSchema({"total": MONTANT, "lignes.#.montant": MONTANT}, {"lignes": 5})
    lecture = schema.read({"total": "12", "lignes": [{"montant": "1,50"}, {}, {"montant": "x"}]})
    paths = [
        "total",
        "lignes.0.montant",
        "lignes.1.montant",
        "lignes.2.montant",
        "lignes.3.montant",
    ]
    champs = [(p, chemin(p), MONTANT) for p in paths]
    donnes, siens = champs_lus(champs, lecture)
    assert [p for p, _, _ in donnes] == ["total", "lignes.0.montant", "lignes.2.montant"]
    assert [lu for _, _, lu in donnes] == [lecture.lu(*chemin(p)) for p, _, _ in donnes]
    assert siens == {"total": Decimal("12.00"), "lignes.0.montant": Decimal("1.50")}
