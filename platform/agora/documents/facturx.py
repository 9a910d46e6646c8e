"""The invoice as a Factur-X PDF (profile EN 16931): the Cross Industry Invoice XML of the
document, checked against the profile's schema and embedded in the PDF by the ``factur-x``
library (Akretion), the reference implementation of the FNFE-MPE standard.

An electronic invoice is read by a machine: it is only built when every amount is given."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from lxml import etree

from agora.documents.commercial import Ajustement, DocumentCommercial, Partie, libelle
from agora.errors import InvalidInput

RSM = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"
RAM = "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"
UDT = "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100"
QDT = "urn:un:unece:uncefact:data:standard:QualifiedDataType:100"
NSMAP = {"rsm": RSM, "ram": RAM, "udt": UDT, "qdt": QDT}
EN16931 = "urn:cen.eu:en16931:2017"
TYPES = {"facture": "380", "avoir": "381"}  # UNTDID 1001: commercial invoice, credit note
INCOMPLET = "Complétez tous les montants de la facture pour produire la facture électronique."


def _el(parent: etree._Element, tag: str, text: str | None = None, **attrs: str):
    prefix, name = tag.split(":")
    element = etree.SubElement(parent, f"{{{NSMAP[prefix]}}}{name}", attrs)
    if text is not None:
        element.text = text
    return element


def _montant(value: Decimal | None) -> str:
    return f"{value:.2f}"


def _taux(value: Decimal) -> str:
    return f"{value.normalize():f}"


def _date(parent, tag: str, jour: date) -> None:
    _el(_el(parent, tag), "udt:DateTimeString", jour.strftime("%Y%m%d"), format="102")


def _categorie(parent, tag: str, taux: Decimal) -> None:
    """VAT category of a rate: S (standard, any positive rate) or Z (zero rate)."""
    tax = _el(parent, tag)
    _el(tax, "ram:TypeCode", "VAT")
    _el(tax, "ram:CategoryCode", "S" if taux > 0 else "Z")
    _el(tax, "ram:RateApplicablePercent", _taux(taux))


def _partie(parent, tag: str, p: Partie) -> None:
    party = _el(parent, tag)
    _el(party, "ram:Name", p.nom)
    if p.siren:
        legal = _el(party, "ram:SpecifiedLegalOrganization")
        _el(legal, "ram:ID", p.siren, schemeID="0002")  # ISO 6523: the French SIREN
    address = _el(party, "ram:PostalTradeAddress")
    _el(address, "ram:PostcodeCode", p.code_postal)
    _el(address, "ram:LineOne", p.rue)
    _el(address, "ram:CityName", p.ville)
    _el(address, "ram:CountryID", "FR")
    if p.tva_intracom:
        _el(_el(party, "ram:SpecifiedTaxRegistration"), "ram:ID", p.tva_intracom, schemeID="VA")


def _ajustements(parent, items: Iterable[Ajustement], charge: bool) -> None:
    for a in items:
        node = _el(parent, "ram:SpecifiedTradeAllowanceCharge")
        _el(_el(node, "ram:ChargeIndicator"), "udt:Indicator", "true" if charge else "false")
        _el(node, "ram:ActualAmount", _montant(a.montant))
        _el(node, "ram:Reason", libelle(a))
        _categorie(node, "ram:CategoryTradeTax", a.taux_tva)


def _lignes(transaction, doc: DocumentCommercial) -> None:
    for numero, ligne in enumerate(doc.lignes, 1):
        item = _el(transaction, "ram:IncludedSupplyChainTradeLineItem")
        _el(_el(item, "ram:AssociatedDocumentLineDocument"), "ram:LineID", str(numero))
        product = _el(item, "ram:SpecifiedTradeProduct")
        _el(product, "ram:SellerAssignedID", ligne.reference)
        _el(product, "ram:Name", ligne.designation)
        agreement = _el(item, "ram:SpecifiedLineTradeAgreement")
        price = _el(agreement, "ram:NetPriceProductTradePrice")
        _el(price, "ram:ChargeAmount", _montant(ligne.prix_unitaire_ht))
        delivery = _el(item, "ram:SpecifiedLineTradeDelivery")
        _el(delivery, "ram:BilledQuantity", _taux(ligne.quantite), unitCode="C62")
        settlement = _el(item, "ram:SpecifiedLineTradeSettlement")
        _categorie(settlement, "ram:ApplicableTradeTax", ligne.taux_tva)
        summation = _el(settlement, "ram:SpecifiedTradeSettlementLineMonetarySummation")
        _el(summation, "ram:LineTotalAmount", _montant(ligne.montant_ht))


def _reglement(transaction, doc: DocumentCommercial) -> None:
    settlement = _el(transaction, "ram:ApplicableHeaderTradeSettlement")
    _el(settlement, "ram:InvoiceCurrencyCode", "EUR")
    for t in doc.tva:
        tax = _el(settlement, "ram:ApplicableTradeTax")
        _el(tax, "ram:CalculatedAmount", _montant(t.montant))
        _el(tax, "ram:TypeCode", "VAT")
        _el(tax, "ram:BasisAmount", _montant(t.base))
        _el(tax, "ram:CategoryCode", "S" if t.taux > 0 else "Z")
        _el(tax, "ram:RateApplicablePercent", _taux(t.taux))
    _ajustements(settlement, doc.reductions, charge=False)
    _ajustements(settlement, doc.frais, charge=True)
    if doc.echeance is not None:
        terms = _el(settlement, "ram:SpecifiedTradePaymentTerms")
        _el(terms, "ram:Description", f"Paiement au plus tard le {doc.echeance:%d/%m/%Y}.")
        _date(terms, "ram:DueDateDateTime", doc.echeance)
    total = _el(settlement, "ram:SpecifiedTradeSettlementHeaderMonetarySummation")
    _el(total, "ram:LineTotalAmount", _montant(sum(ligne.montant_ht for ligne in doc.lignes)))
    _el(total, "ram:ChargeTotalAmount", _montant(sum(a.montant for a in doc.frais)))
    _el(total, "ram:AllowanceTotalAmount", _montant(sum(a.montant for a in doc.reductions)))
    _el(total, "ram:TaxBasisTotalAmount", _montant(doc.total_ht))
    _el(total, "ram:TaxTotalAmount", _montant(doc.total_tva), currencyID="EUR")
    _el(total, "ram:GrandTotalAmount", _montant(doc.total_ttc))
    _el(total, "ram:TotalPrepaidAmount", _montant(doc.acompte or Decimal(0)))
    _el(total, "ram:DuePayableAmount", _montant(doc.net_a_payer))
    if doc.reference:  # BG-3: the invoice a credit note corrects
        referenced = _el(settlement, "ram:InvoiceReferencedDocument")
        _el(referenced, "ram:IssuerAssignedID", doc.reference)


def cii_xml(doc: DocumentCommercial) -> bytes:
    """The CII XML of the document (EN 16931); InvalidInput when an amount is missing."""
    if not doc.complet or doc.type not in TYPES:
        raise InvalidInput(INCOMPLET)
    root = etree.Element(f"{{{RSM}}}CrossIndustryInvoice", nsmap=NSMAP)
    context = _el(root, "rsm:ExchangedDocumentContext")
    _el(_el(context, "ram:GuidelineSpecifiedDocumentContextParameter"), "ram:ID", EN16931)
    header = _el(root, "rsm:ExchangedDocument")
    _el(header, "ram:ID", doc.numero)
    _el(header, "ram:TypeCode", TYPES[doc.type])
    _date(header, "ram:IssueDateTime", doc.date)
    for mention in doc.mentions:
        _el(_el(header, "ram:IncludedNote"), "ram:Content", mention)
    transaction = _el(root, "rsm:SupplyChainTradeTransaction")
    _lignes(transaction, doc)
    agreement = _el(transaction, "ram:ApplicableHeaderTradeAgreement")
    _partie(agreement, "ram:SellerTradeParty", doc.vendeur)
    _partie(agreement, "ram:BuyerTradeParty", doc.client)
    delivery = _el(transaction, "ram:ApplicableHeaderTradeDelivery")
    if doc.date_livraison is not None:
        event = _el(delivery, "ram:ActualDeliverySupplyChainEvent")
        _date(event, "ram:OccurrenceDateTime", doc.date_livraison)
    _reglement(transaction, doc)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def valide(xml: bytes) -> None:
    """The factur-x library's check of the XML against the EN 16931 profile's schema."""
    from facturx import xml_check_xsd

    xml_check_xsd(xml, flavor="factur-x", level="en16931")


def pdf_facturx(pdf: bytes, doc: DocumentCommercial) -> bytes:
    """The PDF with the document's checked XML embedded: a Factur-X invoice."""
    from facturx import generate_from_binary

    xml = cii_xml(doc)
    metadata = {
        "author": doc.vendeur.nom,
        "keywords": "Factur-X",
        "title": f"{doc.titre} {doc.numero}",
        "subject": f"{doc.titre} {doc.numero} de {doc.vendeur.nom} à {doc.client.nom}",
    }
    return generate_from_binary(
        pdf,
        xml,
        flavor="factur-x",
        level="en16931",
        check_xsd=True,
        pdf_metadata=metadata,
        lang="fr-FR",
    )
