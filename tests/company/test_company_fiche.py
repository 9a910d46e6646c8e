"""The fiche entreprise: French Markdown with tables, every section, no raw HTML."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from markdown_it import MarkdownIt

from agora.company import generate_company, render_fiche
from agora.content.secteurs import secteur_codes
from agora.money import euros

SECTIONS = (
    "## Présentation",
    "### Horaires d'ouverture",
    "## Organigramme",
    "## Chiffres clés",
    "## Extrait du catalogue",
    "## Conditions générales de vente",
)


@pytest.mark.parametrize("code", secteur_codes())
def test_fiche_has_every_section_and_renders_as_tables(code):
    company = generate_company(5, code)
    fiche = render_fiche(company, aujourdhui=date(2026, 3, 9))
    assert fiche.startswith(f"# {company.raison_sociale}\n")
    assert all(section in fiche for section in SECTIONS)
    assert "<" not in fiche  # Markdown only: the web page escapes nothing it did not write
    html = MarkdownIt("commonmark").enable("table").render(fiche)
    assert html.count("<table>") >= 5
    for salarie in company.salaries:
        assert f"| {salarie.id} | {salarie.prenom} {salarie.nom} |" in fiche
    assert company.catalogue[0].reference in fiche
    assert "40 €" in fiche  # the recovery indemnity in the CGV


def test_fiche_says_when_the_body_is_outside_vat():
    fiche = render_fiche(generate_company(5, "association_sportive"), aujourdhui=date(2026, 3, 9))
    assert "Non assujettie à la TVA" in fiche and "Hors TVA" in fiche
    assert "Subvention" in fiche


def test_amounts_are_printed_the_french_way():
    assert euros(Decimal("12345.6")) == "12\u00a0345,60\u00a0€"
    assert euros(Decimal("0.005")) == "0,01\u00a0€"
