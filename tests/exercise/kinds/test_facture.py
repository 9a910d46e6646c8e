"""The facture kind over many seeds and levels: solve scores 1, typical mistakes are named,
generation is deterministic, hostile answers never crash the grader, the form matches the grader."""

from __future__ import annotations

import dataclasses
import json
from decimal import Decimal
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jinja2 import Environment, FileSystemLoader

import agora
from agora.company import generate_company
from agora.errors import InvalidInput
from agora.exercise.base import FormatErrors, unflatten
from agora.exercise.forms import AnswerForm
from agora.exercise.kinds.facture import KIND as facture

SEEDS = range(100)
NIVEAUX = (1, 2, 3)


def _variant(seed: int, niveau: int):
    return facture.generate(seed, niveau, generate_company(seed))


@pytest.fixture(scope="module")
def variants():
    return {(s, n): _variant(s, n) for s in SEEDS for n in NIVEAUX}


def test_the_reference_solution_scores_one_for_every_seed_and_level(variants):
    for (seed, niveau), variant in variants.items():
        params = facture.check_params(variant.params)
        grade = facture.grade(params, facture.solve(params))
        assert grade.score == 1, (seed, niveau, [c for c in grade.champs if not c.correct])
        assert grade.diagnostics == []


def test_each_sample_wrong_answer_scores_below_one_and_names_its_method(variants):
    seen: set[str] = set()
    for (seed, niveau), variant in variants.items():
        samples = facture.sample_answers(variant.params)
        assert samples[0].correct and facture.grade(variant.params, samples[0].answer).score == 1
        assert samples[-1].invalid
        with pytest.raises(FormatErrors):
            facture.parse(samples[-1].answer)
        for sample in samples[1:]:
            grade = facture.grade(variant.params, sample.answer)
            codes = {d.code for d in grade.diagnostics}
            assert grade.score < 1, (seed, niveau, sample.label)
            assert set(sample.expected_diagnostics) <= codes, (seed, niveau, sample.label, codes)
            seen.update(sample.expected_diagnostics)
    # every diagnostic the brief asks for is met somewhere in the generated exercises
    assert {
        "REDUCTIONS_ADDITIONNEES",
        "ESCOMPTE_SUR_TTC",
        "ESCOMPTE_SUR_BRUT",
        "PORT_REDUIT",
        "PORT_HORS_BASE_TVA",
        "TVA_AVANT_REDUCTIONS",
        "ACOMPTE_NON_DEDUIT",
        "TAUX_TVA_MELANGES",
    } <= seen


def test_the_carried_error_sample_loses_only_the_wrong_line(variants):
    for variant in list(variants.values())[:60]:
        sample = next(s for s in facture.sample_answers(variant.params) if "reportée" in s.label)
        grade = facture.grade(variant.params, sample.answer)
        faux = [c.champ for c in grade.champs if not c.correct]
        assert faux == ["lignes.0.montant_ht"]
        assert any("erreur reportée" in c.message for c in grade.champs if c.correct)


def test_the_same_seed_gives_byte_identical_output():
    for seed in (0, 7, 42):
        for niveau in NIVEAUX:
            first = json.dumps(_variant(seed, niveau).to_json(), ensure_ascii=False)
            assert first == json.dumps(_variant(seed, niveau).to_json(), ensure_ascii=False)


def test_different_seeds_give_different_exercises():
    dumps = {json.dumps(_variant(seed, 2).params) for seed in range(20)}
    assert len(dumps) == 20


def test_levels_follow_the_brief(variants):
    for (_seed, niveau), variant in variants.items():
        p = variant.params
        rates = {ligne["taux_tva"] for ligne in p["lignes"]}
        natures = [r["nature"] for r in p["reductions"]]
        if niveau == 1:
            assert 1 <= len(p["lignes"]) <= 2 and len(rates) == 1 and natures == ["remise"]
            assert not {"escompte_taux", "frais_port_ht", "acompte"} & set(p)
            assert "### Méthode" in variant.enonce
        elif niveau == 2:
            assert natures == ["remise", "rabais"] and len(rates) == 1
            assert {"escompte_taux", "frais_port_ht"} <= set(p)
        else:
            assert "ristourne" in natures and len(rates) >= 2
            assert p["taux_tva_port"] in rates and Decimal(p["acompte"]) > 0
        assert "### À faire" in variant.enonce and "<" not in variant.enonce


