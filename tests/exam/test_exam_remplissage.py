"""The question nav of an exam: « Q1 ✓ » only once every field the student sees holds a
value; a question begun is « partielle » with its count (it said ✓ after one field of 30)."""

from __future__ import annotations

import re

from sqlmodel import Session, select

from agora.exam.models import ExamAnswer
from agora.exam.remplissage import fields_shown, remplissage
from agora.exercise.forms import flatten
from agora.exercise.registry import KINDS, form_template


def _nav_q1(html: str) -> str:
    nav = html.split('class="questions-nav"')[1].split("</nav>")[0]
    return re.search(r"<li><a [^>]*>Q1.*?</a>", nav, re.S).group(0)


def test_a_question_is_answered_only_when_all_its_fields_are(
    app, client, make_student, classe, make_exam, as_student, start_exam, autosave, token
):
    as_student(client, make_student(classe=classe))
    exam = make_exam(questions=[{"kind": "facture", "niveau": 2, "points": 8}], melange=False)
    copy_id = start_exam(client, exam.code)
    url = f"/examen/copies/{copy_id}/questions/1"
    with Session(app.state.engine) as s:
        answer = s.exec(select(ExamAnswer).where(ExamAnswer.copy_id == copy_id)).one()
    shown = fields_shown(app.state.templates, form_template("facture"), 2, answer.params)
    assert len(shown) > 5
    expected = remplissage(app.state.templates, form_template("facture"), 2, answer.params, {},
                           "facture").champs  # fmt: skip
    assert 5 < expected <= len(shown)

    lien = _nav_q1(client.get(url).text)
    assert "partielle" not in lien and 'class="complete"' not in lien

    autosave(client, copy_id, 1, {shown[0]: "123,45"}, token(client, url))
    lien = _nav_q1(client.get(url).text)
    assert 'class="complete"' not in lien
    assert f"partielle 1/{expected}" in lien
    assert f"partielle (1 champ sur {expected})" in client.get(f"/examen/copies/{copy_id}").text

    autosave(client, copy_id, 1, dict.fromkeys(shown, "1"), token(client, url))
    lien = _nav_q1(client.get(url).text)
    assert 'class="complete"' in lien and "partielle" not in lien
    assert "complète" in client.get(f"/examen/copies/{copy_id}").text


def test_a_planning_right_with_its_rest_days_left_empty_is_complete(
    app, client, make_student, classe, make_exam, as_student, start_exam, autosave, token
):
    # A weekly planning leaves most cells empty (rest days, closed half-days): the reference
    # answer does too, so the question is « complète » without a shift in every cell.
    as_student(client, make_student(classe=classe))
    exam = make_exam(questions=[{"kind": "planning", "niveau": 2, "points": 8}], melange=False)
    copy_id = start_exam(client, exam.code)
    url = f"/examen/copies/{copy_id}/questions/1"
    with Session(app.state.engine) as s:
        answer = s.exec(select(ExamAnswer).where(ExamAnswer.copy_id == copy_id)).one()
    reference = {
        name: value
        for name, value in flatten(KINDS["planning"].solve(answer.params)).items()
        if str(value).strip()
    }
    shown = fields_shown(app.state.templates, form_template("planning"), 2, answer.params)
    assert len([n for n in shown if n in reference]) < len(shown)  # cells left empty

    autosave(client, copy_id, 1, reference, token(client, url))
    lien = _nav_q1(client.get(url).text)
    assert 'class="complete"' in lien and "partielle" not in lien


def test_the_page_a_start_leads_to_counts_no_field_of_a_question_never_saved(
    app, client, make_student, classe, make_exam, as_student, start_exam, monkeypatch
):
    # A class starting at the same second all open question 1: counting the fields of a
    # question renders its form twice and solves it, once per student and question, and a
    # question never saved is « sans réponse » whatever its form shows.
    from agora.exam import views

    counted = []
    monkeypatch.setattr(views, "remplissage", lambda *args: counted.append(args))
    as_student(client, make_student(classe=classe))
    exam = make_exam(questions=[{"kind": "facture", "niveau": 2, "points": 8}] * 3)
    copy_id = start_exam(client, exam.code)
    page = client.get(f"/examen/copies/{copy_id}/questions/1").text
    assert counted == []
    assert _nav_q1(page).count("sans réponse") == 1 and "partielle" not in page
    assert client.get(f"/examen/copies/{copy_id}").text.count("<td>aucune réponse</td>") == 3
    assert counted == []
