"""In a real browser, an htmx form refused by the server shows its French message in place,
and a domain error shows in the toast: htmx must swap our 4xx answers, not drop them."""

import pytest
from playwright.sync_api import expect
from tests.browser_helpers import ON_SQLITE_ONLY

pytestmark = [pytest.mark.browser, ON_SQLITE_ONLY]  # what the browser does: see ON_SQLITE_ONLY


def _log_in(page, url, login):
    page.goto(f"{url}/connexion")
    page.fill("#identifiant", login)
    page.fill("#mot_de_passe", "motdepasse-de-test")
    page.click("button[type=submit]")


def test_a_refused_htmx_form_shows_its_message_in_place(live_server, browser_page, make_teacher):
    teacher = make_teacher()
    page = browser_page
    _log_in(page, live_server, teacher.login)
    page.wait_for_url("**/enseignant")
    page.fill("#classe-nom", "   ")  # passes the browser's `required`, refused by the server
    page.click("#nouvelle-classe button[type=submit]")
    expect(page.locator("#nouvelle-classe [role=alert]")).to_contain_text("Donnez un nom")
    assert page.url.endswith("/enseignant")  # swapped in place, no page load


def test_a_domain_error_from_htmx_shows_in_the_toast(live_server, browser_page, make_teacher):
    teacher = make_teacher()
    page = browser_page
    _log_in(page, live_server, teacher.login)
    page.wait_for_url("**/enseignant")
    # An htmx request the server refuses with a domain error (a class of another teacher
    # or none at all is a 404): the French message lands in the toast area.
    page.evaluate(
        "url => htmx.ajax('POST', url, {target: '#nouvelle-classe', swap: 'outerHTML'})",
        f"{live_server}/enseignant/classes/999999/archiver",
    )
    expect(page.locator("#toast")).to_contain_text("n'existe pas ou ne concerne pas")
