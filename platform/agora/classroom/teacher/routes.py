"""Teacher pages: classes, student import and login cards, assigning missions, progress,
grading, competency coverage and exports. Thin: parse the form, call a service, render.

Every route depends on TeacherDep (403 for anyone else) and loads its objects through the
ownership dependencies of agora.classroom.teacher.access (404 for another teacher's). Routes
are sync, the posted form read before them (PostedForm): their database work runs in a
worker thread, never on the event loop.
"""

from __future__ import annotations

import functools
from typing import Annotated, Literal

from fastapi import APIRouter, File, Form, HTTPException, Request, UploadFile
from fastapi.responses import Response

from agora import spreadsheet
from agora.account.models import User
from agora.authoring.catalog import assignment_mission
from agora.classroom.models import Assignment, Classe, Student
from agora.classroom.service import PROSE_KIND
from agora.classroom.teacher import comment_bank, exports, grading, views, work_views
from agora.classroom.teacher import service as ts
from agora.classroom.teacher.access import (
    OwnedAssignment,
    OwnedAttempt,
    OwnedClasse,
    OwnedStudent,
    OwnedWork,
    classe_of,
    students_of_classe,
)
from agora.classroom.teacher.cards import login_cards
from agora.classroom.teacher.csv_import import MAX_BYTES
from agora.classroom.teacher.forms import AssignmentForm, ClasseValues, Text, check_confirmed
from agora.db import SessionDep, utcnow
from agora.errors import InvalidInput
from agora.web.deps import PostedForm, TeacherDep
from agora.web.flash import flash
from agora.web.ids import form_id
from agora.web.rendering import redirect, refused_form, render

router = APIRouter(prefix="/enseignant")
Format = Literal["csv", "xlsx"]
MEDIA = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
PASSWORDS_CONFIRM = (
    "Cochez la case de confirmation : les anciens mots de passe cesseront de fonctionner."
)
UNLOCKED = "Connexion débloquée : l'élève peut se reconnecter tout de suite."


# ----------------------------------------------------------------------------- classes


@router.get("", name="teacher_home")
def home(request: Request, teacher: TeacherDep, session: SessionDep):
    return render(request, "teacher/home.html", views.home_page(session, teacher, utcnow()))


@router.post("/classes", name="teacher_create_classe")
def create_classe(request: Request, teacher: TeacherDep, session: SessionDep, values: ClasseValues):
    def page(error: str):
        return views.home_page(session, teacher, utcnow(), values=values, error=error)

    with refused_form(
        request, "teacher/home.html", page, block="nouvelle_classe", refuse=InvalidInput
    ):
        classe = ts.create_classe(session, teacher, **values)
    return redirect(request, request.url_for("teacher_classe", classe_id=classe.id))


@router.get("/classes/{classe_id}", name="teacher_classe")
def classe(request: Request, classe: OwnedClasse, session: SessionDep):
    slowed = request.app.state.login_throttle.slowed_logins().__contains__  # one query
    return render(request, "teacher/classe.html", views.classe_page(session, classe, slowed))


@router.post("/eleves/{student_id}/debloquer", name="teacher_student_unlock")
def student_unlock(request: Request, student: OwnedStudent, session: SessionDep):
    """Lift the login limit on one of the teacher's students (who is at the door, in person)."""
    request.app.state.login_throttle.unlock(session.get(User, student.user_id).login)
    flash(request, UNLOCKED)
    return redirect(request, request.url_for("teacher_classe", classe_id=student.classe_id))


@router.get("/a-corriger", name="teacher_queue")
def queue(request: Request, teacher: TeacherDep, session: SessionDep):
    return render(request, "teacher/queue.html", work_views.queue_page(session, teacher))


# ----------------------------------------------------------------------------- import, cards


@router.get("/classes/{classe_id}/import", name="teacher_import_form")
def import_form(request: Request, classe: OwnedClasse):
    return render(request, "teacher/import.html", views.ImportPage(classe))


