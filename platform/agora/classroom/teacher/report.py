"""What the class got wrong: the report of one step of an assignment for its teacher.

For each step: how many students it counts, the success rate, the mean and the distribution of
the scores, and the most frequent diagnostics (the method errors the kinds name) with the
students concerned. Each student counts once, by their **last graded try** (the one their mark
comes from; a written answer not yet graded does not count). A student succeeds with at least
half of the step's points (``SEUIL_REUSSITE``). Pure summaries here (``summarize``) are shared
with the exam questions' statistics (agora.exam.report); loading is the only database work.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlmodel import Session, col, select

from agora.account.models import User
from agora.authoring.catalog import assignment_mission
from agora.classroom.models import Assignment, Classe, StepAttempt, Student
from agora.classroom.teacher import service as ts
from agora.content.missions import ExerciseStep, Mission, ProseStep
from agora.errors import UnknownCode
from agora.exercise.registry import KINDS

SEUIL_REUSSITE = Decimal("0.5")  # at least half of the points: the step is a success
TRANCHES = 5  # histogram bars: 0–4, 4–8, 8–12, 12–16, 16–20 on 20
TENTH = Decimal("0.1")


@dataclass(frozen=True)
class Counted:
    """One student's answer that counts: their score in [0, 1] and its diagnostics."""

    student_id: int
    nom: str  # « Arnaud Léa », as the progress table writes it
    score: Decimal
    diagnostics: tuple[tuple[str, str], ...]  # (code, the kind's French message)
    ref: int  # the attempt (a mission step) or the copy (an exam question) to link to


@dataclass(frozen=True)
class Tranche:
    """One bar of the histogram: scores from ``bas`` (included) to ``haut`` on 20."""

    bas: int
    haut: int
    count: int
    part: int  # percent of the students counted, the bar's height

    @property
    def libelle(self) -> str:
        return f"de {self.bas} à {self.haut} sur 20"


@dataclass(frozen=True)
class DiagnosticLine:
    """A method error and the students whose counted answer shows it."""

    code: str
    message: str
    students: tuple[Counted, ...]

    def phrase(self, total: int) -> str:
        n = len(self.students)
        return f"{n} élève{'s' if n > 1 else ''} sur {total}"


@dataclass(frozen=True)
class Summary:
    """The figures of one step or one question, over the students counted."""

    points: int
    counted: tuple[Counted, ...]
    expected: int  # the students the step was given to (the class, or those chosen)
    tranches: tuple[Tranche, ...] = field(default=())
    diagnostics: tuple[DiagnosticLine, ...] = field(default=())

    @property
    def answered(self) -> int:
        return len(self.counted)

    @property
    def successes(self) -> int:
        return sum(c.score >= SEUIL_REUSSITE for c in self.counted)

    @property
    def success_rate(self) -> int | None:
        """Percent of the students counted, rounded; None when nobody is."""
        return _percent(self.successes, self.answered) if self.counted else None

    @property
    def perfect(self) -> int:
        """Students with full marks (no wrong field: a method error costs few points)."""
        return sum(c.score >= 1 for c in self.counted)

    @property
    def perfect_rate(self) -> int | None:
        return _percent(self.perfect, self.answered) if self.counted else None

    @property
    def mean_ratio(self) -> Decimal | None:
        if not self.counted:
            return None
        return sum(c.score for c in self.counted) / len(self.counted)

    @property
    def mean_points(self) -> Decimal | None:
        ratio = self.mean_ratio
        return None if ratio is None else (ratio * self.points).quantize(TENTH, ROUND_HALF_UP)

    @property
    def mean_sur_20(self) -> Decimal | None:
        ratio = self.mean_ratio
        return None if ratio is None else (ratio * 20).quantize(TENTH, ROUND_HALF_UP)


def _percent(part: int, whole: int) -> int:
    return int((Decimal(100 * part) / whole).quantize(Decimal(1), ROUND_HALF_UP)) if whole else 0


def tranche_of(score: Decimal) -> int:
    """The bar of a score in [0, 1]: each covers a fifth, full marks fall in the last."""
    return min(TRANCHES - 1, int(score * TRANCHES))


