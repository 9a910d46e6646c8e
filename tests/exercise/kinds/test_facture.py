"""The facture kind, beyond the shared contract (tests/exercise/test_kind_contract.py): what each
level asks, whose invoice it is, the typical mistakes it names, its French messages and checks."""

from __future__ import annotations

import dataclasses
import re
from decimal import Decimal
from html.parser import HTMLParser

import pytest

from agora.company import generate_company
from agora.content.secteurs import famille_de, secteur_codes
from agora.errors import InvalidInput
from agora.exercise.base import FormatErrors, unflatten
from agora.exercise.fields import MONTANT, Lu
from agora.exercise.forms import AnswerForm
from agora.exercise.kinds.facture import KIND as facture
from agora.exercise.kinds.facture.generate import document
from agora.exercise.kinds.facture.params import lire_params
from agora.exercise.variants import company_for

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
    for (seed, niveau), variant in variants.items():
        p = variant.params
        rates = {ligne["taux_tva"] for ligne in p["lignes"]}
        natures = [r["nature"] for r in p["reductions"]]
        # Goods are shipped with a port from level 2; a service, a public service or an
        # association's activity is not shipped.
        famille = famille_de(company_for(seed))
        expedie = famille == "biens"
        # A public service's own invoice bills its tariffs: no reduction, no escompte.
        vente = not document(variant, company_for(seed))["achat"]
        tarif = famille == "service_public" and vente
        if niveau == 1:
            assert 1 <= len(p["lignes"]) <= 2 and len(rates) == 1
            assert natures == ([] if tarif else ["remise"])
            assert not {"escompte_taux", "frais_port_ht", "acompte"} & set(p)
            assert "### Méthode" in variant.enonce
        elif niveau == 2:
            assert natures == ([] if tarif else ["remise", "rabais"]) and len(rates) == 1
            assert ("escompte_taux" in p) != tarif and ("frais_port_ht" in p) == expedie
        else:
            assert tarif or "ristourne" in natures
            assert len(rates) >= 2 and Decimal(p["acompte"]) > 0
            assert p["taux_tva_port"] in rates if expedie else "frais_port_ht" not in p
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


LIGNE = {"quantite": "2", "prix_unitaire_ht": "10.00", "taux_tva": "20"}
A_5_5 = {"quantite": "2", "prix_unitaire_ht": "10.00", "taux_tva": "5.5"}


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ([], "un objet JSON {…} est attendu."),
        ({}, "« lignes » doit être une liste d'au moins une ligne."),
        ({"lignes": []}, "« lignes » doit être une liste d'au moins une ligne."),
        ({"lignes": [LIGNE] * 201}, "trop de lignes (200 au plus)."),
        ({"lignes": [LIGNE, "B"]}, "la ligne 2 doit être un objet {…}."),
        (
            {"lignes": [{**LIGNE, "quantite": "-2"}]},
            "la quantité de la ligne 1 doit être positive.",
        ),
        ({"lignes": [{**LIGNE, "quantite": None}]}, "quantité de la ligne 1 manquant."),
        (
            {"lignes": [LIGNE, {**LIGNE, "prix_unitaire_ht": "dix"}]},
            "prix unitaire HT de la ligne 2 — « dix » n'est pas un montant valide : écrivez par "
            "exemple 1 234,56.",
        ),
        (
            {"lignes": [{**LIGNE, "prix_unitaire_ht": "-1"}]},
            "le prix unitaire HT de la ligne 1 est négatif.",
        ),
        (
            {"lignes": [{**LIGNE, "taux_tva": "120"}]},
            "taux de TVA de la ligne 1 doit être compris entre 0 et 100 (exclu).",
        ),
        (
            {"lignes": [{"quantite": "2", "prix_unitaire_ht": "10.00"}]},
            "taux de TVA de la ligne 1 manquant.",
        ),
        (
            {"lignes": [LIGNE], "reductions": [{"nature": "soldes", "taux": "10"}]},
            "nature de la réduction 1 inconnue (remise, rabais ou ristourne).",
        ),
        (
            {"lignes": [LIGNE], "reductions": [{"nature": "remise", "taux": "10"}, 5]},
            "la réduction 2 doit être un objet {…}.",
        ),
        (
            {"lignes": [LIGNE], "reductions": [{"nature": "rabais", "taux": "0"}]},
            "le taux de la réduction 1 doit être positif.",
        ),
        (
            {"lignes": [LIGNE], "reductions": "remise"},
            "« reductions » doit être une liste (10 au plus).",
        ),
        ({"lignes": [LIGNE], "frais_port_ht": "10.005"}, "frais_port_ht a plus de deux décimales."),
        ({"lignes": [LIGNE], "acompte": "-5"}, "acompte ne peut pas être négatif."),
        (
            {"lignes": [LIGNE, A_5_5], "frais_port_ht": "10.00"},
            "taux_tva_port est obligatoire quand les articles ont plusieurs taux.",
        ),
        (
            {"lignes": [LIGNE], "taux_tva_port": "5.5", "frais_port_ht": "10.00"},
            "taux_tva_port doit être l'un des taux des articles.",
        ),
        ({"lignes": [LIGNE], "escompte_taux": None}, "escompte_taux manquant."),
        ({"lignes": [LIGNE], "acompte": "50.00"}, "l'acompte dépasse le total TTC de la facture."),
        # several refusals: the first param checked is the one named
        (
            {"lignes": [LIGNE, {**LIGNE, "quantite": "0"}], "escompte_taux": "x", "acompte": "-1"},
            "la quantité de la ligne 2 doit être positive.",
        ),
    ],
)
def test_check_params_refuses_impossible_values_in_one_french_line(params, message):
    with pytest.raises(InvalidInput) as error:
        facture.check_params(params)
    assert str(error.value) == f"Paramètres : {message}"


