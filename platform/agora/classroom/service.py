"""Student-side rules: which missions a student has, their variants, submitting answers.

Plain functions with the session passed in; they only flush (the request commits).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, col, func, or_, select

from agora.classroom.models import Assignment, AssignmentStudent, StepAttempt, Student
from agora.competency.service import attempt_competences, record_evidence
from agora.content.missions import ExerciseStep, Mission, ProseStep, get_mission, variant_seed
from agora.errors import AttemptLimitReached, DeadlinePassed, InvalidInput
from agora.exercise.answer_names import check_fields
from agora.exercise.base import Grade, Variant, unflatten
from agora.exercise.history import stored_columns
from agora.exercise.registry import get_kind
from agora.exercise.variants import Source, build_variant, documents_of, source_of

PROSE_KIND = "redaction"
PROSE_MAX_LENGTH = 10_000


def step_variant(student: Student, mission: Mission, index: int) -> Variant:
    """This student's variant of the exercise step ``index`` of ``mission``."""
    step = mission.etape(index)
    assert isinstance(step, ExerciseStep)
    seed = variant_seed(student.org_seed, mission.slug, index)
    source = _source(student, mission, step.depuis)
    return build_variant(step.kind, step.niveau, seed, student.org_seed, step.options, source)


def step_documents(student: Student, mission: Mission, index: int) -> dict | None:
    """The earlier steps' documents the step's variant is built on (the quote an invoice
    follows), to show the student's work as the document it made; None for a step alone."""
    step = mission.etape(index)
    if not isinstance(step, ExerciseStep):
        return None
    return documents_of(step.kind, _source(student, mission, step.depuis), student.org_seed)


def _source(student: Student, mission: Mission, depuis: int | None) -> Source | None:
    """The earlier step a step takes its document from (checked when loading), and so on up
    the chain: the quote an invoice follows, the invoice that is recorded."""
    if depuis is None:
        return None
    earlier = mission.etape(depuis - 1)
    assert isinstance(earlier, ExerciseStep)
    seed = variant_seed(student.org_seed, mission.slug, depuis - 1)
    upstream = _source(student, mission, earlier.depuis)
    return source_of(earlier.kind, earlier.niveau, seed, earlier.options, upstream)


def attempt_variant(attempt: StepAttempt) -> Variant:
    """The variant stored with an exercise attempt (the generators are not called)."""
    if attempt.params is None or attempt.enonce is None:
        raise InvalidInput("Cette tentative n'a pas de variante enregistrée.")
    return Variant(
        attempt.kind, attempt.variant_seed, attempt.niveau, attempt.params, attempt.enonce
    )


def current_variant(
    student: Student, mission: Mission, index: int, last: StepAttempt | None
) -> Variant:
    """The variant the student works on: the one stored with their last attempt at this step,
    else today's draw (a step whose kind or level the mission changed since is drawn anew)."""
    step = mission.etape(index)
    assert isinstance(step, ExerciseStep)
    if last is not None and (last.kind, last.niveau) == (step.kind, step.niveau):
        return attempt_variant(last)
    return step_variant(student, mission, index)


def last_attempt(
    session: Session, student: Student, assignment: Assignment, index: int
) -> StepAttempt | None:
    """The student's latest attempt at one step of an assignment, if any."""
    return session.exec(
        select(StepAttempt)
        .where(
            StepAttempt.student_id == student.id,
            StepAttempt.assignment_id == assignment.id,
            StepAttempt.step_index == index,
        )
        .order_by(col(StepAttempt.created_at).desc(), col(StepAttempt.id).desc())
    ).first()


def assignments_for(session: Session, student: Student) -> list[Assignment]:
    """The assignments of the student's class meant for the whole class or for them."""
    targeted = select(AssignmentStudent.assignment_id).where(
        AssignmentStudent.student_id == student.id
    )
    restricted = select(AssignmentStudent.assignment_id)
    query = (
        select(Assignment)
        .where(Assignment.classe_id == student.classe_id)
        .where(or_(col(Assignment.id).not_in(restricted), col(Assignment.id).in_(targeted)))
        .order_by(col(Assignment.due_at).is_(None), col(Assignment.due_at), col(Assignment.id))
    )
    return list(session.exec(query))


def is_assigned(session: Session, assignment: Assignment, student: Student) -> bool:
    """True when the student may see and answer this assignment."""
    if assignment.classe_id != student.classe_id:
        return False
    targets = set(
        session.exec(
            select(AssignmentStudent.student_id).where(
                AssignmentStudent.assignment_id == assignment.id
            )
        )
    )
    return not targets or student.id in targets


