"""build_variant: the one place a variant is made, from seeds, level and a mission's options."""

import pytest
from tests.exercise.stub_kinds import STOCKS

from agora.company import generate_company
from agora.errors import InvalidInput
from agora.exercise.registry import KINDS
from agora.exercise.variants import build_variant, company_for


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
