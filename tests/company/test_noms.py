"""An organisation's name never reuses its student's own name."""

from __future__ import annotations

import itertools

from agora.company import generate_company
from agora.company.noms import reprend_nom, seed_sans_nom


def test_a_name_built_from_the_students_surname_is_seen():
    assert reprend_nom("Régie de l'eau du Pays de Lecoq-Fournier", "Bérénice", "LECOQ")
    assert reprend_nom("Boulangerie Hélène", "Helene", "Martin")
    assert not reprend_nom("Librairie Roussel-Jacquot", "Jean", "Rousseau")
    assert not reprend_nom("Le Marque-Page de Lyon", "Léa", "Le")  # little words aside


def test_each_student_gets_an_organisation_clear_of_their_name():
    # 50 students whose names are those of the first organisations the seeds would give
    for seed in range(1, 51):
        company = generate_company(seed)
        person = company.salaries[0]
        for prenom, nom in ((person.prenom, person.nom), *_nom_dans(company.raison_sociale)):
            seeds = itertools.count(seed)
            chosen = seed_sans_nom(prenom, nom, lambda seeds=seeds: next(seeds))
            assert not reprend_nom(generate_company(chosen).raison_sociale, prenom, nom)


def _nom_dans(raison_sociale: str) -> list[tuple[str, str]]:
    """A student named after the longest word of the organisation's name (the worst case)."""
    mot = max(raison_sociale.replace("-", " ").split(), key=len)
    return [("Camille", mot)]
