"""A job agrees with the person who holds it: « Michelle Joly, cheffe boulangère », « Marc Petit,
chef boulanger », over 200 seeds × every sector, in the organisation and on its fiche."""

from __future__ import annotations

from datetime import date

import pytest
from faker.providers.person.fr_FR import Provider as Prenoms

from agora.company import generate_company, render_fiche
from agora.content.secteurs import load_secteur, secteur_codes

SEEDS = range(200)
FEMMES = frozenset(Prenoms.first_names_female)
HOMMES = frozenset(Prenoms.first_names_male)


@pytest.fixture(scope="module")
def companies():
    return {code: [generate_company(seed, code) for seed in SEEDS] for code in secteur_codes()}


def test_every_woman_s_job_is_its_feminine_form_and_every_man_s_its_code(companies):
    accords = set()
    for code, batch in companies.items():
        emplois = {e.intitule: e for e in load_secteur(code).emplois}
        for c in batch:
            for s in c.salaries:
                assert s.prenom in FEMMES | HOMMES, s
                femme = s.prenom in FEMMES
                attendu = emplois[s.emploi].feminin if femme else s.emploi
                assert s.emploi_libelle == attendu, (code, c.seed, s.prenom, s.emploi_libelle)
                accords.add((femme, s.emploi_libelle != s.emploi))
    # Not vacuous: women whose job changes form, women in an epicene job, men.
    assert {(True, True), (True, False), (False, False)} <= accords


def test_the_head_of_a_regie_agrees_with_the_dirigeant_whose_name_they_take(companies):
    # The « Directeur de la régie » takes the dirigeant's name after the staff are drawn.
    for c in companies["regie_eau"]:
        tete = next(s for s in c.salaries if s.emploi == "Directeur de la régie")
        assert f"{tete.prenom} {tete.nom}" == c.dirigeant
        directrice = c.dirigeant_fonction == "Directrice"
        assert tete.emploi_libelle == ("Directrice de la régie" if directrice else tete.emploi)


def test_the_fiche_names_each_employee_with_the_agreed_job(companies):
    for batch in companies.values():
        for c in batch[:10]:
            fiche = render_fiche(c, aujourdhui=date(2026, 1, 15))
            for s in c.salaries:
                assert f"| {s.prenom} {s.nom} | {s.emploi_libelle} |" in fiche
