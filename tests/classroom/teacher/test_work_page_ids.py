"""The teacher's page of one student's work shows every try of a step, each with its form:
the fields of two tries must not share an HTML id (labels would point at the other try's)."""

from tests.classroom.student.test_mission_page_ids import _ids
from tests.classroom.teacher.test_student_page import _submit


def test_two_tries_of_a_step_keep_their_ids_apart(classroom, db):
    client, _classe, assignment, lea, _tom = classroom
    _submit(db, lea, assignment, correct=False)
    _submit(db, lea, assignment, correct=True)
    page = client.get(f"/enseignant/devoirs/{assignment.id}/eleves/{lea.id}").text
    assert page.count('class="tentative') == 2
    assert [i for i, n in _ids(page).items() if n > 1] == []
