"""One copy whose grading raises stops nothing: the other copies of this exam and of other exams
are graded, the copy is marked « à vérifier » for the teacher, the teacher's pages answer."""

from __future__ import annotations

from sqlmodel import Session, select

from agora.exam import closing, grading
from agora.exam.models import ExamCopy, ExamEvent

POISON = "fait planter le correcteur"


def _poisoned_grader(monkeypatch) -> None:
    real = grading.grade_answer

    def grade_answer(kind, params, answer):
        if POISON in answer.values():
            raise ValueError("un correcteur qui plante")
        return real(kind, params, answer)

    monkeypatch.setattr(grading, "grade_answer", grade_answer)


def _take(browser, exam, value, start_exam, autosave, token) -> int:
    copy_id = start_exam(browser, exam.code)
    tok = token(browser, f"/examen/copies/{copy_id}/questions/1")
    assert "Enregistré" in autosave(browser, copy_id, 1, {"total_ht": value}, tok).text
    return copy_id


def test_a_copy_that_cannot_be_graded_blocks_no_other(
    app,
    monkeypatch,
    new_client,
    db,
    clock,
    teacher,
    classe,
    make_classe,
    make_student,
    make_exam,
    as_student,
    as_teacher,
    start_exam,
    autosave,
    token,
):
    app.state.exam_finaliser_period = 3600  # this test runs the finaliser itself
    _poisoned_grader(monkeypatch)
    other_classe = make_classe(teacher=teacher, nom="1re AGOrA B")
    # In order, so that position 1 is the invoice whose « total_ht » each student types.
    exam = make_exam(duree=10, melange=False)
    other_exam = make_exam(duree=10, melange=False, on_classe=other_classe)
    # The poisoned copy first: the finaliser meets it before the others.
    steps = (start_exam, autosave, token)
    poisoned = _take(as_student(new_client(), make_student(classe=classe)), exam, POISON, *steps)
    healthy = [
        _take(as_student(new_client(), make_student(classe=c)), e, "12,50", *steps)
        for c, e in [(classe, exam), (classe, exam), (other_classe, other_exam)]
    ]
    clock.advance(minutes=10)

    assert closing.finalise_in_own_transactions(app.state.engine, clock()) == 3
    assert closing.finalise_in_own_transactions(app.state.engine, clock()) == 0  # not retried
    with Session(app.state.engine) as session:
        copies = {c.id: c for c in session.exec(select(ExamCopy))}
        marks = session.exec(select(ExamEvent).where(ExamEvent.type == "correction")).all()
    assert all(copies[c].graded_at is not None for c in healthy)
    assert copies[poisoned].graded_at is None and copies[poisoned].statut == "relevee"
    assert copies[poisoned].correction_erreur == "correction impossible : à vérifier"
    assert [m.copy_id for m in marks] == [poisoned]  # in the exam log, once

    prof = as_teacher(new_client(), teacher)
    base = f"/enseignant/evaluations/{exam.id}"
    tok = token(prof, base)
    monitor = prof.get(base)
    assert monitor.status_code == 200 and "correction impossible : à vérifier" in monitor.text
    results = prof.get(base + "/resultats")
    assert results.status_code == 200 and "Correction impossible : à vérifier" in results.text
    for action in ("/cloturer", "/publier", "/recorriger"):
        data = {"csrf_token": tok, "confirmation": "oui"}
        assert prof.post(base + action, data=data).status_code == 200
    assert "Résultats publiés le" in prof.get(base + "/resultats").text
    assert prof.get(f"{base}/copies/{poisoned}/copie.pdf").status_code == 200

    monkeypatch.undo()  # the grader is fixed (an upgrade): « Recorriger » grades the copy
    assert (
        prof.post(base + "/recorriger", data={"csrf_token": tok, "confirmation": "oui"}).status_code
        == 200
    )
    with Session(app.state.engine) as session:
        fixed = session.get(ExamCopy, poisoned)
    assert fixed.graded_at is not None and fixed.correction_erreur is None
    assert "Correction impossible" not in prof.get(base + "/resultats").text
