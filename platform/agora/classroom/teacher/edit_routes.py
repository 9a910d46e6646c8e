"""Teacher pages that change what already exists: edit, close or delete an assignment;
rename, archive or restore a class; move a student to another class.

Same /enseignant prefix as agora.classroom.teacher.routes, and sync routes like it. Every route depends on
TeacherDep and on the ownership dependencies of agora.classroom.teacher.access (404 for
another teacher's objects); every POST is CSRF-checked by the app. Destructive actions
require their confirmation box to be ticked (checked here, not only in the browser).
"""

from __future__ import annotations

from fastapi import APIRouter, Request

from agora.classroom.models import Assignment
from agora.classroom.teacher import edit, edit_views
from agora.classroom.teacher import service as ts
from agora.classroom.teacher.access import (
    OwnedAssignment,
    OwnedClasse,
    classe_of,
    owned_classe,
    students_of_classe,
)
from agora.classroom.teacher.forms import AssignmentForm, ClasseValues, Text, check_confirmed
from agora.db import SessionDep, utcnow
from agora.errors import InvalidInput
from agora.exam import amenagements
from agora.web.deps import FormFields, PostedForm, TeacherDep
from agora.web.flash import flash
from agora.web.ids import form_id
from agora.web.rendering import redirect, refused_form, render

router = APIRouter(prefix="/enseignant")
SAVED = "Modifications enregistrées."


# ----------------------------------------------------------------------------- assignments


@router.get("/devoirs/{assignment_id}/modifier", name="teacher_assignment_edit_form")
def assignment_edit_form(request: Request, assignment: OwnedAssignment, session: SessionDep):
    page = edit_views.assignment_edit_page(
        session, classe_of(session, assignment), assignment, utcnow()
    )
    return render(request, "teacher/assignment_edit.html", page)


@router.post("/devoirs/{assignment_id}/modifier", name="teacher_assignment_edit")
def assignment_edit(
    request: Request, assignment: OwnedAssignment, session: SessionDep, form: PostedForm
):
    classe = classe_of(session, assignment)
    posted = AssignmentForm.read(session, classe, form)
    now = utcnow()

    def page(error: str):
        return edit_views.assignment_edit_page(
            session, classe, assignment, now, posted.values, error=error
        )

    with refused_form(request, "teacher/assignment_edit.html", page, block="formulaire"):
        edit.update_assignment(session, assignment, **posted.conditions(), now=now)
    flash(request, SAVED)
    url = request.url_for("teacher_assignment_edit_form", assignment_id=assignment.id)
    return redirect(request, url)


@router.post("/devoirs/{assignment_id}/clore", name="teacher_assignment_close")
def assignment_close(request: Request, assignment: OwnedAssignment, session: SessionDep):
    """The due date becomes now (the way out when a mission cannot be deleted)."""
    with _refused_action(request, session, assignment):
        edit.close_assignment(session, assignment, utcnow())
    flash(request, "Mission close : plus aucune réponse n'est acceptée.")
    return redirect(
        request, request.url_for("teacher_assignment_edit_form", assignment_id=assignment.id)
    )


@router.post("/devoirs/{assignment_id}/supprimer", name="teacher_assignment_delete")
def assignment_delete(
    request: Request, assignment: OwnedAssignment, session: SessionDep, confirmation: Text = ""
):
    """Delete a mission nobody answered; otherwise say why not and offer to close it."""
    classe_id = assignment.classe_id
    with _refused_action(request, session, assignment):
        check_confirmed(confirmation)
        edit.delete_assignment(session, assignment)
    return redirect(request, request.url_for("teacher_classe", classe_id=classe_id))


def _refused_action(request: Request, session, assignment: Assignment):
    """Closing or deleting refused: the actions block again, saying why."""

    def page(error: str):
        classe = classe_of(session, assignment)
        return edit_views.assignment_edit_page(
            session, classe, assignment, utcnow(), action_error=error
        )

    return refused_form(request, "teacher/assignment_edit.html", page, block="actions")


# ----------------------------------------------------------------------------- classes


