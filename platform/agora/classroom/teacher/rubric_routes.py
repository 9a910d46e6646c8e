"""Teacher pages around rubric grading: the comment bank (htmx fragments of the grading form)
and anonymous grading (copies numbered, names revealed once all are graded).

Every route depends on TeacherDep and loads the attempt through OwnedAttempt (404 for another
teacher's); a comment bank belongs to the teacher who kept it.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Request
from sqlmodel import Session

from agora.authoring.catalog import assignment_mission
from agora.classroom.models import Assignment, StepAttempt
from agora.classroom.service import PROSE_KIND
from agora.classroom.teacher import anonymous, comment_bank
from agora.classroom.teacher.access import OwnedAssignment, OwnedAttempt, classe_of
from agora.content.missions import ProseStep
from agora.db import SessionDep
from agora.errors import InvalidInput
from agora.web.deps import PostedForm, TeacherDep
from agora.web.ids import DbId
from agora.web.rendering import is_htmx, redirect, render, render_fragment

router = APIRouter(prefix="/enseignant")
FRAGMENT = ("teacher/_banque.html", "banque")


@router.post("/tentatives/{attempt_id}/banque", name="teacher_bank_add")
def bank_add(
    request: Request,
    teacher: TeacherDep,
    attempt: OwnedAttempt,
    session: SessionDep,
    form: PostedForm,
):
    """Keep the comment typed for one line of the rubric (« ligne »: its position, or
    « general ») in the teacher's bank, without saving the grading."""
    step, ligne = _step(session, attempt), str(form.get("ligne", ""))
    critere = _critere(step, ligne)
    if ligne == "general":
        texte = str(form.get("commentaire", ""))
    else:
        typed = [v for v in form.getlist("commentaires") if isinstance(v, str)]
        texte = typed[int(ligne)] if int(ligne) < len(typed) else ""
    message = None
    try:
        comment_bank.save_comment(session, teacher.id, critere, texte[:3000])
    except InvalidInput as error:
        message = str(error)
    return _line(request, session, teacher.id, attempt, step, ligne, message)


@router.post("/tentatives/{attempt_id}/banque/{comment_id}/supprimer", name="teacher_bank_delete")
def bank_delete(
    request: Request,
    teacher: TeacherDep,
    attempt: OwnedAttempt,
    comment_id: DbId,
    session: SessionDep,
    form: PostedForm,
):
    """Remove a comment from the teacher's bank (404 when it is not theirs)."""
    step, ligne = _step(session, attempt), str(form.get("ligne", "general"))
    _critere(step, ligne)
    if comment_bank.delete_comment(session, teacher.id, comment_id) is None:
        raise HTTPException(404, "Ce commentaire n'est pas dans votre banque.")
    return _line(request, session, teacher.id, attempt, step, ligne, None)


def bank_line(
    session: Session, teacher_id: int, attempt: StepAttempt, step: ProseStep, ligne: str, **extra
) -> dict[str, Any]:
    """What the bank of one rubric line shows (the names of teacher/_banque.html)."""
    critere = _critere(step, ligne)
    bank = comment_bank.bank_for(session, teacher_id, [critere])
    cible = "commentaire" if ligne == "general" else f"critere-{int(ligne) + 1}-commentaire"
    return {"attempt": attempt, "ligne": ligne, "cible": cible, "comments": bank[critere]} | extra


def _line(request, session, teacher_id, attempt, step, ligne, message):
    if not is_htmx(request):
        return redirect(request, request.url_for("teacher_grading", attempt_id=attempt.id))
    context = bank_line(session, teacher_id, attempt, step, ligne, message=message, kept=[])
    return render_fragment(request, *FRAGMENT, context)


def _step(session: Session, attempt: StepAttempt) -> ProseStep:
    if attempt.kind != PROSE_KIND:
        raise HTTPException(404, "Cette réponse n'est pas un texte rédigé à corriger.")
    mission = assignment_mission(session, session.get(Assignment, attempt.assignment_id))
    return mission.etape(attempt.step_index)


def _critere(step: ProseStep, ligne: str) -> str:
    if ligne == "general":
        return comment_bank.GENERAL
    if not ligne.isdigit() or int(ligne) >= len(step.rubrique):
        raise HTTPException(400, "Ligne de grille inconnue.")
    return step.rubrique[int(ligne)].critere


# ----------------------------------------------------------------------------- anonymous grading


@router.get("/devoirs/{assignment_id}/corriger-anonyme", name="teacher_grade_next_anonymous")
def grade_next_anonymous(request: Request, assignment: OwnedAssignment, session: SessionDep):
    """The next copy to grade with the names hidden, in the shuffled order; when none is
    left, the page that reveals who wrote which copy."""
    attempt = anonymous.next_anonymous(session, assignment)
    if attempt is None:
        return redirect(
            request, request.url_for("teacher_anonymous_reveal", assignment_id=assignment.id)
        )
    url = request.url_for("teacher_grading", attempt_id=attempt.id)
    return redirect(request, f"{url}?anonyme=1")


@router.get("/devoirs/{assignment_id}/copies-anonymes", name="teacher_anonymous_reveal")
def anonymous_reveal(request: Request, assignment: OwnedAssignment, session: SessionDep):
    page = anonymous.reveal_page(session, classe_of(session, assignment), assignment)
    return render(request, "teacher/anonymous.html", page)
