"""The facture kind, beyond the shared contract (tests/exercise/test_kind_contract.py): what each
level asks, whose invoice it is, the typical mistakes it names, its French messages and checks."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest

from agora.company import generate_company
from agora.errors import InvalidInput
from agora.exercise.base import FormatErrors, unflatten
from agora.exercise.forms import AnswerForm
from agora.exercise.kinds.facture import KIND as facture

SEEDS = range(100)
NIVEAUX = (1, 2, 3)


@pytest.fixture(scope="module")
def variants(variant):
    return {(s, n): variant("facture", s, n) for s in SEEDS for n in NIVEAUX}


def test_the_samples_name_every_misconception_of_the_brief(variants):
    seen = {
        code
        for v in variants.values()
        for sample in facture.sample_answers(v.params)
        for code in sample.expected_diagnostics
    }
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


# --- the form asks the fields of the level ------------------------------------------------


@pytest.mark.parametrize("niveau", NIVEAUX)
def test_the_form_asks_the_fields_of_the_level(niveau, variant, form_values):
    for seed in range(15):
        params = variant("facture", seed, niveau).params
        posted = form_values(
            "facture", params, niveau, AnswerForm.from_answer(facture.solve(params))
        )
        graded = {c.champ for c in facture.grade(params, unflatten(posted)).champs}
        assert {"lignes.0.montant_ht", "groupes.0.montant_brut_ht", "total_ttc"} <= graded
        assert "groupes.0.reductions.0.montant" in graded and "net_a_payer" in graded
        assert ("groupes.0.escompte" in graded) == ("escompte_taux" in params)
        assert ("tva.1.montant" in graded) == (niveau == 3)


def test_the_empty_form_says_each_field_is_not_filled(variant, form_values):
    params = variant("facture", 4, 2).params
    grade = facture.grade(params, unflatten(form_values("facture", params, 2, AnswerForm())))
    assert grade.champs and all(c.message == "Champ non rempli." for c in grade.champs)


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
