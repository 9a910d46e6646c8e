"""A corrected exam copy shows every question's form on one page: two questions of the same
kind must not share an HTML id (a label would name the other question's field); the two
writing questions, left blank, neither."""

from tests.classroom.student.test_mission_page_ids import _ids
from tests.exam.test_exam_copy_pdf import WRONG, _graded_copy

TWO_INVOICES = [
    {"kind": "facture", "niveau": 1, "points": 5},
    {"kind": "facture", "niveau": 2, "points": 5},
    {"kind": "redaction", "mission": "l-appel-du-client", "etape": 1},
    {"kind": "redaction", "mission": "l-appel-du-client", "etape": 1},
]


def test_two_invoices_of_a_copy_keep_their_ids_apart(
    client, db, clock, classe, make_student, make_exam, as_student
):
    exam = make_exam(questions=TWO_INVOICES)
    student = make_student(classe=classe)
    copy, _typed = _graded_copy(db, clock, exam, student, codes={0: WRONG, 1: None})
    page = as_student(client, student).get(f"/examen/copies/{copy.id}/correction").text
    assert "Question 4" in page and page.count('name="corps"') == 2
    assert [i for i, n in _ids(page).items() if n > 1] == []
