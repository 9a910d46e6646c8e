"""No page runs on the event loop: every route is a plain ``def``, so its database work and
grading go to a worker thread, and one slow request never holds up every other one.

A route that needs the posted form takes it from a dependency (FormFields, PostedForm) that
reads it on the loop before the route runs, instead of ``await request.form()`` inside.
"""

from __future__ import annotations

import inspect


def test_every_route_of_the_app_is_sync(api_routes):
    routes = api_routes()
    assert len(routes) > 50  # the app's pages, not an empty router
    on_the_loop = [r.path for r in routes if inspect.iscoroutinefunction(r.endpoint)]
    assert on_the_loop == []
