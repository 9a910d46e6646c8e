"""Teacher grading: revising a mark, grading written answers with the mission's rubric.

Plain functions with the session passed in; they only flush (the request commits). After
each change the student's competency evidence for the step is recorded again, so the
heatmap and the student's « Mes compétences » follow at once.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from decimal import ROUND_CEILING, Decimal
from typing import Any

from sqlmodel import Session, col, select

from agora.authoring.catalog import assignment_mission
from agora.classroom.models import Assignment, Classe, StepAttempt
from agora.classroom.teacher.csv_import import fold
from agora.classroom.teacher.service import latest_attempts, students_of
from agora.competency.service import attempt_competences, record_evidence
from agora.content.missions import ExerciseStep, Mission, ProseStep
from agora.errors import InvalidInput
from agora.exercise.registry import get_kind
from agora.money import parse_decimal

COMMENT_MAX_LENGTH = 2000


def teacher_score(value: Decimal, maximum: int) -> Decimal:
    """A mark typed by the teacher (7 points out of 12) as a score in [0, 1].

    Rounded up to the 4 places a score keeps, so that the points shown back (rounded down)
    are exactly the typed mark: 7/12 -> 0.5834, shown 7, not 6.9.
    """
    return (value / maximum).quantize(Decimal("0.0001"), ROUND_CEILING)


def step_codes(mission: Mission, index: int) -> list[str]:
    """The competencies a step proves: the kind's, or those the prose step lists."""
    step = mission.etape(index)
    if isinstance(step, ProseStep):
        return list(step.competences)
    assert isinstance(step, ExerciseStep)
    return list(get_kind(step.kind).COMPETENCES)


def is_latest(session: Session, attempt: StepAttempt) -> bool:
    """True when no later attempt of the same student at the same step exists."""
    later = session.exec(
        select(StepAttempt.id)
        .where(
            StepAttempt.student_id == attempt.student_id,
            StepAttempt.assignment_id == attempt.assignment_id,
            StepAttempt.step_index == attempt.step_index,
        )
        .order_by(col(StepAttempt.created_at).desc(), col(StepAttempt.id).desc())
    ).first()
    return later == attempt.id


def _comment(text: str) -> str | None:
    text = text.strip()
    if len(text) > COMMENT_MAX_LENGTH:
        raise InvalidInput(f"Le commentaire dépasse {COMMENT_MAX_LENGTH} caractères.")
    return text or None


def _points_value(text: str, maximum: int, what: str) -> Decimal:
    """A typed mark, « 1,5 » as well as « 1.5 »; the refusal says how to write it."""
    try:
        value = parse_decimal(text, what)
    except InvalidInput:
        typed = " ".join(text.split())[:40]
        raise InvalidInput(
            f"« {typed} » n'est pas une {what} : écrivez-la avec un nombre, par exemple 1,5."
        ) from None
    if not 0 <= value <= maximum:
        raise InvalidInput(f"La {what} va de 0 à {maximum} point{'s' if maximum > 1 else ''}.")
    if value * 2 != int(value * 2):
        raise InvalidInput(f"La {what} se donne au demi-point près (par exemple 7,5).")
    return value


def override_score(
    session: Session, attempt: StepAttempt, points_text: str, comment: str, now: datetime
) -> StepAttempt:
    """The teacher's mark (points of the step) replaces the grader's; empty = back to it.

    Only the latest attempt of a step counts, so only it can be revised. The competency
    evidence of the step is recorded again from the revised score.
    """
    if not is_latest(session, attempt):
        raise InvalidInput("Seule la dernière tentative d'une étape compte : revoyez celle-ci.")
    mission = assignment_mission(session, _assignment(session, attempt))
    step = mission.etape(attempt.step_index)
    if points_text.strip():
        value = _points_value(points_text, step.points, "note")
        attempt.override_score = teacher_score(value, step.points)
        attempt.overridden_at = now
    else:
        attempt.override_score = None
        attempt.overridden_at = None
    attempt.override_comment = _comment(comment)
    session.add(attempt)
    session.flush()
    codes = step_codes(mission, attempt.step_index)
    record_evidence(session, attempt, attempt_competences(attempt, codes))
    return attempt


