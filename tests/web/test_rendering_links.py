"""The links a page prints (``url_for`` in templates, looked up once per route and
parameters) are those Starlette builds, for every page of the app."""

from __future__ import annotations

import re

import pytest
from starlette.requests import Request
from starlette.routing import NoMatchFound

from agora.web.rendering import _url_for


def _request(app, server: tuple[str, int], scheme: str = "https") -> Request:
    return Request(
        {"type": "http", "app": app, "router": app.router, "headers": []}
        | {
            "method": "GET",
            "path": "/",
            "query_string": b"",
            "server": server,
            "scheme": scheme,
            "root_path": "",
        }
    )


def test_every_page_link_is_the_one_starlette_builds(app, api_routes):
    request = _request(app, ("lycee.fr", 443))
    url_for = _url_for(request)
    for route in api_routes():
        for value in (7, 7, 8):  # the second from the cache, the third from its route's
            params = {name: value for name in re.findall(r"{(\w+)", route.path)}
            assert url_for(route.name, **params) == request.url_for(route.name, **params)
    assert str(url_for("static", path="app.css")) == "https://lycee.fr/static/app.css"
    with pytest.raises(NoMatchFound):
        url_for("exam_question", copy_id=7)  # a missing parameter is still an error


def test_a_link_names_the_address_the_page_was_asked_at(app):
    """The links are kept once built; a school's server reached by two addresses (its name and
    its IP, through the proxy and directly) still prints each page's links at its own."""
    by_name = _url_for(_request(app, ("lycee.fr", 443)))
    by_ip = _url_for(_request(app, ("10.0.0.5", 8000), "http"))
    for _ in range(2):
        assert str(by_name("exam_timer", copy_id=3)) == "https://lycee.fr/examen/copies/3/minuteur"
        assert (
            str(by_ip("exam_timer", copy_id=3)) == "http://10.0.0.5:8000/examen/copies/3/minuteur"
        )
