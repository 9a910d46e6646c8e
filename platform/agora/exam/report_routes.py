"""Teacher page of an exam's question statistics, and the remediation given from one of its
diagnostics (to the students of the exam's class whose copy shows it).

OwnedExam makes another teacher's exam a 404; the app checks the CSRF token of every POST.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, HTTPException, Request

from agora.classroom.models import Classe
from agora.classroom.teacher import remediation
from agora.content.remediation import remediation_slug
from agora.db import SessionDep, utcnow
from agora.errors import InvalidInput
from agora.exam import report, views
from agora.exam.access import NOT_YOUR_EXAM, OwnedExam
from agora.web.flash import flash
from agora.web.ids import Position
from agora.web.rendering import redirect, refused_form, render

router = APIRouter(prefix="/enseignant/evaluations")
TEMPLATE = "exam/teacher/stats.html"


@router.get("/{exam_id}/statistiques", name="exam_stats")
def stats(request: Request, exam: OwnedExam, session: SessionDep):
    return render(request, TEMPLATE, views.ctx(report.exam_report(session, exam)))


@router.post("/{exam_id}/questions/{numero}/remediation", name="exam_remediation")
def give_remediation(
    request: Request,
    exam: OwnedExam,
    session: SessionDep,
    numero: Position,
    diagnostic: Annotated[str, Form(max_length=100)] = "",
):
    """A remediation of the question's kind for exactly the students whose copy shows it."""
    found = report.exam_report(session, exam)
    if numero > len(found.questions):
        raise HTTPException(404, NOT_YOUR_EXAM)
    question = found.questions[numero - 1]

    def page(error: str):
        return views.ctx(found, error=error)

    with refused_form(request, TEMPLATE, page):
        line = next((x for x in question.summary.diagnostics if x.code == diagnostic), None)
        if line is None:
            raise InvalidInput(remediation.NOBODY)
        classe = session.get(Classe, exam.classe_id)
        slug = remediation_slug(question.kind, None, line.code)
        given, count = remediation.give(session, classe, slug, line, utcnow())
    flash(
        request,
        f"Exercice de remédiation donné à {count} élève{'s' if count > 1 else ''} : "
        "il apparaît sur leur tableau de bord, pas sur celui des autres.",
    )
    return redirect(request, request.url_for("teacher_progress", assignment_id=given.id))