def grade_prose(
    session: Session,
    attempt: StepAttempt,
    criteria_points: Sequence[str],
    comment: str,
    now: datetime,
    criteria_comments: Sequence[str] = (),
) -> StepAttempt:
    """Grade a written answer with the mission's rubric: points and a comment per criterion,
    and a general comment.

    The rubric lines are kept in ``grade`` (« rubrique »: critère, points, max, commentaire,
    competences); the score is their total over the step's points. Each criterion proves its
    own competencies (``Critere.competences``, empty = the step's): see ``rubric_competences``.
    Nothing is saved when a line is refused.
    """
    mission = assignment_mission(session, _assignment(session, attempt))
    step = mission.etape(attempt.step_index)
    if not isinstance(step, ProseStep):
        raise InvalidInput("Cette étape est corrigée automatiquement, pas avec une grille.")
    if not is_latest(session, attempt):
        raise InvalidInput("Seule la dernière tentative d'une étape compte : corrigez celle-ci.")
    lines = rubric_lines(step, criteria_points, criteria_comments)
    general = _comment(comment)
    total = sum((Decimal(line["points"]) for line in lines), Decimal(0))
    score = teacher_score(total, step.points)
    attempt.score = score
    attempt.grade = {
        "kind": attempt.kind,
        "score": str(score),
        "champs": [],
        "diagnostics": [],
        "competences": [
            {"code": code, "score": str(value)}
            for code, value in rubric_competences(step, lines).items()
        ],
        "rubrique": lines,
        "corrige_le": now.isoformat(),
    }
    attempt.override_comment = general
    session.add(attempt)
    session.flush()
    record_evidence(session, attempt, attempt_competences(attempt, step.competences))
    return attempt


def rubric_lines(
    step: ProseStep, criteria_points: Sequence[str], criteria_comments: Sequence[str] = ()
) -> list[dict[str, Any]]:
    """The rubric's lines as typed by the teacher, checked (InvalidInput says which is wrong)."""
    if len(criteria_points) != len(step.rubrique):
        count, got = len(step.rubrique), len(criteria_points)
        arrived = (
            "aucune note n'est arrivée"
            if not got
            else (f"{got} seule note est arrivée" if got == 1 else f"{got} notes sont arrivées")
        )
        raise InvalidInput(
            f"La grille a {count} critère{'s' if count > 1 else ''} et {arrived} : "
            "donnez une note pour chaque critère de la grille."
        )
    comments = list(criteria_comments)[: len(step.rubrique)]
    comments += [""] * (len(step.rubrique) - len(comments))
    lines = []
    for critere, text, remark in zip(step.rubrique, criteria_points, comments, strict=True):
        if not text.strip():
            raise InvalidInput(f"Donnez une note au critère « {critere.critere} ».")
        value = _points_value(text, critere.points, f"note « {critere.critere} »")
        if len(remark.strip()) > COMMENT_MAX_LENGTH:
            raise InvalidInput(
                f"Le commentaire du critère « {critere.critere} » dépasse "
                f"{COMMENT_MAX_LENGTH} caractères."
            )
        lines.append(
            {
                "critere": critere.critere,
                "points": str(value),
                "max": critere.points,
                "commentaire": remark.strip() or None,
                "competences": list(critere.competences or step.competences),
            }
        )
    return lines


def rubric_competences(step: ProseStep, lines: Sequence[dict[str, Any]]) -> dict[str, Decimal]:
    """Each competency's score from the criteria that prove it: their points over their maximum.

    A criterion without competencies proves the step's; a competency of the step that no
    criterion names is proved by the whole rubric (total over the step's points).
    """
    earned: dict[str, Decimal] = {}
    maximum: dict[str, int] = {}
    for line in lines:
        for code in line["competences"]:
            earned[code] = earned.get(code, Decimal(0)) + Decimal(line["points"])
            maximum[code] = maximum.get(code, 0) + line["max"]
    total = sum((Decimal(line["points"]) for line in lines), Decimal(0))
    for code in step.competences:
        if code not in maximum:
            earned[code], maximum[code] = total, step.points
    return {code: teacher_score(earned[code], maximum[code]) for code in earned}


def ungraded_copies(session: Session, assignment: Assignment) -> list[StepAttempt]:
    """Prose answers awaiting grading (latest attempt of each step), by step then name."""
    mission = assignment_mission(session, assignment)
    prose = {i for i, step in enumerate(mission.etapes) if isinstance(step, ProseStep)}
    names = {
        student.id: (fold(user.nom), fold(user.prenom))
        for student, user in students_of(session, session.get(Classe, assignment.classe_id))
    }
    waiting = [
        cell.attempt
        for (student_id, index), cell in latest_attempts(session, assignment).items()
        if index in prose and cell.pending and student_id in names
    ]
    return sorted(waiting, key=lambda a: (a.step_index, names[a.student_id], a.id))


def _assignment(session: Session, attempt: StepAttempt) -> Assignment:
    return session.get(Assignment, attempt.assignment_id)
