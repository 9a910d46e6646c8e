"""Access control: a student reaches only their own missions and attempts, never teacher pages."""

import re

import pytest
from sqlmodel import select

from agora.classroom.models import StepAttempt
from agora.web.deps import TeacherDep, current_teacher

MISSION = "du-devis-a-l-encaissement"


@pytest.fixture
def two_students(make_classe, make_student, make_assignment):
    """Alice and Bob in different classes, each with the mission assigned."""
    classe_a, classe_b = make_classe(nom="A"), make_classe(nom="B")
    alice, bob = make_student(classe_a, prenom="Alice"), make_student(classe_b, prenom="Bob")
    return (alice, make_assignment(classe_a, MISSION)), (bob, make_assignment(classe_b, MISSION))


def _count(db):
    db.expire_all()
    return len(db.exec(select(StepAttempt)).all())


def test_another_class_mission_is_a_404(client, two_students, as_student):
    (alice, _), (_, bobs) = two_students
    as_student(client, alice)
    response = client.get(f"/eleve/missions/{bobs.id}")
    assert response.status_code == 404
    assert "ne vous est pas attribuée" in response.text


def test_cannot_answer_in_another_students_mission(client, db, two_students, as_student, csrf):
    (alice, mine), (_, bobs) = two_students
    as_student(client, alice)
    token = csrf(client, f"/eleve/missions/{mine.id}")
    for path in (f"/eleve/missions/{bobs.id}/etapes/0", f"/eleve/missions/{bobs.id}/etapes/1"):
        response = client.post(path, data={"texte": "intrus", "csrf_token": token})
        assert response.status_code == 404
    assert _count(db) == 0


def test_assignment_restricted_to_others_is_hidden(
    client, make_classe, make_student, make_assignment, as_student
):
    classe = make_classe()
    alice, bob = make_student(classe), make_student(classe)
    only_bob = make_assignment(classe, MISSION, students=[bob])
    as_student(client, alice)
    assert client.get(f"/eleve/missions/{only_bob.id}").status_code == 404
    assert "Du devis" not in client.get("/eleve").text


def test_unknown_step_is_a_french_error_and_saves_nothing(
    client, db, two_students, as_student, csrf
):
    (alice, mine), _ = two_students
    as_student(client, alice)
    token = csrf(client, f"/eleve/missions/{mine.id}")
    response = client.post(f"/eleve/missions/{mine.id}/etapes/7", data={"csrf_token": token})
    assert response.status_code == 400
    assert "n&#39;a pas d&#39;étape n° 8" in response.text
    assert _count(db) == 0


def test_missing_or_wrong_csrf_token_is_403_and_saves_nothing(
    client, db, two_students, as_student, csrf
):
    (alice, mine), _ = two_students
    as_student(client, alice)
    url = f"/eleve/missions/{mine.id}/etapes/1"
    assert client.post(url, data={"texte": "Bonjour"}).status_code == 403
    wrong = client.post(url, data={"texte": "Bonjour", "csrf_token": "x" * 43})
    assert wrong.status_code == 403
    header = client.post(url, data={"texte": "Bonjour"}, headers={"X-CSRF-Token": "faux"})
    assert header.status_code == 403
    assert "La page a expiré" in wrong.text
    assert _count(db) == 0


def test_csrf_token_of_another_session_is_refused(
    client, new_client, db, two_students, as_student, csrf
):
    (alice, mine), (bob, _) = two_students
    as_student(client, alice)
    other = as_student(new_client(), bob)
    bobs_token = csrf(other, "/eleve")
    response = client.post(
        f"/eleve/missions/{mine.id}/etapes/1", data={"texte": "x", "csrf_token": bobs_token}
    )
    assert response.status_code == 403
    assert _count(db) == 0


def _teacher_routes(routes):
    """Every route whose dependency chain includes current_teacher."""

    def needs_teacher(dependant) -> bool:
        return any(d.call is current_teacher or needs_teacher(d) for d in dependant.dependencies)

    return [r for r in routes if needs_teacher(r.dependant)]


def test_student_reaches_no_teacher_page(client, app, api_routes, two_students, as_student, csrf):
    """Every teacher route (those installed, plus a probe using the dependency) answers 403."""

    @app.post("/sonde-enseignant/{classe_id}")
    def probe(classe_id: int, teacher: TeacherDep):
        return {"ok": classe_id}

    (alice, _), _ = two_students
    as_student(client, alice)
    token = csrf(client, "/eleve")
    routes = _teacher_routes(api_routes())
    assert len(routes) > 30  # the teacher's pages, not only the probe
    for route in routes:
        path = re.sub(r"\{[^}]+\}", "1", route.path)
        for method in route.methods - {"HEAD"}:
            response = client.request(
                method, path, data={"csrf_token": token} if method != "GET" else None
            )
            assert response.status_code == 403, (method, path)


def test_teacher_is_refused_student_pages(client, make_teacher, as_teacher):
    as_teacher(client, make_teacher())
    for path in ("/eleve", "/eleve/organisation", "/eleve/competences", "/eleve/missions/1"):
        assert client.get(path).status_code == 403, path


def test_logged_out_visitor_is_sent_to_login(client, two_students):
    (_, mine), _ = two_students
    response = client.get(f"/eleve/missions/{mine.id}", follow_redirects=False)
    assert response.status_code == 303
    assert "/connexion?suivant=" in response.headers["location"]


def test_attempt_pages_are_private(client, new_client, db, two_students, as_student, csrf):
    (alice, _), (bob, bobs) = two_students
    other = as_student(new_client(), bob)
    token = csrf(other, f"/eleve/missions/{bobs.id}")
    other.post(
        f"/eleve/missions/{bobs.id}/etapes/1", data={"texte": "Texte de Bob", "csrf_token": token}
    )
    db.expire_all()
    [bobs_attempt] = db.exec(select(StepAttempt)).all()
    assert "Texte de Bob" in other.get(f"/eleve/tentatives/{bobs_attempt.id}").text
    as_student(client, alice)
    response = client.get(f"/eleve/tentatives/{bobs_attempt.id}")
    assert response.status_code == 404
    assert "Texte de Bob" not in response.text
    assert client.get("/eleve/tentatives/999999").status_code == 404


def test_ids_slipped_into_a_form_do_not_change_the_owner(
    client, db, two_students, as_student, csrf
):
    (alice, mine), (bob, bobs) = two_students
    as_student(client, alice)
    token = csrf(client, f"/eleve/missions/{mine.id}")
    client.post(
        f"/eleve/missions/{mine.id}/etapes/1",
        data={
            "texte": "Bonjour",
            "student_id": str(bob.id),
            "assignment_id": str(bobs.id),
            "csrf_token": token,
        },
    )
    db.expire_all()
    [attempt] = db.exec(select(StepAttempt)).all()
    assert (attempt.student_id, attempt.assignment_id) == (alice.id, mine.id)
