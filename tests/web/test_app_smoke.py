"""The app starts from the factory, serves French pages, and sends anonymous users to log in."""


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
