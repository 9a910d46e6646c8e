"""The one place that knows htmx's HX-* headers: full pages, named blocks, redirects.

An htmx request gets the named block of the page template alone (the block is named after
the DOM id it replaces); any other request gets the full page. Both vary on HX-Request.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2_fragments import render_block, render_blocks
from starlette.datastructures import URL, URLPath
from starlette.routing import BaseRoute, NoMatchFound

from agora.errors import DomainError
from agora.web.flash import take_flash


def is_htmx(request: Request) -> bool:
    """True for a request sent by htmx (and not a history restore, which needs a full page)."""
    return (
        request.headers.get("HX-Request") == "true"
        and request.headers.get("HX-History-Restore-Request") != "true"
    )


def render(
    request: Request,
    template: str,
    context: dict[str, Any] | Any,
    *,
    block: str | tuple[str, ...] | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    """Render ``template``; only ``block`` when htmx asked for it (several blocks one after the
    other when it is a tuple: the others swapped out of band). ``context`` may be a dataclass."""
    env = request.app.state.templates
    partial = bool(block) and is_htmx(request)
    # Only a full page takes the flash message: a fragment has no place to show it.
    values = _as_dict(context) | _globals(request, with_flash=not partial)
    if partial and isinstance(block, tuple):
        html = render_blocks(env, template, list(block), values)
    elif partial:
        html = render_block(env, template, block, values)
    else:
        html = env.get_template(template).render(values)
    response = HTMLResponse(html, status_code=status_code)
    response.headers["Vary"] = "HX-Request"
    return response


def render_fragment(request: Request, template: str, block: str, context: dict[str, Any]):
    """One block of a template, whatever the request (for htmx-only endpoints)."""
    values = _as_dict(context) | _globals(request, with_flash=False)
    response = HTMLResponse(render_block(request.app.state.templates, template, block, values))
    response.headers["Vary"] = "HX-Request"
    return response


class FormRefused(Exception):
    """The form rendered again with its message, carried out of the route to the client."""

    def __init__(self, response: HTMLResponse) -> None:
        super().__init__("formulaire refusé")
        self.response = response


@contextmanager
def refused_form(
    request: Request,
    template: str,
    page: Callable[[str], Any],
    *,
    block: str | None = None,
    refuse: type[DomainError] = DomainError,
) -> Iterator[None]:
    """On a ``refuse`` error inside, the same form again with its French message, as a 400.

    ``page(message)`` builds the page context showing the message; an htmx request gets only
    ``block``. The response leaves as an exception, so the request's transaction rolls back:
    a refused form writes nothing.
    """
    try:
        yield
    except refuse as error:
        response = render(request, template, page(str(error)), block=block, status_code=400)
        raise FormRefused(response) from error


def redirect(request: Request, url: str | URL) -> Response:
    """Go to ``url`` (a ``url_for`` result as it is): HX-Redirect for htmx (a full
    navigation), 303 See Other otherwise."""
    if is_htmx(request):
        return Response(status_code=204, headers={"HX-Redirect": str(url)})
    return RedirectResponse(str(url), status_code=303)


def _as_dict(context: Any) -> dict[str, Any]:
    if isinstance(context, dict):
        return dict(context)
    # A typed page context (dataclass): its fields become the template's names.
    return {name: getattr(context, name) for name in context.__dataclass_fields__}


def _globals(request: Request, with_flash: bool) -> dict[str, Any]:
    from agora.web.security import csrf_token

    return {
        "flash": take_flash(request) if with_flash else None,
        "request": request,
        "url_for": _url_for(request),
        # The crash handler runs outside the session middleware: no session there.
        "csrf_token": csrf_token(request) if "session" in request.scope else "",
        "current_user": getattr(request.state, "user", None),
    }


def _url_for(request: Request) -> Callable[..., URL]:
    """``request.url_for``, each URL built once per site address, route and parameters: the
    router tries every route in turn (an exception per miss), making the URL absolute parses
    the address again, and a page has some forty links."""
    urls, base = _urls(request.app), str(request.base_url)

    def url_for(name: str, /, **params: Any) -> URL:
        return urls(base, name, tuple(params.items()))

    return url_for


def _urls(app: Any) -> Callable[[str, str, tuple[tuple[str, Any], ...]], URL]:
    urls = getattr(app.state, "urls", None)
    if urls is None:
        paths = _paths(app)

        def url(base: str, name: str, params: tuple[tuple[str, Any], ...]) -> URL:
            return paths(name, params).make_absolute_url(base_url=base)

        urls = app.state.urls = lru_cache(maxsize=8192)(url)
    return urls


def _paths(app: Any) -> Callable[[str, tuple[tuple[str, Any], ...]], URLPath]:
    paths = getattr(app.state, "url_paths", None)
    if paths is None:
        # The route that builds each name and set of parameter names: a copy's links (its
        # id in them) miss the cache of paths, and the router would try every route again.
        routes: dict[tuple[str, frozenset[str]], BaseRoute] = {}

        def path_for(name: str, params: tuple[tuple[str, Any], ...]) -> URLPath:
            kwargs, key = dict(params), (name, frozenset(key for key, _ in params))
            if key in routes:
                return routes[key].url_path_for(name, **kwargs)
            for route in app.router.routes:  # as Starlette's Router.url_path_for
                try:
                    path = route.url_path_for(name, **kwargs)
                except NoMatchFound:
                    continue
                routes[key] = route
                return path
            raise NoMatchFound(name, kwargs)

        paths = app.state.url_paths = lru_cache(maxsize=4096)(path_for)
    return paths
