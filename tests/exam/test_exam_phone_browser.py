"""In Chromium on a phone: the teacher's « Nouvelle évaluation » and live monitor show every
field and every button without scrolling sideways (each row becomes a card), at 390 px; and a
student answering a long question at 360 × 740 opens its statement in place, the timer and the
field being filled still in view, the autosave going on."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect
from sqlmodel import Session, select
from tests.browser_helpers import (
    ON_SQLITE_ONLY,
    close_statement_bar,
    log_in,
    open_statement_bar,
    start_exam,
)

from agora.account.models import User
from agora.exam.models import RENDUE, ExamCopy

pytestmark = [pytest.mark.browser, ON_SQLITE_ONLY]
PHONE = 390

# Every box's right edge, the page's width, as the browser laid them out.
OUT_OF_VIEW = """(selector) => [...document.querySelectorAll(selector)]
  .map(e => [e.id || e.textContent.trim(), e.getBoundingClientRect()])
  .filter(([, r]) => r.left < 0 || r.right > window.innerWidth)
  .map(([name, r]) => name + ' ' + Math.round(r.left) + '..' + Math.round(r.right))"""


def _log_in_on_a_phone(page, base: str, login: str) -> None:
    page.set_viewport_size({"width": PHONE, "height": 800})
    log_in(page, base, login)


def test_on_a_phone_each_question_of_a_new_exam_shows_all_its_fields(
    live_server, browser_page, teacher, classe
):
    # At 390 px the six exercise selects were squeezed, « Niveau » and « Points » off the right
    # edge of a box that scrolls sideways.
    page = browser_page
    _log_in_on_a_phone(page, live_server, teacher.login)
    page.goto(f"{live_server}/enseignant/evaluations/nouvelle")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE
    fields = "select[id^=q], input[id^=q]"
    assert page.locator(fields).count() == 18
    assert page.evaluate(OUT_OF_VIEW, fields) == []
    # a select is wide enough to read the exercise chosen, not squeezed to its arrow
    assert page.locator("#q0_kind").bounding_box()["width"] >= 200
    # each field is named on its card, the header row being out of sight
    assert page.locator("#q0_niveau").locator("xpath=..").is_visible()
    assert "Niveau" in page.locator("#q0_niveau").locator("xpath=..").inner_text()


def test_on_a_phone_the_live_monitor_shows_every_action_without_scrolling_sideways(
    app,
    client,
    live_server,
    browser_page,
    teacher,
    classe,
    make_student,
    make_exam,
    as_student,
    start_exam,
):
    # At 390 px « + temps » and « Rouvrir » were in the 7th column, reached only by scrolling
    # the table sideways.
    exam = make_exam()
    make_student(classe=classe, prenom="Aline", nom="Attente")  # not started: its aménagement
    as_student(client, make_student(classe=classe, prenom="Bruno", nom="Encours"))
    start_exam(client, exam.code)
    client.cookies.clear()
    as_student(client, make_student(classe=classe, prenom="Chloé", nom="Rendue"))
    handed_in = start_exam(client, exam.code)
    with Session(app.state.engine) as s:
        copy = s.get(ExamCopy, handed_in)
        copy.statut = RENDUE
        s.add(copy)
        s.commit()

    page = browser_page
    _log_in_on_a_phone(page, live_server, teacher.login)
    page.goto(f"{live_server}/enseignant/evaluations/{exam.id}")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE
    actions = "#suivi button, #suivi input:not([type=hidden]), #suivi select"
    names = page.locator("#suivi button").all_inner_texts()
    assert {"+ temps", "Rouvrir", "OK"} <= set(names), names
    assert page.evaluate(OUT_OF_VIEW, actions) == []


def test_on_a_phone_a_questions_statement_opens_over_its_form_without_hiding_the_timer(
    app, db, classe, make_student, make_exam, uvicorn_server, browser_page
):
    # Level 3 of budget_tresorerie at 360 px: on exam day the student scrolled 5 000 px of
    # invoices and payroll up from September's line to read a figure, then down again, the
    # sticky timer over it all.
    exam = make_exam(questions=[{"kind": "budget_tresorerie", "niveau": 3, "points": 10}])
    student = make_student(classe=classe)
    login = db.exec(select(User.login).where(User.id == student.user_id)).one()
    base = uvicorn_server(app).url
    page = browser_page
    page.set_viewport_size({"width": 360, "height": 740})
    log_in(page, base, login)
    start_exam(page, base, exam.code)

    months = page.locator('form[data-sauvegarde] input[name$=".tresorerie_fin"]')
    last = months.nth(months.count() - 1)
    last.fill("-1250,40")  # the last month's closing cash, under zero
    # the bar after the buttons in the keyboard's order: Tab from the last field saves first
    page.locator("form[data-sauvegarde] .champ :is(input, select)").last.press("Tab")
    expect(page.locator("button:focus")).to_have_text("Enregistrer")
    last.focus()

    scope = "form[data-sauvegarde]"
    bar = open_statement_bar(page, scope, last, "Énoncé de la question 1", "Trésorerie au début")
    # the timer and the save status, in the sticky header, stay above the open statement
    panel = bar[0].bounding_box()
    for status in ("#minuteur", "#etat-sauvegarde"):
        box = page.locator(status).bounding_box()
        assert box["y"] >= 0 and box["y"] + box["height"] <= panel["y"], status
    assert panel["y"] + panel["height"] <= 740 + 1
    # the autosave goes on: what was typed is stored, and says so
    expect(page.locator("#etat-sauvegarde")).to_contain_text("Enregistré à")
    expect(bar[2]).to_be_visible()
    close_statement_bar(page, bar, last)
    assert last.input_value() == "-1250,40"
