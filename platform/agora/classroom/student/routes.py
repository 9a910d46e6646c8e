"""Student pages: dashboard, organisation file, competencies, missions (answer, validate a field).

The two form routes are sync, the form read before them (FormFields): grading and the
database work run in a worker thread, never on the event loop.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from jinja2_fragments import render_block
from markupsafe import escape

from agora.authoring.catalog import assignment_mission
from agora.classroom import service
from agora.classroom.sepa_files import sepa_file
from agora.classroom.student import views
from agora.classroom.student.access import OwnedAssignment, OwnedAttempt
from agora.classroom.student.competences import competences_page
from agora.db import SessionDep, utcnow
from agora.documents import commercial, facturx, pdf
from agora.errors import DomainError, InvalidInput
from agora.exercise.answer_names import known_fields, unknown_name
from agora.exercise.base import EmptyAnswer, FormatErrors
from agora.exercise.forms import AnswerForm, field_dom_id
from agora.exercise.registry import get_kind
from agora.exercise.variants import company_for
from agora.web.deps import FormFields, StudentDep, UserDep
from agora.web.downloads import xml_download
from agora.web.ids import Index
from agora.web.rendering import is_htmx, render

router = APIRouter(prefix="/eleve")

# Form fields that are plumbing, not answer fields.
_NOT_ANSWERS = {"csrf_token", "champ", "essai"}


@router.get("", name="student_dashboard")
def dashboard(request: Request, user: UserDep, student: StudentDep, session: SessionDep):
    page = views.dashboard_page(session, user, student, utcnow())
    return render(request, "student/dashboard.html", page)


@router.get("/organisation", name="student_organisation")
def organisation(request: Request, student: StudentDep):
    from agora.company import render_fiche

    company = company_for(student.org_seed)
    aujourdhui = request.app.state.settings.aujourdhui()
    fiche = render_fiche(company, aujourdhui=aujourdhui)
    context = {"company": company, "fiche": views.fiche_body(fiche)}
    return render(request, "student/organisation.html", context)


@router.get("/competences", name="student_competences")
def competences(request: Request, student: StudentDep, session: SessionDep):
    page = competences_page(session, student, utcnow())
    return render(request, "student/competences.html", page)


@router.get("/missions/{assignment_id}", name="student_mission")
def mission(
    request: Request,
    assignment: OwnedAssignment,
    student: StudentDep,
    session: SessionDep,
    etape: str | None = None,
):
    """The mission, one step open (« ?etape=2 »: the second), the others behind the step list."""
    now = utcnow()
    url = _validate_url(request, assignment)
    page = views.mission_page(session, student, assignment, now, url, asked=etape)
    service.record_display(session, student, assignment, len(page.steps), now)
    return render(request, "student/mission.html", page)


@router.get("/tentatives/{attempt_id}", name="student_attempt")
def attempt(request: Request, attempt: OwnedAttempt, student: StudentDep, session: SessionDep):
    """One of my past attempts, read-only (another student's is a 404)."""
    return render(
        request, "student/attempt.html", views.attempt_page(session, student, attempt, utcnow())
    )


@router.get("/tentatives/{attempt_id}/document", name="student_document")
def document(request: Request, attempt: OwnedAttempt, student: StudentDep, session: SessionDep):
    """My answer as the real document (an invoice), with the PDF and Factur-X downloads."""
    doc = views.attempt_document(session, student, attempt)
    xml, message = None, None
    if doc.type in facturx.TYPES:  # an invoice or a credit note, not a quote
        try:
            xml = facturx.cii_xml(doc).decode()
        except InvalidInput as error:
            message = str(error)
    context = {
        "doc": doc,
        "rangees": commercial.pied(doc),
        "parties": commercial.parties(doc),
        "xml": xml,
        "facturx_message": message,
        "pdf_url": request.url_for("student_document_pdf", attempt_id=attempt.id),
        "facturx_url": xml and request.url_for("student_facturx", attempt_id=attempt.id),
        "retour_url": request.url_for("student_attempt", attempt_id=attempt.id),
    }
    return render(request, "documents/commercial.html", context)


@router.get("/tentatives/{attempt_id}/document.pdf", name="student_document_pdf")
def document_pdf(request: Request, attempt: OwnedAttempt, student: StudentDep, session: SessionDep):
    doc = views.attempt_document(session, student, attempt)
    return _pdf(_document_pdf(request, doc), f"{doc.numero}.pdf")


@router.get("/tentatives/{attempt_id}/facturx.pdf", name="student_facturx")
def facturx_pdf(request: Request, attempt: OwnedAttempt, student: StudentDep, session: SessionDep):
    doc = views.attempt_document(session, student, attempt)
    return _pdf(facturx.pdf_facturx(_document_pdf(request, doc), doc), f"{doc.numero}-facturx.pdf")


@router.get("/tentatives/{attempt_id}/virements.xml", name="student_sepa")
def sepa_xml(attempt: OwnedAttempt):
    """My transfers as the SEPA file (pain.001) the bank would receive."""
    return xml_download(*sepa_file(attempt))


def _document_pdf(request: Request, doc) -> bytes:
    values = {"doc": doc, "rangees": commercial.pied(doc), "parties": commercial.parties(doc)}
    html = render_block(
        request.app.state.templates, "documents/commercial.html", "document", values
    )
    return pdf.pdf_de_html(html, f"{doc.titre} {doc.numero}", doc.vendeur.nom, doc.date)


def _pdf(content: bytes, filename: str) -> Response:
    disposition = f'attachment; filename="{filename}"'
    return Response(
        content, media_type="application/pdf", headers={"Content-Disposition": disposition}
    )


@router.post("/missions/{assignment_id}/etapes/{index}", name="student_submit")
def submit(
    request: Request,
    index: Index,
    assignment: OwnedAssignment,
    student: StudentDep,
    session: SessionDep,
    form: FormFields,
):
    """Grade and keep an answer; re-show the step (alone for htmx, in the page otherwise)."""
    mission_ = assignment_mission(session, assignment)
    step = mission_.etape(index)
    fields = {k: v for k, v in form.items() if k not in _NOT_ANSWERS}
    essai = _try_number(form.get("essai"))
    now = utcnow()
    url = _validate_url(request, assignment)(index)
    form = None
    message, message_kind, status = None, "succes", 200
    try:
        if step.type == "redaction":
            service.submit_prose(session, student, assignment, index, fields, now)
            message = "Texte envoyé : votre enseignant le corrigera avec la grille de la mission."
        else:
            done = service.submit_exercise(session, student, assignment, index, fields, now, essai)
            message = _saved_message(assignment, done, now)
    except EmptyAnswer as error:
        form = AnswerForm(values=fields)  # the form's own hidden values, as they were
        message, message_kind = f"{error} Cette tentative n'est pas décomptée.", "erreur"
    except FormatErrors as errors:
        form = AnswerForm(values=fields, errors=errors.errors)
        message, message_kind = (
            "Certaines réponses ne sont pas écrites correctement : corrigez les champs signalés. "
            "Cette tentative n'est pas décomptée.",
            "erreur",
        )
    except DomainError as error:  # a refused field name is not shown back
        form = _refused_form(step, fields)
        message, message_kind, status = str(error), "erreur", 409
    attempts = [
        a for a in service.attempts_of(session, student, assignment) if a.step_index == index
    ]
    view = views.step_view(student, assignment, mission_, index, attempts, now, url, form=form)
    view.message, view.message_kind = message, message_kind
    if is_htmx(request):
        # htmx swaps only 2xx answers: the message is in the fragment itself; the step's line
        # in the step list follows (« envoyée »), swapped out of band.
        values = {"view": view, "assignment": assignment, "mission": mission_, "current": index}
        values["oob"] = True
        return render(request, "student/mission.html", values, block=("etape", "etape_lien"))
    page = views.mission_page(
        session, student, assignment, now, _validate_url(request, assignment), override=view
    )
    return render(request, "student/mission.html", page, status_code=status)


@router.get("/missions/{assignment_id}/etapes/{index}/nouvel-essai", name="student_new_try")
def new_try(
    request: Request,
    index: Index,
    assignment: OwnedAssignment,
    student: StudentDep,
    session: SessionDep,
):
    """The step with the figures of the student's next try and an empty form."""
    mission_ = assignment_mission(session, assignment)
    mission_.etape(index)
    now = utcnow()
    attempts = [
        a for a in service.attempts_of(session, student, assignment) if a.step_index == index
    ]
    url = _validate_url(request, assignment)
    view = views.step_view(
        student, assignment, mission_, index, attempts, now, url(index), fresh=True
    )
    if view.can_submit:
        view.message = "Nouvel essai : les chiffres ont changé, relisez l'énoncé."
    if is_htmx(request):
        values = {"view": view, "assignment": assignment, "mission": mission_, "current": index}
        return render(request, "student/mission.html", values, block="etape")
    page = views.mission_page(session, student, assignment, now, url, override=view)
    return render(request, "student/mission.html", page)


def _try_number(text: str | None) -> int | None:
    """The try a form was shown for (hidden field), None when absent or unreadable."""
    return int(text) if text is not None and text.isdigit() and len(text) < 4 else None


@router.post("/missions/{assignment_id}/etapes/{index}/champ", name="student_validate_field")
def validate_field(
    index: Index, assignment: OwnedAssignment, session: SessionDep, form: FormFields
):
    """The inline format message of one field as it is typed (costs no attempt)."""
    step = assignment_mission(session, assignment).etape(index)
    champ = form.get("champ", "")
    value = form.get(champ, "")
    message = None
    if step.type == "exercice":
        kind = get_kind(step.kind)
        known = kind.ANSWER_SCHEMA.accepte(champ)
        message = kind.validate_field(champ, value) if known else unknown_name(champ)
    dom_id = field_dom_id(champ[:200], views.step_dom_id(index) + "-")
    html = (
        f'<p class="champ-erreur" id="{escape(dom_id)}-erreur" role="status" '
        f'aria-live="polite">{escape(message or "")}</p>'
    )
    return HTMLResponse(html, headers={"Vary": "HX-Request"})


def _refused_form(step, fields: dict[str, str]) -> AnswerForm | None:
    """The form shown again after a refusal: what was typed in the kind's own fields."""
    if step.type == "redaction":
        return AnswerForm(values=fields)  # the parts typed, shown back as they were
    return AnswerForm(values=known_fields(get_kind(step.kind).ANSWER_SCHEMA, fields))


def _validate_url(request: Request, assignment):
    def url(index: int) -> str:
        return str(
            request.url_for("student_validate_field", assignment_id=assignment.id, index=index).path
        )

    return url


def _saved_message(assignment, done: service.Submitted, now) -> str:
    if service.corrections_visible(assignment, now):
        return "Réponse enregistrée et corrigée : voyez le détail sous chaque champ."
    return "Réponse enregistrée. La correction sera visible plus tard."


@router.get("/competences/passeport.pdf", name="student_passeport")
def passeport_pdf(request: Request, student: StudentDep, session: SessionDep):
    """The student's own competency record; no id in the URL, so never another's."""
    from agora.classroom import passeport

    record = passeport.passeport(session, student, utcnow())
    body = passeport.passeport_pdf(request.app.state.templates, record)
    return _pdf(body, passeport.file_name(record))