def test_check_params_gives_back_the_params_and_reads_them_typed():
    params = {"lignes": [LIGNE, {**A_5_5, "reference": "B"}], "taux_tva_port": "5.5"}
    assert facture.check_params(params) is params
    f = lire_params(params)
    assert [ligne.reference for ligne in f.lignes] == ["L1", "B"]  # by place when absent
    assert f.taux == (Decimal("20"), Decimal("5.5")) and f.groupe_port == 1
    assert (f.port, f.escompte_taux, f.acompte, f.reductions) == (0, 0, 0, ())


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
        assert ("groupes.0.reductions.0.montant" in graded) == bool(params["reductions"])
        assert {"groupes.0.net_commercial", "net_a_payer"} <= graded
        assert ("groupes.0.escompte" in graded) == ("escompte_taux" in params)
        assert ("tva.1.montant" in graded) == (niveau == 3)


class _Saisies(HTMLParser):
    """The text inputs of a rendered form: name -> inputmode."""

    def __init__(self) -> None:
        super().__init__()
        self.saisies: dict[str, str | None] = {}

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "input" and a.get("type") == "text":
            self.saisies[a["name"]] = a.get("inputmode")


def test_every_amount_typed_opens_the_decimal_keyboard_with_its_euro_unit(variant, form_html):
    params = variant("facture", 3, 3).params
    html = form_html("facture", params, 3, AnswerForm())
    parser = _Saisies()
    parser.feed(html)
    assert len(parser.saisies) > 10 and set(parser.saisies.values()) == {"decimal"}
    assert {facture.ANSWER_SCHEMA.type_of(name) for name in parser.saisies} == {MONTANT}
    assert html.count('<span class="champ-unite" aria-hidden="true">€</span>') == len(
        parser.saisies
    )


def test_the_empty_form_says_each_field_is_not_filled(variant, form_values):
    params = variant("facture", 4, 2).params
    grade = facture.grade(params, unflatten(form_values("facture", params, 2, AnswerForm())))
    assert grade.champs and all(c.message == "Champ non rempli." for c in grade.champs)


def test_read_types_the_amounts_and_rates_written_the_french_way():
    lecture = facture.parse(
        {
            "tva": [{"taux": "5,5 %", "montant": "4,90 €"}],
            "total_ttc": "",
            "lignes": [{"reference": "A", "montant_ht": 45}],
        }
    )
    assert lecture.valeur("tva", 0, "taux") == Decimal("5.5")
    assert lecture.valeur("tva", 0, "montant") == Decimal("4.90")
    assert lecture.valeur("lignes", 0, "montant_ht") == Decimal("45.00")  # a JSON number
    assert lecture.valeur("lignes", 0, "reference") == "A"
    # empty: no format error, graded « Champ non rempli. »
    assert lecture.lu("total_ttc") == Lu("", None, None)


def test_parse_names_each_unreadable_field_and_costs_no_attempt():
    with pytest.raises(FormatErrors) as error:
        facture.parse({"groupes": [{"net_commercial": "trois cents", "escompte": True}]})
    assert set(error.value.errors) == {"groupes.0.net_commercial", "groupes.0.escompte"}
    assert "n'est pas un montant valide" in error.value.errors["groupes.0.net_commercial"]
    with pytest.raises(FormatErrors) as error:
        facture.parse(["pas", "un", "objet"])
    assert error.value.errors == {"réponse": "La réponse doit être un objet JSON {…}."}