def summarize(counted: Iterable[Counted], points: int, expected: int) -> Summary:
    """The figures of a step or a question from the answers that count."""
    counted = tuple(counted)
    per_bar = Counter(tranche_of(c.score) for c in counted)
    width = 20 // TRANCHES
    tranches = tuple(
        Tranche(i * width, (i + 1) * width, per_bar[i], _percent(per_bar[i], len(counted)))
        for i in range(TRANCHES)
    )
    return Summary(points, counted, expected, tranches, diagnostic_lines(counted))


def diagnostic_lines(counted: Iterable[Counted]) -> tuple[DiagnosticLine, ...]:
    """Each diagnostic with the students showing it, the most frequent first (then by code).
    The message is the kind's, as the students read it (the most common wording)."""
    students: dict[str, list[Counted]] = {}
    messages: dict[str, Counter] = {}
    for answer in counted:
        for code, message in dict(answer.diagnostics).items():
            students.setdefault(code, []).append(answer)
            messages.setdefault(code, Counter())[message] += 1
    lines = [
        DiagnosticLine(code, messages[code].most_common(1)[0][0], tuple(who))
        for code, who in students.items()
    ]
    return tuple(sorted(lines, key=lambda line: (-len(line.students), line.code)))


def diagnostics_of(grade: dict[str, Any] | None) -> tuple[tuple[str, str], ...]:
    """(code, message) of a stored grading JSON's diagnostics (none for a prose answer)."""
    found = (grade or {}).get("diagnostics") or []
    return tuple(
        (str(d["code"]), str(d.get("message", d["code"])))
        for d in found
        if isinstance(d, dict) and "code" in d
    )


# ----------------------------------------------------------------------------- a mission step


@dataclass(frozen=True)
class StepReport:
    classe: Classe
    assignment: Assignment
    mission: Mission
    index: int
    summary: Summary

    @property
    def step(self) -> ExerciseStep | ProseStep:
        return self.mission.etapes[self.index]

    @property
    def kind_title(self) -> str | None:
        step = self.step
        return KINDS[step.kind].TITRE if isinstance(step, ExerciseStep) else None


def last_graded(session: Session, assignment: Assignment, index: int) -> dict[int, StepAttempt]:
    """Student id -> their last graded attempt at the step (the one their mark comes from)."""
    rows = session.exec(
        select(StepAttempt)
        .where(StepAttempt.assignment_id == assignment.id, StepAttempt.step_index == index)
        .order_by(col(StepAttempt.created_at), col(StepAttempt.id))
    )
    return {a.student_id: a for a in rows if a.effective_score is not None}


def step_report(session: Session, classe: Classe, assignment: Assignment, index: int) -> StepReport:
    """The report of step ``index``; UnknownCode (French) when the mission has no such step."""
    mission = assignment_mission(session, assignment)
    if not 0 <= index < len(mission.etapes):
        raise UnknownCode(f"La mission « {mission.titre} » n'a pas d'étape n° {index + 1}.")
    targets = ts.targeted_students(session, assignment)
    students = [
        (s, u) for s, u in ts.students_of(session, classe) if targets is None or s.id in targets
    ]
    attempts = last_graded(session, assignment, index)
    counted = [
        Counted(
            s.id,
            f"{u.nom} {u.prenom}",
            attempts[s.id].effective_score,
            diagnostics_of(attempts[s.id].grade),
            attempts[s.id].id,
        )
        for s, u in students
        if s.id in attempts
    ]
    summary = summarize(counted, mission.etapes[index].points, len(students))
    return StepReport(classe, assignment, mission, index, summary)


def names_of(session: Session, student_ids: Iterable[int]) -> dict[int, str]:
    """Student id -> « Nom Prénom »."""
    ids = set(student_ids)
    if not ids:
        return {}
    rows = session.exec(
        select(Student.id, User.nom, User.prenom)
        .join(User, col(User.id) == Student.user_id)
        .where(col(Student.id).in_(ids))
    )
    return {sid: f"{nom} {prenom}" for sid, nom, prenom in rows}
