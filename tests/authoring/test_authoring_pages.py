"""« Mes missions »: a teacher writes, edits, duplicates, exports and imports missions; only
their author sees them; they are validated exactly as the mission files."""

from __future__ import annotations

from sqlmodel import select

from agora.authoring.models import AuthoredMission, AuthoredMissionVersion
from agora.classroom.models import Assignment
from agora.content.missions import MISSIONS_DIR

BASE = "/enseignant/missions"


def _create(client, csrf, form) -> int:
    token = csrf(client, f"{BASE}/nouvelle")
    done = client.post(
        f"{BASE}/nouvelle", data=form | {"csrf_token": token}, follow_redirects=False
    )
    assert done.status_code == 303, done.text[:2000]
    return int(done.headers["location"].rstrip("/").split("/")[-1])


def test_a_teacher_writes_a_mission_and_assigns_it_like_a_built_in(
    teacher_at_work, db, csrf, form, make_student, as_student, new_client
):
    client, _teacher, classe = teacher_at_work
    mission_id = _create(client, csrf, form)
    assert "La facture du club" in client.get(BASE).text
    assign_url = f"/enseignant/classes/{classe.id}/attribuer"
    page = client.get(assign_url).text
    assert "Mes missions" in page and f"perso-{mission_id}-v1" in page
    token = csrf(client, assign_url)
    data = {"csrf_token": token, "attempts": "2", "corrections": "immediate", "pour": "classe"}
    client.post(assign_url, data=data | {"mission": f"perso-{mission_id}-v1"})
    assignment = db.exec(select(Assignment).where(Assignment.classe_id == classe.id)).one()
    assert assignment.mission_slug == f"perso-{mission_id}-v1"
    student = make_student(classe)
    student_client = as_student(new_client(), student)
    mission_page = student_client.get(f"/eleve/missions/{assignment.id}").text
    assert "Prévenir le club" in mission_page and "Établir la facture du club" in mission_page


def test_errors_are_french_next_to_their_field_and_nothing_is_saved(
    teacher_at_work, db, csrf, form
):
    client, _teacher, _classe = teacher_at_work
    token = csrf(client, f"{BASE}/nouvelle")
    bad = form | {"e-0-points": "0", "competences": "", "csrf_token": token}
    page = client.post(f"{BASE}/nouvelle", data=bad)
    assert page.status_code == 400
    assert "Étape 1, points : valeur trop petite" in page.text
    assert "Compétences : liste trop courte" in page.text
    assert page.text.count('class="champ-erreur"') >= 2  # each beside its field
    assert 'value="La facture du club"' in page.text  # what was typed is kept
    unknown = form | {"competences": "1.3.4", "csrf_token": token}
    page = client.post(f"{BASE}/nouvelle", data=unknown)
    assert page.status_code == 400 and "évalue la compétence 1.3.4" in page.text
    assert db.exec(select(AuthoredMission)).all() == []


def test_editing_an_answered_mission_makes_a_new_version(
    teacher_at_work, db, csrf, form, make_student, make_assignment, as_student, new_client
):
    client, _teacher, classe = teacher_at_work
    mission_id = _create(client, csrf, form)
    assignment = make_assignment(classe, f"perso-{mission_id}-v1")
    # Not answered yet: the version changes in place.
    token = csrf(client, f"{BASE}/{mission_id}")
    client.post(f"{BASE}/{mission_id}", data=form | {"titre": "Titre 2", "csrf_token": token})
    versions = db.exec(select(AuthoredMissionVersion)).all()
    assert [(v.numero, v.titre) for v in versions] == [(1, "Titre 2")]
    student = make_student(classe)
    student_client = as_student(new_client(), student)
    token_s = csrf(student_client, f"/eleve/missions/{assignment.id}")
    student_client.post(
        f"/eleve/missions/{assignment.id}/etapes/1",
        data={"texte": "Bonjour, votre facture est prête.", "csrf_token": token_s},
    )
    page = client.get(f"{BASE}/{mission_id}").text
    assert "créeront la version 2" in page
    client.post(f"{BASE}/{mission_id}", data=form | {"titre": "Titre 3", "csrf_token": token})
    db.expire_all()
    versions = db.exec(select(AuthoredMissionVersion).order_by(AuthoredMissionVersion.numero)).all()
    assert [(v.numero, v.titre) for v in versions] == [(1, "Titre 2"), (2, "Titre 3")]
    # The answer stays with the version it answered: the student still sees « Titre 2 ».
    assert db.get(Assignment, assignment.id).mission_slug == f"perso-{mission_id}-v1"
    assert "Titre 2" in student_client.get(f"/eleve/missions/{assignment.id}").text
    assert f"perso-{mission_id}-v2" in client.get(f"/enseignant/classes/{classe.id}/attribuer").text
    # The teacher's pages of that class read the version answered too.
    for url in (
        f"/enseignant/classes/{classe.id}",
        f"/enseignant/devoirs/{assignment.id}",
        f"/enseignant/devoirs/{assignment.id}/eleves/{student.id}",
        "/enseignant/a-corriger",
        f"/enseignant/classes/{classe.id}/competences",
        f"/enseignant/devoirs/{assignment.id}/notes.csv",
    ):
        page = client.get(url)
        assert page.status_code == 200, url
        assert "Titre 2" in page.text or url.endswith(".csv") or "competences" in url, url
    graded = client.get(f"/enseignant/devoirs/{assignment.id}/corriger")
    assert graded.status_code == 200 and "Clarté" in graded.text


