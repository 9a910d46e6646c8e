"""Teacher pages of « Ce que la classe a raté »: the report of a step, and the one-click
remediation given from one of its diagnostics.

Same /enseignant prefix as agora.classroom.teacher.routes; OwnedAssignment makes another
teacher's assignment a 404, and the app checks the CSRF token of every POST.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, HTTPException, Request

from agora.classroom.teacher import remediation, report
from agora.classroom.teacher.access import NOT_FOUND, OwnedAssignment, classe_of
from agora.db import SessionDep, utcnow
from agora.errors import UnknownCode
from agora.web.flash import flash
from agora.web.ids import Position
from agora.web.rendering import redirect, refused_form, render

router = APIRouter(prefix="/enseignant")
TEMPLATE = "teacher/step_report.html"


def _report(session, assignment, numero: int) -> report.StepReport:
    try:
        return report.step_report(session, classe_of(session, assignment), assignment, numero - 1)
    except UnknownCode:
        raise HTTPException(404, NOT_FOUND) from None


@router.get("/devoirs/{assignment_id}/etapes/{numero}/bilan", name="teacher_step_report")
def step_report(
    request: Request, assignment: OwnedAssignment, session: SessionDep, numero: Position
):
    return render(request, TEMPLATE, {"report": _report(session, assignment, numero)})


@router.post("/devoirs/{assignment_id}/etapes/{numero}/remediation", name="teacher_remediation")
def give_remediation(
    request: Request,
    assignment: OwnedAssignment,
    session: SessionDep,
    numero: Position,
    diagnostic: Annotated[str, Form(max_length=100)] = "",
):
    """A remediation for exactly the students whose counted answer shows ``diagnostic``."""
    found = _report(session, assignment, numero)

    def page(error: str):
        return {"report": found, "error": error}

    with refused_form(request, TEMPLATE, page):
        given, count = remediation.assign_remediation(
            session, found.classe, assignment, numero - 1, diagnostic, utcnow()
        )
    flash(
        request,
        f"Exercice de remédiation donné à {count} élève{'s' if count > 1 else ''} : "
        "il apparaît sur leur tableau de bord, pas sur celui des autres.",
    )
    return redirect(request, request.url_for("teacher_progress", assignment_id=given.id))
