"""Teacher exam pages: create, live monitor (time, close, reopen), results, publish, exports, log."""

from __future__ import annotations

from datetime import datetime, timedelta

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response
from sqlmodel import col, select

from agora.authoring.catalog import builtin_missions, own_missions
from agora.calendrier import PARIS
from agora.classroom.models import Classe
from agora.db import SessionDep
from agora.errors import DomainError, InvalidInput
from agora.exam import amenagements, closing, creation, exports, redaction, service, tirage, views
from agora.exam.access import ClockDep, ExamCopyDep, OwnedExam
from agora.exam.models import AMENAGEMENTS, Exam
from agora.spreadsheet import to_csv as spreadsheet_csv
from agora.web.deps import FormFields, TeacherDep
from agora.web.flash import flash
from agora.web.ids import form_id
from agora.web.rendering import redirect, refused_form, render

router = APIRouter(prefix="/enseignant/evaluations")
QUESTION_ROWS = 6


CONFIRM_CLOSE = (
    "Rien n'a été clôturé : cochez « Je confirme » pour relever maintenant les copies en cours."
)
CONFIRM_PUBLISH = "Rien n'a été publié : cochez « Je confirme » pour publier les résultats."
CONFIRM_UNPUBLISH = (
    "Rien n'a été retiré : cochez « Je confirme » pour retirer la publication des résultats."
)
CONFIRM_REGRADE = "Rien n'a été recorrigé : cochez « Je confirme » pour recorriger les copies."


def _back(request: Request, name: str, exam: Exam) -> Response:
    return redirect(request, str(request.url_for(name, exam_id=exam.id)))


def _collect(request: Request, session, exam: Exam, now: datetime) -> int:
    """Collect and grade the copies due, one transaction per copy (as the background finaliser:
    the write lock is never held for a whole class, a copy that cannot be graded stops none);
    the copies of students who joined the class since, their variants drawn ahead while the
    evaluation is not over; how many were graded."""
    graded = closing.finalise_in_own_transactions(request.app.state.engine, now, exam.id)
    with service.writing(session):
        creation.ensure_copies(session, exam)
    if now < exam.closes_at:  # the copies added have their variants before they start
        tirage.draw_ahead(request.app.state.engine, exam.id)
    session.expire_all()  # the copies changed in other transactions
    return graded


@router.get("", name="exam_teacher_list")
def exam_list(request: Request, teacher: TeacherDep, session: SessionDep, clock: ClockDep):
    exams = session.exec(
        select(Exam).where(Exam.teacher_id == teacher.id).order_by(col(Exam.opens_at).desc())
    ).all()
    classes = {c.id: c for c in session.exec(select(Classe).where(Classe.teacher_id == teacher.id))}
    # An archived class's evaluations leave the list (kept below, folded, with their results).
    archived = {i for i, c in classes.items() if c.archived_at is not None}
    context = {
        "exams": [e for e in exams if e.classe_id not in archived],
        "archived_exams": [e for e in exams if e.classe_id in archived],
        "classes": classes,
        "now": clock(),
    }
    return render(request, "exam/teacher/list.html", views.ctx(context))


