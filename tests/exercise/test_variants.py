"""build_variant: the one place a variant is made, from seeds, level and a mission's options."""

import pytest
from tests.exercise.stub_kinds import STOCKS

from agora.company import generate_company
from agora.errors import InvalidInput
from agora.exercise.registry import KINDS
from agora.exercise.variants import Source, build_variant, company_for, source_of


@pytest.fixture
def stocks(monkeypatch):
    monkeypatch.setitem(KINDS, STOCKS.NAME, STOCKS)
    return STOCKS.NAME


@pytest.mark.parametrize("name", [name for name, kind in KINDS.items() if not kind.OPTIONS])
def test_a_kind_without_options_gives_the_variant_its_generator_gives(name):
    variant = build_variant(name, 2, 31, 8)
    assert variant == KINDS[name].generate(31, 2, generate_company(8))
    assert "options" not in variant.to_json()  # the contract JSON is unchanged
    assert build_variant(name, 2, 31, 8) is variant  # rebuilt from the cache


def test_the_organisation_is_the_one_of_its_seed():
    assert company_for(5).raison_sociale == generate_company(5).raison_sociale


def test_options_take_their_default_and_the_missions_choice(stocks):
    default = build_variant(stocks, 1, 3, 4)
    fifo = build_variant(stocks, 1, 3, 4, {"methode": "fifo"})
    assert default.params == {"options": {"methode": "cmup"}}
    assert fifo.params == {"options": {"methode": "fifo"}}
    assert build_variant(stocks, 1, 3, 4, {"methode": "cmup"}) is default


def test_an_option_is_part_of_what_identifies_a_variant(stocks):
    fifo = build_variant(stocks, 1, 3, 4, {"methode": "fifo"})
    assert fifo.options == {"methode": "fifo"}
    assert fifo.to_json()["options"] == {"methode": "fifo"}
    assert fifo != build_variant(stocks, 1, 3, 4)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"theme": "noel"}, "Option inconnue pour « essai_stocks » : « theme » .*methode"),
        ({"methode": "lifo"}, "Valeur « lifo » impossible .*Méthode de valorisation.*cmup, fifo"),
    ],
)
def test_unknown_options_and_values_are_refused_in_french(stocks, options, message):
    with pytest.raises(InvalidInput, match=message):
        build_variant(stocks, 1, 3, 4, options)


def test_a_kind_without_options_refuses_any(stocks):
    with pytest.raises(InvalidInput, match="options : aucune"):
        build_variant("facture", 1, 3, 4, {"methode": "fifo"})


def _first_invoice(params):
    return next(d for d in params["documents"] if d["type"] == "facture")


def test_a_chained_step_records_the_invoice_of_the_earlier_step():
    # « Du devis à l'encaissement »: the invoice the student prepared at step 1 (number, date,
    # customer, lines) is the first invoice of the period they record at step 3.
    facture = KINDS["facture"]
    taken = 0
    for org_seed in range(12):
        source = source_of("facture", 2, 40 + org_seed, None)
        issued = facture.document(
            build_variant("facture", 2, 40 + org_seed, org_seed), company_for(org_seed)
        )
        if issued["achat"]:
            continue
        taken += 1
        chained = build_variant("encaissements", 2, 7, org_seed, None, source)
        first = _first_invoice(chained.params)
        expected = {"numero": issued["numero"], "date": issued["date"], **issued["facture"]}
        assert first["facture"] == expected
        assert chained.params["client"]["compte"] == f"411{issued['client']['code']}"
        assert issued["numero"] in chained.enonce and "étape précédente" in chained.enonce
        assert issued["client"]["nom"] in chained.enonce
    assert taken >= 6


def test_the_invoice_taken_is_the_one_the_statement_of_the_earlier_step_gives():
    variant = build_variant("facture", 2, 3, 5)
    issued = KINDS["facture"].document(variant, company_for(5))
    assert f"facture** n° {issued['numero']}" in variant.enonce
    assert issued["client"]["nom"] in variant.enonce and issued["facture"] == variant.params


def test_a_purchase_to_check_gives_no_sale_to_record_so_the_step_is_drawn_as_usual():
    # An organisation outside VAT checks a supplier's invoice at the facture step.
    org_seed = next(s for s in range(200) if company_for(s).tva_intracom is None)
    issued = KINDS["facture"].document(
        build_variant("facture", 2, 9, org_seed), company_for(org_seed)
    )
    assert issued["achat"]
    try:
        alone = build_variant("encaissements", 1, 4, org_seed)
    except InvalidInput:
        pytest.skip("pas d'encaissements pour ce secteur")
    chained = build_variant("encaissements", 1, 4, org_seed, None, Source("facture", 2, 9))
    assert chained == alone


def test_a_source_whose_document_the_kind_does_not_take_changes_nothing():
    plain = build_variant("encaissements", 1, 4, 3)
    assert build_variant("encaissements", 1, 4, 3, None, Source("planning", 1, 2)) == plain
