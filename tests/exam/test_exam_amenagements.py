"""Extra time (tiers-temps, PAP/PAI) is the student's: set once, given to every exam."""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import Session, select

from agora.classroom.models import Student
from agora.exam.models import ExamCopy


def _copy_of(app, exam_id: int, student_id: int) -> ExamCopy:
    with Session(app.state.engine) as session:
        return session.exec(
            select(ExamCopy).where(ExamCopy.exam_id == exam_id, ExamCopy.student_id == student_id)
        ).one()


def _post(client, csrf, classe, **data):
    page = f"/enseignant/classes/{classe.id}/modifier"
    url = f"/enseignant/classes/{classe.id}/amenagements"
    return client.post(url, data={**data, "csrf_token": csrf(client, page)})


def test_a_students_extra_time_is_set_once_and_given_to_every_exam(
    app,
    db,
    client,
    new_client,
    teacher,
    classe,
    make_student,
    make_exam,
    clock,
    as_teacher,
    as_student,
    start_exam,
    csrf,
):
    tiers, minutes, other = (make_student(classe=classe) for _ in range(3))
    planned = make_exam(opens=timedelta(minutes=-1), duree=60)  # made before: not started yet
    as_teacher(client, teacher)
    page = client.get(f"/enseignant/classes/{classe.id}/modifier")
    assert "Temps supplémentaire aux évaluations" in page.text
    saved = _post(client, csrf, classe, **{
        f"amenagement_{tiers.id}": "tiers_temps",
        f"amenagement_{minutes.id}": "minutes", f"minutes_{minutes.id}": "20",
        f"amenagement_{other.id}": "aucun",
    })  # fmt: skip
    assert "Aménagements enregistrés" in saved.text
    # The exam made before follows; so does one made after, with no per-exam setting.
    db.expire_all()  # the test's own session read the students before the teacher's change
    later = make_exam(opens=timedelta(minutes=-1), duree=60)
    for exam in (planned, later):
        assert _copy_of(app, exam.id, tiers.id).amenagement == "tiers_temps"
        assert _copy_of(app, exam.id, minutes.id).minutes_en_plus == 20
        assert _copy_of(app, exam.id, other.id).amenagement == "aucun"
    copy_id = start_exam(as_student(new_client(), tiers), later.code)
    with Session(app.state.engine) as session:
        assert session.get(ExamCopy, copy_id).deadline == clock() + timedelta(minutes=80)

    # Changed afterwards: the copy already started keeps its deadline.
    _post(client, csrf, classe, **{f"amenagement_{tiers.id}": "aucun"})
    assert _copy_of(app, later.id, tiers.id).amenagement == "tiers_temps"
    assert _copy_of(app, planned.id, tiers.id).amenagement == "aucun"


def test_a_wrong_line_names_the_student_and_saves_nothing(
    app, client, teacher, classe, make_student, as_teacher, csrf
):
    first, second = make_student(classe=classe), make_student(classe=classe, nom="Zidane")
    as_teacher(client, teacher)
    refused = _post(client, csrf, classe, **{
        f"amenagement_{first.id}": "tiers_temps",
        f"amenagement_{second.id}": "minutes", f"minutes_{second.id}": "vingt",
    })  # fmt: skip
    assert refused.status_code == 400 and "Zidane" in refused.text
    assert "nombre entier attendu" in refused.text
    assert 'value="vingt"' in refused.text  # what was typed comes back
    with Session(app.state.engine) as session:
        assert session.get(Student, first.id).amenagement == "aucun"


def test_another_teacher_cannot_set_a_students_extra_time(
    client, make_teacher, classe, make_student, as_teacher, csrf
):
    student = make_student(classe=classe)
    as_teacher(client, make_teacher(prenom="Autre", nom="Prof"))
    token = csrf(client, "/enseignant")
    url = f"/enseignant/classes/{classe.id}/amenagements"
    response = client.post(
        url, data={f"amenagement_{student.id}": "tiers_temps", "csrf_token": token}
    )
    assert response.status_code == 404
