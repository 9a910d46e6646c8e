"""An exam's marks for PRONOTE: on 20 as French decimals, absent students left blank."""

from __future__ import annotations

import csv
import io
import re

from tests.exam.test_exam_copy_pdf import QUESTIONS, WRONG, _graded_copy


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
