"""Helpers of the browser tests: logging in and starting an exam as a user does, waiting in a
page whose CSP forbids eval, and running a check of what the browser does on one database only."""

from __future__ import annotations

import re

import pytest

# For a browser check of what the page does (markup, CSS, JavaScript, keyboard, accessibility):
# the pages a browser gets are the same from SQLite and from PostgreSQL, and every route behind
# them runs on both databases in the TestClient tests; a second Chromium run on PostgreSQL cost
# seconds and guarded nothing more. End-to-end flows whose writes matter (grading, publishing,
# uploads) keep both databases.
ON_SQLITE_ONLY = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


def wait_until(page, expression: str, arg=None, timeout_ms: int = 10_000) -> None:
    """Return once ``expression`` (a JavaScript expression or arrow function taking ``arg``) is
    truthy in ``page``; AssertionError with the expression after ``timeout_ms``.

    Playwright's wait_for_function compiles its predicate in the page with eval once it has to
    poll, which our CSP forbids: the condition is polled from here."""
    step = 50
    for _ in range(timeout_ms // step):
        if page.evaluate(expression, arg):
            return
        page.wait_for_timeout(step)
    raise AssertionError(f"toujours faux après {timeout_ms} ms : {expression}")


def log_in(page, base: str, login: str, password: str = "motdepasse-de-test") -> None:
    """Log ``login`` in through the login page, as a user types it (the test users' password),
    and wait for the page it leads to."""
    page.goto(f"{base}/connexion")
    page.fill("#identifiant", login)
    page.fill("#mot_de_passe", password)
    page.click("main button[type=submit]")
    page.wait_for_load_state()


def start_exam(page, base: str, code: str) -> None:
    """The logged-in student types the evaluation's code and starts: on its question 1."""
    page.goto(f"{base}/examen")
    page.fill("#code", code)
    page.click("main form button[type=submit]")
    page.wait_for_url(re.compile(r".*/examen/copies/\d+/questions/1$"))