def test_export_then_import_is_byte_stable(teacher_at_work, csrf):
    client, _teacher, _classe = teacher_at_work
    original = (MISSIONS_DIR / "l-appel-du-client.md").read_bytes()
    token = csrf(client, BASE)
    done = client.post(
        f"{BASE}/importer?csrf_token={token}",
        files={"fichier": ("l-appel-du-client.md", original, "text/markdown")},
        follow_redirects=False,
    )
    assert done.status_code == 303
    mission_id = int(done.headers["location"].rstrip("/").split("/")[-1])
    exported = client.get(f"{BASE}/{mission_id}/export")
    assert exported.content == original
    assert "attachment" in exported.headers["content-disposition"]
    assert client.get(f"{BASE}/fournies/l-appel-du-client/export").content == original


def test_import_errors_name_the_line_and_the_field(teacher_at_work, csrf, db):
    client, _teacher, _classe = teacher_at_work
    text = (MISSIONS_DIR / "l-appel-du-client.md").read_text(encoding="utf-8")
    broken = text.replace("kind: prise_en_charge", "kind: prise_en_charges", 1)
    token = csrf(client, BASE)
    page = client.post(
        f"{BASE}/importer?csrf_token={token}",
        files={"fichier": ("m.md", broken.encode(), "text/markdown")},
    )
    assert page.status_code == 400
    assert "Ligne 8 : à « etapes.0.kind » : type d&#39;exercice inconnu" in page.text
    latin1 = client.post(
        f"{BASE}/importer?csrf_token={token}",
        files={"fichier": ("m.md", "titre: été".encode("latin-1"), "text/markdown")},
    )
    assert latin1.status_code == 400 and "UTF-8" in latin1.text
    assert db.exec(select(AuthoredMission)).all() == []


def test_another_teacher_can_neither_see_nor_edit_nor_assign(
    teacher_at_work, csrf, form, make_teacher, make_classe, as_teacher, new_client, db
):
    client, _teacher, _classe = teacher_at_work
    mission_id = _create(client, csrf, form)
    other = make_teacher("Paul", "Autre", login="paul.autre")
    other_classe = make_classe(other, nom="Autre classe")
    intruder = as_teacher(new_client(), other)
    token = csrf(intruder, BASE)
    assert "La facture du club" not in intruder.get(BASE).text
    assert intruder.get(f"{BASE}/{mission_id}").status_code == 404
    assert intruder.get(f"{BASE}/{mission_id}/export").status_code == 404
    posted = {"csrf_token": token} | form
    assert intruder.post(f"{BASE}/{mission_id}", data=posted).status_code == 404
    for action in ("supprimer", "dupliquer"):
        assert intruder.post(f"{BASE}/{mission_id}/{action}", data=posted).status_code == 404
    assign_url = f"/enseignant/classes/{other_classe.id}/attribuer"
    data = {"csrf_token": token, "attempts": "2", "corrections": "immediate", "pour": "classe"}
    refused = intruder.post(assign_url, data=data | {"mission": f"perso-{mission_id}-v1"})
    assert refused.status_code == 400 and "Mission inconnue" in refused.text
    assert db.exec(select(Assignment)).all() == []


def test_forms_without_csrf_token_are_refused(teacher_at_work, form, db):
    client, _teacher, _classe = teacher_at_work
    assert client.post(f"{BASE}/nouvelle", data=form).status_code == 403
    assert db.exec(select(AuthoredMission)).all() == []


def test_built_ins_are_read_only_and_duplicated_as_ones_own(teacher_at_work, csrf, db):
    client, _teacher, _classe = teacher_at_work
    page = client.get(BASE).text
    assert "Missions fournies" in page and "appel du client" in page
    assert client.get(f"{BASE}/l-appel-du-client").status_code == 404  # no editor for them
    before = (MISSIONS_DIR / "l-appel-du-client.md").read_bytes()
    token = csrf(client, BASE)
    done = client.post(
        f"{BASE}/fournies/l-appel-du-client/dupliquer",
        data={"csrf_token": token},
        follow_redirects=False,
    )
    assert done.status_code == 303
    copy = db.exec(select(AuthoredMissionVersion)).one()
    assert copy.titre == "Copie de L'appel du client"
    assert (MISSIONS_DIR / "l-appel-du-client.md").read_bytes() == before
    assert 'value="Copie de L&#39;appel du client"' in client.get(done.headers["location"]).text


