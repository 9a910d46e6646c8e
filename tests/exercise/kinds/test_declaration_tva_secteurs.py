"""The month's purchase invoices of a VAT return come from sellers of what they sell (audit
of the sectors, 2026-12): a bakery's electricity never from its miller, a bookshop's books
never from its stationer; and a sports club, which files no return, has its student prepare
that of a business that sponsors it."""

from __future__ import annotations

import pytest
from tests.exercise.tirages import variantes

from agora.content.secteurs import secteur_codes
from agora.exercise.enonce import au_service
from agora.exercise.kinds.declaration_tva.activites import VENDEURS
from agora.exercise.kinds.declaration_tva.partenaire import (
    NON_DECLARANTS,
    declarante,
    partenaire,
)
from agora.exercise.registry import get_kind

CLUB = "association_sportive"


@pytest.mark.parametrize("secteur", secteur_codes())
def test_each_purchase_comes_from_a_seller_of_it(secteur):
    for seed, niveau, organisation, variant in variantes("declaration_tva", range(12), secteur):
        fichier = {f.nom for f in declarante(organisation).organisation.fournisseurs}
        for achat in variant.params.get("achats", ()):
            if achat["libelle"] not in VENDEURS:
                continue  # an acquisition from another EU country names its country
            mots, autre = VENDEURS[achat["libelle"]]
            nom = achat["fournisseur"]
            vend = any(m.lower() in nom.lower() for m in mots) and nom in fichier
            assert vend or nom == autre, (seed, niveau, achat)
            assert "Assurances" not in nom, (seed, niveau, achat)


@pytest.mark.parametrize("regime", ["ca3_mensuelle", "ca12"])
def test_a_club_not_liable_to_vat_has_its_student_prepare_a_sponsors_return(regime):
    """The club's sheet says « Non assujettie à la TVA » (its bar, shop and sponsors under the
    franchise threshold): its student never files a return for it, but for a business nearby
    that sponsors it, named by the statement, whose catalogue the sales come from."""
    options = {"regime": regime}
    for seed, _, club, variant in variantes("declaration_tva", range(6), CLUB, options=options):
        partenaire = declarante(club).organisation
        assert partenaire.regime_tva not in NON_DECLARANTS and partenaire.tva_intracom
        enonce = variant.enonce
        assert f"Votre association, **{club.raison_sociale}**, n'est pas assujettie" in enonce
        assert "ne dépose donc **aucune** déclaration" in enonce
        assert au_service(partenaire, "comptable") in enonce
        vendus = {a.designation for a in partenaire.catalogue}
        ventes = [v["libelle"].rsplit(" (", 1)[0] for v in variant.params["ventes"]]
        assert set(ventes) <= vendus, seed
        assert not any("buvette" in v["libelle"].lower() for v in variant.params["ventes"])


def test_the_sponsor_is_drawn_once_for_a_club_and_near_it():
    """The same club gives the same sponsor (a class's evaluation is the same for all), and it
    is the nearest of those drawn: not one from the other end of France."""
    from agora.content.geographie import commune, vol_oiseau_km

    clubs = [c for _, _, c, _ in variantes("declaration_tva", range(30), CLUB, niveaux=(1,))]
    assert clubs
    for club in clubs:
        d = declarante(club)
        partenaire.cache_clear()  # drawn again from the seed alone, not read back from the cache
        assert declarante(club).organisation.raison_sociale == d.organisation.raison_sociale
        de_club = commune(club.adresse.code_postal, club.adresse.ville)
        ici = commune(d.organisation.adresse.code_postal, d.organisation.adresse.ville)
        assert vol_oiseau_km(de_club, ici) < 400, (club.adresse.ville, ici.ville)


def test_a_clubs_own_invoice_never_enters_its_sponsors_return():
    """Chained after an invoice the student made for the club (VAT-free), the return is the
    sponsor's month, drawn as usual: the club's invoice is not one of its sales."""
    kind = get_kind("declaration_tva")
    for seed, _, club, _ in variantes("declaration_tva", range(4), CLUB, niveaux=(2,)):
        facture = get_kind("facture").generate(seed, 2, club)
        document = get_kind("facture").document(facture, club, None)
        variant = kind.reprendre(seed, 2, club, None, {"facture": document})
        assert "que vous avez établie à l'étape précédente" not in variant.enonce
        assert variant.params == kind.generate(seed, 2, club).params
