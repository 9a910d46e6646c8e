"""Teacher: class progress, one student's attempts, overriding a mark, grading prose."""

from decimal import Decimal

import pytest
from sqlmodel import select

from agora.classroom import service
from agora.classroom.models import StepAttempt
from agora.competency.models import CompetencyEvidence
from agora.content.missions import get_mission
from agora.db import utcnow
from agora.exercise.forms import flatten
from agora.exercise.registry import get_kind

MISSION = "du-devis-a-l-encaissement"  # step 0: facture (12 pts), step 1: courriel (8 pts)


def _answer(db, student, assignment, which=0):
    """Submit sample answer ``which`` of step 0 (0 = right) as the student would."""
    mission = get_mission(MISSION)
    variant = service.step_variant(student, mission, 0)
    sample = get_kind("facture").sample_answers(variant.params)[which]
    done = service.submit_exercise(db, student, assignment, 0, flatten(sample.answer), utcnow())
    db.commit()
    return done.attempt, sample


def _wrong(db, student, assignment):
    variant = service.step_variant(student, get_mission(MISSION), 0)
    samples = get_kind("facture").sample_answers(variant.params)
    which = next(i for i, s in enumerate(samples) if not s.correct and not s.invalid)
    return _answer(db, student, assignment, which)


def _prose(db, student, assignment, texte="Madame, Monsieur, voici votre facture."):
    done = service.submit_prose(db, student, assignment, 1, texte, utcnow())
    db.commit()
    return done.attempt


def _evidence(db, student):
    db.expire_all()
    rows = db.exec(select(CompetencyEvidence).where(CompetencyEvidence.student_id == student.id))
    return {e.code: e.score for e in rows}


def test_progress_table_shows_points_text_and_attempt_counts(classroom, db):
    client, _, assignment, lea, _ = classroom
    _wrong(db, lea, assignment)
    _answer(db, lea, assignment)
    page = client.get(f"/enseignant/devoirs/{assignment.id}")
    assert page.status_code == 200
    row = page.text.split("Arnaud Léa</a></th>")[1].split("</tr>")[0]
    assert "score--tres-bon" in row and ">12</a>" in row and "(2 tent.)" in row
    # 12 of the mission's 32 points: 7,5 / 20 (the e-mail and the payments not done count 0)
    assert "<strong>7,5</strong>" in row
    tom_row = page.text.split("Bernard Tom</a></th>")[1].split("</tr>")[0]
    assert "non rendu" in tom_row and "score--non-evalue" in tom_row


def test_student_attempts_show_raw_answers_verdicts_and_diagnostics(classroom, db):
    client, _, assignment, lea, _ = classroom
    attempt, sample = _wrong(db, lea, assignment)
    page = client.get(f"/enseignant/devoirs/{assignment.id}/eleves/{lea.id}")
    assert page.status_code == 200
    assert "Tentative 1" in page.text and "compte pour la note" in page.text
    assert "verdict--faux" in page.text and "disabled" in page.text
    for diagnostic in attempt.grade["diagnostics"]:
        assert diagnostic["message"].replace("'", "&#39;") in page.text
    net = flatten(sample.answer)["net_a_payer"]
    assert f'name="net_a_payer" value="{net}"' in page.text


def test_override_replaces_the_mark_and_the_competency_evidence(
    classroom, db, csrf, as_student, new_client
):
    client, _, assignment, lea, _ = classroom
    attempt, _ = _wrong(db, lea, assignment)
    token = csrf(client, f"/enseignant/devoirs/{assignment.id}/eleves/{lea.id}")
    page = client.post(
        f"/enseignant/tentatives/{attempt.id}/note",
        data={"points": "9,5", "commentaire": "Erreur de recopie seulement.", "csrf_token": token},
    )
    assert page.status_code == 200 and "Note enregistrée" in page.text
    assert "note revue par l'enseignant" in page.text
    db.expire_all()
    saved = db.get(StepAttempt, attempt.id)
    assert saved.override_score == Decimal(
        "0.7917"
    )  # 9.5 / 12, rounded up and saved.override_comment.startswith("Erreur")
    assert set(_evidence(db, lea).values()) == {Decimal("0.7917")}
    assert set(_evidence(db, lea)) == set(get_kind("facture").COMPETENCES)
    # The student sees the revised mark and the comment.
    seen = as_student(new_client(), lea).get(f"/eleve/missions/{assignment.id}").text
    assert "Note revue par votre enseignant" in seen and "Erreur de recopie seulement." in seen
    assert "9,5 / 12" in seen
    # An empty mark gives the grader's back.
    client.post(
        f"/enseignant/tentatives/{attempt.id}/note",
        data={"points": "", "commentaire": "", "csrf_token": token},
    )
    db.expire_all()
    assert db.get(StepAttempt, attempt.id).override_score is None
    assert _evidence(db, lea) == {
        c["code"]: Decimal(c["score"]) for c in attempt.grade["competences"]
    }


