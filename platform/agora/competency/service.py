"""Competency levels: a pure function over weighted evidence scores, plus recording evidence of
mission attempts and of published exam answers.

The rule (docs/competences.md): each piece of evidence weighs by its context (guided level 1
counts 1, level 2 counts 2, level 3 counts 3, an exam question 4); fewer than two pieces give
« en cours d'évaluation », not a level; the weighted average gives the level: < 0.40
« insuffisant »; < 0.60 « fragile »; < 0.80 « satisfaisant »; otherwise « très bon », which
guided practice alone cannot reach (capped at « satisfaisant »). A teacher's level
(positionnement), when given, wins over the computed one.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal

from sqlmodel import Session, col, delete, select

from agora.classroom.models import StepAttempt, Student
from agora.competency.models import CompetencyEvidence
from agora.exam.grading import question_order
from agora.exam.models import FINIES, Exam, ExamAnswer, ExamCopy
from agora.exercise.registry import get_kind


@dataclass(frozen=True)
class Level:
    """One step of the four-level scale of the livret scolaire (plus « non évalué » and
    « en cours d'évaluation », which are not levels: ``rang`` 0)."""

    code: str  # used as a CSS modifier and in exports
    libelle: str
    rang: int  # 0 = no level yet, 1 = insuffisant … 4 = très bon


NON_EVALUE = Level("non-evalue", "non évalué", 0)
EN_COURS = Level("en-cours", "en cours d'évaluation", 0)
INSUFFISANT = Level("insuffisant", "insuffisant", 1)
FRAGILE = Level("fragile", "fragile", 2)
SATISFAISANT = Level("satisfaisant", "satisfaisant", 3)
TRES_BON = Level("tres-bon", "très bon", 4)
LEVELS = (NON_EVALUE, EN_COURS, INSUFFISANT, FRAGILE, SATISFAISANT, TRES_BON)
LEVELS_BY_CODE = {level.code: level for level in LEVELS}
# The four degrees a teacher may set by hand (positionnement).
SCALE = (INSUFFISANT, FRAGILE, SATISFAISANT, TRES_BON)
# (upper bound excluded, level): the first bound above the average gives the level.
THRESHOLDS = (
    (Decimal("0.40"), INSUFFISANT),
    (Decimal("0.60"), FRAGILE),
    (Decimal("0.80"), SATISFAISANT),
)
# Weight of a piece of evidence by context: the mission step's level (1 guided, with help in
# the statement; 2 exam-like; 3 with hazards), an exam question (timed, alone) weighs most.
STEP_WEIGHTS = {1: 1, 2: 2, 3: 3}
EXAM_WEIGHT = 4
GUIDED_WEIGHT = STEP_WEIGHTS[1]
MIN_EVIDENCE = 2  # one try proves little: a level needs at least two pieces of evidence
CONTEXTES = {1: "entraînement guidé (niveau 1)", 2: "niveau 2", 3: "niveau 3 (avec aléas)"}


def evidence_weight(niveau: int | None) -> int:
    """The weight of a piece of evidence: its mission step's level, or None for an exam."""
    if niveau is None:
        return EXAM_WEIGHT
    return STEP_WEIGHTS.get(niveau, STEP_WEIGHTS[3] if niveau > 3 else GUIDED_WEIGHT)


def average(scores: Sequence[Decimal], weights: Sequence[int] | None = None) -> Decimal | None:
    """Mean of the scores (weighted when ``weights`` are given), 4 decimals; None without any."""
    if not scores:
        return None
    weights = list(weights) if weights is not None else [1] * len(scores)
    total = sum((s * w for s, w in zip(scores, weights, strict=True)), Decimal(0))
    return (total / sum(weights)).quantize(Decimal("0.0001"), ROUND_HALF_UP)


def level_of(
    scores: Sequence[Decimal],
    override: Level | None = None,
    weights: Sequence[int] | None = None,
) -> Level:
    """The level shown for a competency: the teacher's when given, else from the weighted
    average of at least MIN_EVIDENCE pieces of evidence (fewer: « en cours d'évaluation »).
    Without ``weights`` every piece weighs the same and none counts as guided practice."""
    if override is not None:
        return override
    if not scores:
        return NON_EVALUE
    if len(scores) < MIN_EVIDENCE:
        return EN_COURS
    level = level_for(average(scores, weights))
    guided_only = weights is not None and max(weights) <= GUIDED_WEIGHT
    return SATISFAISANT if level == TRES_BON and guided_only else level


def level_for(mean: Decimal) -> Level:
    """The level an average score falls in (the thresholds alone, no other rule)."""
    for bound, level in THRESHOLDS:
        if mean < bound:
            return level
    return TRES_BON


@dataclass(frozen=True)
class EvidenceView:
    """One piece of evidence as pages show it: from a mission step or from an exam question."""

    code: str
    score: Decimal
    at: datetime
    attempt_id: int | None = None
    assignment_id: int | None = None
    step_index: int | None = None
    exam_titre: str | None = None
    copy_id: int | None = None
    question: int | None = None  # the question's number as this student saw it (1, 2…)
    niveau: int | None = None  # the mission step's level; None for an exam question

    @property
    def weight(self) -> int:
        return evidence_weight(self.niveau)

    @property
    def contexte(self) -> str:
        """The context as pages name it: « entraînement guidé (niveau 1) », « évaluation »…"""
        return "évaluation" if self.niveau is None else CONTEXTES.get(self.niveau, "mission")


def levels_of(items: Sequence[EvidenceView], override: Level | None = None) -> Level:
    """The level of a competency from its evidence as pages show it (weights included)."""
    return level_of([e.score for e in items], override, [e.weight for e in items])


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


def record_exam_evidence(session: Session, exam: Exam, copy_id: int | None = None) -> None:
    """Replace the evidence of an exam's answers (one copy's, or every copy's) by what they prove.

    Results count only once published: before publication, after it is withdrawn, or while a
    copy is reopened, its answers prove nothing. Each graded answer of a finished copy proves
    the grader's per-competency scores; an unanswered question counts as the exam counts it
    (0 on each competency of its kind). Call after publishing, unpublishing, reopening or
    (re-)grading. Only flushes.
    """
    copies = select(ExamCopy.id).where(ExamCopy.exam_id == exam.id)
    if copy_id is not None:
        copies = copies.where(ExamCopy.id == copy_id)
    answers = select(ExamAnswer.id).where(col(ExamAnswer.copy_id).in_(copies))
    session.exec(
        delete(CompetencyEvidence).where(col(CompetencyEvidence.exam_answer_id).in_(answers))
    )
    if exam.published_at is not None:
        graded = session.exec(
            select(ExamAnswer, ExamCopy)
            .join(ExamCopy, col(ExamCopy.id) == ExamAnswer.copy_id)
            .where(
                col(ExamAnswer.copy_id).in_(copies),
                col(ExamCopy.statut).in_(FINIES),
                col(ExamCopy.graded_at).is_not(None),
            )
        ).all()
        session.add_all(
            CompetencyEvidence(
                student_id=copy.student_id,
                code=code,
                score=score,
                exam_answer_id=answer.id,
                at=copy.finished_at or copy.graded_at,
            )
            for answer, copy in graded
            for code, score in _answer_competences(exam, answer)
        )
    session.flush()


def _answer_competences(exam: Exam, answer: ExamAnswer) -> list[tuple[str, Decimal]]:
    """The grader's per-competency scores; for a blank or unreadable answer (the graders give
    no per-competency score then) the answer's score, 0, on each competency of its kind."""
    graded = [(c["code"], Decimal(c["score"])) for c in (answer.grade or {}).get("competences", [])]
    if graded or answer.score is None:
        return graded
    kind = get_kind(exam.questions[answer.question]["kind"])
    return [(code, answer.score) for code in kind.COMPETENCES]


def student_evidence(session: Session, student: Student) -> dict[str, list[EvidenceView]]:
    """Every piece of evidence of a student, by competency code, oldest first."""
    rows = session.exec(
        select(CompetencyEvidence, StepAttempt, ExamAnswer, Exam)
        .outerjoin(StepAttempt, col(StepAttempt.id) == CompetencyEvidence.attempt_id)
        .outerjoin(ExamAnswer, col(ExamAnswer.id) == CompetencyEvidence.exam_answer_id)
        .outerjoin(ExamCopy, col(ExamCopy.id) == ExamAnswer.copy_id)
        .outerjoin(Exam, col(Exam.id) == ExamCopy.exam_id)
        .where(CompetencyEvidence.student_id == student.id)
        .order_by(col(CompetencyEvidence.at), col(CompetencyEvidence.id))
    ).all()
    by_code: dict[str, list[EvidenceView]] = {}
    for evidence, attempt, answer, exam in rows:
        if attempt is not None:
            source = {
                "attempt_id": attempt.id,
                "assignment_id": attempt.assignment_id,
                "step_index": attempt.step_index,
                "niveau": attempt.niveau,
            }
        else:
            order = question_order(student.org_seed, exam.id, len(exam.questions), exam.melange)
            source = {
                "exam_titre": exam.titre,
                "copy_id": answer.copy_id,
                "question": order.index(answer.question) + 1,
            }
        by_code.setdefault(evidence.code, []).append(
            EvidenceView(evidence.code, evidence.score, evidence.at, **source)
        )
    return by_code