def attempts_of(session: Session, student: Student, assignment: Assignment) -> list[StepAttempt]:
    """The student's attempts on an assignment, oldest first."""
    return list(
        session.exec(
            select(StepAttempt)
            .where(StepAttempt.student_id == student.id)
            .where(StepAttempt.assignment_id == assignment.id)
            .order_by(col(StepAttempt.created_at), col(StepAttempt.id))
        )
    )


def corrections_visible(assignment: Assignment, now: datetime) -> bool:
    """May the student see right/wrong and explanations now?"""
    if assignment.corrections == "immediate":
        return True
    if assignment.corrections == "after_due":
        return assignment.due_at is not None and now >= assignment.due_at
    return False


def _check_open(session: Session, student, assignment, index: int, now: datetime) -> int:
    """The number of attempts already used; DomainError when no new one is allowed."""
    if assignment.due_at is not None and now > assignment.due_at:
        raise DeadlinePassed(
            "La date limite de cette mission est passée : réponse non enregistrée."
        )
    used = session.exec(
        select(func.count())
        .select_from(StepAttempt)
        .where(
            StepAttempt.student_id == student.id,
            StepAttempt.assignment_id == assignment.id,
            StepAttempt.step_index == index,
        )
    ).one()
    if used >= assignment.attempts_allowed:
        raise AttemptLimitReached(
            f"Vous avez utilisé vos {assignment.attempts_allowed} tentative"
            f"{'s' if assignment.attempts_allowed > 1 else ''} pour cette étape."
        )
    return used


@dataclass(frozen=True)
class Submitted:
    """A saved attempt, with its grading when the step is graded automatically."""

    attempt: StepAttempt
    grade: Grade | None


def submit_exercise(
    session: Session,
    student: Student,
    assignment: Assignment,
    index: int,
    fields: dict[str, str],
    now: datetime,
) -> Submitted:
    """Grade and keep an answer (FormatErrors, costing no attempt, when it cannot be read),
    with the variant it was graded against: the one of the step's previous attempt, if any.

    A field name the kind's form does not have is refused (InvalidInput) before anything is
    built or stored.
    """
    mission = get_mission(assignment.mission_slug)
    step = mission.etape(index)
    if not isinstance(step, ExerciseStep):
        raise InvalidInput("Cette étape attend un texte rédigé.")
    kind = get_kind(step.kind)
    fields = check_fields(kind.ANSWER_SCHEMA, fields)
    _check_open(session, student, assignment, index, now)
    variant = current_variant(
        student, mission, index, last_attempt(session, student, assignment, index)
    )
    answer = unflatten(fields)
    lecture = kind.parse(answer)  # FormatErrors: nothing is saved, no attempt is spent
    grade = kind.grade_read(variant.params, lecture)  # the answer as read above, not again
    attempt = StepAttempt(
        student_id=student.id,
        assignment_id=assignment.id,
        step_index=index,
        kind=step.kind,
        niveau=step.niveau,
        variant_seed=variant.seed,
        **stored_columns(variant),
        answer=answer,
        grade=grade.to_json(),
        score=grade.score,
        created_at=now,
    )
    session.add(attempt)
    session.flush()
    record_evidence(session, attempt, attempt_competences(attempt))
    return Submitted(attempt, grade)


def submit_prose(
    session: Session,
    student: Student,
    assignment: Assignment,
    index: int,
    texte: str,
    now: datetime,
) -> Submitted:
    """Keep a written answer; it waits for the teacher's grading with the rubric."""
    mission = get_mission(assignment.mission_slug)
    step = mission.etape(index)
    if not isinstance(step, ProseStep):
        raise InvalidInput("Cette étape attend les réponses d'un exercice, pas un texte.")
    texte = texte.strip()
    if not texte:
        raise InvalidInput("Votre texte est vide : rédigez votre réponse avant d'envoyer.")
    if len(texte) > PROSE_MAX_LENGTH:
        raise InvalidInput(f"Votre texte dépasse {PROSE_MAX_LENGTH} caractères : raccourcissez-le.")
    _check_open(session, student, assignment, index, now)
    attempt = StepAttempt(
        student_id=student.id,
        assignment_id=assignment.id,
        step_index=index,
        kind=PROSE_KIND,
        niveau=mission.niveau,
        variant_seed=variant_seed(student.org_seed, mission.slug, index),
        answer={"texte": texte},
        created_at=now,
    )
    session.add(attempt)
    session.flush()
    return Submitted(attempt, None)