def test_a_business_customer_with_siret_is_invoiced_when_the_organisation_has_one():
    for seed in range(30):
        company = generate_company(seed)
        variant = facture.generate(seed, 2, company)
        clients = [c for c in company.clients if c.type == "entreprise" and c.siret]
        if company.tva_intracom and clients:
            assert "Préparer une facture client" in variant.enonce
            assert any(c.nom in variant.enonce and c.siret in variant.enonce for c in clients)


def test_an_organisation_outside_vat_checks_a_supplier_invoice_instead():
    company = dataclasses.replace(generate_company(3), tva_intracom=None)
    for niveau in NIVEAUX:
        variant = facture.generate(3, niveau, company)
        assert "Vérifier une facture fournisseur" in variant.enonce
        assert (
            "L'organisation" in variant.enonce and "n'est pas assujettie à la TVA" in variant.enonce
        )
        assert any(f.nom in variant.enonce for f in company.fournisseurs)
        assert facture.grade(variant.params, facture.solve(variant.params)).score == 1


def test_the_articles_come_from_the_organisation_catalogue():
    for seed in range(30):
        company = generate_company(seed)
        variant = facture.generate(seed, 2, company)
        if "facture client" in variant.enonce:
            catalogue = {a.reference: a for a in company.catalogue}
            for ligne in variant.params["lignes"]:
                article = catalogue[ligne["reference"]]
                assert Decimal(ligne["prix_unitaire_ht"]) == article.prix_ht
                assert Decimal(ligne["taux_tva"]) == article.taux_tva


# --- hostile answers -------------------------------------------------------------------------

LEAVES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.sampled_from(["9" * 400, "1 234,56 €", "12,3,4", "", "  ", "-0,005", "1e999", "NaN", "∞"]),
)
JSON = st.recursive(
    LEAVES,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=20,
)
PARAMS = _variant(11, 3).params


def _shaped(leaves):
    """An answer with the solution's shape and random leaves (reaches every field reader)."""
    solution = facture.solve(PARAMS)

    def fill(node, draw):
        if isinstance(node, dict):
            return {k: fill(v, draw) for k, v in node.items()}
        if isinstance(node, list):
            return [fill(v, draw) for v in node]
        return draw

    return st.builds(lambda leaf: fill(solution, leaf), leaves)


@settings(max_examples=200, deadline=None)
@given(answer=JSON | st.dictionaries(st.sampled_from(list(facture.solve(PARAMS))), JSON))
def test_grading_never_crashes_on_hostile_answers(answer):
    grade = facture.grade(PARAMS, answer)
    assert 0 <= grade.score <= 1
    json.dumps(grade.to_json(), ensure_ascii=False)
    try:
        facture.parse(answer)
    except FormatErrors as error:
        assert error.errors


@settings(max_examples=100, deadline=None)
@given(answer=_shaped(LEAVES))
def test_grading_never_crashes_on_solution_shaped_junk(answer):
    grade = facture.grade(PARAMS, answer)
    assert 0 <= grade.score <= 1
    for code, score in grade.competences:
        assert code in facture.COMPETENCES and 0 <= score <= 1


@settings(max_examples=100, deadline=None)
@given(
    champ=st.sampled_from(["total_ttc", "tva.0.montant", "groupes.1.taux_tva", "x.y"]),
    valeur=st.text(),
)
def test_validate_field_never_crashes(champ, valeur):
    message = facture.validate_field(champ, valeur)
    assert message is None or isinstance(message, str)


def test_validate_field_messages():
    assert facture.validate_field("groupes.0.net_commercial", "1 234,56 €") is None
    assert facture.validate_field("total_ttc", "") is None
    assert "n'est pas un montant valide" in facture.validate_field("total_ttc", "douze")
    assert "deux décimales" in facture.validate_field("tva.1.montant", "12,345")
    assert facture.validate_field("champ.inconnu", "1") is not None