@pytest.mark.parametrize(
    ("points", "message"),
    [("13", "va de 0 à 12"), ("-1", "va de 0 à 12"), ("abc", "pas un"), ("7,3", "demi-point")],
)
def test_override_errors_say_why(classroom, db, csrf, points, message):
    client, _, assignment, lea, _ = classroom
    attempt, _ = _wrong(db, lea, assignment)
    token = csrf(client, f"/enseignant/devoirs/{assignment.id}/eleves/{lea.id}")
    page = client.post(
        f"/enseignant/tentatives/{attempt.id}/note",
        data={"points": points, "csrf_token": token},
    )
    assert page.status_code == 400 and message in page.text
    db.expire_all()
    assert db.get(StepAttempt, attempt.id).override_score is None


def test_only_the_latest_attempt_can_be_revised(classroom, db, csrf):
    client, _, assignment, lea, _ = classroom
    first, _ = _wrong(db, lea, assignment)
    _answer(db, lea, assignment)
    token = csrf(client, f"/enseignant/devoirs/{assignment.id}/eleves/{lea.id}")
    page = client.post(
        f"/enseignant/tentatives/{first.id}/note", data={"points": "12", "csrf_token": token}
    )
    assert page.status_code == 400 and "dernière tentative" in page.text


def test_prose_grading_with_the_rubric_then_next_copy(classroom, db, csrf, as_student, new_client):
    client, _, assignment, lea, tom = classroom
    first, second = _prose(db, lea, assignment), _prose(db, tom, assignment, "Bonjour.")
    queue = client.get("/enseignant/a-corriger")
    assert get_mission(MISSION).titre.replace("'", "&#39;") in queue.text
    assert ">2</td>" in queue.text
    start = client.get(f"/enseignant/devoirs/{assignment.id}/corriger", follow_redirects=False)
    assert start.headers["location"].endswith(f"/enseignant/tentatives/{first.id}/grille")
    page = client.get(start.headers["location"])
    assert "Madame, Monsieur, voici votre facture." in page.text
    assert page.text.count('type="number"') == 4 and "autofocus" in page.text
    assert "encore 1 autre copie" in page.text
    token = csrf(client, f"/enseignant/tentatives/{first.id}/grille")
    saved = client.post(
        f"/enseignant/tentatives/{first.id}/grille",
        data={
            "points": ["2", "2.5", "1,5", "1"],
            "commentaire": "Bien, attention à l'échéance.",
            "action": "suivant",
            "csrf_token": token,
        },
        follow_redirects=False,
    )
    assert saved.status_code == 303
    assert (
        client.get(saved.headers["location"], follow_redirects=False)
        .headers["location"]
        .endswith(f"/tentatives/{second.id}/grille")
    )
    db.expire_all()
    graded = db.get(StepAttempt, first.id)
    assert graded.score == Decimal("0.8750")  # 7 / 8
    assert [line["points"] for line in graded.grade["rubrique"]] == ["2", "2.5", "1.5", "1"]
    step = get_mission(MISSION).etapes[1]
    assert _evidence(db, lea) == dict.fromkeys(step.competences, Decimal("0.8750"))
    # The student sees the mark and the comment.
    mission_page = as_student(new_client(), lea).get(f"/eleve/missions/{assignment.id}")
    assert "Note de l'enseignant : 7 / 8" in mission_page.text
    assert "attention à l&#39;échéance" in mission_page.text
    # Last copy graded: « suivant » goes back to the progress table.
    client.post(
        f"/enseignant/tentatives/{second.id}/grille",
        data={"points": ["0", "1", "1", "0"], "action": "suivant", "csrf_token": token},
    )
    done = client.get(f"/enseignant/devoirs/{assignment.id}/corriger", follow_redirects=False)
    assert done.headers["location"].endswith(f"/enseignant/devoirs/{assignment.id}")


def test_saving_and_next_copy_says_whose_mark_was_saved(classroom, db, csrf):
    client, _, assignment, lea, tom = classroom
    first, _ = _prose(db, lea, assignment), _prose(db, tom, assignment, "Bonjour.")
    token = csrf(client, f"/enseignant/tentatives/{first.id}/grille")
    page = client.post(
        f"/enseignant/tentatives/{first.id}/grille",
        data={"points": ["1", "1,5", "1", "1"], "action": "suivant", "csrf_token": token},
    )
    assert page.url.path.endswith("/grille") and "Bernard" in page.text
    assert 'class="message message--succes"' in page.text
    assert "Note de Léa Arnaud enregistrée : 4,5 / 8." in page.text


