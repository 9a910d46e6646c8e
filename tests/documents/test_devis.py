"""The student's quote as the customer receives it: their own amounts, the validity date,
what is paid at signature and how to accept it; a quote is not an invoice (no Factur-X)."""

from decimal import Decimal

import pytest

from agora.documents import commercial, facturx
from agora.errors import InvalidInput
from agora.exercise.registry import KINDS
from agora.exercise.variants import build_variant, company_for

DEVIS = KINDS["devis"]


def _document(seed: int, niveau: int, change=None):
    variant = build_variant("devis", niveau, seed, seed)
    answer = DEVIS.solve(variant.params)
    if change:
        change(answer)
    doc = DEVIS.piece_commerciale(variant, company_for(seed), DEVIS.read(answer))
    return variant, answer, doc


@pytest.mark.parametrize("niveau", [1, 2, 3])
def test_the_quote_has_the_number_and_customer_of_its_statement_and_the_students_totals(niveau):
    variant, answer, doc = _document(4, niveau)
    assert f"devis n° {doc.numero}" in variant.enonce and doc.client.nom in variant.enonce
    assert doc.total_ttc == Decimal(answer["total_ttc"])
    assert [ligne.reference for ligne in doc.lignes] == [
        ligne["reference"] for ligne in variant.params["lignes"]
    ]
    assert commercial.pied(doc)[-1].libelle == "Total TTC"  # nothing to pay yet


def test_the_quote_says_until_when_it_holds_what_is_paid_at_signature_and_how_to_accept():
    _, answer, doc = _document(4, 2, lambda a: a.update(acompte="12.34"))
    texte = " ".join(doc.mentions)
    jour, mois, annee = answer["date_validite"].split("-")[::-1]
    assert f"valable jusqu'au {jour}/{mois}/{annee}" in texte
    assert "à verser à la signature : 12,34" in texte
    assert "bon pour accord" in texte.lower()


def test_a_quote_is_not_an_electronic_invoice():
    _, _, doc = _document(4, 2)
    with pytest.raises(InvalidInput):
        facturx.cii_xml(doc)