def test_a_list_or_row_of_the_wrong_shape_is_refused_and_graded_as_received():
    params = {
        "lignes": [
            {"reference": "A", "quantite": "2", "prix_unitaire_ht": "10.00", "taux_tva": "20"}
        ]
    }
    answer = {"lignes": "beaucoup", "groupes": [12], "tva": [{"taux": "20", "montant": "4,00"}]}
    with pytest.raises(FormatErrors) as error:
        facture.parse(answer)
    assert error.value.errors == {
        "lignes": "Une liste […] est attendue ici.",
        "groupes.0": "Un objet {…} est attendu ici.",
    }
    champs = {c.champ: c for c in facture.grade(params, answer).champs}
    assert (champs["lignes"].recu, champs["lignes"].correct) == ("beaucoup", False)
    assert champs["groupes.0"].message == "Un objet {…} est attendu ici."
    assert champs["tva.0.montant"].correct  # 2 × 10.00 × 20 % = 4.00, read the French way
    assert facture.grade(params, [1, 2]).champs[0].recu == "[1, 2]"


def test_a_rate_written_with_its_percent_sign_finds_its_vat_group():
    # DEUX_TAUX of the hand-checked cases, groups written in the other order: 5.5 % first
    params = {
        "lignes": [
            {"reference": "A", "quantite": "4", "prix_unitaire_ht": "25.00", "taux_tva": "20"},
            {"reference": "B", "quantite": "10", "prix_unitaire_ht": "8.40", "taux_tva": "5.5"},
        ]
    }
    answer = {
        "groupes": [
            {"taux_tva": "5,5 %", "montant_brut_ht": "84,00 €"},
            {"taux_tva": "20 %", "montant_brut_ht": "100,00 €"},
        ],
        "tva": [{"taux": "5,5 %", "montant": "4,62"}, {"taux": " 20 ", "montant": "20,00"}],
    }
    grade = facture.grade(params, answer)
    assert grade.score == 1
    assert {c.champ for c in grade.champs} == {
        "groupes.0.montant_brut_ht",
        "groupes.1.montant_brut_ht",
        "tva.0.montant",
        "tva.1.montant",
    }
    assert facture.validate_field("groupes.0.reductions.1.taux", "12,5 %") is None
    assert "n'est pas un taux valide" in facture.validate_field("tva.0.taux", "vingt")


# A reduction granted in a statement (« Remise de 5 % », « la **remise** de 5 % », « le **net
# financier** » after an escompte), as a public service's invoice never grants one.
REDUCTIONS_ACCORDEES = re.compile(
    r"\b(remise|rabais|ristourne|escompte)\**\s+de\s+\d|net financier", re.I
)


def test_a_public_service_bills_its_tariffs_without_reduction_nor_escompte():
    """A water utility bills the tariffs its assembly voted, the same for every usager: its
    invoice shows no remise « pour l'importance de la commande » and no escompte; it still
    checks the reductions a supplier grants it, and the other families keep theirs."""
    vues = {"service_public": 0, "autres": 0}
    for secteur in secteur_codes():
        for seed in range(10):
            organisation = generate_company(seed, secteur)
            public = famille_de(organisation) == "service_public"
            for niveau in NIVEAUX:
                variant = facture.generate(seed, niveau, organisation)
                if document(variant, organisation)["achat"]:
                    continue
                p = variant.params
                if public:
                    vues["service_public"] += 1
                    assert p["reductions"] == [] and "escompte_taux" not in p, (seed, niveau)
                    assert not REDUCTIONS_ACCORDEES.findall(variant.enonce), (seed, niveau)
                    assert facture.grade(p, facture.solve(p)).score == 1
                else:
                    vues["autres"] += 1
                    assert p["reductions"], (secteur, seed, niveau)
    assert vues["service_public"] and vues["autres"]


def test_the_statement_elides_de_before_the_organisations_name():
    # Teacher audit 11: « Vous travaillez au service commercial de **Eau de Saint-Denis** ».
    import dataclasses

    from agora.company import generate_company
    from agora.exercise.registry import get_kind

    eau = dataclasses.replace(generate_company(3), raison_sociale="Eau de Saint-Denis")
    enonce = get_kind("facture").generate(3, 2, eau).enonce
    assert "d'**Eau de Saint-Denis**" in enonce and "de **Eau" not in enonce
