"""A class starting an exam at the same second: each start costs the same few statements,
however many questions the evaluation has (issue 17: the burst start on PostgreSQL)."""

from __future__ import annotations

import sqlalchemy as sa
from sqlmodel import Session, select

from agora.exam.models import ExamAnswer, ExamCopy

ONE_QUESTION = {"kind": "facture", "niveau": 1, "points": 2}


def _start_counting_statements(app, client, token, exam) -> tuple[int, list[str]]:
    """(copy id, every SQL statement the POST of the code sent to the database)."""
    csrf = token(client)  # the code page is read before, as by a student: not counted
    seen: list[str] = []

    def count(conn, cursor, statement, parameters, context, executemany):
        seen.append(statement)

    sa.event.listen(app.state.engine, "before_cursor_execute", count)
    try:
        response = client.post(
            "/examen", data={"code": exam.code, "csrf_token": csrf}, follow_redirects=False
        )
    finally:
        sa.event.remove(app.state.engine, "before_cursor_execute", count)
    assert response.status_code == 303, response.text[:500]
    return int(response.headers["location"].split("/copies/")[1].split("/")[0]), seen


def test_starting_costs_the_same_statements_for_one_question_or_ten(
    app, new_client, make_student, classe, make_exam, as_student, token
):
    counts = {}
    for questions in (1, 10):
        student = make_student(classe=classe)  # in the class already: the copy exists
        exam = make_exam(questions=[ONE_QUESTION] * questions, melange=False)
        client = as_student(new_client(), student)
        copy_id, statements = _start_counting_statements(app, client, token, exam)
        counts[questions] = len(statements)
        with Session(app.state.engine) as s:  # every question's variant stored, as before
            answers = s.exec(select(ExamAnswer).where(ExamAnswer.copy_id == copy_id)).all()
            assert s.get(ExamCopy, copy_id).statut == "en_cours"
        assert sorted(a.question for a in answers) == list(range(questions))
        assert all(a.params and a.enonce and a.answer == {} and a.saves == 0 for a in answers)
    assert counts[10] == counts[1], counts
    assert counts[1] <= 7, counts  # user, student, exam, copy, claim, answers, audit log
