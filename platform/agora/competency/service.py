"""Competency levels: a pure function over evidence scores, plus recording evidence of attempts.

Thresholds (docs/competences.md): no evidence « non évalué »; average < 0.40 « insuffisant »;
< 0.60 « fragile »; < 0.80 « satisfaisant »; otherwise « très bon ». A teacher's level, when
given, wins over the average.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal

from sqlmodel import Session, col, delete, select

from agora.classroom.models import CompetencyEvidence, StepAttempt, Student


@dataclass(frozen=True)
class Level:
    """One step of the four-level scale of the lycée professionnel (plus « non évalué »)."""

    code: str  # used as a CSS modifier and in exports
    libelle: str
    rang: int  # 0 = non évalué … 4 = très bon


NON_EVALUE = Level("non-evalue", "non évalué", 0)
INSUFFISANT = Level("insuffisant", "insuffisant", 1)
FRAGILE = Level("fragile", "fragile", 2)
SATISFAISANT = Level("satisfaisant", "satisfaisant", 3)
TRES_BON = Level("tres-bon", "très bon", 4)
LEVELS = (NON_EVALUE, INSUFFISANT, FRAGILE, SATISFAISANT, TRES_BON)
# (upper bound excluded, level): the first bound above the average gives the level.
THRESHOLDS = (
    (Decimal("0.40"), INSUFFISANT),
    (Decimal("0.60"), FRAGILE),
    (Decimal("0.80"), SATISFAISANT),
)


def average(scores: Sequence[Decimal]) -> Decimal | None:
    """Mean of the scores, 4 decimals; None without any."""
    if not scores:
        return None
    return (sum(scores, Decimal(0)) / len(scores)).quantize(Decimal("0.0001"), ROUND_HALF_UP)


def level_of(scores: Sequence[Decimal], override: Level | None = None) -> Level:
    """The level shown for a competency: the teacher's when given, else from the average."""
    if override is not None:
        return override
    mean = average(scores)
    if mean is None:
        return NON_EVALUE
    for bound, level in THRESHOLDS:
        if mean < bound:
            return level
    return TRES_BON


@dataclass(frozen=True)
class EvidenceView:
    """One piece of evidence as pages show it."""

    code: str
    score: Decimal
    at: datetime
    attempt_id: int
    assignment_id: int
    step_index: int


def record_evidence(
    session: Session, attempt: StepAttempt, competences: Iterable[tuple[str, Decimal]]
) -> list[CompetencyEvidence]:
    """Replace the evidence of this student's step by what ``attempt`` proves.

    The latest attempt of a step stands for it (earlier tries do not drag the level down).
    Call again after a teacher overrides the score. Only flushes.
    """
    earlier = select(StepAttempt.id).where(
        StepAttempt.student_id == attempt.student_id,
        StepAttempt.assignment_id == attempt.assignment_id,
        StepAttempt.step_index == attempt.step_index,
    )
    session.exec(delete(CompetencyEvidence).where(col(CompetencyEvidence.attempt_id).in_(earlier)))
    rows = [
        CompetencyEvidence(
            student_id=attempt.student_id,
            code=code,
            score=score,
            attempt_id=attempt.id,
            at=attempt.overridden_at or attempt.created_at,
        )
        for code, score in competences
    ]
    session.add_all(rows)
    session.flush()
    return rows


def attempt_competences(attempt: StepAttempt, step_codes: Sequence[str] = ()):
    """(code, score) pairs an attempt proves.

    The grader's per-competency scores; when the teacher overrode the score, or graded a prose
    step (no per-competency scores), the effective score for each code (``step_codes`` being
    the prose step's competencies). Nothing while a prose step awaits grading.
    """
    score = attempt.effective_score
    if score is None:
        return []
    graded = [
        (c["code"], Decimal(c["score"])) for c in (attempt.grade or {}).get("competences", [])
    ]
    if attempt.override_score is not None or not graded:
        codes = [code for code, _ in graded] or list(step_codes)
        return [(code, score) for code in codes]
    return graded


def student_evidence(session: Session, student: Student) -> dict[str, list[EvidenceView]]:
    """Every piece of evidence of a student, by competency code, oldest first."""
    rows = session.exec(
        select(CompetencyEvidence, StepAttempt)
        .join(StepAttempt, col(StepAttempt.id) == CompetencyEvidence.attempt_id)
        .where(CompetencyEvidence.student_id == student.id)
        .order_by(col(CompetencyEvidence.at), col(CompetencyEvidence.id))
    ).all()
    by_code: dict[str, list[EvidenceView]] = {}
    for evidence, attempt in rows:
        by_code.setdefault(evidence.code, []).append(
            EvidenceView(
                evidence.code,
                evidence.score,
                evidence.at,
                attempt.id,
                attempt.assignment_id,
                attempt.step_index,
            )
        )
    return by_code
