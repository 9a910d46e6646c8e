"""Student exam pages: enter the code, answer (autosave), timer, hand in, corrected copy.

Also the lifespan task that collects and grades expired copies even when nobody is looking
(create_app runs it); the teacher pages are in agora.exam.routes_teacher.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import threading

from anyio import to_thread
from fastapi import APIRouter, FastAPI, Form, HTTPException, Request
from sqlmodel import Session

from agora.db import ServerBusy, SessionDep, utcnow
from agora.errors import DomainError
from agora.exam import closing, redaction, service, views
from agora.exam.access import ClockDep, OwnedCopy, client_of, copy_session
from agora.exam.models import Exam, ExamCopy
from agora.exercise.forms import field_dom_id
from agora.exercise.registry import get_kind
from agora.web.deps import FormFields, StudentDep, student_in_one_statement
from agora.web.flash import flash
from agora.web.ids import DbId, Position
from agora.web.rendering import is_htmx, redirect, refused_form, render, render_fragment

log = logging.getLogger("agora.exam")

# How often the background task collects expired copies (seconds); app.state may override it.
FINALISER_PERIOD = 15.0


@contextlib.asynccontextmanager
async def finaliser(app: FastAPI):
    """Run the finaliser in the background while the app serves (woken early by hand-ins)."""
    loop, wakeup = asyncio.get_running_loop(), asyncio.Event()
    wake = functools.partial(loop.call_soon_threadsafe, wakeup.set)
    if not hasattr(app.state, "exam_wakers"):
        app.state.exam_wakers = set()
    app.state.exam_wakers.add(wake)  # (tests may run several lifespans on one app)
    stopping = threading.Event()
    task = asyncio.create_task(_finaliser_loop(app, wakeup, stopping))
    try:
        yield
    finally:
        app.state.exam_wakers.discard(wake)
        stopping.set()  # a pass under way stops after its current copy
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


async def _finaliser_loop(app: FastAPI, wakeup: asyncio.Event, stopping: threading.Event) -> None:
    period = getattr(app.state, "exam_finaliser_period", FINALISER_PERIOD)
    while True:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(wakeup.wait(), timeout=period)
        wakeup.clear()
        clock = getattr(app.state, "clock", utcnow)
        pass_ = functools.partial(closing.finalise_in_own_transactions, should_stop=stopping.is_set)
        try:
            # abandon_on_cancel: a stopping server does not wait for the pass (it stops at
            # the next copy, its transaction committed or rolled back by then).
            await to_thread.run_sync(pass_, app.state.engine, clock(), abandon_on_cancel=True)
        except Exception:  # the loop must survive a database hiccup
            log.exception("Finalisation des copies échouée ; nouvel essai plus tard")


def wake_finaliser(request: Request) -> None:
    """Ask the background finaliser to grade now (a no-op when it is not running)."""
    for wake in list(getattr(request.app.state, "exam_wakers", ())):
        with contextlib.suppress(RuntimeError):  # a loop closing meanwhile
            wake()


student = APIRouter(prefix="/examen")
CONFIRM_HAND_IN = (
    "Rien n'a été rendu : cochez « Je confirme » pour rendre votre copie, puis « Rendre ma copie »."
)
_NOT_ANSWERS = {"csrf_token", "aller"}


def _exam(session, copy: ExamCopy) -> Exam:
    return session.get(Exam, copy.exam_id)


def _lazy_close(request: Request, session, copy: ExamCopy, now) -> None:
    """Closed is computed from the stored deadline: collect it now; the finaliser grades it."""
    if copy.statut != "en_cours" or not service.is_closed(copy, now):
        return
    with service.writing(session):
        closing.close_expired_copy(session, copy.id, copy.deadline, now)
    session.refresh(copy)
    wake_finaliser(request)


@student.get("", name="exam_home")
def home(request: Request, student: StudentDep, session: SessionDep, clock: ClockDep):
    return render(request, "exam/code.html", views.ctx(views.home_page(session, student, clock())))


@student.post("", name="exam_start")
def start(request: Request, clock: ClockDep, code: str = Form("", max_length=40)):
    with Session(request.app.state.engine, expire_on_commit=False) as session:
        student = student_in_one_statement(request, session)

        def page(error: str):
            home = views.home_page(session, student, clock())
            home.message, home.code = error, code
            return views.ctx(home)

        with refused_form(request, "exam/code.html", page):
            exam, copy, drawn = service.exam_for_code(session, student, code)
            if not drawn:  # none drawn ahead: built (and cached) outside the write lock
                service.new_variants(exam, student)
            with service.writing(session):
                client = client_of(request)
                copy = service.start(session, exam, student, clock(), *client, copy, drawn)
    return redirect(request, str(request.url_for("exam_question", copy_id=copy.id, position=1)))


@student.get("/copies/{copy_id}", name="exam_copy")
def copy_summary(request: Request, copy_id: DbId, clock: ClockDep):
    """The copy's summary: where a hand-in leads, the whole class at the deadline."""
    with copy_session(request, copy_id, for_share=False) as (session, student, copy, exam):
        now = clock()
        _lazy_close(request, session, copy, now)
        env = request.app.state.templates
        page = views.copy_page(session, exam, copy, student, now, env)
        return render(request, "exam/copie.html", views.ctx(page))


@student.get("/copies/{copy_id}/questions/{position}", name="exam_question")
def question(request: Request, copy_id: DbId, position: Position, clock: ClockDep):
    """A question of the copy: where the start leads 35 browsers at the same second."""
    with copy_session(request, copy_id, for_share=False) as (session, student, copy, exam):
        return _question(request, session, student, copy, exam, position, clock())


