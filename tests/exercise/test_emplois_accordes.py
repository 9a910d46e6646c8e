"""Every exercise that names someone with their job writes the job in agreement with them:
« Léa Martin (vendeuse en boulangerie) », « Hugo Petit (vendeur en boulangerie) »; a job ad
seeks « un vendeur ou une vendeuse »."""

from __future__ import annotations

import re
from functools import cache

import pytest
from faker.providers.person.fr_FR import Provider as Prenoms
from tests.exercise.tirages import variantes

from agora.company import generate_company
from agora.content.secteurs import load_secteur, secteur_codes
from agora.exercise.base import NIVEAUX
from agora.exercise.kinds.mouvements_personnel.generate import FEMININS
from agora.exercise.registry import KINDS

SEEDS = range(6)
# Who is named with their job in a variant: (full name, job) pairs, read from the params or,
# for the planning (whose params do not carry the job), from the statement's team table.
_AUTRE = re.compile(r"^(.+) \((.+)\)$")
NOMMES = {
    "bulletin_paie": lambda p, e: [(p["salarie"]["nom"], p["salarie"]["emploi"])],
    "journal_paie": lambda p, e: [(b["salarie"], b["emploi"]) for b in p["bulletins"]],
    "conges_payes": lambda p, e: (
        [(f"{s['prenom']} {s['nom']}", s["emploi"]) for s in p["salaries"]]
        + [_AUTRE.match(a).groups() for a in p["equipe"]["autres"]]
    ),
    "frais_deplacement": lambda p, e: [(p["ordre"]["salarie"], p["ordre"]["emploi"])],
    "prise_en_charge": lambda p, e: [(m["nom"], m["emploi"]) for m in p["annuaire"]],
    "mouvements_personnel": lambda p, e: [
        (p[quoi]["salarie"], p[quoi]["emploi"]) for quoi in ("embauche", "depart")
    ],
    "planning": lambda p, e: _equipe(e),
}


def _equipe(enonce: str) -> list[tuple[str, str]]:
    """The planning's team table: « | Léa Martin (moins de 18 ans) | Vendeuse | … »."""
    tableau = enonce.split("| Salarié | Emploi |", 1)[1].split("\n\n", 1)[0]
    lignes = [r.strip("| ").split(" | ") for r in tableau.split("\n")[2:]]
    return [(ligne[0].removesuffix(" (moins de 18 ans)"), ligne[1]) for ligne in lignes]


@cache
def _company(seed: int, secteur: str):
    return generate_company(seed, secteur)


def _femme(nom: str) -> bool:
    prenom = nom.split(" ")[0]
    if prenom in Prenoms.first_names_female or prenom in Prenoms.first_names_male:
        return prenom in Prenoms.first_names_female
    return prenom in FEMININS  # someone a kind draws from its own list of first names


@pytest.mark.parametrize("kind", sorted(NOMMES))
@pytest.mark.parametrize("secteur", secteur_codes())
def test_every_job_beside_a_name_agrees_with_the_person(kind, secteur):
    emplois = load_secteur(secteur).emplois
    formes = {True: {e.feminin for e in emplois}, False: {e.intitule for e in emplois}}
    nommes = 0
    for seed in SEEDS:
        for niveau in NIVEAUX:
            variant = KINDS[kind].generate(seed, niveau, _company(seed, secteur))
            for nom, emploi in NOMMES[kind](variant.params, variant.enonce):
                assert emploi in formes[_femme(nom)], (seed, niveau, nom, emploi)
                nommes += 1
    assert nommes


@pytest.mark.parametrize("secteur", secteur_codes())
def test_a_job_ad_seeks_a_man_or_a_woman_in_both_forms_of_the_job(secteur):
    for seed in SEEDS:
        for niveau in NIVEAUX:
            company = _company(seed, secteur)
            params = KINDS["mouvements_personnel"].generate(seed, niveau, company).params
            emploi = load_secteur(secteur).emploi(params["annonce"]["poste"])
            masculin, feminin = emploi.intitule.lower(), emploi.feminin.lower()
            attendu = (
                f"un ou une {masculin}"
                if masculin == feminin
                else f"un {masculin} ou une {feminin}"
            )
            assert f" recrute {attendu} en CDI" in params["annonce"]["phrases"][0]["texte"]


# What the statements said of a named employee in the masculine, whoever they were (audit,
# December 2026): the meals of a payslip, the second car of a trip, a summer job.
MASCULINS = ("il n'est pas nourri", "Il reçoit", "qu'il utilise", "c'est un étudiant")


@pytest.mark.parametrize("name", ["bulletin_paie", "frais_deplacement", "mouvements_personnel"])
def test_what_a_statement_says_of_an_employee_fits_a_woman_as_well(name):
    for seed, niveau, _, variant in variantes(name, range(40)):
        assert not [m for m in MASCULINS if m in variant.enonce], (seed, niveau)
