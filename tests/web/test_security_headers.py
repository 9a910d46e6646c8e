"""Security headers on every response, and templates the CSP can serve (no inline code)."""

import re

import pytest
from fastapi.testclient import TestClient

from agora import TEMPLATES_DIR
from agora.web.headers import SECURITY_HEADERS

EXPECTED = {
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}


def _assert_secured(response) -> None:
    for name, value in EXPECTED.items():
        assert response.headers[name] == value, name
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "style-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy and "unsafe-inline" not in policy


@pytest.mark.parametrize(
    "path", ["/connexion", "/static/css/agora.css", "/static/js/htmx.min.js", "/nulle-part"]
)
def test_pages_static_files_and_errors_carry_the_headers(client, path):
    _assert_secured(client.get(path))


def test_htmx_fragments_redirects_and_refusals_carry_the_headers(
    client, make_student, as_student, make_assignment, csrf
):
    assignment = make_assignment()
    as_student(client, make_student(classe=None))
    fragment = client.post(
        f"/eleve/missions/{assignment.id}/etapes/0/champ",
        data={"champ": "net_a_payer", "net_a_payer": "douze"},
        headers={"HX-Request": "true", "X-CSRF-Token": csrf(client, "/eleve")},
    )
    _assert_secured(fragment)
    _assert_secured(client.get("/", follow_redirects=False))  # a redirect
    _assert_secured(client.post("/deconnexion"))  # no token: 403


def test_a_crash_page_carries_the_headers(app):
    def boom():
        raise RuntimeError("panne simulée")

    app.add_api_route("/panne", boom)
    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.get("/panne")
    assert response.status_code == 500
    _assert_secured(response)


def test_the_policy_is_the_one_documented():
    assert set(EXPECTED) < set(SECURITY_HEADERS)


INLINE = re.compile(
    r"<script(?![^>]*\bsrc=)[^>]*>|<style\b|\sstyle=|\son[a-z]+=|javascript:", re.IGNORECASE
)

COMMENT = re.compile(r"\{#.*?#\}", re.DOTALL)


def test_templates_hold_no_inline_script_or_style():
    """The CSP refuses inline code: a template with one would break silently in the browser."""
    offenders = [
        f"{path.relative_to(TEMPLATES_DIR)}: {match.group(0)}"
        for path in TEMPLATES_DIR.rglob("*.html")
        for match in INLINE.finditer(COMMENT.sub("", path.read_text(encoding="utf-8")))
    ]
    assert offenders == []
