"""The organisation page holds together: one director, one legal form and its words, a history
table that says which months it covers and ends the month before the platform's date."""

from __future__ import annotations

import re
from datetime import date

import pytest

from agora.company import generate_company
from agora.company.fiche import douze_derniers_mois, render_fiche
from agora.content.secteurs import load_secteur, secteur_codes

SEEDS = range(1, 51)
JOUR = date(2026, 12, 4)
# The words of a public body's legal form, of which a page names one at most.
PORTEES = ("régie municipale", "régie intercommunale", "régie départementale", "syndicat")


@pytest.mark.parametrize("secteur", secteur_codes())
def test_the_page_names_one_director(secteur):
    postes = {e.intitule for e in load_secteur(secteur).emplois if e.dirige}
    for seed in SEEDS:
        company = generate_company(seed, secteur)
        tetes = [f"{s.prenom} {s.nom}" for s in company.salaries if s.emploi in postes]
        assert all(nom == company.dirigeant for nom in tetes[:1]), (seed, tetes)
        fiche = render_fiche(company, aujourdhui=JOUR)
        directeurs = {
            nom
            for nom, poste in re.findall(r"\| E\d+ \| ([^|]+) \| (Directeur de la [^|]+) \|", fiche)
        }
        assert directeurs <= {company.dirigeant}, (seed, directeurs)


@pytest.mark.parametrize("secteur", secteur_codes())
def test_the_page_gives_one_legal_form(secteur):
    for seed in SEEDS:
        fiche = render_fiche(generate_company(seed, secteur), aujourdhui=JOUR).lower()
        named = [mot for mot in PORTEES if mot in fiche]
        assert len(named) <= 1, (seed, named)


@pytest.mark.parametrize("secteur", secteur_codes())
def test_the_last_twelve_months_end_the_month_before_the_platform_date(secteur):
    for seed in SEEDS[:10]:
        company = generate_company(seed, secteur)
        fiche = render_fiche(company, aujourdhui=JOUR)
        titre = "### Activité des douze derniers mois, de décembre 2025 à novembre 2026"
        assert titre in fiche, seed
        table = fiche.split(titre)[1].split("\n\n")[1]
        mois = [line.split(" | ")[0].removeprefix("| ") for line in table.splitlines()[2:]]
        assert mois[0] == "décembre 2025" and mois[-1] == "novembre 2026" and len(mois) == 12


def test_the_window_follows_the_platform_date_and_keeps_each_months_figures():
    company = generate_company(3, "boulangerie")
    figures = {m.mois[5:]: m.chiffre_affaires_ht for m in company.historique}
    for jour, premier, dernier in (
        (date(2026, 1, 15), "2025-01", "2025-12"),
        (date(2026, 12, 4), "2025-12", "2026-11"),
        (date(2027, 3, 1), "2026-03", "2027-02"),
    ):
        fenetre = douze_derniers_mois(company, jour)
        assert (fenetre[0].mois, fenetre[-1].mois) == (premier, dernier)
        assert all(m.chiffre_affaires_ht == figures[m.mois[5:]] for m in fenetre)
        assert "de janvier 2025" in render_fiche(company, aujourdhui=date(2026, 1, 15))


def test_the_platform_date_never_moves_the_organisation():
    before = generate_company(11, "regie_eau")
    render_fiche(before, aujourdhui=date(2030, 6, 1))
    assert generate_company(11, "regie_eau") == before
    assert before.historique[-1].mois == "2025-12"  # the stored figures keep their own dates