@router.post("/classes/{classe_id}/import", name="teacher_import_preview")
def import_preview(
    request: Request,
    classe: OwnedClasse,
    session: SessionDep,
    fichier: Annotated[UploadFile, File()],
):
    """Show what the file holds, line by line; nothing is saved yet."""
    data = fichier.file.read(MAX_BYTES + 1)  # spooled by the form parser: no I/O on the loop
    with _refused_import(request, classe):
        preview = ts.preview_import(session, classe, data)
    return render(request, "teacher/import.html", views.ImportPage(classe, preview))


@router.post("/classes/{classe_id}/import/confirmer", name="teacher_import_confirm")
def import_confirm(
    request: Request,
    classe: OwnedClasse,
    session: SessionDep,
    contenu: Annotated[str, Form(max_length=MAX_BYTES)] = "",
):
    """Create the accounts of the valid lines (the text is parsed and checked again)."""
    with _refused_import(request, classe):
        credentials = ts.import_students(session, classe, contenu)
    count = len(credentials)
    message = (
        f"{count} élève{'s' if count > 1 else ''} ajouté{'s' if count > 1 else ''} à la classe."
    )
    return _credentials(request, classe, credentials, "Élèves importés", message)


def _refused_import(request: Request, classe: Classe):
    """A file or a text that cannot be imported: the import page again, saying why."""
    page = functools.partial(views.ImportPage, classe, None)
    return refused_form(request, "teacher/import.html", page)


@router.get("/classes/{classe_id}/mots-de-passe", name="teacher_passwords_form")
def passwords_form(request: Request, classe: OwnedClasse, session: SessionDep):
    return render(request, "teacher/passwords.html", views.passwords_page(session, classe))


@router.post("/classes/{classe_id}/mots-de-passe", name="teacher_passwords_reset")
def passwords_reset(
    request: Request,
    classe: OwnedClasse,
    session: SessionDep,
    pour: Text = "",
    confirmation: Text = "",
):
    """New initial passwords for the chosen students, then their cards."""
    page = functools.partial(views.passwords_page, session, classe)
    with refused_form(request, "teacher/passwords.html", page, refuse=InvalidInput):
        check_confirmed(confirmation, PASSWORDS_CONFIRM)
        credentials = ts.reset_passwords(session, classe, pour)
    message = f"Nouveaux mots de passe provisoires pour {len(credentials)} élève(s)."
    return _credentials(request, classe, credentials, "Mots de passe réinitialisés", message)


def _credentials(request: Request, classe: Classe, credentials, title: str, message: str):
    """The page showing new initial passwords once, with their cards to print."""
    page = views.CredentialsPage(classe, credentials, title, message)
    return _no_store(render(request, "teacher/credentials.html", page))


@router.post("/classes/{classe_id}/cartes.pdf", name="teacher_cards")
def cards(request: Request, classe: OwnedClasse, session: SessionDep, form: PostedForm):
    """The PDF of the login cards, from the passwords the credentials page posts back."""
    ids, passwords = form.getlist("eleve"), form.getlist("mot_de_passe")
    if len(ids) != len(passwords) or len(ids) > 500:
        raise InvalidInput("La liste des cartes est incomplète : réimprimez depuis la classe.")
    try:
        wanted = [form_id(i) for i in ids]
    except ValueError:
        raise InvalidInput("La liste des cartes est illisible.") from None
    if any(not isinstance(p, str) or len(p) > 50 for p in passwords):
        raise InvalidInput("La liste des cartes est illisible.")
    students = {s.id: s for s in students_of_classe(session, classe, wanted)}
    users = {s.id: u for s, u in ts.students_of(session, classe) if s.id in students}
    credentials = [
        ts.Credential(i, users[i].prenom, users[i].nom, users[i].login, p)
        for i, p in zip(wanted, passwords, strict=True)
    ]
    env, url = request.app.state.templates, str(request.url_for("login_form"))
    pdf = login_cards(env, credentials, classe.nom, url, utcnow().date())
    name = f"cartes-{exports.slug(classe.nom)}.pdf"
    return _no_store(Response(pdf, media_type="application/pdf", headers=_attachment(name)))


def _no_store(response: Response) -> Response:
    # Pages holding initial passwords must not stay in the browser's cache or history.
    response.headers["Cache-Control"] = "no-store"
    return response


# ----------------------------------------------------------------------------- assignments


@router.get("/classes/{classe_id}/attribuer", name="teacher_assign_form")
def assign_form(request: Request, classe: OwnedClasse, session: SessionDep):
    return render(request, "teacher/assign.html", views.assign_page(session, classe))


