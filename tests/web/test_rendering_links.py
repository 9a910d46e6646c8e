"""The links a page prints (``url_for`` in templates, looked up once per route and
parameters) are those Starlette builds, for every page of the app."""

from __future__ import annotations

import re

import pytest
from starlette.requests import Request
from starlette.routing import NoMatchFound

from agora.web.rendering import _url_for


def test_every_page_link_is_the_one_starlette_builds(app, api_routes):
    request = Request(
        {"type": "http", "app": app, "router": app.router, "headers": []}
        | {
            "method": "GET",
            "path": "/",
            "query_string": b"",
            "server": ("lycee.fr", 443),
            "scheme": "https",
            "root_path": "",
        }
    )
    url_for = _url_for(request)
    for route in api_routes():
        for value in (7, 7, 8):  # the second from the cache, the third from its route's
            params = {name: value for name in re.findall(r"{(\w+)", route.path)}
            assert url_for(route.name, **params) == request.url_for(route.name, **params)
    assert str(url_for("static", path="app.css")) == "https://lycee.fr/static/app.css"
    with pytest.raises(NoMatchFound):
        url_for("exam_question", copy_id=7)  # a missing parameter is still an error
