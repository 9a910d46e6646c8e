"""The student's credit note as the customer receives it, and as a Factur-X credit note
(type 381) that names the invoice it corrects; for returns, rabais and ristournes."""

from decimal import Decimal

import pytest
from lxml import etree
from tests.documents.test_facturx import NS, check_business_rules

from agora.documents import commercial, facturx
from agora.exercise.registry import KINDS
from agora.exercise.variants import build_variant, company_for

AVOIR = KINDS["avoir"]


def _document(seed: int, niveau: int, motif: str):
    variant = build_variant("avoir", niveau, seed, seed, {"motif": motif})
    answer = AVOIR.solve(variant.params)
    doc = AVOIR.piece_commerciale(variant, company_for(seed), AVOIR.read(answer))
    return variant, answer, doc


@pytest.mark.parametrize("motif", ["retour", "rabais", "ristourne"])
@pytest.mark.parametrize("niveau", [1, 2, 3])
def test_the_reference_credit_note_is_a_valid_en16931_credit_note(niveau, motif):
    for seed in (0, 7):
        variant, answer, doc = _document(seed, niveau, motif)
        check_business_rules(doc)
        tree = etree.fromstring(facturx.cii_xml(doc))
        assert tree.findtext(".//ram:TypeCode", namespaces=NS) == "381"
        assert doc.numero in variant.enonce
        assert doc.total_ttc == Decimal(answer["total_ttc"])
        if doc.reference:  # BG-3: the corrected invoice
            path = ".//ram:InvoiceReferencedDocument/ram:IssuerAssignedID"
            assert tree.findtext(path, namespaces=NS) == doc.reference
            assert doc.reference == variant.params["facture"]["numero"]


def test_the_credit_note_shows_what_is_credited_not_what_is_to_pay():
    _, _, doc = _document(3, 2, "retour")
    assert commercial.pied(doc)[-1].libelle == "Montant de l'avoir"
    assert doc.mentions[0].startswith("Avoir sur la facture n° ")
