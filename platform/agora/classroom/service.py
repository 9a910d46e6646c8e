"""Student-side rules: which missions a student has, their variants, submitting answers.

Plain functions with the session passed in; they only flush (the request commits).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session, col, func, or_, select

from agora.authoring.catalog import assignment_mission
from agora.classroom.models import (
    Assignment,
    AssignmentStudent,
    StepAttempt,
    StepDisplay,
    Student,
)
from agora.competency.service import attempt_competences, record_evidence
from agora.content.missions import ExerciseStep, Mission, ProseStep, variant_seed
from agora.errors import AttemptLimitReached, DeadlinePassed, InvalidInput, StaleTry
from agora.exercise.answer_names import check_fields
from agora.exercise.base import EmptyAnswer, Grade, Variant, unflatten
from agora.exercise.fields import EMPTY
from agora.exercise.history import stored_columns
from agora.exercise.registry import get_kind
from agora.exercise.variants import Source, build_variant, documents_of, source_of

PROSE_KIND = "redaction"
PROSE_MAX_LENGTH = 10_000


def step_variant(student: Student, mission: Mission, index: int, essai: int = 0) -> Variant:
    """This student's variant of the exercise step ``index`` of ``mission`` for one try."""
    step = mission.etape(index)
    assert isinstance(step, ExerciseStep)
    seed = variant_seed(student.org_seed, mission.slug, index, essai)
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
    return source_of(earlier.kind, earlier.niveau, seed, earlier.options, upstream, depuis)


def attempt_variant(attempt: StepAttempt) -> Variant:
    """The variant stored with an exercise attempt (the generators are not called)."""
    if attempt.params is None or attempt.enonce is None:
        raise InvalidInput("Cette tentative n'a pas de variante enregistrée.")
    return Variant(
        attempt.kind, attempt.variant_seed, attempt.niveau, attempt.params, attempt.enonce
    )


def same_statement(assignment: Assignment, mission: Mission, index: int) -> bool:
    """Does every try of this step answer the same variant? The teacher's choice, or forced for
    a step whose document a later step takes (the rest of the story is built on it)."""
    feeds_later = any(
        isinstance(step, ExerciseStep | ProseStep) and step.depuis == index + 1
        for step in mission.etapes
    )
    return assignment.meme_enonce or feeds_later


def next_variant(
    student: Student,
    assignment: Assignment,
    mission: Mission,
    index: int,
    attempts: list[StepAttempt],
) -> Variant:
    """The variant the student's next try answers, given their tries so far at this step.

    With the same statement on every try: the one stored with the last try (a step whose kind
    or level the mission changed since is drawn anew). Otherwise a new draw per try, as
    PrairieLearn does, so that copying the last correction does not pass for learning."""
    step = mission.etape(index)
    assert isinstance(step, ExerciseStep)
    last = attempts[-1] if attempts else None
    if not same_statement(assignment, mission, index):
        return step_variant(student, mission, index, len(attempts))
    if last is not None and (last.kind, last.niveau) == (step.kind, step.niveau):
        return attempt_variant(last)
    return step_variant(student, mission, index)


def values_visible(assignment: Assignment, now: datetime, used: int) -> bool:
    """May the student see the expected values (not only right or wrong), after ``used`` tries?"""
    due_passed = assignment.due_at is not None and now >= assignment.due_at
    if assignment.corrections == "immediate":
        return True
    if assignment.corrections == "diagnostics":
        return due_passed or used >= assignment.attempts_allowed
    if assignment.corrections == "after_due":
        return due_passed
    return False


def without_values(grade: Grade) -> Grade:
    """The grading as a student may read it before the expected values are released: right or
    wrong per field and the method errors, but no expected value (a wrong field's own message
    often names it: « Attendu : 26,70 € »)."""
    champs = [
        c
        if c.correct or c.message == EMPTY
        else c._replace(attendu=None, message="À revoir : relisez « Ce qu'il faut revoir ».")
        for c in grade.champs
    ]
    return replace(grade, champs=champs)


def penalty_factor(penalite: int, number: int) -> Decimal:
    """What a step's points are worth on try ``number`` (1 = the first) when each extra try
    takes ``penalite`` % of them: 20 % -> 1, 0.8, 0.6… never below 0."""
    return max(Decimal(0), 1 - Decimal(penalite * (number - 1)) / 100)


