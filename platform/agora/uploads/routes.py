"""Handing in a poster (student) and reading a handed-in file (its student, their teacher).

The upload form is multipart: its CSRF token travels in the action URL (agora.web.security),
and its body limit is upload_max_bytes plus the form's own fields (agora.web.limits). A file
is served with its stored media type, never sniffed, in a sandbox (no script runs even if a
browser were fooled), a PDF as a download.
"""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import FileResponse, RedirectResponse, Response
from starlette.datastructures import UploadFile

from agora.authoring.catalog import assignment_mission
from agora.classroom import service as classroom
from agora.classroom.student import views
from agora.classroom.student.access import OwnedAssignment
from agora.db import SessionDep, utcnow
from agora.errors import DomainError, InvalidInput
from agora.uploads import service, storage
from agora.uploads.checks import PDF
from agora.web.deps import PostedForm, StudentDep, UserDep
from agora.web.flash import flash
from agora.web.ids import DbId, Index
from agora.web.rendering import render

router = APIRouter()

NOT_FOUND = "Ce fichier n'existe pas ou ne vous est pas accessible."
SENT = "Affiche envoyée : votre enseignant la corrigera avec la grille de la mission."
NO_FILE = "Choisissez le fichier de votre affiche (PDF, PNG ou JPEG) avant d'envoyer."
# What a browser may do with a served file: nothing active (no script, no form, no plugin).
FILE_HEADERS = {
    "Content-Security-Policy": "sandbox",
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "private, max-age=3600",
}


@router.post("/eleve/missions/{assignment_id}/etapes/{index}/fichier", name="student_upload")
def upload(
    request: Request,
    index: Index,
    assignment: OwnedAssignment,
    student: StudentDep,
    session: SessionDep,
    form: PostedForm,
):
    """Keep the poster and go back to the mission; a refused file re-shows the step with the
    reason (the comment typed kept, nothing stored, no try spent)."""
    try:
        return _upload(request, index, assignment, student, session, form)
    finally:  # the parser's spooled files: closed here, in the worker thread
        for value in form.values():
            if isinstance(value, UploadFile):
                value.file.close()


def _upload(request, index, assignment, student, session, form):
    settings = request.app.state.settings
    mission = assignment_mission(session, assignment)
    mission.etape(index)
    fichier = form.get("fichier")
    commentaire = form.get("commentaire")
    commentaire = commentaire if isinstance(commentaire, str) else ""
    now = utcnow()
    try:
        if not isinstance(fichier, UploadFile) or not (fichier.filename or fichier.size):
            raise InvalidInput(NO_FILE)
        service.submit_file(
            session,
            settings.uploads_path,
            settings.upload_max_bytes,
            student,
            assignment,
            index,
            fichier.file,
            fichier.filename,
            commentaire,
            now,
        )
    except DomainError as error:
        attempts = [
            a for a in classroom.attempts_of(session, student, assignment) if a.step_index == index
        ]
        view = views.step_view(
            student,
            assignment,
            mission,
            index,
            attempts,
            now,
            _validate_url(request, assignment)(index),
            texte=commentaire,
        )
        view.message, view.message_kind = str(error), "erreur"
        page = views.mission_page(
            session, student, assignment, now, _validate_url(request, assignment), override=view
        )
        return render(request, "student/mission.html", page, status_code=422)
    flash(request, SENT)
    url = request.url_for("student_mission", assignment_id=assignment.id)
    return RedirectResponse(f"{url.path}?etape={index + 1}#etape-{index}", status_code=303)


def _validate_url(request: Request, assignment):
    def url(index: int) -> str:
        return request.url_for(
            "student_validate_field", assignment_id=assignment.id, index=index
        ).path

    return url


def _readable(session, user, upload_id: int):
    upload = service.readable_upload(session, user, upload_id)
    if upload is None:
        raise HTTPException(404, NOT_FOUND)
    return upload


@router.get("/fichiers/{upload_id}", name="upload_file")
def fichier(request: Request, upload_id: DbId, user: UserDep, session: SessionDep):
    """The file as handed in (cleaned): for its student and their class's teacher, else 404."""
    upload = _readable(session, user, upload_id)
    path = storage.path_of(request.app.state.settings.uploads_path, upload.sha256)
    if not path.is_file():
        raise HTTPException(404, NOT_FOUND)
    return FileResponse(
        path,
        media_type=upload.media_type,
        filename=upload.nom,
        content_disposition_type="attachment" if upload.media_type == PDF else "inline",
        headers=FILE_HEADERS,
    )


@router.get("/fichiers/{upload_id}/miniature", name="upload_thumbnail")
def miniature(request: Request, upload_id: DbId, user: UserDep, session: SessionDep):
    """A small PNG of the file (a PDF's first page), made once and kept by the file's hash."""
    upload = _readable(session, user, upload_id)
    upload_dir = request.app.state.settings.uploads_path
    if not storage.path_of(upload_dir, upload.sha256).is_file():
        raise HTTPException(404, NOT_FOUND)
    try:
        data = storage.thumbnail(upload_dir, upload.sha256, upload.media_type)
    except storage.NO_THUMBNAIL:  # the file itself stays readable through its link
        raise HTTPException(404, "Aperçu indisponible pour ce fichier.") from None
    return Response(data, media_type="image/png", headers=FILE_HEADERS)