def test_a_given_mission_cannot_be_deleted(teacher_at_work, csrf, form, make_assignment, db):
    client, _teacher, classe = teacher_at_work
    mission_id = _create(client, csrf, form)
    make_assignment(classe, f"perso-{mission_id}-v1")
    token = csrf(client, BASE)
    data = {"csrf_token": token, "confirmation": "oui"}
    refused = client.post(f"{BASE}/{mission_id}/supprimer", data=data)
    assert refused.status_code == 400 and "ne peut pas être supprimée" in refused.text
    assert db.get(AuthoredMission, mission_id) is not None


def test_deleting_a_mission_asks_for_a_confirmation_even_without_javascript(
    teacher_at_work, csrf, form, db
):
    """htmx asks in a dialog (test_authoring_browser.py), then sends the confirmation; a
    plain post without it deletes nothing and shows the box to tick."""
    client, _teacher, _classe = teacher_at_work
    mission_id = _create(client, csrf, form)
    token = csrf(client, BASE)
    url = f"{BASE}/{mission_id}/supprimer"
    page = client.get(BASE).text
    assert 'hx-confirm="Supprimer la mission « La facture du club » ?"' in page
    assert f'hx-post="http://testserver{url}"' in page
    asked = client.post(url, data={"csrf_token": token})
    assert asked.status_code == 400 and "Rien n&#39;a été supprimé" in asked.text
    assert 'name="confirmation" value="oui" required' in asked.text
    assert db.get(AuthoredMission, mission_id) is not None
    done = client.post(url, data={"csrf_token": token, "confirmation": "oui"})
    assert done.status_code == 200 and "Mission supprimée." in done.text
    db.expire_all()
    assert db.get(AuthoredMission, mission_id) is None


def test_preview_shows_the_sample_organisation_and_escapes_raw_html(teacher_at_work, csrf, form):
    client, _teacher, _classe = teacher_at_work
    token = csrf(client, f"{BASE}/nouvelle")
    histoire = "Chez **{organisation}** <script>alert(1)</script>"
    page = client.post(
        f"{BASE}/editeur/apercu",
        data=form | {"histoire": histoire, "csrf_token": token},
        headers={"HX-Request": "true"},
    )
    assert page.status_code == 200 and page.text.lstrip().startswith('<div id="apercu"')
    assert "<script>alert(1)</script>" not in page.text and "&lt;script&gt;" in page.text
    assert "{organisation}" not in page.text and "<strong>" in page.text
    assert "Établir la facture du club" in page.text


def test_steps_are_added_moved_and_removed_with_their_chaining(teacher_at_work, csrf, form):
    client, _teacher, _classe = teacher_at_work
    token = csrf(client, f"{BASE}/nouvelle")
    url = f"{BASE}/editeur/etapes"
    added = client.post(url, data=form | {"action": "exercice", "csrf_token": token}).text
    assert added.lstrip().startswith('<div id="etapes"') and 'name="e-2-kind"' in added
    chained = form | {"e-2-type": "exercice", "e-2-kind": "encaissements", "e-2-niveau": "1",
                      "e-2-points": "8", "e-2-titre": "Encaisser", "e-2-depuis": "1"}  # fmt: skip
    moved = client.post(url, data=chained | {"action": "descendre-0", "csrf_token": token}).text
    # The invoice is now step 2: the chained step follows it.
    assert 'name="e-1-kind"' in moved and '<option value="2" selected>' in moved
    removed = client.post(url, data=form | {"action": "supprimer-1", "csrf_token": token}).text
    assert 'name="e-1-type"' not in removed and 'name="e-0-kind"' in removed


def test_hostile_values_get_a_french_message_never_a_crash(teacher_at_work, csrf, form, db):
    client, _teacher, _classe = teacher_at_work
    token = csrf(client, f"{BASE}/nouvelle")
    for changes, expected in [
        ({"niveau": "abc"}, "Niveau : nombre entier attendu"),
        ({"e-0-kind": "<script>"}, "type d&#39;exercice inconnu"),
        ({"e-0-kind": "fiche_stock", "e-0-opt-methode": "zzz"}, "Étape 1, options"),
        ({"e-1-r-0-points": "-3"}, "Étape 2, critère 1, points"),
        ({"e-1-format": "telegramme"}, "Étape 2, forme de l&#39;écrit : valeur non prévue"),
    ]:
        page = client.post(f"{BASE}/nouvelle", data=form | changes | {"csrf_token": token})
        assert page.status_code == 400 and expected in page.text, (changes, page.text[-3000:])
        preview = client.post(f"{BASE}/editeur/apercu", data=form | changes | {"csrf_token": token})
        assert preview.status_code == 200 and "Encore à corriger" in preview.text
    assert db.exec(select(AuthoredMission)).all() == []


def test_students_cannot_reach_the_editor(client, make_student, as_student, csrf, form):
    as_student(client, make_student())
    token = csrf(client, "/")
    assert client.get(BASE).status_code == 403
    assert client.get(f"{BASE}/nouvelle").status_code == 403
    preview = client.post(f"{BASE}/editeur/apercu", data=form | {"csrf_token": token})
    assert preview.status_code == 403
