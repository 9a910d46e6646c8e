"""Independent streams: a new draw in one section of the organisation leaves the other sections as they were."""

from __future__ import annotations

import dataclasses
import json

import pytest

from agora.company import generate_company
from agora.company import generator as generator_module
from agora.company.model import Company
from agora.content.secteurs import secteur_codes

SEEDS = (0, 7, 123, 2**40)

# The Company fields each section fills, and the builder (in generator.py) that draws them.
CHAMPS = {
    "identite": (
        "raison_sociale",
        "forme_juridique",
        "capital",
        "siren",
        "siret",
        "rcs",
        "naf",
        "naf_libelle",
        "tva_intracom",
        "adresse",
        "telephone",
        "email",
        "site_web",
        "dirigeant",
        "dirigeant_fonction",
        "date_creation",
        "exercice_debut",
        "exercice_fin",
    ),
    "salaries": ("salaries",),
    "catalogue": ("catalogue",),
    "historique": ("historique",),
    "fiscalite": ("regime_tva", "tva_sur_debits"),
    "cgv": ("cgv",),
    "banque": ("banque",),
    "clients": ("clients",),
    "fournisseurs": ("fournisseurs",),
    "subventions": ("subventions",),
}
BUILDERS = {
    "identite": "identite",
    "salaries": "salaries",
    "catalogue": "catalogue",
    "historique": "_historique",
    "fiscalite": "_tva_sur_debits",
    "cgv": "conditions_generales",
    "banque": "_banque",
    "clients": "clients",
    "fournisseurs": "fournisseurs",
    "subventions": "subventions",
}
# Fields that come from the sector profile or the arguments: no draw at all.
FIXES = (
    "seed",
    "secteur",
    "secteur_libelle",
    "convention_collective",
    "horaires",
    "relation",
    "contraintes",
    "taux_at_mp",
)
# The sections whose RESULT a section reads (staff are hired after the creation date, the
# history counts the staff and the catalogue's prices, the bank's balance follows turnover…).
LIT = {
    "salaries": {"identite"},
    "historique": {"salaries", "catalogue"},
    "fiscalite": {"historique", "catalogue"},
    "cgv": {"identite"},
    "banque": {"historique"},
    "subventions": {"identite"},
}


def _touches(section: str) -> set[str]:
    """The section and every section that reads its result, directly or not."""
    touched = {section}
    while True:
        more = {s for s, read in LIT.items() if read & touched} - touched
        if not more:
            return touched
        touched |= more


def _draws_more(builder, *, avant: bool):
    """The builder with a new draw on both of its sources, before or after its own work."""

    def more(gen) -> None:
        gen.rng.random()
        gen.fake.last_name()
        gen.fake.random.gauss(0, 1)  # leaves a cached value behind in random.Random

    def wrapped(gen, *args):
        if avant:
            more(gen)
        result = builder(gen, *args)
        if not avant:
            more(gen)
        return result

    return wrapped


def _json(company: Company, fields) -> dict:
    data = company.to_dict()
    return {name: json.dumps(data[name], ensure_ascii=False) for name in fields}


@pytest.fixture(scope="module")
def reference():
    """The organisations as generated today, before any section draws more."""
    return {(s, code): generate_company(s, code) for s in SEEDS for code in secteur_codes()}


def test_every_field_of_the_company_belongs_to_one_section():
    # A new field must be placed in a section here, or its independence goes untested.
    placed = [name for fields in CHAMPS.values() for name in fields] + list(FIXES)
    assert sorted(placed) == sorted(f.name for f in dataclasses.fields(Company))
    assert set(BUILDERS) == set(CHAMPS)


@pytest.mark.parametrize("section", list(CHAMPS))
def test_a_new_draw_in_one_section_changes_no_section_that_does_not_read_it(
    monkeypatch, reference, section
):
    builder = getattr(generator_module, BUILDERS[section])
    monkeypatch.setattr(generator_module, BUILDERS[section], _draws_more(builder, avant=True))
    others = [name for s in CHAMPS.keys() - _touches(section) for name in CHAMPS[s]] + list(FIXES)
    changed = 0
    for (seed, code), before in reference.items():
        after = generate_company(seed, code)
        assert _json(after, others) == _json(before, others), (section, seed, code)
        changed += _json(after, CHAMPS[section]) != _json(before, CHAMPS[section])
    assert changed, f"the extra draw should have changed the section {section}"


@pytest.mark.parametrize("section", list(CHAMPS))
def test_a_draw_added_at_the_end_of_a_section_changes_nothing_else(monkeypatch, reference, section):
    builder = getattr(generator_module, BUILDERS[section])
    monkeypatch.setattr(generator_module, BUILDERS[section], _draws_more(builder, avant=False))
    for (seed, code), before in reference.items():
        assert generate_company(seed, code) == before, (section, seed, code)
