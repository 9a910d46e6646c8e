"""An exam's marks for PRONOTE: on 20 as French decimals, absent students left blank."""

from __future__ import annotations

import csv
import io
import re

from tests.exam.test_exam_copy_pdf import IP, QUESTIONS, UA, WRONG, _graded_copy


def test_pronote_csv_of_an_exam(
    client, new_client, db, clock, teacher, classe, make_student, make_exam, as_teacher,
    make_teacher,
):  # fmt: skip
    exam = make_exam(questions=QUESTIONS)
    absent = make_student(classe=classe, prenom="Abel", nom="Absent")
    make_student(classe=classe, prenom="Zoé", nom="Étienne")  # after « Dupont », not after Z
    make_student(classe=classe, prenom="Zack", nom="zorro")
    lea = make_student(classe=classe, prenom="Léa", nom="Œillet")
    # a public service's invoice has no escompte: a mistake any variant can make
    _graded_copy(db, clock, exam, lea, codes={0: WRONG, 1: None})
    clock.advance(hours=3)  # the evaluation is over: who never started is absent
    url = f"/enseignant/evaluations/{exam.id}/pronote.csv"

    as_teacher(client, teacher)
    assert url in client.get(f"/enseignant/evaluations/{exam.id}/resultats").text
    response = client.get(url)
    assert response.status_code == 200 and response.content.startswith(b"\xef\xbb\xbf")
    header, *rows = csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";")
    assert header == ["Nom", "Prénom", "Né(e) le", "Note", "Remarque"]
    assert [row[0] for row in rows] == ["Absent", "Étienne", "Œillet", "zorro"]
    by_name = {row[0]: row for row in rows}
    assert by_name["Absent"][3:] == ["", "absent"] and absent.id
    note = by_name["Œillet"][3]
    assert re.fullmatch(r"\d{1,2}(,\d{1,2})?", note) and by_name["Œillet"][4] == ""
    results = client.get(f"/enseignant/evaluations/{exam.id}/resultats.csv").text
    assert note.rstrip("0").rstrip(",") in results  # the same mark as the results table
    assert as_teacher(new_client(), make_teacher("Marc", "Autre")).get(url).status_code == 404


def _pronote(client, exam) -> dict[str, list[str]]:
    body = client.get(f"/enseignant/evaluations/{exam.id}/pronote.csv").content
    _, *rows = csv.reader(io.StringIO(body.decode("utf-8-sig")), delimiter=";")
    return {row[0]: row[3:] for row in rows}


def _statuts(client, exam) -> dict[str, list[str]]:
    body = client.get(f"/enseignant/evaluations/{exam.id}/resultats.csv").content
    header, *rows = csv.reader(io.StringIO(body.decode("utf-8-sig")), delimiter=";")
    return {row[0]: [row[2], row[header.index("Note /20")]] for row in rows}


def test_nobody_is_absent_before_the_evaluation_is_over_for_them(
    client, db, clock, teacher, classe, make_student, make_exam, as_teacher
):
    from agora.exam import closing, service

    make_student(classe=classe, prenom="Abel", nom="Attente")
    running = make_student(classe=classe, prenom="Bea", nom="Busy")
    done = make_student(classe=classe, prenom="Cyril", nom="Cendu")
    exam = make_exam(questions=QUESTIONS)  # open for 3 hours
    service.start(db, exam, running, clock(), IP, UA)
    _graded_copy(db, clock, exam, done)
    as_teacher(client, teacher)

    rows = _pronote(client, exam)
    assert rows["Attente"] == ["", "pas encore commencée"]  # may still start
    assert rows["Busy"] == ["", "en cours"]
    assert rows["Cendu"][0] != "" and rows["Cendu"][1] == ""
    assert _statuts(client, exam)["Attente"] == ["pas commencée", "pas encore commencée"]
    assert "absent" not in client.get(f"/enseignant/evaluations/{exam.id}/resultats").text

    closing.close_early(db, exam, clock())  # the teacher closes: now nobody may start
    db.commit()
    rows = _pronote(client, exam)
    assert rows["Attente"] == ["", "absent"]
    assert rows["Busy"][1] != "en cours" and rows["Busy"][0] != ""  # collected and graded
    assert _statuts(client, exam)["Attente"] == ["absent", "absent"]


def test_a_student_who_never_started_is_absent_once_the_window_is_over(
    client, db, clock, teacher, classe, make_student, make_exam, as_teacher
):
    make_student(classe=classe, prenom="Abel", nom="Attente")
    exam = make_exam(questions=QUESTIONS)
    as_teacher(client, teacher)
    assert _pronote(client, exam)["Attente"] == ["", "pas encore commencée"]
    clock.advance(hours=3)  # the window closes
    assert _pronote(client, exam)["Attente"] == ["", "absent"]
