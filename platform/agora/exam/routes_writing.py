"""Teacher pages grading the writing questions of an evaluation with their rubric.

Every route depends on OwnedExam (the teacher's own evaluation, 404 otherwise) and finds the
answer inside that evaluation. A copy is graded once handed in or collected; the results can
be published when every written answer is graded (agora.exam.redaction).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from sqlmodel import Session

from agora.db import SessionDep
from agora.exam import redaction, service, views
from agora.exam.access import ClockDep, OwnedExam
from agora.exam.models import Exam, ExamAnswer, ExamCopy
from agora.web.deps import PostedForm
from agora.web.flash import flash
from agora.web.ids import DbId
from agora.web.rendering import redirect, refused_form, render

router = APIRouter(prefix="/enseignant/evaluations")


@dataclass
class WritingRow:
    answer: ExamAnswer
    copy: ExamCopy
    nom: str
    prenom: str
    titre: str
    points: int


def _rows(session: Session, exam: Exam) -> list[WritingRow]:
    pairs = redaction.answers_to_grade(session, exam)
    names = views.people(session, [copy.student_id for _, copy in pairs])
    rows = [
        WritingRow(answer, copy, *names.get(copy.student_id, ("", "")),
                   exam.questions[answer.question]["titre"],
                   int(exam.questions[answer.question]["points"]))
        for answer, copy in pairs
    ]  # fmt: skip
    return sorted(rows, key=lambda r: (r.answer.question, r.nom, r.prenom, r.copy.id))


@router.get("/{exam_id}/redactions", name="exam_writings")
def writings(request: Request, exam: OwnedExam, session: SessionDep, clock: ClockDep):
    """The written answers of the handed-in copies, graded or waiting."""
    from agora.exam.closing import finalise

    with service.writing(session):
        finalise(session, clock(), exam.id)  # collect the copies past their deadline
    rows = _rows(session, exam)
    waiting = sum(1 for r in rows if r.answer.score is None)
    return render(
        request,
        "exam/teacher/redactions.html",
        views.ctx({"exam": exam, "rows": rows, "waiting": waiting}),
    )


@router.get("/{exam_id}/redactions/{answer_id}", name="exam_writing")
def writing_form(request: Request, exam: OwnedExam, answer_id: DbId, session: SessionDep):
    answer = _answer(session, exam, answer_id)
    return render(request, "exam/teacher/redaction.html", _page(session, exam, answer))


@router.post("/{exam_id}/redactions/{answer_id}", name="exam_writing_grade")
def grade(
    request: Request,
    exam: OwnedExam,
    answer_id: DbId,
    session: SessionDep,
    clock: ClockDep,
    form: PostedForm,
):
    """Save the rubric's points and comments; « suivant » opens the next written answer."""
    answer = _answer(session, exam, answer_id)
    values = {
        "points": [v for v in form.getlist("points") if isinstance(v, str)][:20],
        "commentaires": [v[:2100] for v in form.getlist("commentaires") if isinstance(v, str)][:20],
        "commentaire": str(form.get("commentaire", ""))[:2100],
    }

    def page(error: str):
        return _page(session, exam, answer, values, error)

    with refused_form(request, "exam/teacher/redaction.html", page), service.writing(session):
        redaction.grade_answer(
            session,
            exam,
            answer,
            values["points"],
            values["commentaires"],
            values["commentaire"],
            clock(),
        )
    flash(request, "Rédaction corrigée.")
    if form.get("action") == "suivant":
        following = next((r for r in _rows(session, exam) if r.answer.score is None), None)
        if following is not None:
            url = request.url_for("exam_writing", exam_id=exam.id, answer_id=following.answer.id)
            return redirect(request, url)
    return redirect(request, request.url_for("exam_writings", exam_id=exam.id))


def _answer(session: Session, exam: Exam, answer_id: int) -> ExamAnswer:
    answer = session.get(ExamAnswer, answer_id)
    copy = session.get(ExamCopy, answer.copy_id) if answer is not None else None
    if (
        copy is None
        or copy.exam_id != exam.id
        or not redaction.is_writing(exam.questions[answer.question])
    ):
        raise HTTPException(404, "Cette rédaction n'existe pas dans cette évaluation.")
    return answer


def _page(session: Session, exam: Exam, answer: ExamAnswer, values=None, error=None):
    q = exam.questions[answer.question]
    step = redaction.step_of(q)
    copy = session.get(ExamCopy, answer.copy_id)
    nom, prenom = views.people(session, [copy.student_id]).get(copy.student_id, ("", ""))
    if values is None:
        lines = (answer.grade or {}).get("rubrique", [])
        values = {
            "points": [line["points"].replace(".", ",") for line in lines],
            "commentaires": [line.get("commentaire") or "" for line in lines],
            "commentaire": (answer.grade or {}).get("commentaire") or "",
        }
    context: dict[str, Any] = {
        "exam": exam,
        "answer": answer,
        "copy": copy,
        "nom": nom,
        "prenom": prenom,
        "titre": q["titre"],
        "step": step,
        "values": values,
        "error": error,
        "finie": copy.statut in redaction.FINIES,
    }
    return views.ctx(context)
