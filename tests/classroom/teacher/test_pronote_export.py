"""Marks of one mission for PRONOTE: the columns, the order of the class list, French marks."""

import csv
import io
from datetime import date
from decimal import Decimal

from agora.classroom import service
from agora.content.missions import get_mission
from agora.db import utcnow
from agora.exercise.forms import flatten
from agora.exercise.registry import get_kind
from agora.pronote import COLONNES, Ligne, note_pronote, table

MISSION = "du-devis-a-l-encaissement"


def _rows(response):
    assert response.content.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM
    assert b"\r\n" in response.content
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


def test_marks_as_pronote_shows_them():
    assert [str(note_pronote(Decimal(v))) for v in ["12.50", "20.00", "0.00", "7.125"]] == [
        "12.5",
        "20",
        "0",
        "7.13",
    ]
    sheet = table("Évaluation", [Ligne("Arnaud", "Léa", date(2009, 3, 7), Decimal("12.50"))])
    assert sheet.headers == list(COLONNES) and sheet.rows[0][2] == "07/03/2009"


def test_pronote_csv_of_a_mission(
    client, new_client, db, make_teacher, make_classe, make_student, make_assignment, as_teacher
):
    teacher = make_teacher()
    classe = make_classe(teacher)
    # created out of alphabetical order: the file follows the class list (nom, prénom)
    zoe = make_student(classe, prenom="Zoé", nom="Étienne")
    tom = make_student(classe, prenom="Tom", nom="Bernard")
    lea = make_student(classe, prenom="Léa", nom="Arnaud")
    lea.date_naissance = date(2009, 3, 7)
    db.add(lea)
    assignment = make_assignment(classe, MISSION)
    variant = service.step_variant(lea, get_mission(MISSION), 0)
    right = get_kind("facture").sample_answers(variant.params)[0]
    service.submit_exercise(db, lea, assignment, 0, flatten(right.answer), utcnow())
    prose = service.submit_prose(db, lea, assignment, 1, "Bonjour.", utcnow()).attempt
    service.submit_prose(db, zoe, assignment, 1, "Madame,", utcnow())  # not graded yet
    db.commit()
    from agora.classroom.teacher.grading import grade_prose

    grade_prose(db, prose, ["2", "2", "1", "1"], "", utcnow())
    db.commit()
    url = f"/enseignant/devoirs/{assignment.id}/pronote.csv"

    as_teacher(client, teacher)
    assert url in client.get(f"/enseignant/devoirs/{assignment.id}").text
    response = client.get(url)
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    header, *rows = _rows(response)
    assert header == ["Nom", "Prénom", "Né(e) le", "Note", "Remarque"]
    # (12 + 6) of 32 points -> 11,25 / 20, shown 11,2 as everywhere in the platform
    assert rows == [
        ["Arnaud", "Léa", "07/03/2009", "11,2", ""],
        ["Bernard", "Tom", "", "", "non rendu"],
        ["Étienne", "Zoé", "", "", "à corriger"],
    ]
    assert tom.id and zoe.id
    intruder = as_teacher(new_client(), make_teacher("Marc", "Autre"))
    assert intruder.get(url).status_code == 404
