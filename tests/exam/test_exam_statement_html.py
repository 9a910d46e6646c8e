"""A question page shows the statement rendered when its variant was drawn: a class opening
its first question at the same second renders no Markdown (it was half of the page's CPU),
and a copy drawn before that (no stored rendering) still shows its statement."""

from __future__ import annotations

import sqlalchemy as sa
from sqlmodel import Session, select

from agora import markdown_html
from agora.exam import tirage
from agora.exam.models import ExamAnswer

ONE_QUESTION = {"kind": "facture", "niveau": 2, "points": 2}


def _first_question(app, client, token, exam, monkeypatch) -> tuple[str, int, list[str]]:
    """(the first question page, its copy's id, the Markdown rendered while it was built)."""
    response = client.post(
        "/examen", data={"code": exam.code, "csrf_token": token(client)}, follow_redirects=False
    )
    assert response.status_code == 303
    copy_id = int(response.headers["location"].split("/copies/")[1].split("/")[0])
    markdown_html.markdown.cache_clear()
    rendered: list[str] = []
    render = markdown_html._MARKDOWN.render
    monkeypatch.setattr(
        markdown_html._MARKDOWN, "render", lambda text: rendered.append(text) or render(text)
    )
    page = client.get(response.headers["location"])
    assert page.status_code == 200
    return page.text, copy_id, list(rendered)


def test_the_first_question_shows_the_statement_rendered_when_drawn(
    app, new_client, make_student, classe, make_exam, as_student, token, monkeypatch
):
    student = make_student(classe=classe)
    exam = make_exam(questions=[ONE_QUESTION], melange=False)
    tirage.draw_ahead(app.state.engine, exam.id)  # as the teacher's creation page does
    page, copy_id, rendered = _first_question(
        app, as_student(new_client(), student), token, exam, monkeypatch
    )
    with Session(app.state.engine) as s:
        answer = s.exec(select(ExamAnswer).where(ExamAnswer.copy_id == copy_id)).one()
    assert answer.enonce_html == str(markdown_html.markdown(answer.enonce))
    assert "<table" in answer.enonce_html and answer.enonce_html in page
    assert rendered == []


def test_a_copy_drawn_without_its_rendering_shows_its_statement(
    app, new_client, make_student, classe, make_exam, as_student, token, monkeypatch
):
    student = make_student(classe=classe)
    exam = make_exam(questions=[ONE_QUESTION], melange=False)
    tirage.draw_ahead(app.state.engine, exam.id)
    with Session(app.state.engine) as s:  # as a row drawn before migration 0020
        s.execute(sa.update(ExamAnswer).values(enonce_html=None))
        s.commit()
    page, copy_id, rendered = _first_question(
        app, as_student(new_client(), student), token, exam, monkeypatch
    )
    with Session(app.state.engine) as s:
        answer = s.exec(select(ExamAnswer).where(ExamAnswer.copy_id == copy_id)).one()
    assert answer.enonce_html is None
    assert rendered == [answer.enonce]
    assert str(markdown_html.markdown(answer.enonce)) in page
