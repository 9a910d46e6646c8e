"""A refused form comes back with its French message as a 400 (its block alone for htmx), and
nothing the refused action wrote is kept."""

from fastapi import Request

from agora.classroom.models import Classe
from agora.db import SessionDep
from agora.errors import InvalidInput
from agora.web.rendering import refused_form

REFUSAL = "Refusé : l'année scolaire s'écrit 2025-2026."


def test_a_refused_form_writes_nothing(app, client, db, make_classe):
    classe = make_classe(nom="Classe Alpha")

    # A test-only action that writes, then is refused (as a service validating late would).
    def action(request: Request, session: SessionDep):
        def page(error: str):
            return {"status": 400, "title": "Refus", "message": error}

        with refused_form(request, "errors/error.html", page, block="toast"):
            row = session.get(Classe, classe.id)
            row.nom = "Renommée"
            session.add(row)
            session.flush()
            raise InvalidInput(REFUSAL)

    app.add_api_route("/essai-refus", action, methods=["GET"])
    page = client.get("/essai-refus")
    assert page.status_code == 400 and "<main" in page.text
    assert "Refusé : l&#39;année scolaire s&#39;écrit 2025-2026." in page.text
    fragment = client.get("/essai-refus", headers={"HX-Request": "true"})
    assert fragment.status_code == 400 and "<main" not in fragment.text
    assert "Refusé" in fragment.text
    db.expire_all()
    assert db.get(Classe, classe.id).nom == "Classe Alpha"


def test_a_refused_rename_shows_the_form_block_again(
    client, make_teacher, make_classe, as_teacher, csrf
):
    teacher = make_teacher()
    classe = make_classe(teacher, nom="Classe Alpha")
    as_teacher(client, teacher)
    url = f"/enseignant/classes/{classe.id}/modifier"
    data = {"nom": "Classe Bêta", "annee_scolaire": "2026-2030", "csrf_token": csrf(client, url)}
    refused = client.post(url, data=data, headers={"HX-Request": "true"})
    assert refused.status_code == 400
    assert refused.text.lstrip().startswith('<section id="renommer"')
    assert (
        'class="message message--erreur"' in refused.text and 'value="Classe Bêta"' in refused.text
    )
