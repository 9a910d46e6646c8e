"""The student's invoice as a Factur-X invoice (EN 16931): its XML passes the profile's schema
through the factur-x library, its amounts add up as the standard's business rules require
(BR-CO-10, 13 to 16, BR-S-08), and the PDF carries that very XML."""

from datetime import timedelta
from decimal import Decimal

import pytest
from facturx import get_facturx_level, get_flavor, get_xml_from_pdf
from lxml import etree

from agora.content.secteurs import famille_de
from agora.documents import commercial, facturx
from agora.documents.pdf import pdf_de_html
from agora.errors import InvalidInput
from agora.exercise.registry import KINDS
from agora.exercise.variants import build_variant, company_for

FACTURE = KINDS["facture"]
NS = {"ram": facturx.RAM, "rsm": facturx.RSM}


def _document(seed: int, niveau: int, answer=None):
    variant = build_variant("facture", niveau, seed, seed)
    answer = FACTURE.solve(variant.params) if answer is None else answer
    return variant, FACTURE.piece_commerciale(variant, company_for(seed), FACTURE.read(answer))


def _amounts(xml: bytes, path: str) -> list[Decimal]:
    return [Decimal(e.text) for e in etree.fromstring(xml).iterfind(path, NS)]


def _one(xml: bytes, path: str) -> Decimal:
    [value] = _amounts(xml, path)
    return value


def check_invoice(seed: int, niveau: int) -> None:
    _, doc = _document(seed, niveau)
    check_business_rules(doc)


def check_business_rules(doc) -> None:
    """The schema, and the totals recomputed from the XML as EN 16931's rules require."""
    xml = facturx.cii_xml(doc)
    facturx.valide(xml)  # the library's XSD check of the EN 16931 profile
    total = ".//ram:SpecifiedTradeSettlementHeaderMonetarySummation/ram:"
    lines = _amounts(
        xml, ".//ram:SpecifiedTradeSettlementLineMonetarySummation/ram:LineTotalAmount"
    )
    assert _one(xml, total + "LineTotalAmount") == sum(lines)  # BR-CO-10
    basis = _one(xml, total + "TaxBasisTotalAmount")
    allowances = _one(xml, total + "AllowanceTotalAmount")
    charges = _one(xml, total + "ChargeTotalAmount")
    assert basis == sum(lines) - allowances + charges  # BR-CO-13
    vat = _amounts(
        xml, ".//ram:ApplicableHeaderTradeSettlement/ram:ApplicableTradeTax/ram:CalculatedAmount"
    )
    assert _one(xml, total + "TaxTotalAmount") == sum(vat)  # BR-CO-14
    grand = _one(xml, total + "GrandTotalAmount")
    assert grand == basis + sum(vat)  # BR-CO-15
    prepaid = _one(xml, total + "TotalPrepaidAmount")
    assert _one(xml, total + "DuePayableAmount") == grand - prepaid  # BR-CO-16
    for tva in doc.tva:  # BR-S-08: each rate's basis from its lines, allowances and charges
        at_rate = sum(line.montant_ht for line in doc.lignes if line.taux_tva == tva.taux)
        at_rate -= sum(a.montant for a in doc.reductions if a.taux_tva == tva.taux)
        at_rate += sum(a.montant for a in doc.frais if a.taux_tva == tva.taux)
        assert tva.base == at_rate, (doc.numero, tva)


@pytest.mark.parametrize("niveau", [1, 2, 3])
@pytest.mark.parametrize("seed", [0, 7, 23])
def test_the_reference_invoice_is_a_valid_en16931_invoice(seed, niveau):
    check_invoice(seed, niveau)


@pytest.mark.slow
@pytest.mark.parametrize("niveau", [1, 2, 3])
def test_a_hundred_seeds_give_valid_en16931_invoices(niveau):
    for seed in range(100):
        check_invoice(seed, niveau)


def test_the_facturx_pdf_carries_the_invoices_xml():
    _, doc = _document(3, 3)
    html = f"<h1>{doc.titre} {doc.numero}</h1><p>{doc.vendeur.nom}</p>"
    pdf = facturx.pdf_facturx(pdf_de_html(html, doc.titre, doc.vendeur.nom, doc.date), doc)
    filename, xml = get_xml_from_pdf(pdf, check_xsd=True)
    assert filename == "factur-x.xml" and xml == facturx.cii_xml(doc)
    tree = etree.fromstring(xml)
    assert get_flavor(tree) == "factur-x" and get_facturx_level(tree) == "en16931"


def test_the_document_prints_the_students_own_amounts():
    variant, right = _document(5, 2)
    answer = FACTURE.solve(variant.params)
    answer["total_ttc"] = "1.00"
    _, mine = _document(5, 2, answer)
    assert mine.total_ttc == Decimal("1.00") != right.total_ttc
    assert (
        mine.numero == right.numero
        and mine.lignes[0].designation == variant.params["lignes"][0]["designation"]
    )


def test_a_missing_amount_gives_no_electronic_invoice_but_a_french_message():
    variant, _ = _document(5, 2)
    answer = FACTURE.solve(variant.params)
    del answer["net_a_payer"]
    _, doc = _document(5, 2, answer)
    assert doc.net_a_payer is None and not doc.complet
    with pytest.raises(InvalidInput, match="Complétez tous les montants"):
        facturx.cii_xml(doc)
    assert commercial.pied(doc)[-1].montant is None  # the page shows « — »


def test_the_invoice_has_the_mandatory_mentions_of_a_sale_to_a_business():
    seed = next(
        s for s in range(50) if _document(s, 2)[1].client.nom != company_for(s).raison_sociale
    )
    _, doc = _document(seed, 2)
    org = company_for(seed)
    assert doc.vendeur.siren == org.siren and doc.vendeur.tva_intracom == org.tva_intracom
    assert org.rcs is None or org.rcs in doc.vendeur.mentions
    assert doc.client.siren and doc.nature in {"biens", "services", "mixte"}
    assert doc.echeance == doc.date + timedelta(days=org.cgv.delai_paiement_jours)
    texte = " ".join(doc.mentions)
    # The date of the operation: a delivery for goods, the service performed otherwise.
    date_operation = "livraison" if famille_de(org) == "biens" else "réalisation de la prestation"
    for needed in (date_operation, "Pénalités de retard", "40 €", org.cgv.escompte_conditions):
        assert needed in texte, needed


@pytest.mark.parametrize("niveau", [1, 2, 3])
def test_the_invoice_made_from_the_form_is_complete(niveau):
    # The form does not ask what the statement gives (the port) nor the total VAT of a single
    # rate: the document still has every amount, so the student gets their Factur-X.
    from tests.exercise.conftest import render_form, submitted

    from agora.exercise.base import unflatten
    from agora.exercise.forms import AnswerForm

    for seed in range(4):
        variant = build_variant("facture", niveau, seed, seed)
        form = AnswerForm.from_answer(FACTURE.solve(variant.params), None)
        posted = unflatten(submitted(render_form("facture", variant.params, niveau, form)))
        _, reference = _document(seed, niveau)
        _, doc = _document(seed, niveau, posted)
        assert doc == reference