def _new_context(session, teacher, now, values=None, message=None) -> dict:
    classes = session.exec(
        select(Classe).where(Classe.teacher_id == teacher.id, col(Classe.archived_at).is_(None))
    ).all()
    start = (now.astimezone(PARIS) + timedelta(minutes=5)).replace(second=0, microsecond=0)
    defaults = {
        "titre": "",
        "opens_at": start.strftime("%Y-%m-%dT%H:%M"),
        "closes_at": (start + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"),
        "duree_minutes": "55",
        "source": "types",
        "melange": "on",
    }
    return {
        "classes": classes,
        "missions": builtin_missions(),
        "own_missions": own_missions(session, teacher.id),
        "kinds": creation.available_kinds(),
        "redactions": redaction.choices(),
        "rows": range(QUESTION_ROWS),
        "values": defaults | (values or {}),
        "message": message,
    }


@router.get("/nouvelle", name="exam_new")
def new(request: Request, teacher: TeacherDep, session: SessionDep, clock: ClockDep):
    return render(
        request, "exam/teacher/new.html", views.ctx(_new_context(session, teacher, clock()))
    )


@router.post("/nouvelle", name="exam_create")
def create(
    request: Request, teacher: TeacherDep, session: SessionDep, clock: ClockDep, form: FormFields
):
    """Create an evaluation (a sync route: it waits for the write lock in a worker thread)."""

    def page(error: str):
        return views.ctx(_new_context(session, teacher, clock(), form, error))

    with refused_form(request, "exam/teacher/new.html", page):
        classe = session.get(Classe, _id(form.get("classe_id"), "Choisissez une de vos classes."))
        if classe is None or classe.teacher_id != teacher.id:
            raise InvalidInput("Choisissez une de vos classes.")
        posted = _posted_exam(form, session, teacher.id)
        with service.writing(session):
            exam = creation.create_exam(session, teacher.id, classe, clock(), **posted)
        tirage.draw_ahead(request.app.state.engine, exam.id)
    flash(request, f"Évaluation créée. Code d'accès à donner aux élèves : {exam.code}")
    return _back(request, "exam_monitor", exam)


@router.get("/{exam_id}/modifier", name="exam_edit")
def edit(
    request: Request, exam: OwnedExam, teacher: TeacherDep, session: SessionDep, clock: ClockDep
):
    context = _new_context(session, teacher, clock(), views.exam_values(exam))
    return render(request, "exam/teacher/new.html", views.ctx(context | {"exam": exam}))


@router.post("/{exam_id}/modifier", name="exam_update")
def update(
    request: Request,
    exam: OwnedExam,
    teacher: TeacherDep,
    session: SessionDep,
    clock: ClockDep,
    form: FormFields,
):
    """Change the evaluation until it opens (its class stays: the copies are the class's)."""

    def page(error: str):
        return views.ctx(_new_context(session, teacher, clock(), form, error) | {"exam": exam})

    with refused_form(request, "exam/teacher/new.html", page):
        posted = _posted_exam(form, session, teacher.id)
        with service.writing(session):
            creation.update_exam(session, exam, clock(), **posted)
        tirage.draw_ahead(request.app.state.engine, exam.id)
    flash(request, "Évaluation modifiée.")
    return _back(request, "exam_monitor", exam)


def _posted_exam(form: dict[str, str], session, teacher_id: int) -> dict:
    """The evaluation's fields from the form (InvalidInput in French on a bad value); a mission
    is a built-in one or the teacher's own."""
    mission_slug = form.get("mission") if form.get("source") == "mission" else None
    return {
        "titre": form.get("titre", ""),
        "questions": (
            creation.questions_from_mission(mission_slug, session, teacher_id)
            if mission_slug
            else _questions(form)
        ),
        "opens_at": _moment(form.get("opens_at"), "le début"),
        "closes_at": _moment(form.get("closes_at"), "la fin"),
        "duree_minutes": _int(form.get("duree_minutes"), "la durée"),
        "melange": form.get("melange") == "on",
        "mission_slug": mission_slug,
    }


def _questions(form: dict[str, str]) -> list[dict]:
    questions = []
    for i in range(QUESTION_ROWS):
        kind = form.get(f"q{i}_kind")
        writing = redaction.question_of_choice(kind or "")
        if writing is not None:  # its points are its rubric's
            questions.append(writing)
        elif kind:
            questions.append(
                {
                    "kind": kind,
                    "niveau": _int(form.get(f"q{i}_niveau"), f"le niveau de la question {i + 1}"),
                    "points": _int(form.get(f"q{i}_points"), f"les points de la question {i + 1}"),
                }
            )
    return questions


def _int(value: str | None, what: str) -> int:
    try:
        return int(str(value).strip())
    except ValueError:
        raise InvalidInput(f"Indiquez {what} (un nombre entier).") from None


def _id(value: str | None, message: str) -> int:
    """A row id from the form; InvalidInput(message) when no row can have it (2³¹, « abc »)."""
    try:
        return form_id(str(value))
    except ValueError:
        raise InvalidInput(message) from None


def _moment(value: str | None, what: str) -> datetime:
    """A datetime-local field (Paris time) as aware UTC."""
    try:
        return datetime.fromisoformat(str(value)).replace(tzinfo=PARIS)
    except ValueError:
        raise InvalidInput(f"Indiquez {what} de la période (date et heure).") from None


@router.get("/{exam_id}", name="exam_monitor")
def monitor(request: Request, exam: OwnedExam, session: SessionDep, clock: ClockDep):
    """The live monitor (the « suivi » block is polled by htmx)."""
    now = clock()
    _collect(request, session, exam, now)
    page = views.monitor_page(session, exam, now)
    context = {"page": page, "exam": exam, "amenagements": AMENAGEMENTS}
    return render(request, "exam/teacher/monitor.html", views.ctx(context), block="suivi")


@router.post("/{exam_id}/copies/{copy_id}/amenagement", name="exam_set_amenagement")
def amenagement(
    request: Request,
    exam: OwnedExam,
    copy: ExamCopyDep,
    session: SessionDep,
    amenagement: str = Form(max_length=20),
    minutes: str = Form(""),
):
    try:
        with service.writing(session):
            amenagements.set_for_copy(
                session, copy, amenagement, _int(minutes or "0", "les minutes")
            )
        flash(request, "Aménagement enregistré.")
    except DomainError as error:
        flash(request, str(error), "erreur")
    return _back(request, "exam_monitor", exam)


@router.post("/{exam_id}/temps", name="exam_add_time")
def add_time(
    request: Request,
    exam: OwnedExam,
    session: SessionDep,
    clock: ClockDep,
    minutes: str = Form(""),
    copy_id: str = Form(""),
):
    try:
        copy = None
        if copy_id:
            wanted = _id(copy_id, "Cette copie n'appartient pas à cette évaluation.")
            copy = closing.copy_in_exam(session, exam, wanted)
        now = clock()
        _collect(request, session, exam, now)  # an expired copy is collected, never revived
        with service.writing(session):
            changed = closing.add_time(session, exam, _int(minutes, "les minutes"), now, copy)
        flash(request, f"Temps ajouté à {changed} copie{'s' if changed > 1 else ''} en cours.")
    except DomainError as error:
        flash(request, str(error), "erreur")
    return _back(request, "exam_monitor", exam)


@router.post("/{exam_id}/cloturer", name="exam_close")
def close(
    request: Request,
    exam: OwnedExam,
    session: SessionDep,
    clock: ClockDep,
    confirmation: str = Form(""),
):
    if confirmation != "oui":  # one click must not end 35 students' exam
        flash(request, CONFIRM_CLOSE, "erreur")
        return _back(request, "exam_monitor", exam)
    now = clock()
    with service.writing(session):
        closing.close_early(session, exam, now)
    graded = _collect(request, session, exam, now)
    flash(
        request,
        f"Évaluation close : {graded} copie{'s' if graded > 1 else ''} corrigée"
        f"{'s' if graded > 1 else ''}.",
    )
    return _back(request, "exam_monitor", exam)


@router.post("/{exam_id}/copies/{copy_id}/rouvrir", name="exam_reopen")
def reopen(
    request: Request,
    exam: OwnedExam,
    copy: ExamCopyDep,
    session: SessionDep,
    clock: ClockDep,
    minutes: str = Form(""),
):
    try:
        with service.writing(session):
            closing.reopen(session, copy, _int(minutes, "les minutes"), clock())
        flash(request, "Copie rouverte : l'élève peut reprendre avec le même code.")
    except DomainError as error:
        flash(request, str(error), "erreur")
    return _back(request, "exam_monitor", exam)


@router.get("/{exam_id}/resultats", name="exam_results")
def results(request: Request, exam: OwnedExam, session: SessionDep, clock: ClockDep):
    table = _results(request, session, exam, clock())
    context = {"exam": exam, "table": table}
    context["a_verifier"] = views.ungradable(session, exam)
    context["redactions"] = redaction.ungraded_count(session, exam)
    return render(request, "exam/teacher/results.html", views.ctx(context))


@router.post("/{exam_id}/publier", name="exam_publish")
def publish(
    request: Request,
    exam: OwnedExam,
    session: SessionDep,
    clock: ClockDep,
    confirmation: str = Form(""),
):
    if confirmation != "oui":  # one click must not show a class its marks
        flash(request, CONFIRM_PUBLISH, "erreur")
        return _back(request, "exam_results", exam)
    try:
        now = clock()
        _collect(request, session, exam, now)
        with service.writing(session):
            closing.publish(session, exam, now)
        flash(request, "Résultats publiés : chaque élève voit sa copie corrigée.")
    except DomainError as error:
        flash(request, str(error), "erreur")
    return _back(request, "exam_results", exam)


@router.post("/{exam_id}/depublier", name="exam_unpublish")
def unpublish(
    request: Request,
    exam: OwnedExam,
    session: SessionDep,
    clock: ClockDep,
    confirmation: str = Form(""),
):
    if confirmation != "oui":
        flash(request, CONFIRM_UNPUBLISH, "erreur")
        return _back(request, "exam_results", exam)
    with service.writing(session):
        closing.unpublish(session, exam, clock())
    flash(request, "Résultats retirés : les élèves ne voient plus leur correction.")
    return _back(request, "exam_results", exam)


@router.post("/{exam_id}/recorriger", name="exam_regrade")
def regrade(
    request: Request,
    exam: OwnedExam,
    session: SessionDep,
    clock: ClockDep,
    confirmation: str = Form(""),
):
    if confirmation != "oui":  # every mark of the class may change
        flash(request, CONFIRM_REGRADE, "erreur")
        return _back(request, "exam_results", exam)
    now = clock()
    _collect(request, session, exam, now)
    with service.writing(session):
        changed, total = closing.regrade(session, exam, now)
    flash(
        request,
        f"Recorrection terminée : {changed} copie{'s' if changed > 1 else ''} sur "
        f"{total} {'ont' if changed > 1 else 'a'} changé de note.",
    )
    return _back(request, "exam_results", exam)


def _results(request: Request, session, exam: Exam, now: datetime) -> exports.ResultsTable:
    """The results at ``now``, the copies due collected and graded first (as the page does)."""
    _collect(request, session, exam, now)
    return exports.results_table(session, exam, now)


@router.get("/{exam_id}/resultats.csv", name="exam_export_csv")
def export_csv(request: Request, exam: OwnedExam, session: SessionDep, clock: ClockDep):
    body = exports.to_csv(_results(request, session, exam, clock()))
    return _download(body, "text/csv; charset=utf-8", f"{exports.file_stem(exam)}.csv")


@router.get("/{exam_id}/resultats.xlsx", name="exam_export_xlsx")
def export_xlsx(request: Request, exam: OwnedExam, session: SessionDep, clock: ClockDep):
    body = exports.to_xlsx(_results(request, session, exam, clock()))
    mime = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    return _download(body, mime, f"{exports.file_stem(exam)}.xlsx")


@router.get("/{exam_id}/pronote.csv", name="exam_export_pronote")
def export_pronote(request: Request, exam: OwnedExam, session: SessionDep, clock: ClockDep):
    table = _results(request, session, exam, clock())
    body = spreadsheet_csv(exports.pronote_table(session, table))
    return _download(body, "text/csv; charset=utf-8", f"{exports.file_stem(exam)}-pronote.csv")


@router.get("/{exam_id}/copies/{copy_id}/copie.pdf", name="exam_copy_pdf")
def copy_pdf(
    request: Request, exam: OwnedExam, copy: ExamCopyDep, session: SessionDep, clock: ClockDep
):
    if copy.graded_at is None:
        closing.finalise_one(request.app.state.engine, copy.id, clock())
        session.refresh(copy)
    body = exports.copy_pdf(request.app.state.templates, session, exam, copy)
    return _download(body, "application/pdf", f"{exports.file_stem(exam)}-copie-{copy.id}.pdf")


@router.get("/{exam_id}/journal", name="exam_log")
def journal(request: Request, exam: OwnedExam, session: SessionDep):
    return render(request, "exam/teacher/journal.html", views.ctx(exports.journal(session, exam)))


def _download(body: bytes, mime: str, filename: str) -> Response:
    return Response(
        body, media_type=mime, headers={"Content-Disposition": f'attachment; filename="{filename}"'}
    )
