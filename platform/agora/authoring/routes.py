"""« Mes missions »: the teacher's own missions (list, write, duplicate, edit, delete, export,
import) and the editor's htmx endpoints (steps, live preview).

Every route depends on TeacherDep; another teacher's mission answers 404 exactly as a missing
one; every POST is CSRF-checked by the app. Routes parse, call the domain, render.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated

from fastapi import APIRouter, File, HTTPException, Request, UploadFile
from fastapi.responses import Response

from agora.authoring import editor, service, views
from agora.authoring.models import AuthoredMission
from agora.classroom.teacher.forms import Text, check_confirmed
from agora.db import SessionDep
from agora.errors import DomainError, InvalidInput
from agora.web.deps import PostedForm, TeacherDep
from agora.web.flash import flash
from agora.web.ids import DbId
from agora.web.rendering import redirect, refused_form, render, render_fragment

router = APIRouter(prefix="/enseignant/missions")
TEMPLATE = "authoring/editor.html"
MAX_FILE = 200_000  # bytes of an imported mission file
NOT_FOUND = "Mission introuvable."


def _owned(session, teacher, mission_id: DbId) -> AuthoredMission:
    mission = service.owned(session, teacher.id, mission_id)
    if mission is None:
        raise HTTPException(404, NOT_FOUND)
    return mission


@router.get("", name="authoring_list")
def mission_list(request: Request, teacher: TeacherDep, session: SessionDep):
    return render(request, "authoring/list.html", views.list_page(session, teacher.id))


@router.get("/nouvelle", name="authoring_new")
def new_form(request: Request, teacher: TeacherDep, session: SessionDep):
    return render(request, TEMPLATE, views.editor_page(session, editor.blank_draft()))


@router.post("/nouvelle", name="authoring_create")
def create(request: Request, teacher: TeacherDep, session: SessionDep, form: PostedForm):
    draft = editor.draft_from_form(form)
    _mission, texte, errors = editor.check(draft)
    if errors:
        page = views.editor_page(session, draft, errors=errors)
        return render(request, TEMPLATE, page, status_code=400)
    version = service.create(session, teacher.id, texte)
    flash(request, "Mission enregistrée : vous pouvez la donner à une classe.")
    return redirect(request, request.url_for("authoring_edit_form", mission_id=version.mission_id))


@router.get("/{mission_id:int}", name="authoring_edit_form")
def edit_form(request: Request, mission_id: DbId, teacher: TeacherDep, session: SessionDep):
    mission = _owned(session, teacher, mission_id)
    draft = editor.draft_from_text(service.current(session, mission).texte)
    return render(request, TEMPLATE, views.editor_page(session, draft, mission))


@router.post("/{mission_id:int}", name="authoring_edit")
def edit(
    request: Request, mission_id: DbId, teacher: TeacherDep, session: SessionDep, form: PostedForm
):
    mission = _owned(session, teacher, mission_id)
    draft = editor.draft_from_form(form)
    _mission, texte, errors = editor.check(draft)
    if errors:
        page = views.editor_page(session, draft, mission, errors=errors)
        return render(request, TEMPLATE, page, status_code=400)
    before = service.current(session, mission)
    version = service.save(session, mission, texte)
    if version.numero != before.numero:
        flash(
            request,
            f"Des élèves avaient déjà répondu : la version {version.numero} est créée, "
            f"leurs réponses restent attachées à la version {before.numero}.",
        )
    else:
        flash(request, "Modifications enregistrées.")
    return redirect(request, request.url_for("authoring_edit_form", mission_id=mission.id))


@router.post("/editeur/etapes", name="authoring_steps")
def steps(request: Request, teacher: TeacherDep, session: SessionDep, form: PostedForm):
    """The steps again after an action (add, remove, move a step; add, remove a rubric line)."""
    draft = editor.apply(editor.draft_from_form(form), str(form.get("action") or ""))
    return render_fragment(request, TEMPLATE, "etapes", _ctx(session, draft))


@router.post("/editeur/apercu", name="authoring_preview")
def preview(request: Request, teacher: TeacherDep, session: SessionDep, form: PostedForm):
    """What a student will see of the draft (htmx, debounced), or what is still to fix."""
    context = {"preview": views.preview(editor.draft_from_form(form))}
    return render_fragment(request, TEMPLATE, "apercu", context)


def _ctx(session, draft) -> dict:
    page = views.editor_page(session, draft)
    return {name: getattr(page, name) for name in page.__dataclass_fields__}


@router.post("/{mission_id:int}/supprimer", name="authoring_delete")
def delete(
    request: Request,
    mission_id: DbId,
    teacher: TeacherDep,
    session: SessionDep,
    confirmation: Text = "",
):
    """Delete a mission never used, once confirmed: htmx asks in a dialog and sends the
    confirmation; a plain post without it shows the box to tick, and deletes nothing."""
    mission = _owned(session, teacher, mission_id)
    confirmed = confirmation == "oui"

    def page(error: str):
        listed = views.list_page(session, teacher.id)
        return replace(listed, error=error, confirm=None if confirmed else mission.id)

    with refused_form(request, "authoring/list.html", page, block="miennes"):
        titre = service.current(session, mission).titre
        check_confirmed(
            confirmation,
            f"Rien n'a été supprimé : cochez « Je confirme la suppression » à côté de "
            f"« {titre} », puis « Supprimer ».",
        )
        service.delete(session, mission)
    flash(request, "Mission supprimée.")
    return redirect(request, request.url_for("authoring_list"))


@router.post("/{mission_id:int}/dupliquer", name="authoring_duplicate")
def duplicate(request: Request, mission_id: DbId, teacher: TeacherDep, session: SessionDep):
    mission = _owned(session, teacher, mission_id)
    version = service.duplicate(session, teacher.id, service.current(session, mission).texte)
    flash(request, "Copie créée : modifiez-la à votre guise.")
    return redirect(request, request.url_for("authoring_edit_form", mission_id=version.mission_id))


@router.post("/fournies/{slug}/dupliquer", name="authoring_duplicate_builtin")
def duplicate_builtin(request: Request, slug: str, teacher: TeacherDep, session: SessionDep):
    try:
        texte = service.builtin_text(slug)
    except DomainError as error:
        raise HTTPException(404, NOT_FOUND) from error
    version = service.duplicate(session, teacher.id, texte)
    flash(request, "Copie créée : c'est maintenant votre mission, modifiez-la à votre guise.")
    return redirect(request, request.url_for("authoring_edit_form", mission_id=version.mission_id))


@router.get("/{mission_id:int}/export", name="authoring_export")
def export(mission_id: DbId, teacher: TeacherDep, session: SessionDep):
    version = service.current(session, _owned(session, teacher, mission_id))
    return _download(version.texte, service.export_name(version))


@router.get("/fournies/{slug}/export", name="authoring_export_builtin")
def export_builtin(slug: str, teacher: TeacherDep):
    try:
        texte = service.builtin_text(slug)
    except DomainError as error:
        raise HTTPException(404, NOT_FOUND) from error
    return _download(texte, f"{slug}.md")


def _download(texte: str, name: str) -> Response:
    headers = {"Content-Disposition": f'attachment; filename="{name}"'}
    return Response(
        texte.encode("utf-8"), media_type="text/markdown; charset=utf-8", headers=headers
    )


@router.post("/importer", name="authoring_import")
def import_file(
    request: Request,
    teacher: TeacherDep,
    session: SessionDep,
    fichier: Annotated[UploadFile, File()],
):
    """A mission file shared by a colleague, validated; French message with line and field."""
    data = fichier.file.read(MAX_FILE + 1)

    def page(error: str):
        return views.list_page(session, teacher.id, import_error=error)

    with refused_form(request, "authoring/list.html", page, block="importer"):
        if len(data) > MAX_FILE:
            raise InvalidInput(
                f"Le fichier dépasse {MAX_FILE // 1000} Ko : ce n'est pas une mission."
            )
        version = service.import_file(session, teacher.id, data)
    flash(request, f"Mission « {version.titre} » importée.")
    return redirect(request, request.url_for("authoring_edit_form", mission_id=version.mission_id))
