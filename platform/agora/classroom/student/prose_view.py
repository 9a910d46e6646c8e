"""A written step as the student sees it: the parts of its format, filled with what was typed
or last sent, and the pre-checks of the last answer when the step shows them."""

from __future__ import annotations

from agora.classroom.student.views import StepView, _competence_lines
from agora.content.missions import personalise
from agora.exercise.forms import AnswerForm
from agora.exercise.variants import company_for
from agora.redaction import pieces_disponibles
from agora.redaction.formats import document, format_de
from agora.redaction.prechecks import prechecks_de


def prose_view(
    student, assignment, mission, index, attempts, can_submit, show, form, texte
) -> StepView:
    """A written step: the parts of its format, filled with what was typed or last sent."""
    step = mission.etape(index)
    company = company_for(student.org_seed)
    fmt = format_de(step)
    last = attempts[-1] if attempts else None
    if form is None:
        if texte is not None:
            values = {fmt.corps: texte}
        elif last is None:
            values = {}
        elif document(last.answer, step).format is fmt:
            values = dict(last.answer)
        else:  # an answer sent before the step had its parts: its text goes in the body
            values = {fmt.corps: document(last.answer, step).texte}
        form = AnswerForm(values=values)
    form.disabled = not can_submit
    checks = None
    if last is not None and step.prechecks_eleve:
        checks = prechecks_de(last.answer, step, student.org_seed, mission)
    return StepView(
        index,
        step,
        True,
        personalise(step.consigne, company),
        None,
        {},
        form,
        attempts,
        assignment.attempts_allowed,
        can_submit,
        show,
        None,
        _competence_lines(step.competences, None),
        contexte=personalise(step.contexte, company),
        texte=texte or "",  # a poster's comment typed before its file was refused
        redaction=fmt,
        pieces=pieces_disponibles(company, mission, index, student.org_seed),
        prechecks=checks,
        penalite=assignment.penalite_essai,
    )
