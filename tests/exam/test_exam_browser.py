"""In Chromium: a student starts with the code, answers (autosave), the time runs out (the
server clock is moved), the copy is collected and graded; the teacher publishes; the student
reads the correction."""

from __future__ import annotations

import re

import pytest
from sqlmodel import Session, select
from tests.browser_helpers import ON_SQLITE_ONLY, log_in, start_exam, wait_until

from agora.account.models import User
from agora.exam.models import ExamCopy

pytestmark = pytest.mark.browser


def _seconds(shown: str) -> int:
    """« 1 min 05 s » (as the countdown shows it) in seconds."""
    minutes, seconds = re.fullmatch(r"(\d+) min (\d+) s", shown.strip()).groups()
    return int(minutes) * 60 + int(seconds)


def test_timer_runs_out_copy_graded_teacher_publishes_student_reads_correction(
    app,
    db,
    teacher,
    classe,
    make_student,
    make_exam,
    clock,
    uvicorn_server,
    browser_page,
    wait_graded,
):
    student = make_student(classe=classe)
    exam = make_exam(duree=1, questions=[{"kind": "facture", "niveau": 1, "points": 10}])
    login = db.exec(select(User.login).where(User.id == student.user_id)).one()
    base = uvicorn_server(app).url
    page = browser_page

    log_in(page, base, login)
    start_exam(page, base, exam.code.lower())
    assert "Temps restant" in page.locator("#minuteur").inner_text()
    page.evaluate("window.avantSauvegarde = document.getElementById('minuteur')")
    field = page.locator('input[name="total_ht"]')
    field.fill("123,45")
    page.locator("#etat-sauvegarde").filter(has_text="Enregistré à").wait_for()
    # The save's answer brought the countdown back (a new element: htmx's poll restarts).
    assert page.evaluate("document.getElementById('minuteur') !== window.avantSauvegarde")
    assert "Temps restant" in page.locator("#minuteur").inner_text()
    # Between two answers of the server (whose clock this test holds still), the page counts.
    shown = page.locator("#minuteur .minuteur-valeur")
    first = shown.inner_text()
    page.wait_for_timeout(2_100)  # (wait_for_function evaluates a string: the CSP forbids it)
    assert _seconds(shown.inner_text()) < _seconds(first)

    # The time runs out on the server. The student comes back to the tab (phone unlocked,
    # another window closed): the timer asks the server at once, not at its next poll.
    clock.advance(minutes=2)
    page.evaluate("document.dispatchEvent(new Event('visibilitychange'))")
    page.wait_for_url(re.compile(r".*/examen/copies/\d+$"), timeout=5_000)
    page.locator("h2").filter(has_text="Copie relevée").wait_for()
    with Session(app.state.engine) as s:
        copy_id = s.exec(select(ExamCopy.id).where(ExamCopy.student_id == student.id)).one()
    copy = wait_graded(copy_id)
    assert copy.statut == "relevee" and copy.graded_at is not None
    assert "Note" not in page.locator("main").inner_text()

    teacher_page = page.context.browser.new_context(locale="fr-FR").new_page()
    log_in(teacher_page, base, teacher.login)
    teacher_page.goto(f"{base}/enseignant/evaluations/{exam.id}/resultats")
    teacher_page.check("text=Je confirme : chaque élève verra sa note")
    teacher_page.click("text=Publier les résultats")
    teacher_page.locator(".message--succes").filter(has_text="Résultats publiés").wait_for()

    page.reload()
    page.click("text=Voir ma copie corrigée")
    page.wait_for_url(re.compile(r".*/correction$"))
    assert page.locator(".verdict--faux").count() > 0
    assert "/ 20" in page.locator("main").inner_text()


@ON_SQLITE_ONLY  # where the page scrolls to: see ON_SQLITE_ONLY
@pytest.mark.parametrize("largeur", [1280, 390])
def test_the_next_question_opens_on_its_statement_with_the_timer_in_view(
    app, db, classe, make_student, make_exam, uvicorn_server, browser_page, largeur
):
    # « Enregistrer et question suivante » landed on the next question's bottom save status,
    # below empty boxes, with neither the statement nor the timer in view.
    student = make_student(classe=classe)
    exam = make_exam(duree=60, melange=False)
    login = db.exec(select(User.login).where(User.id == student.user_id)).one()
    base = uvicorn_server(app).url
    page = browser_page
    page.set_viewport_size({"width": largeur, "height": 800})
    log_in(page, base, login)
    start_exam(page, base, exam.code)
    page.locator('input[name="total_ht"]').fill("123,45")
    page.click("text=Enregistrer et question suivante")
    page.wait_for_url(re.compile(r".*/questions/2$"))
    page.wait_for_load_state()

    def in_view(selector: str) -> bool:
        box = page.locator(selector).first.bounding_box()
        return box is not None and 0 <= box["y"] < 800

    assert in_view("#titre-question") and in_view("#minuteur")
    # Scrolled down into the long statement, the timer stays in sight.
    page.mouse.wheel(0, 1500)
    wait_until(page, "window.scrollY > 0")
    assert in_view("#minuteur")


@ON_SQLITE_ONLY  # what the page's script does: see ON_SQLITE_ONLY
def test_the_timer_turns_amber_and_says_so_once_at_5_minutes_and_at_1_minute_left(
    app, db, classe, make_student, make_exam, clock, uvicorn_server, browser_page
):
    """Between two polls the page's own count crosses 5:00 (the class and a polite message in
    a live region outside the timer, which every poll replaces), then 1:00."""
    from datetime import timedelta

    from playwright.sync_api import expect

    student = make_student(classe=classe)
    exam = make_exam(duree=60, melange=False)
    login = db.exec(select(User.login).where(User.id == student.user_id)).one()
    base = uvicorn_server(app).url
    page = browser_page
    log_in(page, base, login)
    start_exam(page, base, exam.code)
    timer, said = page.locator("#minuteur"), page.locator("#minuteur-annonce")
    expect(timer).not_to_have_class(re.compile("minuteur--bientot"))
    assert said.inner_text() == "" and timer.get_attribute("aria-live") == "off"

    def left(seconds: int) -> None:
        with Session(app.state.engine) as s:
            copy = s.exec(select(ExamCopy).where(ExamCopy.student_id == student.id)).one()
            copy.deadline = clock() + timedelta(seconds=seconds)
            s.add(copy)
            s.commit()
        page.reload()

    left(302)
    expect(timer).not_to_have_class(re.compile("minuteur--bientot"))
    assert said.inner_text() == ""  # not on arrival: only when the count crosses 5:00
    expect(timer).to_have_class(re.compile("minuteur--bientot"), timeout=5_000)
    expect(said).to_have_text("Il reste 5 minutes.")
    left(62)
    expect(timer).to_have_class(re.compile("minuteur--bientot"))  # from the server
    expect(said).to_have_text("Il reste 1 minute.", timeout=5_000)
