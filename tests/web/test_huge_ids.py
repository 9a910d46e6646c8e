"""Ids no database row can have (≥ 2³¹, ≥ 2⁶³) in a URL or a form: a 404 or a French message.

PostgreSQL's ids are 32-bit: such a number used to reach the database and answer 500.
Every route with an id in its path is enumerated from the app itself, so a new route is
covered as soon as it exists.
"""

import html
import re
from datetime import timedelta

import pytest

from agora.authoring import service as authoring
from agora.classroom import service as classroom
from agora.content.missions import get_mission
from agora.db import utcnow
from agora.exam import creation
from agora.exam import service as exam_service
from agora.exercise.forms import flatten
from agora.exercise.registry import get_kind

HUGE = [2**31, 2**63, 10**30]
MISSION = "du-devis-a-l-encaissement"


def _routes_with_ids(app) -> list[tuple[str, str, list[str]]]:
    """(method, path template, integer path parameters) of every route of the app."""
    routes = []
    for path, operations in app.openapi()["paths"].items():
        for method, operation in operations.items():
            ints = [
                p["name"]
                for p in operation.get("parameters", [])
                if p["in"] == "path" and p["schema"].get("type") == "integer"
            ]
            if ints:
                routes.append((method.upper(), path, ints))
    return routes


@pytest.fixture
def world(db, make_teacher, make_classe, make_student, make_assignment):
    """Real ids of one of everything, owned by the teacher / the student who will ask."""
    teacher = make_teacher()
    classe = make_classe(teacher)
    student = make_student(classe)
    assignment = make_assignment(classe, MISSION)
    variant = classroom.step_variant(student, get_mission(MISSION), 0)
    answer = get_kind("facture").sample_answers(variant.params)[0]
    outcome = classroom.submit_exercise(
        db, student, assignment, 0, flatten(answer.answer), utcnow()
    )
    now = utcnow()
    exam = creation.create_exam(
        db,
        teacher.id,
        classe,
        titre="Évaluation",
        questions=[{"kind": "facture", "niveau": 1, "points": 10}],
        opens_at=now - timedelta(minutes=1),
        closes_at=now + timedelta(hours=3),
        duree_minutes=60,
        melange=False,
    )
    copy = exam_service.start(db, exam, student, now, "127.0.0.1", "test")
    own = authoring.duplicate(db, teacher.id, authoring.builtin_text(MISSION))
    db.commit()
    ids = {
        "classe_id": classe.id,
        "student_id": student.id,
        "assignment_id": assignment.id,
        "attempt_id": outcome.attempt.id,
        "exam_id": exam.id,
        "copy_id": copy.id,
        "mission_id": own.mission_id,
        "position": 1,
        "index": 0,
        "numero": 1,  # an exam question's number (its statistics, its remediation)
        "upload_id": 1,  # /fichiers/{upload_id}: the only id of its routes, always huge here
        "comment_id": 1,
        "answer_id": 1,
    }
    return teacher, student, ids


@pytest.fixture
def clients(client, new_client, world, as_teacher, as_student, csrf):
    teacher, student, _ = world
    as_teacher(client, teacher)
    pupil = as_student(new_client(), student)
    return {"teacher": (client, csrf(client, "/enseignant")), "student": (pupil, csrf(pupil, "/"))}


def test_every_route_answers_404_to_an_impossible_path_id(app, world, clients):
    *_, ids = world
    routes = _routes_with_ids(app)
    assert len(routes) > 40  # the enumeration really finds the app's routes
    failures = []
    for method, template, params in routes:
        who, token = clients["teacher" if template.startswith("/enseignant") else "student"]
        for name in params:
            for huge in HUGE:
                values = {p: str(ids[p]) for p in params} | {name: str(huge), "fmt": "csv"}
                url = re.sub(r"\{(\w+)\}", lambda m, v=values: v[m[1]], template)
                try:
                    status = who.request(
                        method,
                        url,
                        data={"csrf_token": token} if method == "POST" else None,
                        headers={"X-CSRF-Token": token},
                        follow_redirects=False,
                    ).status_code
                except Exception as error:  # the test client re-raises what gave a 500
                    status = f"500 ({type(error).__name__})"
                if status != 404:
                    failures.append(f"{method} {url} -> {status}")
    assert failures == [], "\n".join(failures)


# (url template, form fields, what the teacher is told): every form of the app carrying an id.
FORM_IDS = [
    ("/enseignant/evaluations/nouvelle", {"classe_id": "{huge}"}, "Choisissez une de vos classes"),
    (
        "/enseignant/evaluations/{exam_id}/temps",
        {"minutes": "5", "copy_id": "{huge}"},
        "Cette copie n'appartient pas à cette évaluation",
    ),
    (
        "/enseignant/classes/{classe_id}/attribuer",
        {"pour": "eleves", "eleves": "{huge}"},
        "Élève introuvable",
    ),
    (
        "/enseignant/devoirs/{assignment_id}/modifier",
        {"pour": "eleves", "eleves": "{huge}"},
        "Élève",
    ),
    (
        "/enseignant/classes/{classe_id}/changer-de-classe",
        {"eleve": "{student_id}", "destination": "{huge}", "confirmation": "oui"},
        "Choisissez l'élève et sa nouvelle classe",
    ),
    (
        "/enseignant/classes/{classe_id}/changer-de-classe",
        {"eleve": "{huge}", "destination": "{classe_id}", "confirmation": "oui"},
        "Choisissez l'élève et sa nouvelle classe",
    ),
    (
        "/enseignant/classes/{classe_id}/cartes.pdf",
        {"eleve": "{huge}", "mot_de_passe": "abc"},
        "La liste des cartes est illisible",
    ),
]


def test_an_impossible_form_id_gets_a_french_answer(world, clients):
    *_, ids = world
    client, token = clients["teacher"]
    failures = []
    for template, fields, message in FORM_IDS:
        for huge in HUGE:
            values = {k: str(v) for k, v in ids.items()} | {"huge": str(huge)}
            data = {k: v.format(**values) for k, v in fields.items()} | {"csrf_token": token}
            url = template.format(**values)
            try:
                response = client.post(url, data=data)
            except Exception as error:  # the test client re-raises what gave a 500
                failures.append(f"{url} {data} -> 500 ({type(error).__name__})")
                continue
            if response.status_code >= 500 or message not in html.unescape(response.text):
                failures.append(f"{url} {data} -> {response.status_code} without « {message} »")
    assert failures == [], "\n".join(failures)