@router.post("/classes/{classe_id}/attribuer", name="teacher_assign")
def assign(request: Request, classe: OwnedClasse, session: SessionDep, form: PostedForm):
    posted = AssignmentForm.read(session, classe, form)
    page = functools.partial(views.assign_page, session, classe, posted.values)
    with refused_form(request, "teacher/assign.html", page, block="formulaire"):
        if not posted.values.get("mission"):
            raise InvalidInput("Choisissez une mission.")
        mission = posted.values["mission"]
        niveau = posted.niveau()
        assignment = ts.assign_mission(
            session, classe, mission, **posted.conditions(), niveau=niveau, now=utcnow()
        )
    flash(request, views.assigned_message(session, classe, assignment))
    return redirect(request, request.url_for("teacher_classe", classe_id=classe.id))


# ----------------------------------------------------------------------------- progress


@router.get("/devoirs/{assignment_id}", name="teacher_progress")
def progress(request: Request, assignment: OwnedAssignment, session: SessionDep):
    classe = classe_of(session, assignment)
    return render(
        request, "teacher/progress.html", work_views.progress_page(session, classe, assignment)
    )


@router.get("/devoirs/{assignment_id}/eleves/{student_id}", name="teacher_student_work")
def student_work(request: Request, work: OwnedWork, session: SessionDep):
    assignment, student = work
    classe = classe_of(session, assignment)
    page = work_views.student_work_page(session, classe, assignment, student)
    return render(request, "teacher/student_work.html", page)


@router.post("/tentatives/{attempt_id}/note", name="teacher_override")
def override(
    request: Request,
    attempt: OwnedAttempt,
    session: SessionDep,
    points: Annotated[str, Form(max_length=20)] = "",
    commentaire: Annotated[str, Form(max_length=grading.COMMENT_MAX_LENGTH + 100)] = "",
):
    """The teacher's mark replaces the grader's (or, left empty, gives it back)."""
    assignment = session.get(Assignment, attempt.assignment_id)
    student = session.get(Student, attempt.student_id)

    def page(error: str):
        classe = classe_of(session, assignment)
        return work_views.student_work_page(session, classe, assignment, student, error)

    with refused_form(request, "teacher/student_work.html", page, refuse=InvalidInput):
        grading.override_score(session, attempt, points, commentaire, utcnow())
    flash(request, "Note enregistrée ; les compétences de l'élève sont à jour.")
    url = request.url_for(
        "teacher_student_work", assignment_id=assignment.id, student_id=student.id
    )
    return redirect(request, f"{url}#tentative-{attempt.id}")


# ----------------------------------------------------------------------------- prose grading


@router.get("/devoirs/{assignment_id}/corriger", name="teacher_grade_next")
def grade_next(request: Request, assignment: OwnedAssignment, session: SessionDep):
    """The first written answer waiting for grading, or the progress table when none."""
    waiting = grading.ungraded_copies(session, assignment)
    if waiting:
        return redirect(request, request.url_for("teacher_grading", attempt_id=waiting[0].id))
    return redirect(request, request.url_for("teacher_progress", assignment_id=assignment.id))


@router.get("/tentatives/{attempt_id}/grille", name="teacher_grading")
def grading_form(request: Request, attempt: OwnedAttempt, session: SessionDep):
    """The rubric beside the copy; ``?anonyme=1``: the student's name hidden (« Copie 7 »)."""
    _prose_only(attempt)
    classe = classe_of(session, session.get(Assignment, attempt.assignment_id))
    page = work_views.grading_page(session, classe, attempt, anonyme=_anonyme(request))
    return render(request, "teacher/grading.html", page)


