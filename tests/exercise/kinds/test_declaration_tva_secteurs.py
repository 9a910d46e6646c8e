"""The month's purchase invoices of a VAT return come from sellers of what they sell (audit
of the sectors, 2026-12): a club's drinks never from its insurer, a bakery's electricity
never from its miller, a bookshop's books never from its stationer."""

from __future__ import annotations

import pytest
from tests.exercise.tirages import variantes

from agora.content.secteurs import secteur_codes
from agora.exercise.kinds.declaration_tva.activites import VENDEURS


@pytest.mark.parametrize("secteur", secteur_codes())
def test_each_purchase_comes_from_a_seller_of_it(secteur):
    for seed, niveau, organisation, variant in variantes("declaration_tva", range(12), secteur):
        fichier = {f.nom for f in organisation.fournisseurs}
        for achat in variant.params.get("achats", ()):
            if achat["libelle"] not in VENDEURS:
                continue  # an acquisition from another EU country names its country
            mots, autre = VENDEURS[achat["libelle"]]
            nom = achat["fournisseur"]
            vend = any(m.lower() in nom.lower() for m in mots) and nom in fichier
            assert vend or nom == autre, (seed, niveau, achat)
            assert "Assurances" not in nom, (seed, niveau, achat)
