"""bulletin_paie: the answer read once with the toolkit's field types (amounts as a French user
types them, the shape of the contribution lines) and the params checked by their typed model
(the French line each refusal gives, the first one in the order of the checks)."""

from __future__ import annotations

from decimal import Decimal
from functools import cache

import pytest

from agora.company import generate_company
from agora.errors import InvalidInput
from agora.exercise.base import FormatErrors
from agora.exercise.kinds.bulletin_paie import KIND as bp
from agora.money import euros


@cache
def params(niveau: int = 3) -> dict:
    return bp.generate(8, niveau, generate_company(8)).params


def test_amounts_are_read_as_a_french_user_writes_them():
    solution = bp.solve(params())
    brut, base = solution["salaire_brut"], solution["cotisations"][0]["base"]
    for typed in (euros(Decimal(brut)), brut.replace(".", ","), f"{brut} €", float(brut)):
        grade = bp.grade(params(), {**solution, "salaire_brut": typed})
        assert grade.score == 1, typed
        (champ,) = [c for c in grade.champs if c.champ == "salaire_brut"]
        assert champ.recu == typed and champ.message == "Juste."
    lignes = [dict(solution["cotisations"][0], base=base.replace(".", ",") + "\u202f€")]
    assert bp.grade(params(), {"cotisations": lignes}).champs[0].correct


def test_the_answer_is_read_once_into_decimals():
    solution = bp.solve(params())
    lecture = bp.parse(solution)
    assert lecture.valeur("net_a_payer") == Decimal(solution["net_a_payer"])
    assert lecture.valeur("cotisations", 1, "montant_salarial") == Decimal(
        solution["cotisations"][1]["montant_salarial"]
    )
    assert bp.parse({"salaire_brut": ""}).valeur("salaire_brut") is None  # empty: not an error


def test_an_unreadable_amount_is_a_format_error_that_names_its_field():
    with pytest.raises(FormatErrors) as refused:
        bp.parse({"cotisations": [{}, {"montant_patronal": "12,345"}]})
    assert refused.value.errors == {
        "cotisations.1.montant_patronal": "Le montant « 12,345 » a plus de deux décimales : "
        "arrondissez au centime."
    }


def test_lines_numbered_as_an_object_are_graded_as_a_list():
    solution = bp.solve(params())
    numerotees = {str(i): ligne for i, ligne in enumerate(solution["cotisations"])}
    assert bp.grade(params(), {**solution, "cotisations": numerotees}) == bp.grade(
        params(), solution
    )


@pytest.mark.parametrize(
    ("cotisations", "champ", "message"),
    [
        ("toutes", "cotisations", "Les cotisations doivent être une liste de lignes."),
        ({"01": {}}, "cotisations", "Les cotisations doivent être une liste de lignes."),
        ([{}, "x"], "cotisations.1", "Cette ligne doit être un objet {base, montant_salarial, "
         "montant_patronal}."),
    ],
)  # fmt: skip
def test_lines_of_another_shape_are_refused_with_the_payslip_message(cotisations, champ, message):
    with pytest.raises(FormatErrors) as refused:
        bp.parse({"cotisations": cotisations})
    assert refused.value.errors == {champ: message}
    graded = bp.grade(params(), {"cotisations": cotisations})
    assert [(c.champ, c.correct, c.message) for c in graded.champs] == [(champ, False, message)]


def test_an_answer_that_is_not_an_object_is_refused_as_a_whole():
    graded = bp.grade(params(), ["2000.00"])
    assert graded.score == 0
    assert [(c.champ, c.message) for c in graded.champs] == [
        ("réponse", "La réponse doit être un objet JSON {…} de montants.")
    ]


def test_field_names_come_from_the_schema():
    assert bp.validate_field("cotisations.99.base", "1 234,56 €") is None
    assert (
        bp.validate_field("cotisations.100.base", "1") == "Champ inconnu « cotisations.100.base »."
    )
    assert bp.validate_field("cotisations.0.libelle", "CRDS") is None


# ---------------------------------------------------------------- the params


def _ligne(i: int, **changes) -> dict:
    lignes = [dict(c) for c in params()["cotisations"]]
    lignes[i].update(changes)
    return {"cotisations": lignes}


FORFAIT = next(i for i, c in enumerate(params()["cotisations"]) if c["assiette"] == "forfait")


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"heures_mensuelles": None}, "le champ heures_mensuelles est obligatoire."),
        ({"absence_heures": "200"}, "absence_heures dépasse heures_mensuelles."),
        ({"taux_pas": "100,5"}, "taux_pas est trop grand (au plus 100)."),
        ({"pmss": "0.004"}, "le pmss doit être positif."),
        ({"heures_sup_25": -2}, "heures_sup_25 ne peut pas être négatif."),
        ({"taux_horaire": "treize"}, "taux_horaire : « treize » n'est pas un nombre valide : "
         "écrivez par exemple 1 234,56."),
        ({"primes": "beaucoup"}, "primes doit être une liste."),
        ({"avantages_nature": [3]}, "avantages_nature.0 doit être un objet {libelle, montant}."),
        ({"cotisations": []}, "cotisations doit être une liste non vide."),
        ({"cotisations": ["CRDS"]}, "cotisations.0 doit être un objet."),
        (_ligne(0, assiette="lune"), "cotisations.0.assiette doit être l'une de : brut, "
         "tranche_a, tranches_a_b, tranche_2, csg_crds, forfait."),
        (_ligne(1, patronal_imposable="oui"), "cotisations.1.deductible (et les indicateurs) : "
         "true ou false."),
        (_ligne(2, libelle=" "), "cotisations.2.libelle est obligatoire."),
        (_ligne(0, taux_salarial="150"), "cotisations.0.taux_salarial est trop grand (au plus 100)."),
        (_ligne(FORFAIT, montant_patronal=None), f"le champ cotisations.{FORFAIT}.montant_patronal "
         "est obligatoire."),
        # Several problems: the first in the order of the checks is told.
        ({"heures_mensuelles": "x", "cotisations": []}, "heures_mensuelles : « x » n'est pas un "
         "nombre valide : écrivez par exemple 1 234,56."),
    ],
)  # fmt: skip
def test_params_are_refused_with_one_french_line(changes, message):
    with pytest.raises(InvalidInput) as refused:
        bp.check_params({**params(), **changes})
    assert str(refused.value) == f"paramètres : {message}"


def test_params_written_the_french_way_are_read_and_given_back_unchanged():
    french = {**params(), "taux_horaire": params()["taux_horaire"].replace(".", ",")}
    assert bp.check_params(french) is french
    assert bp.solve(french) == bp.solve(params())
    forfait = _ligne(FORFAIT, taux_salarial="n'importe quoi")  # a forfait line has no rate
    assert bp.solve({**params(), **forfait}) == bp.solve(params())
