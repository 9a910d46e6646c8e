"""My invoice as the customer gets it: the page, the PDF and the Factur-X of one of my
attempts, with my own amounts; nobody else's; a message instead of an electronic invoice when
an amount is missing."""

import pytest
from facturx import get_xml_from_pdf
from sqlmodel import select

from agora.classroom.models import StepAttempt
from agora.classroom.service import step_variant
from agora.content.missions import get_mission
from agora.exercise.forms import flatten
from agora.exercise.registry import get_kind

MISSION = "du-devis-a-l-encaissement"


def _send(client, csrf, db, student, assignment, change=None, index=0):
    """Post the reference answer of step ``index`` of the assignment's mission (changed by
    ``change``); the attempt it made."""
    mission = get_mission(assignment.mission_slug)
    variant = step_variant(student, mission, index)
    answer = get_kind(mission.etapes[index].kind).solve(variant.params)
    if change:
        change(answer)
    token = csrf(client, f"/eleve/missions/{assignment.id}")
    client.post(
        f"/eleve/missions/{assignment.id}/etapes/{index}",
        data={**flatten(answer), "csrf_token": token},
    )
    db.expire_all()
    return db.exec(select(StepAttempt).where(StepAttempt.student_id == student.id)).all()[-1]


@pytest.fixture
def logged_in(client, make_classe, make_student, make_assignment, as_student):
    """logged_in(slug, org_seed=None) -> (student, assignment): a student of a class given the
    mission, logged in on ``client``."""

    def make(slug: str = MISSION, org_seed: int | None = None):
        classe = make_classe()
        student = make_student(classe, org_seed=org_seed)
        assignment = make_assignment(classe, slug)
        as_student(client, student)
        return student, assignment

    return make


def test_my_invoice_page_pdf_and_facturx(client, db, csrf, logged_in):
    student, assignment = logged_in()
    attempt = _send(client, csrf, db, student, assignment, lambda a: a.update(total_ttc="999.99"))
    assert (
        f"/eleve/tentatives/{attempt.id}/document"
        in client.get(f"/eleve/tentatives/{attempt.id}").text
    )

    page = client.get(f"/eleve/tentatives/{attempt.id}/document")
    assert page.status_code == 200
    assert "999,99" in page.text  # my own (wrong) total, not the expected one
    assert "Télécharger la facture électronique (Factur-X)" in page.text
    assert "CrossIndustryInvoice" in page.text  # the XML, escaped in a <pre>

    pdf = client.get(f"/eleve/tentatives/{attempt.id}/document.pdf")
    assert pdf.headers["content-type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    facturx = client.get(f"/eleve/tentatives/{attempt.id}/facturx.pdf")
    assert facturx.status_code == 200
    filename, xml = get_xml_from_pdf(facturx.content, check_xsd=True)
    assert filename == "factur-x.xml" and b"<ram:GrandTotalAmount>999.99<" in xml


def test_a_missing_amount_gives_a_message_instead_of_the_electronic_invoice(
    client, db, csrf, logged_in
):
    student, assignment = logged_in()
    attempt = _send(client, csrf, db, student, assignment, lambda a: a.pop("net_a_payer"))
    page = client.get(f"/eleve/tentatives/{attempt.id}/document")
    assert page.status_code == 200 and "Complétez tous les montants" in page.text
    assert "facturx.pdf" not in page.text
    assert client.get(f"/eleve/tentatives/{attempt.id}/facturx.pdf").status_code == 400


def test_another_students_invoice_is_not_found(
    client, new_client, db, csrf, make_classe, make_student, make_assignment, as_student
):
    classe = make_classe()
    owner, other = make_student(classe), make_student(classe)
    assignment = make_assignment(classe, MISSION)
    as_student(client, owner)
    attempt = _send(client, csrf, db, owner, assignment)
    intruder = as_student(new_client(), other)
    for path in ("document", "document.pdf", "facturx.pdf"):
        assert intruder.get(f"/eleve/tentatives/{attempt.id}/{path}").status_code == 404


def test_the_invoice_of_a_signed_quote_keeps_the_number_and_customer_its_statement_gave(
    client, db, csrf, logged_in
):
    # « De la demande du client à la relance », step 2 follows the quote of step 1: the
    # document replays that chained draw, not the invoice drawn alone.
    slug = "de-la-demande-du-client-a-la-relance"
    student, assignment = logged_in(slug, org_seed=2)
    variant = step_variant(student, get_mission(slug), 1)
    attempt = _send(client, csrf, db, student, assignment, index=1)
    page = client.get(f"/eleve/tentatives/{attempt.id}/document").text
    numero = page.split("Facture n° ")[1].split("<")[0].strip()
    assert f"facture** n° {numero}" in variant.enonce
    assert "à l'étape 1 de la mission" in variant.enonce  # the quote's step


def test_my_quote_is_shown_as_a_quote_without_an_electronic_invoice(client, db, csrf, logged_in):
    slug = "le-devis-du-client"
    student, assignment = logged_in(slug)
    attempt = _send(client, csrf, db, student, assignment)
    assert "voir le devis (PDF)" in client.get(f"/eleve/missions/{assignment.id}").text
    page = client.get(f"/eleve/tentatives/{attempt.id}/document")
    assert page.status_code == 200 and "Devis n° D" in page.text
    assert "Factur-X" not in page.text and "Complétez" not in page.text
    pdf = client.get(f"/eleve/tentatives/{attempt.id}/document.pdf")
    assert pdf.content.startswith(b"%PDF")


def test_my_credit_note_is_shown_with_its_electronic_credit_note(client, db, csrf, logged_in):
    slug = "la-reclamation-du-client"
    student, assignment = logged_in(slug)
    attempt = _send(client, csrf, db, student, assignment)
    assert "voir l&#39;avoir (PDF)" in client.get(f"/eleve/missions/{assignment.id}").text
    page = client.get(f"/eleve/tentatives/{attempt.id}/document")
    assert page.status_code == 200 and "Avoir n° AV" in page.text
    assert "Montant de l&#39;avoir" in page.text
    facturx = client.get(f"/eleve/tentatives/{attempt.id}/facturx.pdf")
    _, xml = get_xml_from_pdf(facturx.content, check_xsd=True)
    assert b"<ram:TypeCode>381</ram:TypeCode>" in xml


def test_arrhes_paid_at_signature_keep_their_name_on_the_invoice_document(
    client, db, csrf, logged_in
):
    # Step 1's CGV ask for arrhes (org 2): the statement of step 2 says « Arrhes versées à la
    # signature du devis », so the invoice the customer receives (page and PDF) says so too.
    from io import BytesIO

    from pypdf import PdfReader

    slug = "de-la-demande-du-client-a-la-relance"
    student, assignment = logged_in(slug, org_seed=2)
    variant = step_variant(student, get_mission(slug), 1)
    assert "Arrhes versées à la signature du devis" in variant.enonce
    attempt = _send(client, csrf, db, student, assignment, index=1)
    page = client.get(f"/eleve/tentatives/{attempt.id}/document").text
    assert "Arrhes versées" in page and "Acompte" not in page
    pdf = client.get(f"/eleve/tentatives/{attempt.id}/document.pdf").content
    texte = " ".join(p.extract_text() for p in PdfReader(BytesIO(pdf)).pages)
    assert "Arrhes versées" in texte and "Acompte" not in texte
