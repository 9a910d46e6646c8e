"""A supplier's invoice in the payment run carries the VAT of what it sells (audit of the
sectors, 2026-12): an insurer charges no VAT, a coach company 10 %, a miller 5,5 %, a
supplier of tableware or sports kit 20 % — never a rate drawn for the whole sector."""

from __future__ import annotations

import pytest
from tests.exercise.tirages import variantes

from agora.content.secteurs import secteur_codes

# A word of a supplier's name → the only rates its invoices may carry.
TAUX_DU_METIER = {
    "Assurances": {"0"},
    "Autocars": {"10"},
    "Imprimerie": {"20"},
    "Textile": {"20"},
    "Équipements sportifs": {"20"},
    "Moulins": {"5.5"},
    "Emballages": {"20"},
    "Cave": {"20"},
    "Boucherie": {"5.5"},
    "Canalisations": {"20"},
}


@pytest.mark.parametrize("secteur", secteur_codes())
def test_each_supplier_invoices_at_the_rate_of_its_trade(secteur):
    for seed, niveau, _, variant in variantes("reglements_fournisseurs", range(15), secteur):
        for facture in variant.params["factures"]:
            nom = facture["fournisseur"]["nom"]
            for mot, taux in TAUX_DU_METIER.items():
                if mot in nom:
                    assert facture["taux_tva"] in taux, (seed, niveau, nom, facture)