@router.post("/tentatives/{attempt_id}/grille", name="teacher_grade")
def grade(
    request: Request,
    teacher: TeacherDep,
    attempt: OwnedAttempt,
    session: SessionDep,
    form: PostedForm,
):
    """Save the rubric's points and comments, keep the ticked comments in the teacher's bank;
    « enregistrer et suivant » opens the next copy to grade."""
    _prose_only(attempt)
    values = {
        "points": [v for v in form.getlist("points") if isinstance(v, str)][:20],
        "commentaire": str(form.get("commentaire", ""))[: grading.COMMENT_MAX_LENGTH + 100],
        "commentaires": [
            v[: grading.COMMENT_MAX_LENGTH + 100]
            for v in form.getlist("commentaires")
            if isinstance(v, str)
        ][:20],
        "garder": [v for v in form.getlist("garder") if isinstance(v, str)][:21],
    }
    assignment = session.get(Assignment, attempt.assignment_id)

    anonyme = _anonyme(request)

    def page(error: str):
        classe = classe_of(session, assignment)
        return work_views.grading_page(session, classe, attempt, values, error, anonyme)

    with refused_form(request, "teacher/grading.html", page):
        grading.grade_prose(
            session,
            attempt,
            values["points"],
            values["commentaire"],
            utcnow(),
            values["commentaires"],
        )
        step = assignment_mission(session, assignment).etape(attempt.step_index)
        comment_bank.keep_from_grading(
            session,
            teacher.id,
            step,
            values["garder"],
            values["commentaires"],
            values["commentaire"],
        )
    flash(request, work_views.saved_grade_message(session, attempt, anonyme))
    if form.get("action") == "suivant":
        name = "teacher_grade_next_anonymous" if anonyme else "teacher_grade_next"
        return redirect(request, request.url_for(name, assignment_id=assignment.id))
    if anonyme:  # the student's page would show the name
        url = request.url_for("teacher_grading", attempt_id=attempt.id)
        return redirect(request, f"{url}?anonyme=1")
    url = request.url_for(
        "teacher_student_work",
        assignment_id=assignment.id,
        student_id=attempt.student_id,
    )
    return redirect(request, url)


def _anonyme(request: Request) -> bool:
    return request.query_params.get("anonyme") == "1"


def _prose_only(attempt) -> None:
    if attempt.kind != PROSE_KIND:
        raise HTTPException(404, "Cette réponse n'est pas un texte rédigé à corriger.")


# ----------------------------------------------------------------------------- coverage, exports


@router.get("/classes/{classe_id}/competences", name="teacher_coverage")
def coverage(request: Request, classe: OwnedClasse, session: SessionDep):
    return render(request, "teacher/coverage.html", work_views.coverage_page(session, classe))


@router.get("/classes/{classe_id}/notes.{fmt}", name="teacher_export_grades")
def export_grades(classe: OwnedClasse, session: SessionDep, fmt: Format):
    table = exports.grades_table(session, classe)
    return _file(table, f"notes-{exports.slug(classe.nom)}-{classe.annee_scolaire}", fmt)


@router.get("/classes/{classe_id}/competences.{fmt}", name="teacher_export_competences")
def export_competences(classe: OwnedClasse, session: SessionDep, fmt: Format):
    table = exports.competences_table(session, classe)
    return _file(table, f"competences-{exports.slug(classe.nom)}-{classe.annee_scolaire}", fmt)


@router.get("/devoirs/{assignment_id}/notes.{fmt}", name="teacher_export_assignment")
def export_assignment(assignment: OwnedAssignment, session: SessionDep, fmt: Format):
    classe = classe_of(session, assignment)
    table = exports.assignment_table(session, assignment, classe)
    name = f"notes-{exports.slug(classe.nom)}-{assignment.mission_slug}"
    return _file(table, name, fmt)


@router.get("/devoirs/{assignment_id}/pronote.csv", name="teacher_export_pronote")
def export_pronote(assignment: OwnedAssignment, session: SessionDep):
    classe = classe_of(session, assignment)
    table = exports.assignment_pronote(session, assignment, classe)
    return _file(table, f"pronote-{exports.slug(classe.nom)}-{assignment.mission_slug}", "csv")


def _file(table: spreadsheet.Table, name: str, fmt: str) -> Response:
    content = spreadsheet.to_csv(table) if fmt == "csv" else spreadsheet.to_xlsx(table)
    return Response(content, media_type=MEDIA[fmt], headers=_attachment(f"{name}.{fmt}"))


def _attachment(filename: str) -> dict[str, str]:
    # File names are slugs (ASCII): no RFC 5987 encoding needed.
    return {"Content-Disposition": f'attachment; filename="{filename}"'}
