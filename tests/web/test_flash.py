"""A message set before a redirect shows once on the next full page, escaped, then is gone."""

from fastapi import Request

from agora.web.flash import flash
from agora.web.rendering import redirect, render

HOSTILE = "<script>alert('x')</script> enregistré"


def _flashing_route(app) -> None:
    # A test-only action: flash a message a user could have typed, then go to a real page.
    async def action(request: Request):
        flash(request, HOSTILE, "erreur")
        return redirect(request, str(request.url_for("teacher_home")))

    async def fragment(request: Request):
        return render(request, "errors/error.html", {"message": "…"}, block="toast")

    app.add_api_route("/essai-message", action, methods=["GET"])
    app.add_api_route("/essai-fragment", fragment, methods=["GET"])


def test_a_flash_shows_once_after_a_redirect_escaped(app, client, make_teacher, as_teacher):
    _flashing_route(app)
    as_teacher(client, make_teacher())
    page = client.get("/essai-message")
    assert page.status_code == 200 and str(page.url).endswith("/enseignant")
    assert page.text.count("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; enregistré") == 1
    assert "<script>alert" not in page.text
    assert 'class="message message--erreur" role="alert"' in page.text
    assert "enregistré" not in client.get("/enseignant").text  # shown once


def test_an_htmx_fragment_leaves_the_flash_for_the_page(app, client, make_teacher, as_teacher):
    _flashing_route(app)
    as_teacher(client, make_teacher())
    client.get("/essai-message", follow_redirects=False)
    # A block for htmx (a poll of the exam monitor, a form's error) has no place for it.
    poll = client.get("/essai-fragment", headers={"HX-Request": "true"})
    assert poll.status_code == 200 and "<main" not in poll.text
    assert "enregistré" in client.get("/enseignant").text


def test_a_saved_class_says_so_once(client, make_teacher, make_classe, as_teacher, csrf):
    teacher = make_teacher()
    classe = make_classe(teacher, nom="Classe Alpha")
    as_teacher(client, teacher)
    url = f"/enseignant/classes/{classe.id}/modifier"
    data = {"nom": "Classe Bêta", "annee_scolaire": "2025-2026", "csrf_token": csrf(client, url)}
    saved = client.post(url, data=data)
    assert saved.status_code == 200 and "Modifications enregistrées." in saved.text
    assert "?" not in str(saved.url)  # the message is not in the address (a reload shows none)
    assert "Modifications enregistrées." not in client.get(url).text
