"""Helpers of the browser tests: logging in and starting an exam as a user does, waiting in a
page whose CSP forbids eval, running a check of what the browser does on one database only, and
the « Revoir l'énoncé » bar of a mission's step or an exam's question on a phone."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

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


def open_statement_bar(page, scope: str, field, region: str, text: str):
    """On a phone, with ``field`` being filled: the bar « Revoir l'énoncé » of the form under
    ``scope`` (templates/_macros/enonce.html) is in view below the field; Enter opens the
    statement named ``region``, on screen, showing ``text``. Returns the bar, its summary and
    the statement."""
    donnees = page.locator(f"{scope} .donnees")
    summary = donnees.locator("summary")
    expect(summary).to_be_in_viewport()
    expect(summary).to_have_text("Revoir l'énoncé")
    # the bar never hides the field being filled
    assert field.bounding_box()["y"] + field.bounding_box()["height"] <= summary.bounding_box()["y"]

    summary.press("Enter")  # the keyboard opens it as a tap does
    contenu = donnees.get_by_role("region", name=region)
    expect(contenu).to_be_visible()
    expect(contenu).to_be_in_viewport()
    expect(contenu).to_contain_text(text)
    return donnees, summary, contenu


def close_statement_bar(page, bar, field) -> None:
    """Enter closes the statement that ``open_statement_bar`` opened (``bar``: what it returned)
    back onto ``field``; at a school PC's width the bar is gone."""
    donnees, summary, contenu = bar
    summary.press("Enter")
    expect(contenu).to_be_hidden()
    expect(field).to_be_in_viewport()  # back on the field, where the student was

    page.set_viewport_size({"width": 1280, "height": 900})  # a school PC: the statement is near
    expect(donnees).to_be_hidden()
