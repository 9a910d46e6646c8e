"""Customers and suppliers are near the organisation (same or neighbouring département), except
the suppliers that serve the whole country; the neighbours come from scenarios/departements.yaml."""

from __future__ import annotations

import pytest

from agora.company import generate_company
from agora.content.secteurs import (
    communes_proches,
    departement,
    load_communes,
    load_secteur,
    load_voisins,
    secteur_codes,
)
from agora.errors import ContentError

SEEDS = range(1, 21)


def _proches(company) -> set[str]:
    siege = departement(company.adresse.code_postal)
    return load_voisins()[siege] | {siege}


@pytest.mark.parametrize("secteur", secteur_codes())
def test_customers_and_local_suppliers_are_in_the_same_or_a_neighbouring_departement(secteur):
    nationaux = load_secteur(secteur).fournisseurs_nationaux
    for seed in SEEDS:
        company = generate_company(seed, secteur)
        proches = _proches(company)
        for client in company.clients:
            assert departement(client.adresse.code_postal) in proches, (seed, client.nom)
        for fournisseur in company.fournisseurs:
            national = any(_suit(fournisseur.nom, modele) for modele in nationaux)
            if not national:
                assert departement(fournisseur.adresse.code_postal) in proches, (seed, fournisseur)


def _suit(nom: str, modele: str) -> bool:
    """Whether a name was made from a pattern (« Éditions {nom} »): its fixed words match."""
    fixe = [part for part in modele.replace("}", "{").split("{")[::2] if part.strip(" -")]
    return all(part.strip(" -") in nom for part in fixe)


def test_national_suppliers_may_be_far():
    lointains = [
        f.nom
        for seed in SEEDS
        for company in [generate_company(seed, "librairie")]
        for f in company.fournisseurs
        if departement(f.adresse.code_postal) not in _proches(company)
    ]
    assert lointains and all(n.startswith(("Éditions", "Diffusion", "Jeux")) for n in lointains)


def test_the_water_utility_of_le_mans_serves_users_of_the_sarthe_and_its_neighbours():
    company = generate_company(7, "regie_eau")
    assert company.adresse.ville == "Le Mans"
    villes = {c.adresse.ville for c in company.clients}
    assert villes <= {"Le Mans", "Chartres", "Tours", "Blois", "Angers", "Laval", "Alençon"}


def test_every_departement_border_reads_both_ways_and_every_commune_has_neighbours_near():
    voisins = load_voisins()
    assert len(voisins) == 95  # metropolitan France, Corsica as one
    assert all(a in voisins[b] for a in voisins for b in voisins[a])
    assert voisins["75"] == {"92", "93", "94"} and voisins["20"] == frozenset()
    for commune in load_communes():
        assert commune in communes_proches(commune.code_postal)


def test_a_border_listed_one_way_is_refused(tmp_path):
    path = tmp_path / "departements.yaml"
    lignes = [f'  "{c:02d}": {{nom: "D{c}", voisins: []}}' for c in range(1, 96)]
    lignes[0] = '  "01": {nom: "Ain", voisins: ["38"]}'
    path.write_text(
        "departements:\n" + "\n".join(lignes) + '\n  "20": {nom: "Corse", voisins: []}\n'
    )
    with pytest.raises(ContentError, match="38 n'a pas 01 pour voisin"):
        load_voisins.__wrapped__(path)
