"""Deadlines: fixed at start with extra time, capped by the window, late writes refused, copies
collected and graded at the deadline without any request from the student, re-grading."""

from __future__ import annotations

import re
import threading
from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import Session, select

from agora.calendrier import date_heure
from agora.exam import amenagements, closing, grading
from agora.exam.models import Exam, ExamAnswer, ExamCopy, ExamEvent


def _copy(app, copy_id) -> ExamCopy:
    with Session(app.state.engine) as s:
        return s.get(ExamCopy, copy_id)


T0 = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("amenagement", "minutes", "duree", "expected"),
    [
        ("aucun", 0, 60, 60),
        ("tiers_temps", 0, 60, 80),
        ("tiers_temps", 0, 55, 74),  # 55 + ceil(55/3) = 55 + 19
        ("tiers_temps", 0, 1, 2),
        ("minutes", 15, 60, 75),
        ("minutes", 0, 60, 60),
    ],
)
def test_tiers_temps_arithmetic(amenagement, minutes, duree, expected):
    extra = grading.extra_minutes(amenagement, minutes, duree)
    deadline = grading.deadline_at(T0, duree, extra, T0 + timedelta(hours=5))
    assert deadline == T0 + timedelta(minutes=expected)


def test_deadline_never_past_the_window():
    closes = T0 + timedelta(minutes=70)
    assert grading.deadline_at(T0, 60, 20, closes) == closes


def test_start_applies_extra_time_and_the_window(
    app, client, new_client, db, classe, make_student, make_exam, clock, as_student, start_exam
):
    tiers, late_starter = make_student(classe=classe), make_student(classe=classe)
    exam = make_exam(duree=60, closes=timedelta(minutes=90))
    copies = {c.student_id: c for c in db.exec(select(ExamCopy).where(ExamCopy.exam_id == exam.id))}
    amenagements.set_for_copy(db, copies[tiers.id], "tiers_temps", 0)
    db.commit()
    copy_id = start_exam(as_student(client, tiers), exam.code)
    assert _copy(app, copy_id).deadline == clock() + timedelta(minutes=80)
    clock.advance(minutes=45)
    late_id = start_exam(as_student(new_client(), late_starter), exam.code)
    assert _copy(app, late_id).deadline == exam.closes_at  # capped: 45 + 60 > 90


def test_a_student_cannot_start_outside_the_window(
    client, classe, make_student, make_exam, clock, as_student, token
):
    exam = make_exam(opens=timedelta(minutes=10))
    as_student(client, make_student(classe=classe))
    page = client.post("/examen", data={"code": exam.code, "csrf_token": token(client)})
    assert page.status_code == 400 and "pas encore ouverte" in page.text
    # The student is told when to come back (in Paris time), not only « not yet ».
    assert f"elle ouvre le {date_heure(exam.opens_at)}" in page.text.replace("&#39;", "'")
    clock.advance(hours=4)
    page = client.post("/examen", data={"code": exam.code, "csrf_token": token(client)})
    assert "terminée" in page.text
    wrong = client.post("/examen", data={"code": "ZZZZZZ", "csrf_token": token(client)})
    assert "aucune évaluation de votre classe" in wrong.text


def test_late_saves_and_submissions_are_refused_and_change_nothing(
    app, client, classe, make_student, make_exam, clock, as_student, start_exam, autosave, token
):
    exam = make_exam(duree=10, melange=False)  # question 1 is the facture
    as_student(client, make_student(classe=classe))
    copy_id = start_exam(client, exam.code)
    tok = token(client, f"/examen/copies/{copy_id}/questions/1")
    assert "Enregistré" in autosave(client, copy_id, 1, {"total_ht": "1"}, tok).text
    clock.advance(minutes=10)  # exactly the deadline: closed
    refused = autosave(client, copy_id, 1, {"total_ht": "2"}, tok)
    assert "heure limite est passée" in refused.text and "Enregistré" not in refused.text
    plain = client.post(
        f"/examen/copies/{copy_id}/questions/1", data={"total_ht": "3", "csrf_token": tok}
    )
    assert plain.status_code == 400 and "heure limite est passée" in plain.text
    late = client.post(
        f"/examen/copies/{copy_id}/rendre", data={"csrf_token": tok, "confirmation": "oui"}
    )
    assert late.status_code == 400 and "heure limite est passée" in late.text
    with Session(app.state.engine) as s:
        answers = s.exec(select(ExamAnswer).where(ExamAnswer.copy_id == copy_id)).all()
        saved = [a for a in answers if a.saved_at]
        assert len(saved) == 1 and saved[0].answer == {"total_ht": "1"} and saved[0].saves == 1
        refusals = s.exec(select(ExamEvent).where(ExamEvent.type == "refus")).all()
        assert len(refusals) >= 1
    assert _copy(app, copy_id).statut != "rendue"