def test_check_params_refuses_impossible_values_in_french():
    bad = [
        {},
        {"lignes": []},
        {"lignes": [{"quantite": "-2", "prix_unitaire_ht": "10.00", "taux_tva": "20"}]},
        {"lignes": [{"quantite": "2", "prix_unitaire_ht": "dix", "taux_tva": "20"}]},
        {"lignes": [{"quantite": "2", "prix_unitaire_ht": "10.00", "taux_tva": "120"}]},
        {"lignes": [{"quantite": "2", "prix_unitaire_ht": "10.00"}]},
        {
            "lignes": [{"quantite": "2", "prix_unitaire_ht": "10.00", "taux_tva": "20"}],
            "reductions": [{"nature": "soldes", "taux": "10"}],
        },
        {
            "lignes": [
                {"quantite": "2", "prix_unitaire_ht": "10.00", "taux_tva": "20"},
                {"quantite": "2", "prix_unitaire_ht": "10.00", "taux_tva": "5.5"},
            ],
            "frais_port_ht": "10.00",
        },
        {
            "lignes": [{"quantite": "2", "prix_unitaire_ht": "10.00", "taux_tva": "20"}],
            "taux_tva_port": "5.5",
            "frais_port_ht": "10.00",
        },
        {
            "lignes": [{"quantite": "1", "prix_unitaire_ht": "10.00", "taux_tva": "20"}],
            "acompte": "50.00",
        },
    ]
    for params in bad:
        with pytest.raises(InvalidInput) as error:
            facture.check_params(params)
        assert "\n" not in str(error.value) and str(error.value).startswith("Paramètres")


# --- the form and the grader never drift --------------------------------------------------------


class _Inputs(HTMLParser):
    def __init__(self):
        super().__init__()
        self.values: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in ("input", "select") and "name" in attributes:
            self.values[attributes["name"]] = attributes.get("value") or ""


def _render(variant, answer):
    env = Environment(loader=FileSystemLoader(agora.TEMPLATES_DIR), autoescape=True)
    template = env.get_template("exercise/facture/form.html")
    return template.render(
        params=variant.params, niveau=variant.niveau, form=AnswerForm.from_answer(answer)
    )


@pytest.mark.parametrize("niveau", NIVEAUX)
def test_the_filled_form_grades_one_and_asks_the_fields_of_the_level(niveau):
    for seed in range(15):
        variant = _variant(seed, niveau)
        parser = _Inputs()
        parser.feed(_render(variant, facture.solve(variant.params)))
        answer = unflatten(parser.values)
        grade = facture.grade(variant.params, answer)
        assert grade.score == 1, (seed, niveau)
        graded = {c.champ for c in grade.champs}
        assert {"lignes.0.montant_ht", "groupes.0.montant_brut_ht", "total_ttc"} <= graded
        assert "groupes.0.reductions.0.montant" in graded and "net_a_payer" in graded
        assert ("groupes.0.escompte" in graded) == ("escompte_taux" in variant.params)
        assert ("tva.1.montant" in graded) == (niveau == 3)


def test_the_empty_form_grades_zero_with_french_messages():
    variant = _variant(4, 2)
    parser = _Inputs()
    parser.feed(_render(variant, {}))
    grade = facture.grade(variant.params, unflatten(parser.values))
    assert grade.score == 0
    assert all(c.message == "Champ non rempli." for c in grade.champs)


def test_parse_types_the_amounts_and_explains_unreadable_ones():
    typed = facture.parse(
        {
            "tva": [{"taux": "5,5", "montant": "4,90 €"}],
            "total_ttc": "",
            "lignes": [{"reference": "A"}],
        }
    )
    assert typed["tva"][0] == {"taux": Decimal("5.5"), "montant": Decimal("4.90")}
    assert typed["total_ttc"] is None and typed["lignes"] == [{"reference": "A"}]
    with pytest.raises(FormatErrors) as error:
        facture.parse({"groupes": [{"net_commercial": "trois cents", "escompte": True}]})
    assert set(error.value.errors) == {"groupes.0.net_commercial", "groupes.0.escompte"}
    with pytest.raises(FormatErrors):
        facture.parse(["pas", "un", "objet"])
