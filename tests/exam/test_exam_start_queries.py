"""A class starting an exam at the same second, then autosaving: each start, save and hand-in
costs the same few statements, however many questions the evaluation has (issue 17: with 200
students at once on PostgreSQL, each round-trip is CPU on the server's two cores); with the
variants drawn ahead, the start only claims the copy."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from sqlmodel import Session, select

from agora.exam import tirage
from agora.exam.models import ExamAnswer, ExamCopy

ONE_QUESTION = {"kind": "facture", "niveau": 1, "points": 2}


def _counting_statements(app, send) -> tuple[object, list[str]]:
    """(the response of ``send()``, every SQL statement it sent to the database).

    Those of its connection only: a hand-in wakes the background finaliser, whose statements
    run on a connection of its own.
    """
    seen: list[str] = []
    connections: list[object] = []

    def count(conn, cursor, statement, parameters, context, executemany):
        connections.append(connections[0] if connections else conn)
        if conn is connections[0]:
            seen.append(statement)

    sa.event.listen(app.state.engine, "before_cursor_execute", count)
    try:
        response = send()
    finally:
        sa.event.remove(app.state.engine, "before_cursor_execute", count)
    return response, seen


def _start_counting_statements(app, client, token, exam) -> tuple[int, list[str]]:
    """(copy id, every SQL statement the POST of the code sent to the database)."""
    csrf = token(client)  # the code page is read before, as by a student: not counted
    response, seen = _counting_statements(
        app,
        lambda: client.post(
            "/examen", data={"code": exam.code, "csrf_token": csrf}, follow_redirects=False
        ),
    )
    assert response.status_code == 303, response.text[:500]
    return int(response.headers["location"].split("/copies/")[1].split("/")[0]), seen


@pytest.mark.parametrize("ahead", [True, False], ids=["tirage-avance", "tirage-au-debut"])
def test_starting_costs_the_same_statements_for_one_question_or_ten(
    app, new_client, make_student, classe, make_exam, as_student, token, ahead
):
    counts = {}
    for questions in (1, 10):
        student = make_student(classe=classe)  # in the class already: the copy exists
        exam = make_exam(questions=[ONE_QUESTION] * questions, melange=False)
        if ahead:  # as the teacher's creation does (agora.exam.tirage)
            tirage.draw_ahead(app.state.engine, exam.id)
        client = as_student(new_client(), student)
        copy_id, statements = _start_counting_statements(app, client, token, exam)
        counts[questions] = len(statements)
        with Session(app.state.engine) as s:  # every question's variant stored, as before
            answers = s.exec(select(ExamAnswer).where(ExamAnswer.copy_id == copy_id)).all()
            assert s.get(ExamCopy, copy_id).statut == "en_cours"
        assert sorted(a.question for a in answers) == list(range(questions))
        assert all(a.params and a.enonce and a.answer == {} and a.saves == 0 for a in answers)
    assert counts[10] == counts[1], counts
    # user and student, exam and copy (and whether its rows are drawn), claim, audit log;
    # drawn at start: the rows checked once more under the lock, then written
    assert counts[1] <= (4 if ahead else 6), counts


def test_a_save_and_a_hand_in_cost_a_few_statements(
    app, new_client, make_student, classe, make_exam, as_student, token, autosave, wait_graded
):
    """The user, the student, the copy (FOR SHARE on PostgreSQL) and the evaluation in one
    statement; then the answer's two writes and the audit log. SQLite re-reads the copy's
    state after the first write (under its write lock); PostgreSQL's lock already holds it."""
    postgres = app.state.engine.dialect.name == "postgresql"
    student = make_student(classe=classe)
    exam = make_exam(questions=[ONE_QUESTION] * 3, melange=False)
    client = as_student(new_client(), student)
    copy_id, _ = _start_counting_statements(app, client, token, exam)
    csrf = token(client)
    for value in ("12,50", "13,50"):  # the first save of a question and a later one
        response, seen = _counting_statements(
            app, lambda v=value: autosave(client, copy_id, 2, {"total_ht": v}, csrf)
        )
        assert "Enregistré à" in response.text, response.text[:500]
        assert len(seen) == (4 if postgres else 5), seen
    response, seen = _counting_statements(
        app,
        lambda: client.post(
            f"/examen/copies/{copy_id}/rendre",
            data={"csrf_token": csrf, "confirmation": "oui"},
            follow_redirects=False,
        ),
    )
    assert response.status_code == 303, response.text[:500]
    assert len(seen) == (3 if postgres else 4), seen
    with Session(app.state.engine) as s:  # stored as before: the last value, two saves
        answer = s.exec(
            select(ExamAnswer).where(ExamAnswer.copy_id == copy_id, ExamAnswer.question == 1)
        ).one()
        assert (answer.answer, answer.saves) == ({"total_ht": "13,50"}, 2)
        assert s.get(ExamCopy, copy_id).statut == "rendue"
    # The hand-in woke the finaliser: its pass ends before the database is dropped.
    assert wait_graded(copy_id).graded_at is not None


@pytest.mark.parametrize(
    ("page", "statements", "shows"),
    [
        # Where the start leads every browser of the class at the same second.
        ("/questions/1", 2, "Question 1"),
        # Where a hand-in leads, the whole class at the deadline.
        ("", 2, "Avant de rendre"),
        # The countdown every browser asks for every 5 s all exam long (htmx).
        ("/minuteur", 1, "Temps restant"),
    ],
    ids=["question", "copie", "minuteur"],
)
def test_the_pages_a_whole_class_opens_at_once_read_the_copy_in_one_statement(
    app, new_client, make_student, classe, make_exam, as_student, token, page, statements, shows
):
    """The user, the student, the copy and the evaluation in one statement, without a lock
    (these pages only read), then what the page itself needs; another student's copy stays a
    404."""
    student = make_student(classe=classe)
    exam = make_exam(questions=[ONE_QUESTION] * 3, melange=False)
    client = as_student(new_client(), student)
    copy_id, _ = _start_counting_statements(app, client, token, exam)
    url = f"/examen/copies/{copy_id}{page}"
    response, seen = _counting_statements(
        app, lambda: client.get(url, headers={"HX-Request": "true"})
    )
    assert response.status_code == 200 and shows in response.text, response.text[:500]
    assert "HX-Redirect" not in response.headers
    assert len(seen) == statements, seen
    assert not any("FOR SHARE" in statement for statement in seen)
    other = as_student(new_client(), make_student(classe=classe))
    assert other.get(url).status_code == 404