def test_an_autosave_brings_back_the_countdown_as_stored_then_the_end_once_refused(
    app, client, classe, make_student, make_exam, clock, as_student, start_exam, autosave, token
):
    """A class that types is not polled for its countdown: each autosave's answer swaps the
    timer in (out of band, which restarts the browser's poll), with the deadline as stored at
    that save, time added included. A refused save swaps in the ended timer (the old one still
    showed minutes left beside « pas enregistré »), which asks once more a moment later and so
    leads the browser to the copy (test_lazy_close_on_read)."""
    exam = make_exam(duree=10, melange=False)
    as_student(client, make_student(classe=classe))
    copy_id = start_exam(client, exam.code)
    tok = token(client, f"/examen/copies/{copy_id}/questions/1")

    def timer_in(answer) -> str | None:
        found = re.search(r'<div id="minuteur"[^>]*>', answer.text)
        return found and found.group(0)

    clock.advance(minutes=2)
    timer = timer_in(autosave(client, copy_id, 1, {"total_ht": "1"}, tok))
    assert 'hx-swap-oob="true"' in timer and 'data-restant="480"' in timer
    with Session(app.state.engine) as s:  # the teacher adds 5 minutes (another process)
        copy = s.get(ExamCopy, copy_id)
        copy.deadline += timedelta(minutes=5)
        s.add(copy)
        s.commit()
    clock.advance(seconds=30)
    assert 'data-restant="750"' in timer_in(autosave(client, copy_id, 1, {"total_ht": "2"}, tok))
    clock.advance(minutes=13)
    refused = autosave(client, copy_id, 1, {"total_ht": "3"}, tok)
    assert "heure limite est passée" in refused.text
    ended = timer_in(refused)
    assert "minuteur--fini" in ended and 'hx-trigger="load delay:4s"' in ended


