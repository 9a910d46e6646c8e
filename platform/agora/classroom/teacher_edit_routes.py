"""Teacher pages that change what already exists: edit, close or delete an assignment;
rename, archive or restore a class; move a student to another class.

Same /enseignant prefix as agora.classroom.teacher_routes. Every route depends on
TeacherDep and on the ownership dependencies of agora.classroom.teacher_access (404 for
another teacher's objects); every POST is CSRF-checked by the app. Destructive actions
require their confirmation box to be ticked (checked here, not only in the browser).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, HTTPException, Request

from agora.classroom import teacher_edit as edit
from agora.classroom import teacher_edit_views as views
from agora.classroom import teacher_service as ts
from agora.classroom.models import Assignment, Classe
from agora.classroom.teacher_access import (
    OwnedAssignment,
    OwnedClasse,
    owned_classe,
    students_of_classe,
)
from agora.db import SessionDep, utcnow
from agora.errors import InvalidInput
from agora.web.deps import TeacherDep
from agora.web.flash import flash
from agora.web.ids import form_id
from agora.web.rendering import redirect, refused_form, render

router = APIRouter(prefix="/enseignant")
Text = Annotated[str, Form(max_length=200)]
CONFIRM = "Cochez la case de confirmation pour continuer."
SAVED = "Modifications enregistrées."


def _url(request: Request, name: str, **params) -> str:
    return str(request.url_for(name, **params))


def _classe_of(session, assignment: Assignment) -> Classe:
    return session.get(Classe, assignment.classe_id)


def _int(text: str, what: str) -> int:
    try:
        return int(text.strip())
    except ValueError:
        raise InvalidInput(f"{what} doit être un nombre entier.") from None


# ----------------------------------------------------------------------------- assignments


@router.get("/devoirs/{assignment_id}/modifier", name="teacher_assignment_edit_form")
def assignment_edit_form(request: Request, assignment: OwnedAssignment, session: SessionDep):
    page = views.assignment_edit_page(
        session, _classe_of(session, assignment), assignment, utcnow()
    )
    return render(request, "teacher/assignment_edit.html", page)


@router.post("/devoirs/{assignment_id}/modifier", name="teacher_assignment_edit")
async def assignment_edit(request: Request, assignment: OwnedAssignment, session: SessionDep):
    form = await request.form()
    values: dict[str, Any] = {k: v for k, v in form.items() if isinstance(v, str) and len(v) <= 200}
    values["eleves"] = [v for v in form.getlist("eleves") if isinstance(v, str)]
    classe = _classe_of(session, assignment)
    try:
        ids = [form_id(i) for i in values["eleves"]] if values.get("pour") == "eleves" else []
    except ValueError:
        raise HTTPException(404, "Élève introuvable.") from None
    students = students_of_classe(session, classe, ids)  # 404 for a student of another class
    now = utcnow()

    def page(error: str):
        return views.assignment_edit_page(session, classe, assignment, now, values, error=error)

    with refused_form(request, "teacher/assignment_edit.html", page, block="formulaire"):
        if values.get("pour") == "eleves" and not students:
            raise InvalidInput("Cochez au moins un élève, ou choisissez « toute la classe ».")
        edit.update_assignment(
            session,
            assignment,
            due_at=ts.parse_due(values.get("date", ""), values.get("heure", "")),
            attempts_allowed=_int(values.get("attempts", ""), "Le nombre de tentatives"),
            corrections=values.get("corrections", ""),
            students=students,
            now=now,
        )
    flash(request, SAVED)
    return redirect(
        request, _url(request, "teacher_assignment_edit_form", assignment_id=assignment.id)
    )


@router.post("/devoirs/{assignment_id}/clore", name="teacher_assignment_close")
def assignment_close(request: Request, assignment: OwnedAssignment, session: SessionDep):
    """The due date becomes now (the way out when a mission cannot be deleted)."""
    with _refused_action(request, session, assignment):
        edit.close_assignment(session, assignment, utcnow())
    flash(request, "Mission close : plus aucune réponse n'est acceptée.")
    return redirect(
        request, _url(request, "teacher_assignment_edit_form", assignment_id=assignment.id)
    )


@router.post("/devoirs/{assignment_id}/supprimer", name="teacher_assignment_delete")
def assignment_delete(
    request: Request, assignment: OwnedAssignment, session: SessionDep, confirmation: Text = ""
):
    """Delete a mission nobody answered; otherwise say why not and offer to close it."""
    classe_id = assignment.classe_id
    with _refused_action(request, session, assignment):
        if confirmation != "oui":
            raise InvalidInput(CONFIRM)
        edit.delete_assignment(session, assignment)
    return redirect(request, _url(request, "teacher_classe", classe_id=classe_id))


def _refused_action(request: Request, session, assignment: Assignment):
    """Closing or deleting refused: the actions block again, saying why."""

    def page(error: str):
        classe = _classe_of(session, assignment)
        return views.assignment_edit_page(session, classe, assignment, utcnow(), action_error=error)

    return refused_form(request, "teacher/assignment_edit.html", page, block="actions")


# ----------------------------------------------------------------------------- classes


@router.get("/archives", name="teacher_archives")
def archives(request: Request, teacher: TeacherDep, session: SessionDep):
    return render(request, "teacher/archives.html", views.archives_page(session, teacher))


@router.get("/classes/{classe_id}/modifier", name="teacher_classe_edit_form")
def classe_edit_form(
    request: Request, classe: OwnedClasse, teacher: TeacherDep, session: SessionDep
):
    page = views.classe_edit_page(session, teacher, classe)
    return render(request, "teacher/classe_edit.html", page)


@router.post("/classes/{classe_id}/modifier", name="teacher_classe_edit")
def classe_edit(
    request: Request,
    classe: OwnedClasse,
    teacher: TeacherDep,
    session: SessionDep,
    nom: Text = "",
    annee_scolaire: Text = "",
):
    values = {"nom": nom, "annee_scolaire": annee_scolaire}

    def page(error: str):
        return views.classe_edit_page(session, teacher, classe, values, error=error)

    with refused_form(
        request, "teacher/classe_edit.html", page, block="renommer", refuse=InvalidInput
    ):
        edit.rename_classe(session, classe, nom, annee_scolaire)
    flash(request, SAVED)
    return redirect(request, _url(request, "teacher_classe_edit_form", classe_id=classe.id))


@router.post("/classes/{classe_id}/archiver", name="teacher_classe_archive")
def classe_archive(
    request: Request,
    classe: OwnedClasse,
    teacher: TeacherDep,
    session: SessionDep,
    confirmation: Text = "",
):
    def page(error: str):
        return views.classe_edit_page(session, teacher, classe, archive_error=error)

    with refused_form(request, "teacher/classe_edit.html", page, block="archiver"):
        if confirmation != "oui":
            raise InvalidInput(CONFIRM)
        edit.archive_classe(session, classe, utcnow())
    return redirect(request, _url(request, "teacher_archives"))


@router.post("/classes/{classe_id}/restaurer", name="teacher_classe_restore")
def classe_restore(request: Request, classe: OwnedClasse, session: SessionDep):
    edit.restore_classe(session, classe)
    return redirect(request, _url(request, "teacher_classe", classe_id=classe.id))


@router.post("/classes/{classe_id}/changer-de-classe", name="teacher_student_move")
def student_move(
    request: Request,
    classe: OwnedClasse,
    teacher: TeacherDep,
    session: SessionDep,
    eleve: Text = "",
    destination: Text = "",
    confirmation: Text = "",
):
    """Move one student of this class to another class of the same teacher."""
    try:
        student_id, destination_id = form_id(eleve), form_id(destination)
    except ValueError:
        student_id = destination_id = None

    def page(error: str):
        return views.classe_edit_page(session, teacher, classe, move_error=error)

    with refused_form(request, "teacher/classe_edit.html", page, block="deplacer"):
        if student_id is None:
            raise InvalidInput("Choisissez l'élève et sa nouvelle classe.")
        if confirmation != "oui":
            raise InvalidInput(CONFIRM)
        (student,) = students_of_classe(session, classe, [student_id])  # 404 if not in it
        target = owned_classe(destination_id, teacher, session)  # 404 if not the teacher's
        edit.move_student(session, student, target)
    flash(request, "Élève changé de classe ; ses travaux le suivent.")
    return redirect(request, _url(request, "teacher_classe_edit_form", classe_id=classe.id))