def counted_score(attempt: StepAttempt | None, number: int, penalite: int) -> Decimal | None:
    """The score an attempt brings to the mark: the grader's, less the penalty of its try
    number; a teacher's revised mark stands as typed (the teacher decided it)."""
    if attempt is None:
        return None
    if attempt.override_score is not None:
        return attempt.override_score
    if attempt.score is None:
        return None
    factor = penalty_factor(penalite, max(number, 1))
    return (attempt.score * factor).quantize(Decimal("0.0001"), ROUND_HALF_UP)


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


def record_display(
    session: Session, student: Student, assignment: Assignment, steps: int, now: datetime
) -> None:
    """Note when the student first saw each of the ``steps`` steps of an assignment (the first
    try's duration runs from there); a step already seen keeps its first time. Only flushes."""
    seen = set(
        session.exec(
            select(StepDisplay.step_index).where(
                StepDisplay.student_id == student.id,
                StepDisplay.assignment_id == assignment.id,
            )
        )
    )
    rows = [
        {"student_id": student.id, "assignment_id": assignment.id, "step_index": i, "shown_at": now}
        for i in range(steps)
        if i not in seen
    ]
    if not rows:
        return
    # Two tabs opening the page at once: the second insert does nothing instead of failing.
    dialect = session.get_bind().dialect.name
    insert = postgresql_insert if dialect == "postgresql" else sqlite_insert
    session.exec(insert(StepDisplay).values(rows).on_conflict_do_nothing())
    session.flush()


def first_displays(
    session: Session, student: Student, assignment: Assignment
) -> dict[int, datetime]:
    """step index -> when the student first saw it."""
    rows = session.exec(
        select(StepDisplay).where(
            StepDisplay.student_id == student.id, StepDisplay.assignment_id == assignment.id
        )
    )
    return {row.step_index: row.shown_at for row in rows}


def corrections_visible(assignment: Assignment, now: datetime) -> bool:
    """May the student see their score, right or wrong per field and the method errors now?
    (The expected values may wait longer: ``values_visible``.)"""
    if assignment.corrections in ("immediate", "diagnostics"):
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
    essai: int | None = None,
) -> Submitted:
    """Grade and keep an answer, with the variant it was graded against: the one of the
    step's previous attempt, if any. FormatErrors, costing no attempt, when it cannot be read,
    or when no field is filled in (EmptyAnswer: a form sent untouched).

    A field name the kind's form does not have is refused (InvalidInput) before anything is
    built or stored. ``essai``, when the form says which try it was shown for (0 = the first),
    must be the try this answer would be: a form left open in another tab while a try was sent
    shows a variant that is no longer the one graded (StaleTry, nothing spent).
    """
    mission = assignment_mission(session, assignment)
    step = mission.etape(index)
    if not isinstance(step, ExerciseStep):
        raise InvalidInput("Cette étape attend un texte rédigé.")
    kind = get_kind(step.kind)
    fields = check_fields(kind.ANSWER_SCHEMA, fields)
    used = _check_open(session, student, assignment, index, now)
    if essai is not None and essai != used:
        raise StaleTry(
            "Cet énoncé n'est plus celui de votre essai : la page a changé depuis. "
            "Rechargez-la pour voir votre nouvel énoncé (aucun essai n'est décompté)."
        )
    if not kind.ANSWER_SCHEMA.saisis(fields):
        raise EmptyAnswer  # a form sent untouched (Enter, a click): no attempt is spent
    attempts = [a for a in attempts_of(session, student, assignment) if a.step_index == index]
    variant = next_variant(student, assignment, mission, index, attempts)
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
    fields: dict[str, str] | str,
    now: datetime,
) -> Submitted:
    """Keep a written answer (the parts of its format: objet, corps…); it waits for the
    teacher's grading with the rubric. FormatErrors (a message per part): nothing is kept."""
    from agora.exercise.variants import company_for
    from agora.redaction import lire, pieces_disponibles
    from agora.redaction.formats import format_de

    mission = assignment_mission(session, assignment)
    step = mission.etape(index)
    if not isinstance(step, ProseStep):
        raise InvalidInput("Cette étape attend les réponses d'un exercice, pas un texte.")
    pieces = pieces_disponibles(company_for(student.org_seed), mission, index, student.org_seed)
    answer = lire(format_de(step), fields, pieces)
    _check_open(session, student, assignment, index, now)
    attempt = StepAttempt(
        student_id=student.id,
        assignment_id=assignment.id,
        step_index=index,
        kind=PROSE_KIND,
        niveau=mission.niveau,
        variant_seed=variant_seed(student.org_seed, mission.slug, index),
        answer=answer,
        created_at=now,
    )
    session.add(attempt)
    session.flush()
    return Submitted(attempt, None)