def test_expired_copies_are_collected_and_graded_without_the_student(
    app,
    client,
    new_client,
    classe,
    make_student,
    make_exam,
    clock,
    as_student,
    start_exam,
    autosave,
    token,
):
    exam = make_exam(duree=15)
    students = [make_student(classe=classe) for _ in range(3)]
    copy_ids = []
    for student in students:
        browser = as_student(new_client(), student)
        copy_id = start_exam(browser, exam.code)
        tok = token(browser, f"/examen/copies/{copy_id}/questions/1")
        autosave(browser, copy_id, 1, {"total_ht": "10,00"}, tok)
        copy_ids.append(copy_id)  # then the browser is closed: no more requests
    clock.advance(minutes=14)
    assert closing.finalise_in_own_transactions(app.state.engine, clock()) == 0
    clock.advance(minutes=1)
    # Several finalisers at once (the background task, a teacher page…): one winner per copy.
    counts = []
    threads = [
        threading.Thread(
            target=lambda: counts.append(
                closing.finalise_in_own_transactions(app.state.engine, clock())
            )
        )
        for _ in range(4)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sum(counts) == 3  # each copy graded by exactly one of them
    for copy_id in copy_ids:
        copy = _copy(app, copy_id)
        assert copy.statut == "relevee" and copy.graded_at is not None and copy.points is not None
        assert copy.finished_at == copy.deadline
    with Session(app.state.engine) as s:
        closes = s.exec(select(ExamEvent).where(ExamEvent.type == "cloture")).all()
        assert len(closes) == 3  # collected once each, whatever the number of finalisers
        answers = s.exec(select(ExamAnswer).where(ExamAnswer.saved_at.is_not(None))).all()
        assert all(a.grade is not None for a in answers)
    assert closing.finalise_in_own_transactions(app.state.engine, clock()) == 0  # idempotent


def test_a_copy_another_process_is_finalising_is_skipped_then_graded_once(
    app, new_client, classe, make_student, make_exam, clock, as_student, start_exam
):
    # Every `agora serve` worker runs the finaliser: on PostgreSQL a copy whose row another
    # process holds is skipped at once (FOR UPDATE SKIP LOCKED), never waited for nor graded
    # twice.
    if app.state.engine.dialect.name != "postgresql":
        pytest.skip("verrou de ligne PostgreSQL")
    exam = make_exam(duree=15)
    copy_id = start_exam(as_student(new_client(), make_student(classe=classe)), exam.code)
    clock.advance(minutes=16)
    engine = app.state.engine
    with engine.connect() as other_process:
        other_process.execute(
            select(ExamCopy.id).where(ExamCopy.id == copy_id).with_for_update()
        ).all()
        assert closing.finalise_one(engine, copy_id, clock()) is False
        assert _copy(app, copy_id).graded_at is None
        other_process.rollback()
    assert closing.finalise_one(engine, copy_id, clock()) is True
    graded_at = _copy(app, copy_id).graded_at
    clock.advance(minutes=1)
    assert closing.finalise_one(engine, copy_id, clock()) is False  # already graded: left alone
    assert _copy(app, copy_id).graded_at == graded_at


def test_lazy_close_on_read(
    app, client, classe, make_student, make_exam, clock, as_student, start_exam, wait_graded
):
    exam = make_exam(duree=5)
    as_student(client, make_student(classe=classe))
    copy_id = start_exam(client, exam.code)
    clock.advance(minutes=6)
    page = client.get(f"/examen/copies/{copy_id}/questions/1")  # redirected to the summary
    assert "Copie relevée" in page.text
    assert wait_graded(copy_id).graded_at is not None  # graded by the woken finaliser
    timer = client.get(f"/examen/copies/{copy_id}/minuteur", headers={"HX-Request": "true"})
    assert "Évaluation terminée" in timer.text and "hx-trigger" not in timer.text  # polling stops
    assert timer.headers["HX-Redirect"].endswith(f"/examen/copies/{copy_id}")


def test_regrade_recomputes_from_stored_answers_and_counts_changes(
    app,
    db,
    client,
    new_client,
    classe,
    make_student,
    make_exam,
    clock,
    as_student,
    start_exam,
    autosave,
    token,
):
    exam = make_exam(duree=15)
    copy_ids = []
    for _ in range(3):
        browser = as_student(new_client(), make_student(classe=classe))
        copy_id = start_exam(browser, exam.code)
        autosave(
            browser, copy_id, 1, {"total_ht": "10,00"}, token(browser, f"/examen/copies/{copy_id}")
        )
        copy_ids.append(copy_id)
    clock.advance(minutes=20)
    closing.finalise_in_own_transactions(app.state.engine, clock())
    # A grader was wrong for one copy: simulate with a stored result that differs.
    with Session(app.state.engine) as s:
        broken = s.get(ExamCopy, copy_ids[1])
        broken.points = broken.points + 3
        s.add(broken)
        s.commit()
    exam_row = db.get(Exam, exam.id)
    assert closing.regrade(db, exam_row, clock()) == (1, 3)
    db.commit()
    assert closing.regrade(db, exam_row, clock()) == (0, 3)


def test_the_countdown_gives_the_real_end_to_the_second_and_warns_in_the_last_5_minutes(
    client, classe, make_student, make_exam, clock, as_student, start_exam
):
    """« fin à 13 h 13 » for a deadline at 13:13:40 made a student stop 40 s early: the end is
    given to the second. From 5 minutes left the timer changes (a class the page styles)."""
    from agora.calendrier import PARIS

    as_student(client, make_student(classe=classe))
    clock.advance(seconds=40 - clock().second)  # started at hh:mm:40
    copy_id = start_exam(client, make_exam(duree=10).code)
    end = (clock() + timedelta(minutes=10)).astimezone(PARIS)
    url = f"/examen/copies/{copy_id}/minuteur"
    timer = client.get(url).text
    assert f"(fin à {end.hour} h {end.minute:02d} min 40 s)" in timer
    assert "minuteur--bientot" not in timer
    clock.advance(minutes=4, seconds=59)  # 5 min 01 s left
    assert "minuteur--bientot" not in client.get(url).text
    clock.advance(seconds=1)
    assert 'class="minuteur minuteur--bientot"' in client.get(url).text