def test_a_mark_typed_with_a_comma_as_text_is_read(classroom, db, csrf):
    """A browser without the number input sends the mark as typed: « 1,5 »."""
    client, _, assignment, lea, _ = classroom
    attempt = _prose(db, lea, assignment)
    token = csrf(client, f"/enseignant/tentatives/{attempt.id}/grille")
    saved = client.post(
        f"/enseignant/tentatives/{attempt.id}/grille",
        data={"points": ["1,5", " 2,5 ", "1", "0,5"], "action": "rester", "csrf_token": token},
        follow_redirects=False,
    )
    assert saved.status_code == 303
    db.expire_all()
    lines = db.get(StepAttempt, attempt.id).grade["rubrique"]
    assert [line["points"] for line in lines] == ["1.5", "2.5", "1", "0.5"]


@pytest.mark.parametrize(
    ("points", "message"),
    [
        (["3", "0", "0", "0"], "va de 0 à 2"),
        (["1", "1", "1"], "chaque critère"),
        (["1,5"], "La grille a 4 critères et 1 seule note est arrivée"),
        (["1,5", "x", "1", "1"], "« x » n&#39;est pas une note"),
        (["1", "", "1", "1"], "Donnez une note au critère"),
    ],
)
def test_prose_grading_errors_keep_the_typed_values(classroom, db, csrf, points, message):
    client, _, assignment, lea, _ = classroom
    attempt = _prose(db, lea, assignment)
    token = csrf(client, f"/enseignant/tentatives/{attempt.id}/grille")
    page = client.post(
        f"/enseignant/tentatives/{attempt.id}/grille",
        data={"points": points, "commentaire": "Mon commentaire", "csrf_token": token},
    )
    assert page.status_code == 400 and message in page.text
    assert "Mon commentaire" in page.text
    db.expire_all()
    assert db.get(StepAttempt, attempt.id).score is None


def test_an_exercise_attempt_has_no_rubric_page(classroom, db):
    client, _, assignment, lea, _ = classroom
    attempt, _ = _answer(db, lea, assignment)
    assert client.get(f"/enseignant/tentatives/{attempt.id}/grille").status_code == 404


def test_progress_marks_pending_prose_and_gives_the_mark_once_graded(classroom, db, csrf):
    client, _, assignment, lea, _ = classroom
    _answer(db, lea, assignment)
    attempt = _prose(db, lea, assignment)
    page = client.get(f"/enseignant/devoirs/{assignment.id}")
    row = page.text.split("Arnaud Léa</a></th>")[1].split("</tr>")[0]
    assert "score--a-corriger" in row and "<strong>à corriger</strong>" in row
    token = csrf(client, f"/enseignant/devoirs/{assignment.id}")
    client.post(
        f"/enseignant/tentatives/{attempt.id}/grille",
        data={"points": ["2", "3", "2", "1"], "csrf_token": token},
    )
    page = client.get(f"/enseignant/devoirs/{assignment.id}")
    row = page.text.split("Arnaud Léa</a></th>")[1].split("</tr>")[0]
    assert "<strong>12,5</strong>" in row  # 12 + 8 of 32 points: 12,5 / 20


def test_a_teacher_mark_is_shown_back_exactly_everywhere(
    classroom, db, csrf, as_student, new_client
):
    client, _, assignment, lea, _ = classroom
    attempt, _ = _wrong(db, lea, assignment)
    token = csrf(client, f"/enseignant/devoirs/{assignment.id}")
    client.post(
        f"/enseignant/tentatives/{attempt.id}/note", data={"points": "7", "csrf_token": token}
    )
    row = client.get(f"/enseignant/devoirs/{assignment.id}").text.split("Arnaud Léa</a></th>")[1]
    assert ">7</a>" in row.split("</tr>")[0]  # 7/12 kept as 0.5834, never shown 6,9
    seen = as_student(new_client(), lea).get(f"/eleve/missions/{assignment.id}").text
    assert "7 / 12" in seen


def test_a_mark_out_of_one_point_says_point():
    # Teacher audit 11 (French agreement): never « va de 0 à 1 points ».
    from agora.classroom.teacher.grading import _points_value
    from agora.errors import InvalidInput

    with pytest.raises(InvalidInput, match=r"va de 0 à 1 point\.$"):
        _points_value("2", 1, "note « Clarté »")
    with pytest.raises(InvalidInput, match=r"va de 0 à 3 points\.$"):
        _points_value("4", 3, "note « Clarté »")
