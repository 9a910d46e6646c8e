"""The application factory: create_app(settings) -> FastAPI, with nothing built at import time."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.middleware.sessions import SessionMiddleware

from agora import TEMPLATES_DIR
from agora.config import Settings
from agora.db import import_models, make_engine

STATIC_DIR = TEMPLATES_DIR.parent / "static"


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the app: engine, templates, login throttle and routers, all on app.state."""
    from agora.account.routes import router as account_router
    from agora.account.throttle import LoginThrottle
    from agora.classroom.routes import router as classroom_router
    from agora.web import errors
    from agora.web.headers import SecurityHeadersMiddleware
    from agora.web.limits import BodyLimitMiddleware, BodyLimits
    from agora.web.security import CsrfMiddleware
    from agora.web.templating import make_environment

    settings = settings or Settings()
    import_models()
    app = FastAPI(
        title="Agora Sim",
        docs_url=None,
        redoc_url=None,
        openapi_url=None,
    )
    app.state.settings = settings
    app.state.engine = make_engine(settings)
    app.state.templates = make_environment(TEMPLATES_DIR)
    app.state.login_throttle = LoginThrottle(
        free_failures=settings.login_free_failures,
        base_delay=settings.login_backoff_seconds,
        max_delay=settings.login_backoff_max_seconds,
        per_ip=settings.login_max_failures_per_ip,
        ip_window=settings.login_ip_window_seconds,
    )
    # Outermost last: headers on everything, then the size limit before anything reads the
    # body, then the session, then the CSRF check (it needs the session's token).
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
    )
    app.add_middleware(BodyLimitMiddleware, limits=limits)
    app.add_middleware(SecurityHeadersMiddleware)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.include_router(account_router)
    app.include_router(classroom_router)
    for router in _extra_routers():
        app.include_router(router)
    errors.install(app)
    return app


# Routers of other packages (teacher pages, exams), imported and included by create_app.
# Add "module:attribute" here when you add a router.
EXTRA_ROUTERS: tuple[str, ...] = (
    "agora.classroom.teacher_routes:router",
    "agora.exam.routes:router",
)


def _extra_routers():
    import importlib

    for target in EXTRA_ROUTERS:
        module_name, attribute = target.split(":")
        yield getattr(importlib.import_module(module_name), attribute)
