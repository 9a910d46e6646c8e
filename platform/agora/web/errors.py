"""French error pages: HTTP errors, domain errors (a message), login redirects, crashes."""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from sqlalchemy.exc import OperationalError
from starlette.exceptions import HTTPException

from agora.errors import DomainError
from agora.web.deps import LoginRequired, PasswordChangeRequired
from agora.web.flash import flash
from agora.web.headers import add_security_headers
from agora.web.rendering import FormRefused, is_htmx, redirect, render

log = logging.getLogger("agora.web")

TITLES = {
    400: "Demande incorrecte",
    403: "Accès refusé",
    404: "Page introuvable",
    405: "Action impossible",
    413: "Envoi trop volumineux",
    500: "Erreur du serveur",
    503: "Serveur occupé",
}
DEFAULT_DETAILS = {
    403: "Vous n'avez pas accès à cette page.",
    404: "Cette page n'existe pas, ou elle ne vous est pas accessible.",
    405: "Cette action n'est pas possible ici.",
    500: "Une erreur imprévue est survenue. Réessayez ; si elle persiste, prévenez l'enseignant.",
    503: "Le serveur est très occupé : rien n'a été enregistré. Réessayez dans quelques secondes.",
}
SESSION_ENDED = (
    "Votre session a pris fin : reconnectez-vous. Vos réponses déjà enregistrées sont gardées."
)


def error_page(request: Request, status: int, detail: str | None = None):
    """The error page (or, for htmx, the toast block of it) with a French message."""
    title = TITLES.get(status, "Erreur")
    message = detail if detail and _is_french(detail) else DEFAULT_DETAILS.get(status, title)
    context = {"status": status, "title": title, "message": message}
    response = render(request, "errors/error.html", context, block="toast", status_code=status)
    if is_htmx(request):
        # Show the message in the toast area whatever element asked.
        response.headers["HX-Retarget"] = "#toast"
        response.headers["HX-Reswap"] = "innerHTML"
    return response


def _is_french(detail: str) -> bool:
    # Starlette's default details are English ("Not Found"); ours always carry accents or
    # French words, so plain English defaults are replaced by the French text above.
    return detail not in {"Not Found", "Forbidden", "Method Not Allowed", "Internal Server Error"}


def _current_page(request: Request) -> str:
    """The path of the page an htmx request came from (its HX-Current-URL), when that page is
    on this site; "/" otherwise. The scheme is not compared: behind a TLS proxy the server
    may see http where the browser shows https."""
    current = urlsplit(request.headers.get("HX-Current-URL", ""))
    if current.netloc != request.url.netloc or not current.path.startswith("/"):
        return "/"
    return current.path


def install(app: FastAPI) -> None:
    """Register the handlers on the app."""

    @app.exception_handler(LoginRequired)
    async def _login(request: Request, _exc: LoginRequired):
        if is_htmx(request):
            # A page was open and its session ended meanwhile (logged out in another tab,
            # expired): the whole page goes to the login (HX-Redirect), which says why, and
            # then back to that page, never to the fragment asked (the bare exam timer).
            suivant = _current_page(request)
            flash(request, SESSION_ENDED, "info")
        else:
            suivant = request.url.path if request.method == "GET" else "/"
        target = request.url_for("login_form").include_query_params(suivant=suivant)
        return redirect(request, str(target))

    @app.exception_handler(PasswordChangeRequired)
    async def _password(request: Request, _exc: PasswordChangeRequired):
        return redirect(request, str(request.url_for("password_form")))

    @app.exception_handler(FormRefused)
    async def _refused(_request: Request, exc: FormRefused):
        return exc.response  # built by rendering.refused_form, inside the route

    @app.exception_handler(HTTPException)
    async def _http(request: Request, exc: HTTPException):
        return error_page(request, exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError):
        if any(error["loc"][0] == "path" for error in exc.errors()):
            # An id no row can have (« abc », 0, 2³¹…): a page that does not exist.
            return error_page(request, 404)
        return error_page(request, 400, "La demande est incomplète ou mal formée.")

    @app.exception_handler(DomainError)
    async def _domain(request: Request, exc: DomainError):
        # A DomainError may name its status (ServerBusy: 503, « réessayez »).
        return error_page(request, getattr(exc, "status_code", 400), str(exc))

    @app.exception_handler(OperationalError)
    async def _busy(request: Request, exc: OperationalError):
        # "database is locked" and the like: the session was rolled back and closed on the way
        # out (get_session), so no connection keeps the lock; the user may simply retry.
        log.warning("Base occupée sur %s : %s", request.url.path, exc)
        return error_page(request, 503)

    @app.exception_handler(Exception)
    async def _crash(request: Request, exc: Exception):
        log.exception("Erreur imprévue sur %s", request.url.path, exc_info=exc)
        response = error_page(request, 500)
        # Crashes are answered outside the middlewares (Starlette's outermost layer).
        add_security_headers(response.headers)
        return response
