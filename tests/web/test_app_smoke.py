"""The app starts from the factory, serves French pages, and sends anonymous users to log in."""

import os
import subprocess
import sys


def test_anonymous_home_redirects_to_login(client):
    response = client.get("/", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"].startswith("http://testserver/connexion")


def test_login_page_is_french_and_has_a_csrf_token(client):
    page = client.get("/connexion")
    assert page.status_code == 200
    assert '<html lang="fr">' in page.text
    assert 'name="csrf_token"' in page.text
    assert "<main" in page.text and "<header" in page.text


def test_unknown_page_is_a_french_404(client):
    response = client.get("/nulle-part")
    assert response.status_code == 404
    assert "Page introuvable" in response.text


def test_static_htmx_is_vendored(client):
    response = client.get("/static/js/htmx.min.js")
    assert response.status_code == 200
    assert "htmx" in response.text[:100]


def test_importing_the_app_module_builds_nothing(tmp_path):
    # Production settings with the placeholder secret are refused: building Settings (or an
    # engine) while importing the routers would fail here and leave a database file behind.
    env = {**os.environ, "AGORA_ENVIRONMENT": "production", "AGORA_DATA_DIR": str(tmp_path)}
    env.pop("AGORA_SECRET_KEY", None)
    code = "import agora.app, agora.cli, agora.serve, agora.migrations.cli"
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert list(tmp_path.iterdir()) == []