def _question(request, session, student, copy, exam, position, now):
    if copy.statut == "a_faire":
        return redirect(request, str(request.url_for("exam_home")))
    _lazy_close(request, session, copy, now)
    if service.is_closed(copy, now):
        return redirect(request, str(request.url_for("exam_copy", copy_id=copy.id)))
    if views.question_index(exam, student, position) is None:
        raise HTTPException(404, "Cette question n'existe pas.")
    env = request.app.state.templates
    page = views.question_page(session, exam, copy, student, position, now, env)
    return render(request, "exam/question.html", views.ctx(page))


@student.post("/copies/{copy_id}/questions/{position}", name="exam_save")
def save(
    request: Request,
    copy_id: DbId,
    position: Position,
    clock: ClockDep,
    form: FormFields,
):
    """Autosave (htmx: the « Enregistré à … » line) or the no-JS save button (then navigate).

    The hot path of an exam: the same checks as UserDep → StudentDep → OwnedCopy in one
    worker thread and one statement, see access.student_copy.
    """
    with copy_session(request, copy_id) as (session, student, copy, exam):
        return _save(request, session, student, copy, exam, position, clock, form)


def _save(request, session, student, copy, exam, position, clock, form):
    index = views.question_index(exam, student, position)
    if index is None:
        raise HTTPException(404, "Cette question n'existe pas.")
    fields = {k: v for k, v in form.items() if k not in _NOT_ANSWERS}
    context = {
        "copy": copy,
        "position": position,
        "saved_at": None,
        "message": None,
        "field_errors": [],
    }
    try:
        with service.writing(session):  # committed (durable) before the acknowledgement
            context["saved_at"] = service.save_answer(
                session, copy, index, fields, clock, *client_of(request), copy_locked=True
            )
    except DomainError as error:  # refused, or the server is busy: says "not saved"
        context["message"] = str(error)
        context["reessayer"] = isinstance(error, ServerBusy)  # the page sends it again
        if not is_htmx(request):
            raise
        if not context["reessayer"]:  # closed: the countdown says so too (read again: SQLite
            session.refresh(copy)  # read the copy before the write lock, a deadline ago)
            context["resynchronise"] = service.state_of(copy, clock())
    if not is_htmx(request):
        target = _next_position(form.get("aller"), position, len(exam.questions))
        url = str(request.url_for("exam_question", copy_id=copy.id, position=target))
        # Another question opens at its top (timer, statement); the same one at the save status.
        return redirect(request, url if target != position else f"{url}#etat-sauvegarde")
    if context["saved_at"] is not None and not redaction.is_writing(exam.questions[index]):
        # format hints for what was just stored
        kind = get_kind(exam.questions[index]["kind"])
        context["field_errors"] = [
            (field_dom_id(name), kind.validate_field(name, value) or "")
            for name, value in fields.items()
        ]
    if context["saved_at"] is not None:  # the countdown, resynchronised for free (its doc)
        context["resynchronise"] = service.state_of(copy, context["saved_at"])
    return render_fragment(request, "exam/question.html", "sauvegarde", views.ctx(context))


def _next_position(aller, position: int, count: int) -> int:
    try:
        target = int(aller) if isinstance(aller, str) else position
    except ValueError:
        target = position
    return min(max(target, 1), count)


@student.get("/copies/{copy_id}/minuteur", name="exam_timer")
def timer(request: Request, copy_id: DbId, clock: ClockDep):
    """The self-contained countdown, resynchronised with the server clock: every browser of
    the class asks for it every 5 s, so it reads the copy in one statement and one thread."""
    with copy_session(request, copy_id, for_share=False) as (session, _, copy, _):
        now = clock()
        _lazy_close(request, session, copy, now)
    state = service.state_of(copy, now)
    response = render_fragment(
        request, "exam/_minuteur.html", "minuteur", views.ctx(state=state, copy=copy)
    )
    if state.closed and is_htmx(request):
        response.headers["HX-Redirect"] = str(request.url_for("exam_copy", copy_id=copy.id))
    return response


@student.post("/copies/{copy_id}/rendre", name="exam_submit")
def submit(request: Request, copy_id: DbId, clock: ClockDep, confirmation: str = Form("")):
    """Hand in: closed at once (committed); the background finaliser grades it right away.

    Only with the box « Je confirme » ticked (checked here, so without JavaScript too): one
    tap must not end a copy for good. A second click (the copy is already handed in) is
    logged and shows the copy.
    """
    if confirmation != "oui":
        flash(request, CONFIRM_HAND_IN, "erreur")
        return redirect(request, str(request.url_for("exam_copy", copy_id=copy_id)))
    with (
        copy_session(request, copy_id) as (session, _, copy, _),
        contextlib.suppress(service.AlreadyHandedIn),
        service.writing(session),
    ):
        service.submit(session, copy, clock, *client_of(request), copy_locked=True)
    wake_finaliser(request)
    return redirect(request, str(request.url_for("exam_copy", copy_id=copy_id)))


@student.get("/copies/{copy_id}/correction", name="exam_correction")
def correction(
    request: Request, copy: OwnedCopy, student: StudentDep, session: SessionDep, clock: ClockDep
):
    exam = _exam(session, copy)
    if service.is_closed(copy, clock()) and copy.graded_at is None:  # reopened after publication
        closing.finalise_one(request.app.state.engine, copy.id, clock())
        session.refresh(copy)
    if exam.published_at is None or not service.is_closed(copy, clock()):
        raise HTTPException(404, "La correction n'est pas encore publiée par votre enseignant.")
    page = views.correction_page(session, exam, copy, student)
    return render(request, "exam/correction.html", views.ctx(page))
