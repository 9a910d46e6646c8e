"""Exam question statistics: what the class got wrong on each question, and item statistics.

Each graded copy counts (a copy handed in or collected, then graded); the figures of a question
are those of a mission step (agora.classroom.teacher.report.summarize: success rate, mean,
distribution, most frequent diagnostics). Two item statistics of classical test theory:

- **difficulty** (indice de facilité) ``p``: the mean score ratio on the question, from 0 (nobody
  scored) to 1 (everybody had full marks); a high ``p`` is an easy question.
- **discrimination**: the **upper-lower 27 % index** ``D = p(upper) − p(lower)``: the copies are
  ranked by their total points, the top 27 % and the bottom 27 % (at least one copy each) are
  compared on the question. It ranges from −1 to 1; read with Ebel's usual bands (≥ 0,40 très
  discriminante, 0,30–0,39 bonne, 0,20–0,29 à revoir, < 0,20 peu discriminante). Chosen over the
  point-biserial correlation because scores here are partial (not right/wrong), it needs no
  standard deviation that a class of 24 makes unstable, and a teacher can check it by hand.
  Computed from 4 graded copies on (with fewer, the two groups say nothing).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from sqlmodel import Session, col, select

from agora.classroom.models import Student
from agora.classroom.teacher.report import Counted, Summary, diagnostics_of, names_of, summarize
from agora.exam import redaction
from agora.exam.grading import points_of
from agora.exam.models import FINIES, Exam, ExamAnswer, ExamCopy
from agora.exercise.registry import KINDS

PART_GROUPE = Decimal("0.27")
MIN_COPIES = 4
HUNDREDTH = Decimal("0.01")


@dataclass(frozen=True)
class QuestionReport:
    index: int
    titre: str
    kind: str
    niveau: int
    summary: Summary
    difficulty: Decimal | None  # mean score ratio, to the hundredth
    discrimination: Decimal | None  # upper-lower 27 % index, to the hundredth

    @property
    def discrimination_libelle(self) -> str:
        d = self.discrimination
        if d is None:
            return f"trop peu de copies (il en faut {MIN_COPIES})"
        if d >= Decimal("0.4"):
            return "très discriminante"
        if d >= Decimal("0.3"):
            return "bonne"
        if d >= Decimal("0.2"):
            return "à revoir"
        return "peu discriminante"


@dataclass(frozen=True)
class ExamReport:
    exam: Exam
    graded: int  # copies counted
    questions: tuple[QuestionReport, ...]
    en_attente: int = 0  # finished copies left out: a written answer waits for the teacher


def upper_lower_index(copies: list[tuple[Decimal, Decimal]]) -> Decimal | None:
    """D from (total points, score ratio on the question) per copy, ranked as given for ties;
    None with fewer than MIN_COPIES copies."""
    if len(copies) < MIN_COPIES:
        return None
    size = max(1, int((len(copies) * PART_GROUPE).quantize(Decimal(1), ROUND_HALF_UP)))
    ranked = sorted(copies, key=lambda c: c[0], reverse=True)  # stable: ties keep their order
    upper = [ratio for _, ratio in ranked[:size]]
    lower = [ratio for _, ratio in ranked[-size:]]
    return ((sum(upper) - sum(lower)) / size).quantize(HUNDREDTH, ROUND_HALF_UP)


def exam_report(session: Session, exam: Exam) -> ExamReport:
    """The statistics of every question of the exam, over its graded copies (out of all the
    students of the class and of the copies: those who handed nothing in count as not
    answered)."""
    every = list(
        session.exec(select(ExamCopy).where(ExamCopy.exam_id == exam.id).order_by(col(ExamCopy.id)))
    )
    finished = [c for c in every if c.statut in FINIES and c.graded_at is not None]
    in_class = session.exec(select(Student.id).where(Student.classe_id == exam.classe_id))
    expected = len({c.student_id for c in every} | set(in_class))
    answers: dict[tuple[int, int], ExamAnswer] = {
        (a.copy_id, a.question): a
        for a in session.exec(
            select(ExamAnswer).where(col(ExamAnswer.copy_id).in_([c.id for c in finished]))
        )
    }
    # A copy whose written answer waits has no total yet (it would count that answer 0).
    waiting = {a.copy_id for a in answers.values() if redaction.waiting(exam, [a])}
    copies = [c for c in finished if c.id not in waiting]
    names = names_of(session, [c.student_id for c in copies])
    copies.sort(key=lambda c: (names.get(c.student_id, ""), c.id))
    totals = {
        c.id: sum(
            (
                points_of(answers[(c.id, i)].score, int(q["points"]))
                for i, q in enumerate(exam.questions)
                if (c.id, i) in answers
            ),
            Decimal(0),
        )
        for c in copies
    }
    reports = []
    for index, question in enumerate(exam.questions):
        counted = [
            Counted(
                copy.student_id,
                names.get(copy.student_id, ""),
                answer.score if answer.score is not None else Decimal(0),
                diagnostics_of(answer.grade),
                copy.id,
            )
            for copy in copies
            if (answer := answers.get((copy.id, index))) is not None
        ]
        summary = summarize(counted, int(question["points"]), expected)
        ratio = summary.mean_ratio
        reports.append(
            QuestionReport(
                index,
                str(question.get("titre") or KINDS[question["kind"]].TITRE),
                question["kind"],
                int(question["niveau"]),
                summary,
                None if ratio is None else ratio.quantize(HUNDREDTH, ROUND_HALF_UP),
                upper_lower_index(
                    [
                        (totals[c.id], answers[(c.id, index)].score or Decimal(0))
                        for c in copies
                        if (c.id, index) in answers
                    ]
                ),
            )
        )
    return ExamReport(exam, len(copies), tuple(reports), len(waiting))
