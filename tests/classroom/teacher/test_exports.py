"""Teacher exports: marks on 20 and competency levels, as CSV (French Excel) and XLSX."""

import csv
import io

import openpyxl
import pytest

from agora.classroom import service
from agora.classroom.teacher.exports import slug
from agora.content.missions import get_mission
from agora.db import utcnow
from agora.exercise.forms import flatten
from agora.exercise.registry import get_kind

MISSION = "du-devis-a-l-encaissement"


@pytest.fixture
def graded(client, db, make_teacher, make_classe, make_student, make_assignment, as_teacher):
    """A class: Léa did the invoice right and her e-mail was graded 6/8; Tom did nothing."""
    teacher = make_teacher()
    classe = make_classe(teacher, nom="1re AGOrA « A »")
    lea = make_student(classe, prenom="Léa", nom="Arnaud")
    make_student(classe, prenom="Tom", nom="Bernard")
    assignment = make_assignment(classe, MISSION)
    make_assignment(classe, "la-paie-de-mars")
    variant = service.step_variant(lea, get_mission(MISSION), 0)
    right = get_kind("facture").sample_answers(variant.params)[0]
    service.submit_exercise(db, lea, assignment, 0, flatten(right.answer), utcnow())
    prose = service.submit_prose(db, lea, assignment, 1, "Bonjour.", utcnow()).attempt
    db.commit()
    from agora.classroom.teacher.grading import grade_prose

    grade_prose(db, prose, ["2", "2", "1", "1"], "", utcnow())
    db.commit()
    as_teacher(client, teacher)
    return client, classe, assignment


def _csv_rows(response):
    assert response.content.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


def test_grades_csv_opens_in_french_spreadsheets(graded):
    client, classe, _ = graded
    response = client.get(f"/enseignant/classes/{classe.id}/notes.csv")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    assert response.headers["content-disposition"] == (
        'attachment; filename="notes-1re-agora-a-2025-2026.csv"'
    )
    header, lea, tom = _csv_rows(response)
    assert header[:3] == ["Nom", "Prénom", "Identifiant"]
    assert header[3].startswith(f"{get_mission(MISSION).titre} (le ") and header[3].endswith("/20")
    assert lea[:3] == ["Arnaud", "Léa", "lea.arnaud"]
    # (12 + 6) of the mission's 32 points -> 11.25 / 20, shown 11,2: rounded down, a mark is
    # never more than what was earned.
    assert lea[3] == "11,2" and lea[4] == "non rendu"
    assert tom[0] == "Bernard" and tom[3:] == ["non rendu", "non rendu"]
    assert b"\r\n" in response.content


def test_grades_xlsx_holds_numbers(graded):
    client, classe, _ = graded
    response = client.get(f"/enseignant/classes/{classe.id}/notes.xlsx")
    assert response.headers["content-disposition"].endswith('.xlsx"')
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("Nom", "Prénom", "Identifiant")
    assert rows[1][0] == "Arnaud" and rows[1][3] == 11.2 and rows[1][4] == "non rendu"
    assert sheet["D2"].number_format == "0.0" and sheet.freeze_panes == "D2"


def test_one_mission_in_detail(graded):
    client, _, assignment = graded
    response = client.get(f"/enseignant/devoirs/{assignment.id}/notes.csv")
    header, lea, tom = _csv_rows(response)
    assert header[3:] == ["Étape 1 /12", "Étape 2 /8", "Étape 3 /12", "Total /32", "Note /20"]
    assert lea[3:] == ["12,0", "6,0", "", "18,0", "11,2"]
    assert tom[3:] == ["", "", "", "", "non rendu"]
    sheet = openpyxl.load_workbook(
        io.BytesIO(client.get(f"/enseignant/devoirs/{assignment.id}/notes.xlsx").content)
    ).active
    assert [c.value for c in sheet[2]][3:] == [12.0, 6.0, None, 18.0, 11.2]


def test_competency_levels_csv_and_xlsx(graded):
    client, classe, _ = graded
    header, lea, tom = _csv_rows(client.get(f"/enseignant/classes/{classe.id}/competences.csv"))
    assert len(header) == 3 + 37 and header[3].startswith("1.1.1 ")
    by_code = {h.split()[0]: value for h, value in zip(header[3:], lea[3:], strict=True)}
    # One piece of evidence each (the invoice, right; the e-mail, 6 / 8): not yet a level.
    assert by_code["1.2.2"] == by_code["1.1.1"] == "en cours d'évaluation"
    assert set(tom[3:]) == {"non évalué"}
    sheet = openpyxl.load_workbook(
        io.BytesIO(client.get(f"/enseignant/classes/{classe.id}/competences.xlsx").content)
    ).active
    assert sheet.max_column == 40 and sheet.cell(3, 4).value == "non évalué"


def test_unknown_format_is_a_404(graded):
    client, classe, _ = graded
    assert client.get(f"/enseignant/classes/{classe.id}/notes.pdf").status_code in (404, 400)


def test_file_names_are_ascii_slugs():
    assert slug("Tle AGOrA « B » 2025") == "tle-agora-b-2025"


FORMULA_NAMES = ['=HYPERLINK("http://x","clic")', "+cmd|' /C calc'!A0", "-1+1", "@SUM(A1)"]


@pytest.mark.parametrize("export", ["notes", "competences"])
def test_formula_names_are_text_in_every_class_export(
    client, make_teacher, make_classe, make_student, make_assignment, as_teacher, export
):
    teacher = make_teacher()
    classe = make_classe(teacher, nom="=1+1")
    for name in FORMULA_NAMES:
        make_student(classe, prenom=name, nom=name)
    make_assignment(classe, MISSION)
    as_teacher(client, teacher)
    base = f"/enseignant/classes/{classe.id}/{export}"
    _, *rows = _csv_rows(client.get(f"{base}.csv"))
    assert sorted(row[0] for row in rows) == sorted("'" + name for name in FORMULA_NAMES)
    sheet = openpyxl.load_workbook(io.BytesIO(client.get(f"{base}.xlsx").content)).active
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
    names = [sheet.cell(r, 1) for r in range(2, sheet.max_row + 1)]
    assert sorted(c.value for c in names) == sorted(FORMULA_NAMES)
    assert all(c.data_type == "s" and c.quotePrefix for c in names)


def test_a_mission_given_to_some_students_only(
    client, db, make_teacher, make_classe, make_student, make_assignment, as_teacher
):
    teacher = make_teacher()
    classe = make_classe(teacher)
    lea = make_student(classe, nom="Arnaud")
    make_student(classe, nom="Bernard")
    assignment = make_assignment(classe, MISSION, students=[lea])
    as_teacher(client, teacher)
    _, lea_row, tom_row = _csv_rows(client.get(f"/enseignant/classes/{classe.id}/notes.csv"))
    assert lea_row[3] == "non rendu" and tom_row[3] == "non attribuée"
    detail = _csv_rows(client.get(f"/enseignant/devoirs/{assignment.id}/notes.csv"))
    assert [row[0] for row in detail[1:]] == ["Arnaud"]
