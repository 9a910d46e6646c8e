"""The organisation page holds together: one director, one legal form and its words, a history
table that says which months it covers and ends the month before the year in progress."""

from __future__ import annotations

import re
from datetime import date

import pytest

from agora.company import generate_company
from agora.company.fiche import render_fiche
from agora.content.secteurs import load_secteur, secteur_codes

SEEDS = range(1, 51)
# The words of a public body's legal form, of which a page names one at most.
PORTEES = ("régie municipale", "régie intercommunale", "régie départementale", "syndicat")


@pytest.mark.parametrize("secteur", secteur_codes())
def test_the_page_names_one_director(secteur):
    postes = {e.intitule for e in load_secteur(secteur).emplois if e.dirige}
    for seed in SEEDS:
        company = generate_company(seed, secteur)
        tetes = [f"{s.prenom} {s.nom}" for s in company.salaries if s.emploi in postes]
        assert all(nom == company.dirigeant for nom in tetes[:1]), (seed, tetes)
        fiche = render_fiche(company)
        directeurs = {
            nom
            for nom, poste in re.findall(r"\| E\d+ \| ([^|]+) \| (Directeur de la [^|]+) \|", fiche)
        }
        assert directeurs <= {company.dirigeant}, (seed, directeurs)


@pytest.mark.parametrize("secteur", secteur_codes())
def test_the_page_gives_one_legal_form(secteur):
    for seed in SEEDS:
        fiche = render_fiche(generate_company(seed, secteur)).lower()
        named = [mot for mot in PORTEES if mot in fiche]
        assert len(named) <= 1, (seed, named)


@pytest.mark.parametrize("secteur", secteur_codes())
def test_the_history_ends_the_month_before_the_year_in_progress(secteur):
    for seed in SEEDS:
        company = generate_company(seed, secteur)
        fiche = render_fiche(company)
        assert company.historique[-1].mois == "2025-12"
        assert "de janvier 2025 à décembre 2025" in fiche
        assert "derniers mois" not in fiche
        assert date.fromisoformat(company.historique[-1].mois + "-01") < date(2026, 1, 1)