@router.get("/archives", name="teacher_archives")
def archives(request: Request, teacher: TeacherDep, session: SessionDep):
    return render(request, "teacher/archives.html", edit_views.archives_page(session, teacher))


@router.get("/classes/{classe_id}/modifier", name="teacher_classe_edit_form")
def classe_edit_form(
    request: Request, classe: OwnedClasse, teacher: TeacherDep, session: SessionDep
):
    page = edit_views.classe_edit_page(session, teacher, classe)
    return render(request, "teacher/classe_edit.html", page)


@router.post("/classes/{classe_id}/modifier", name="teacher_classe_edit")
def classe_edit(
    request: Request,
    classe: OwnedClasse,
    teacher: TeacherDep,
    session: SessionDep,
    values: ClasseValues,
):
    def page(error: str):
        return edit_views.classe_edit_page(session, teacher, classe, values, error=error)

    with refused_form(
        request, "teacher/classe_edit.html", page, block="renommer", refuse=InvalidInput
    ):
        edit.rename_classe(session, classe, **values)
    flash(request, SAVED)
    return redirect(request, request.url_for("teacher_classe_edit_form", classe_id=classe.id))


@router.post("/classes/{classe_id}/archiver", name="teacher_classe_archive")
def classe_archive(
    request: Request,
    classe: OwnedClasse,
    teacher: TeacherDep,
    session: SessionDep,
    confirmation: Text = "",
):
    def page(error: str):
        return edit_views.classe_edit_page(session, teacher, classe, archive_error=error)

    with refused_form(request, "teacher/classe_edit.html", page, block="archiver"):
        check_confirmed(confirmation)
        edit.archive_classe(session, classe, utcnow())
    return redirect(request, request.url_for("teacher_archives"))


@router.post("/classes/{classe_id}/restaurer", name="teacher_classe_restore")
def classe_restore(request: Request, classe: OwnedClasse, session: SessionDep):
    edit.restore_classe(session, classe)
    return redirect(request, request.url_for("teacher_classe", classe_id=classe.id))


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
        return edit_views.classe_edit_page(session, teacher, classe, move_error=error)

    with refused_form(request, "teacher/classe_edit.html", page, block="deplacer"):
        if student_id is None:
            raise InvalidInput("Choisissez l'élève et sa nouvelle classe.")
        check_confirmed(confirmation)
        (student,) = students_of_classe(session, classe, [student_id])  # 404 if not in it
        target = owned_classe(destination_id, teacher, session)  # 404 if not the teacher's
        edit.move_student(session, student, target)
    flash(request, "Élève changé de classe ; ses travaux le suivent.")
    return redirect(request, request.url_for("teacher_classe_edit_form", classe_id=classe.id))


@router.post("/classes/{classe_id}/amenagements", name="teacher_amenagements")
def amenagements_edit(
    request: Request,
    classe: OwnedClasse,
    teacher: TeacherDep,
    session: SessionDep,
    form: FormFields,
):
    """Each student's extra time at exams (PAP/PAI), for every exam not started yet."""

    def page(error: str):
        return edit_views.classe_edit_page(
            session, teacher, classe, dict(form), amenagement_error=error
        )

    with refused_form(request, "teacher/classe_edit.html", page, block="amenagements"):
        wanted = []
        for student, user in ts.students_of(session, classe):
            choice = form.get(f"amenagement_{student.id}", student.amenagement)
            typed = form.get(f"minutes_{student.id}", str(student.minutes_en_plus)).strip()
            try:  # every line checked before any is saved: one typo loses nothing
                minutes = int(typed) if typed else 0
                wanted.append((student, *amenagements.checked(choice, minutes)))
            except (ValueError, InvalidInput) as error:
                reason = str(error) if isinstance(error, InvalidInput) else "nombre entier attendu"
                raise InvalidInput(f"{user.nom} {user.prenom} : {reason}") from None
        for student, choice, minutes in wanted:
            amenagements.set_for_student(session, student, choice, minutes)
    flash(
        request,
        "Aménagements enregistrés : ils s'appliquent aux évaluations pas encore commencées.",
    )
    return redirect(request, request.url_for("teacher_classe_edit_form", classe_id=classe.id))
