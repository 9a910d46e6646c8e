"""The application factory: create_app(settings) -> FastAPI, with nothing built at import time."""

from __future__ import annotations

import contextlib
import gc

from anyio import to_thread
from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.middleware.sessions import SessionMiddleware

from agora import TEMPLATES_DIR
from agora.account import routes as account_routes
from agora.account.throttle import LoginThrottle
from agora.authoring import routes as authoring_routes
from agora.classroom.student import routes as student_routes
from agora.classroom.teacher import edit_routes as teacher_edit_routes
from agora.classroom.teacher import passeport_routes as teacher_passeport_routes
from agora.classroom.teacher import report_routes as teacher_report_routes
from agora.classroom.teacher import routes as teacher_routes
from agora.classroom.teacher import rubric_routes
from agora.classroom.teacher import student_routes as teacher_student_routes
from agora.config import Settings
from agora.db import import_models, make_engine, requests_at_once
from agora.exam import report_routes as exam_report_routes
from agora.exam import routes as exam_routes
from agora.exam import routes_teacher as exam_teacher_routes
from agora.exam import routes_writing as exam_writing_routes
from agora.exercise import variants
from agora.uploads import routes as upload_routes
from agora.web import errors
from agora.web.admission import AdmissionMiddleware
from agora.web.headers import SecurityHeadersMiddleware
from agora.web.limits import BodyLimitMiddleware, BodyLimits
from agora.web.security import CsrfMiddleware
from agora.web.templating import compile_all, make_environment

STATIC_DIR = TEMPLATES_DIR.parent / "static"


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the app: engine, templates, login throttle and routers, all on app.state."""
    settings = settings or Settings()
    import_models()
    app = FastAPI(
        title="Agora Sim",
        docs_url=None,
        redoc_url=None,
        openapi_url=None,
        lifespan=_lifespan,
    )
    app.state.settings = settings
    app.state.engine = make_engine(settings)
    app.state.templates = make_environment(TEMPLATES_DIR)
    app.state.login_throttle = LoginThrottle(
        app.state.engine,
        free_failures=settings.login_free_failures,
        base_delay=settings.login_backoff_seconds,
        max_delay=settings.login_backoff_max_seconds,
        per_ip=settings.login_max_failures_per_ip,
        ip_window=settings.login_ip_window_seconds,
        max_rows=settings.login_failure_max_rows,
    )
    # Outermost last: headers on everything, then the size limit before anything reads the
    # body, then the session, then the CSRF check (it needs the session's token), then the
    # admission of a few requests at a time (a refused one never waits for its turn).
    app.add_middleware(AdmissionMiddleware, limit=requests_at_once(settings))
    app.add_middleware(CsrfMiddleware)
    app.add_middleware(
        SessionMiddleware,
        secret_key=settings.secret_key,
        session_cookie="agora_session",
        max_age=settings.session_max_age,
        same_site="lax",
        https_only=settings.cookie_secure,
    )
    limits = BodyLimits(
        login=settings.max_body_login_bytes,
        answers=settings.max_body_answers_bytes,
        upload=settings.max_body_import_bytes,
        # A handed-in poster: the file, plus its comment and the multipart framing.
        fichier=settings.upload_max_bytes + 64 * 1024,
    )
    app.add_middleware(BodyLimitMiddleware, limits=limits)
    app.add_middleware(SecurityHeadersMiddleware)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    _include_routers(app)
    errors.install(app)
    return app


@contextlib.asynccontextmanager
async def _lifespan(app: FastAPI):
    """Ready before the first request; the exam finaliser runs in the background meanwhile.

    A process of `agora serve` (``app.state.served``) also compiles every template and freezes
    its heap before it answers: a class starting an exam at the same second would otherwise
    wait on the first compilation of each page (1.3 s for the hundred templates on a quiet
    2-core machine, 2.4 s loaded), then on full collections walking the ~280 000 objects of
    startup (150–200 ms each, every 5–15 s under load; frozen, they are never walked again).
    Tests' apps skip both: a test suite would keep every earlier test's frozen objects.
    """
    await to_thread.run_sync(variants.warm_up)  # Faker, profiles, barèmes, kinds' data
    if getattr(app.state, "served", False):
        await to_thread.run_sync(compile_all, app.state.templates)
        gc.collect()  # no garbage frozen for ever
        gc.freeze()
    async with exam_routes.finaliser(app):
        yield


def _include_routers(app: FastAPI) -> None:
    """Every page of the platform, one router per line (add yours here).

    A request is matched against the routers in this order, each one's routes in turn (twice:
    FastAPI matches, then dispatches): the exam's comes first, as every autosave of a class
    on exam day goes through it."""
    app.include_router(exam_routes.student)  # /examen: the student's exam copy
    app.include_router(account_routes.router)  # login, password, home
    app.include_router(student_routes.router)  # /eleve: missions, organisation, competences
    app.include_router(teacher_routes.router)  # /enseignant: classes, assignments, grading
    app.include_router(teacher_edit_routes.router)  # /enseignant: edit, archive, move
    app.include_router(teacher_report_routes.router)  # /enseignant: class report, remediation
    app.include_router(rubric_routes.router)  # /enseignant: comment bank, anonymous grading
    app.include_router(teacher_student_routes.router)  # /enseignant/eleves: one student
    app.include_router(teacher_passeport_routes.router)  # /enseignant: competency record PDF
    app.include_router(exam_teacher_routes.router)  # /enseignant/evaluations
    app.include_router(exam_report_routes.router)  # /enseignant/evaluations: statistics
    app.include_router(exam_writing_routes.router)  # /enseignant/evaluations: rédactions
    app.include_router(upload_routes.router)  # a student's poster: hand in, /fichiers
    app.include_router(authoring_routes.router)  # /enseignant/missions: « Mes missions »
